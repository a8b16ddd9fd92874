"""Session 5: which spellings of a Russian name a scheme or a foreign original can give."""
import pytest

from mtqa.source.names import expected_forms, transcribable


@pytest.mark.parametrize("source, target, possible", [
    ("Трочек", "Trocheck", True),        # an original's ck for к
    ("Волкановски", "Volkanowski", True),  # w for в
    ("Дженнифер", "Jennifer", True),     # j for дж
    ("Иовович", "Jovovic", True),        # Serbian -ić written -ic
    ("Грановщина", "Granovščina", True),  # scholarly šč
    ("Нахида", "Nahida", True),          # h for х
    ("Потехин", "Pothekin", False),      # k is no х
    ("Кинотавр", "Cinotaur", False),     # u is no в
    ("Грановщина", "Granovshia", False),  # щ dropped
    ("Кондееску", "Condescu", False),    # an е dropped
])
def test_transcribable(source, target, possible):
    assert transcribable(target, expected_forms(source, "ru").forms) is possible
