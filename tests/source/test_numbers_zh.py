"""Chinese source numbers (issue 10 found none were read: a digit right after a Han character
was taken for part of a word), and Chinese numerals read as a whole (两万 = 20,000)."""
from decimal import Decimal

import pytest

from mtqa.source.numbers import compare, numbers, word_values


def test_digits_after_han_characters_are_read():
    found, _ = numbers("在我身边的冰山浮出水面几乎200英尺。", "zh")
    assert [n.text for n in found] == ["200"]


def test_digits_glued_to_latin_letters_are_still_not_numbers():
    found, _ = numbers("G7峰会和B52轰炸机", "zh")
    assert found == []


@pytest.mark.parametrize("source, target", [
    ("在我身边的冰山浮出水面几乎200英尺。", "The iceberg next to me surfaced almost 200 feet."),
    ("但监禁人数的变化范围是从40 到400。", "The number of prisoners varies from 40 to 400."),
    ("兰花：至少有两万种兰花。", "Orchids: there are at least 20,000 species of orchids."),
    ("我们能对带有三十亿碱基对的DNA进行复制。", "We can copy DNA with 3 billion base pairs."),
])
def test_translation_with_the_source_numbers_is_left(source, target):
    assert compare(source, target, "zh") == []


def test_a_changed_number_is_found():
    found = compare("现在我们把它们压缩到60公里之内。", "Now we compress them to within 50 km.", "zh")
    assert [d.message for d in found] == ["50 is not in the source (source numbers: 60)"]


@pytest.mark.parametrize("numeral, value", [
    ("两万", 20000), ("三十亿", 3 * 10**9), ("两百万", 2 * 10**6), ("一万两千", 12000),
    ("十五", 15), ("一亿两千万", 120 * 10**6),
])
def test_chinese_numerals_read_as_a_whole(numeral, value):
    assert Decimal(value) in word_values(numeral, "zh")


@pytest.mark.parametrize("source, target", [
    ("有25万种开花植物。", "There are a quarter of a million species of flowering plants."),
    ("50万至上百万个部分。", "Half a million to a million parts."),
    ("富裕程度大概是3.5 到4 倍。", "About three and a half to four times as rich."),
    ("负120度，0度， 120度。", "Negative 120, 0, 120 degrees."),
])
def test_english_spelled_quantities_and_lists_match_the_source(source, target):
    assert compare(source, target, "zh") == []


def test_a_number_split_by_a_space_is_still_one_finding():
    found = compare("Загинули 50 000 людей.", "50, 000 people died.", "ru")
    assert [d.suggestions for d in found] == [("50,000",)]
