import pytest


@pytest.mark.parametrize("text,span,fix", [
    ("Russian troops said they were now controlling Port City of Kherson.",
     "Port City of Kherson", "port city of Kherson"),
    ("Missiles hit the Southern Port City of Odesa overnight.",
     "Southern Port City of Odesa", "southern port city of Odesa"),
    ("Port City of Kherson fell on Wednesday.", "Port City of Kherson", "Port city of Kherson"),
])
def test_generic_place_run_before_a_name_is_lowered(flag_fixes, text, span, fix):
    assert ("case-stray-capital", span, fix) in flag_fixes(text, ["case-stray-capital"])


@pytest.mark.parametrize("text", [
    "He works at the Port Authority of New York and the Bank of England.",
    "They walked through the Old City of Jerusalem.",
    "The Capital Region of Denmark runs the hospitals.",
    "Salt Lake City of the 1970s was quiet.",
    "He flew to Mexico City on Monday and on to the City of London.",
    "Attacks On The Port City Of Odesa",                     # headline: title case is normal
])
def test_names_and_headlines_are_left_alone(flag_fixes, text):
    assert not flag_fixes(text, ["case-stray-capital"])


def test_single_word_rule_is_off_by_default(audit):
    text = "When a Siren takes you by surprise, the siren howls."
    assert not audit(text)
    assert [f.rule for f in audit(text, ["case-stray-capital-word"])] == ["case-stray-capital-word"]


@pytest.mark.parametrize("text", [
    "Russian troops shelled Kherson. The Russian army retreated.",   # never lower case: a name
    "He met the President. The president said so.",                 # conventional capital
    "She joined the National Academy of Sciences; science matters.",
    "The report cites Article 5 and every article of it.",
])
def test_single_word_rule_spares_names_titles_and_numbered_items(audit, text):
    assert not audit(text, ["case-stray-capital-word"])
