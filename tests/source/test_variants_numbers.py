"""Accepted spellings of Russian names (mtqa.source.names.variant_key) and number readings
added in session 3 (mtqa.source.numbers.compare)."""
import pytest

from mtqa.source.names import expected_forms, variant_key
from mtqa.source.numbers import compare


@pytest.mark.parametrize("a, b", [
    ("Mamayev", "Mamaev"),          # BGN/PCGN ye after a vowel, ICAO e
    ("Zaytsev", "Zaitsev"),         # й y / i
    ("Nadya", "Nadia"),             # я ya / ia
    ("Valeriya", "Valeria"),        # ия iya / ia
    ("Valeriia", "Valeria"),        # ICAO iia
    ("Prokopyev", "Prokopiev"),     # ье yе / ie
    ("Aleksandra", "Alexandra"),    # кс ks / x
    ("Alidzhan", "Alijan"),         # дж dzh / j
    ("Yegor", "Egor"),              # initial е ye / e
    ("Dmitriy", "Dmitry"),          # ий iy / y
    ("Pyotr", "Petr"),              # ё yo / e
    ("Yuriy", "Iurii"),             # ю yu / iu, ий iy / ii
])
def test_documented_spellings_share_a_key(a, b):
    assert variant_key(a) == variant_key(b)


@pytest.mark.parametrize("a, b", [
    ("Gorobchenko", "Gorbchenko"), ("Zaytsev", "Zaytsov"), ("Shnurov", "Snurov"),
    ("Loznitsa", "Loznita"), ("Nastya", "Nasty"), ("Gavrilita", "Gavrylita"),
])
def test_misspellings_keep_their_own_key(a, b):
    assert variant_key(a) != variant_key(b)


def test_ukrainian_plain_romanisation_carries_its_russian_style_rendering():
    expected = expected_forms("Гавриліти", "uk")
    assert "Havrylita" in expected.forms and "Gavrilita" in expected.russian_style


def test_russian_name_accepts_the_ukrainian_reading():
    assert "Kurylenko" in expected_forms("Куриленко", "ru").accepted
    assert expected_forms("Мышкин", "ru").accepted == ()  # ы: no Ukrainian reading


@pytest.mark.parametrize("source, target", [
    ("В районе более четырехсот улиц.", "The district has more than 400 streets."),
    ("Забронировал двухместный столик.", "I booked a 2 person table."),
    ("Факс: +7 (495) 229 62 01", "Fax: +7 (495) 229-6201"),
])
def test_source_number_readings(source, target):
    assert compare(source, target, "ru") == []


def test_a_changed_number_is_still_reported():
    assert compare("В районе более четырехсот улиц.", "The district has 500 streets.", "ru")
