"""The word tables answer a batch from a dict/set once many distinct words were asked about
(mtqa.lexicon, mtqa.spelling, mtqa.realnames); the answers must be those of the search a
one-file run uses."""
from mtqa import lexicon, realnames, spelling
from mtqa.lexicon import SortedWords
from mtqa.sortedtext import SwitchingLookup
from mtqa.spelling import SortedBlob

WORDS = ["the", "The", "Kyiv", "kyiv", "zelenskyy", "maria", "Maria", "Mariia", "Olena",
         "qwxzt", "", "a", "zzzz", "aardvark", "colour", "color", "don't", "it's", "naïve",
         "Ivan", "Ivan\tX", "x\ny", "# generated", "Tom", "Tomás", "Sergei", "Sergey"]


def test_frequency_table_dict_answers_as_search(monkeypatch):
    table = SortedWords({"apple": 50, "banana": 40, "cherry": 0, "kyiv": 33, "the": 78})
    probes = ["apple", "banana", "cherry", "kyiv", "the", "a", "zzz", "", "applf", "appl"]
    searched = [table.get(w, -7) for w in probes]
    monkeypatch.setattr(lexicon, "_SEARCHES_BEFORE_DICT", 0)
    fresh = SortedWords({"apple": 50, "banana": 40, "cherry": 0, "kyiv": 33, "the": 78})
    assert [fresh.get(w, -7) for w in probes] == searched
    assert fresh._lookup.switched  # the dict path was taken


def test_bundled_frequency_table_dict_answers_as_search(monkeypatch):
    table = lexicon._table()
    state = table.__getstate__()
    searched = SortedWords.__new__(SortedWords)
    searched.__setstate__(state)
    expected = [searched.get(w.lower()) for w in WORDS]
    monkeypatch.setattr(lexicon, "_SEARCHES_BEFORE_DICT", 0)
    as_dict = SortedWords.__new__(SortedWords)
    as_dict.__setstate__(state)
    assert [as_dict.get(w.lower()) for w in WORDS] == expected
    assert any(expected)


def test_spelling_set_answers_as_search(monkeypatch):
    blob = spelling.dictionary()._blob
    extra = spelling.dictionary()._extra
    probes = [w.lower() for w in WORDS] + sorted(extra)[:20] + ["\n", "abc\ndef"]
    expected = [w in SortedBlob(blob, extra) for w in probes]
    monkeypatch.setattr(spelling, "_SEARCHES_BEFORE_SET", 0)
    as_set = SortedBlob(blob, extra)
    assert [w in as_set for w in probes] == expected
    assert as_set._lookup.switched
    assert True in expected and False in expected


def test_given_name_bisection_answers_as_the_parsed_table(monkeypatch):
    # a one-file run and a batch both bisect the sorted file; the answers are the table's
    monkeypatch.setattr(realnames, "_given_name_line",
                        SwitchingLookup(realnames._search_given_name_line))
    table = realnames.given_names()
    probes = WORDS + sorted(table)[::997] + [n + "x" for n in sorted(table)[::1999]]
    assert [realnames.is_given_name(w) for w in probes] == [w in table for w in probes]
    assert any(w in table for w in WORDS) and not all(w in table for w in WORDS)


def test_given_name_countries_by_bisection_are_the_parsed_tables():
    table = realnames.given_names()
    probes = WORDS + sorted(table)[::997] + [n + "x" for n in sorted(table)[::1999]]
    assert [realnames.given_name_countries(w) for w in probes] == \
        [table.get(w, "") for w in probes]


def test_a_spelling_dictionary_read_back_from_the_cache_switches_to_a_set(monkeypatch):
    # the cached object is rebuilt by __setstate__: every field __init__ sets must exist
    blob, extra = spelling.dictionary()._blob, spelling.dictionary()._extra
    restored = SortedBlob.__new__(SortedBlob)
    restored.__setstate__(SortedBlob(blob, extra).__getstate__())
    monkeypatch.setattr(spelling, "_SEARCHES_BEFORE_SET", 0)
    probes = [w.lower() for w in WORDS]
    assert [w in restored for w in probes] == [w in SortedBlob(blob, extra) for w in probes]


def test_suggestions_are_those_of_a_direct_damerau_levenshtein_search():
    from rapidfuzz.distance import DamerauLevenshtein

    from mtqa.lexicon import zipf

    for word in ["goverment", "sanctoins", "presidnet", "wifes", "kremlyn", "teh", "recieve",
                 "ukranian", "soliders", "acommodation", "bombardement", "zaporizhia"]:
        most = 1 if len(word) < 5 else 2
        direct = sorted((DamerauLevenshtein.distance(word, cand), cand[-1] != word[-1],
                         -zipf(cand), cand)
                        for cand in spelling.dictionary().words(word[0])
                        if abs(len(cand) - len(word)) <= most
                        and DamerauLevenshtein.distance(word, cand) <= most)
        assert spelling._suggestions(word, 5) == tuple(c for *_, c in direct[:5]), word


def test_sorted_text_bisection_finds_the_first_line_not_below_the_key():
    from mtqa.sortedtext import line_at_or_after

    lines = ["# header", "Ann\tUA", "Anna\tRU", "Bob", "Olena\tUA", "Zoe\tGB"]
    text = "\n" + "\n".join(lines)
    for key in ["", "#", "A", "Ann", "Anna", "Annb", "Bob", "Bo", "Olena", "Zoe", "Zz", "\uffff"]:
        at = line_at_or_after(text, key, "\t")
        keys_from_here = [line.split("\t")[0] for line in text[at:].split("\n") if at < len(text)]
        earlier = [line.split("\t")[0] for line in text[:at].split("\n")]
        assert all(k < key for k in earlier if k), key  # every earlier line sorts below
        assert not keys_from_here or keys_from_here[0] >= key, key


def test_a_switching_lookup_answers_as_its_search_before_and_after_the_switch():
    searched = []

    def search(word):
        searched.append(word)
        return len(word) % 3

    lookup = SwitchingLookup(search, lambda: lambda word: len(word) % 3, switch_after=3)
    words = ["a", "bb", "a", "ccc", "dddd", "bb", "eeeee", "a"]
    assert [lookup(w) for w in words] == [len(w) % 3 for w in words]
    assert searched == ["a", "bb", "ccc"] and lookup.switched  # each word searched once


def test_russian_forms_searched_answer_as_the_parsed_table():
    from mtqa.realnames import _DATA, _FormsByFirstWord

    text = (_DATA / "ua-russian-forms.tsv").read_text(encoding="utf-8")
    searched = _FormsByFirstWord(text)
    parsed = _FormsByFirstWord(text)
    parsed.values()  # parses the whole table
    firsts = sorted({line.split("\t")[0].replace("-", " ").split()[0]
                     for line in text.split("\n") if line and not line.startswith("#")})
    # the search itself, for every first word and near misses either side (it bisects the
    # sorted lines)
    every = firsts + [w[:-1] for w in firsts] + ["A", "Zzzz", "\uffff", "Ā"]
    assert [searched._search(w) for w in every] == [parsed.get(w, ()) for w in every]
    probes = WORDS + firsts[::37] + [w + "x" for w in firsts[::101]] + ["Kiev", "Odessa"]
    assert [searched.get(w) for w in probes] == [parsed.get(w) for w in probes]
    assert [w in searched for w in probes] == [w in parsed.first_words() for w in probes]
    assert not searched._lookup.switched and parsed._lookup.switched
    assert any(w in parsed.first_words() for w in probes)
