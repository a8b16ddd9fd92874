"""The given-names file's line index (a batch's look-ups, speed9a) answers as the search over
the file's text does."""
from __future__ import annotations

from mtqa import realnames


def test_index_answers_as_the_search():
    index = realnames._given_name_index()
    assert index is not realnames._search_given_name_line  # the shipped file is sorted
    names = [line.partition("\t")[0] for line in
             realnames._given_names_text().encode("latin-1").decode("utf-8").split("\n")]
    words = set(names[::7])
    for name in names[::53]:
        words.update((name + "a", name[:-1], name.upper(), name.lower(), name + "\t", "#" + name))
    words.update(("", "\n", "Anna", "Zzzzzz", "ÿ", "Łukasz", "Олександр", "a\tb", "\ud800"))
    assert len(words) > 8_000
    for word in words:
        assert index(word) == realnames._search_given_name_line(word), word
