"""Fixture tests of the locale-* rules."""
from tests.conftest import flagged


# ---- locale-thousands-dot --------------------------------------------------------------------

def test_thousands_dot_flags_certain_cases(audit):
    text = ("Kherson had 280.000 residents. About 1.500.000 fled; 1.500 people stayed. "
            "A ticket costs Rp 10.500 and 1.234,56 euros were paid.")
    found = audit(text, "locale-thousands-dot")
    assert flagged(found, text) == ["280.000", "1.500.000", "1.500", "10.500", "1.234,56"]
    assert [f.suggestions[0] for f in found] == [
        "280,000", "1,500,000", "1,500", "10,500", "1,234.56"]
    assert not any(f.safe for f in found)


def test_thousands_dot_leaves_english_decimals_and_non_quantities_alone(audit):
    text = ("The Czech Republic spent 2.626 billion crowns. Fuel costs $3.499 a litre. "
            "Install version 2.100 from 192.168.100.200. She hit a batting average of 1.000. "
            "The train left at 20.40 on 08.02.2023, and 280,000 and 1.5 million are fine.")
    assert audit(text, "locale-thousands-dot") == []


# ---- locale-decimal-comma --------------------------------------------------------------------

def test_decimal_comma_flags_non_thousands_groups(audit):
    text = "Growth was 31,8% and 1,5 million people waited 3-3,5 months; 0,125 of it."
    found = audit(text, "locale-decimal-comma")
    assert flagged(found, text) == ["31,8", "1,5", "3,5", "0,125"]
    assert [f.suggestions[0] for f in found] == ["31.8", "1.5", "3.5", "0.125"]


def test_decimal_comma_leaves_thousands_lists_and_pairs_alone(audit):
    text = ("Kherson had 280,000 residents. See articles 3,4 and the inputs [1,1] and (0,1); "
            "the series 1,2,3 and 12,500 votes.")
    assert audit(text, "locale-decimal-comma") == []


# ---- locale-abbreviation ---------------------------------------------------------------------

def test_abbreviation_flags_source_scale_words_after_figures(audit):
    text = "Losses reached 5 juta rupiah, 2 млрд hryvnias and 10 тыс. tonnes, or 10 tys. zł."
    found = audit(text, "locale-abbreviation")
    assert flagged(found, text) == ["juta", "млрд", "тыс.", "tys."]
    assert [f.suggestions[0] for f in found] == ["million", "billion", "thousand", "thousand"]


def test_abbreviation_keeps_a_sentence_final_dot(audit):
    text = "The budget is 10 тыс. The rest went elsewhere."
    found = audit(text, "locale-abbreviation")
    assert flagged(found, text) == ["тыс"]


def test_abbreviation_leaves_words_without_figures_and_rupiah_alone(audit):
    text = "Juta is a name, the ribu market opened, and Rp 10 billion was paid; 95 mln is house style."
    assert audit(text, "locale-abbreviation") == []


def test_mln_rule_is_off_by_default_and_flags_when_selected(audit):
    text = "Traffic was 95.2 mln people and 38.8 bln rubles."
    assert all(f.rule != "locale-mln-abbreviation" for f in audit(text))
    found = audit(text, "locale-mln-abbreviation")
    assert flagged(found, text) == ["mln", "bln"]
    assert [f.suggestions[0] for f in found] == ["million", "billion"]


# ---- locale-date -----------------------------------------------------------------------------

def test_date_flags_ambiguous_slash_dates_day_first_for_day_first_sources(audit):
    text = "The auction begins on 05/07/2022 at 9 p.m."
    found = audit(text, "locale-date", source_lang="uk")
    assert flagged(found, text) == ["05/07/2022"]
    assert found[0].suggestions == ["5 July 2022", "May 7, 2022"]
    found = audit(text, "locale-date")
    assert found[0].suggestions[0] == "May 7, 2022"


def test_date_leaves_unambiguous_dates_and_fractions_alone(audit):
    text = "It began on 24/02/2022, not 12/21/2017 or 03/03/2022; three quarters is 3/4."
    assert audit(text, "locale-date") == []
