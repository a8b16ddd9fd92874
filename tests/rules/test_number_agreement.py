import pytest

RULE = ["grammar-number-agreement"]


@pytest.mark.parametrize("text,span,fix", [
    ("The invasion has claimed the life of 227 civilians, the UN says.",
     "the life of 227 civilians", "the lives of 227 civilians"),
    ("Shelling claimed the life of at least 22 civilians on Thursday.",
     "the life of at least 22 civilians", "the lives of at least 22 civilians"),
    ("It resulted in the death of nearly 500 troops.",
     "the death of nearly 500 troops", "the deaths of nearly 500 troops"),
    ("More than 1 millions fled.", "1 millions", "1 million"),
    ("About 5 thousands people left.", "5 thousands", "5 thousand"),
    ("Several thousands people gathered.", "Several thousands", "Several thousand"),
    ("Two person were injured.", "Two person", "Two people"),
    ("The strike killed 12 civilian and injured more.", "12 civilian", "12 civilians"),
    ("Many civilian were killed.", "Many civilian", "Many civilians"),
    ("This is one of the main reason for the war.", "one of the main reason", "one of the main reasons"),
])
def test_flags_singular_after_plural_quantity(flag_fixes, text, span, fix):
    assert ("grammar-number-agreement", span, fix) in flag_fixes(text, RULE)


@pytest.mark.parametrize("text", [
    "The strike claimed the life of one soldier.",
    "A two-person team and a 5 star hotel.",
    "He got a 10 year sentence for the 1956 attack.",
    "She lives in building No. 5 house.",
    "Tens of thousands of people and thousands of homes.",
    "At 11 pm, 61 people died.",
    "One of the reasons is corruption.",
])
def test_leaves_correct_english_alone(flag_fixes, text):
    assert not flag_fixes(text, RULE)
