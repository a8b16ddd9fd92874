"""The near-miss index must give exactly the candidates of a brute-force scan over the same
names: same similarity cut-off, same ranking (recall and suggestions do not depend on it)."""
import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from mtqa import nameindex
from mtqa.glossary import load_glossary
from mtqa.nameindex import (INDEX_CUTOFF, MAX_LENGTH_GAP, MIN_LENGTH, NameIndex, first_class,
                            query_plan)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from _names import misspell, name_words  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
REAL_MISSPELLINGS = ["Zelskyy", "Oktyrka", "Gostomel", "Kharkov", "Zelenskiy", "Kyev",
                     "Chernigiv", "Podoliak", "Klimenko", "Austrlia", "Bucha", "Buchi",
                     "Kherzon", "Okhtyrkaa", "Mykhaylo", "Ihorr", "Hostomell", "Kuleb"]


def brute_force(names, query, cutoff, limit=5):
    """The definition, written out independently of the index."""
    hits = []
    for order, w in enumerate(names):
        if len(w) < MIN_LENGTH or first_class(w) != first_class(query):
            continue
        if abs(len(w) - len(query)) > MAX_LENGTH_GAP:
            continue
        score = fuzz.ratio(query, w)
        if score >= cutoff:
            hits.append((-score, len(w), order, w, score))
    hits.sort()
    return [(w, score) for _, _, _, w, score in hits[:limit]]


class BruteForce:
    """brute_force over a large name list, with the names split by first-letter class first
    (the scan is the same; it just skips classes that cannot match)."""

    def __init__(self, names):
        self.by_class = {}
        for order, w in enumerate(names):
            self.by_class.setdefault(first_class(w), []).append((order, w))

    def __call__(self, query, cutoff, limit=5):
        hits = []
        for order, w in self.by_class.get(first_class(query), ()):
            if len(w) >= MIN_LENGTH and abs(len(w) - len(query)) <= MAX_LENGTH_GAP:
                score = fuzz.ratio(query, w)
                if score >= cutoff:
                    hits.append((-score, len(w), order, w, score))
        hits.sort()
        return [(w, score) for _, _, _, w, score in hits[:limit]]


def queries_for(names, n, seed):
    rng = random.Random(seed)
    out = list(REAL_MISSPELLINGS)
    others = name_words(n // 3 + 1, seed=seed + 100)
    for i in range(n):
        kind = i % 3
        if kind == 0:
            out.append(misspell(rng.choice(names), rng))
        elif kind == 1:
            out.append(others[i // 3])  # unrelated names: mostly no candidate
        else:
            w = rng.choice(names)  # a name itself, and its neighbours
            out.append(w if rng.random() < 0.5 else w[:-1])
    return out


@pytest.fixture(scope="module", params=[None, 5], ids=["small-plan", "large-plan"])
def synthetic(request):
    # both lookup plans: small glossaries' (half keys throughout) and very large ones'
    names = name_words(8_000, seed=7)
    index = NameIndex({w: i for i, w in enumerate(names)}, half_min=request.param)
    return names, index, BruteForce(names)


@pytest.mark.parametrize("path", ["keys", "cheapest"])
@pytest.mark.parametrize("cutoff", [INDEX_CUTOFF, 90.0])
def test_index_equals_brute_force_on_synthetic_names(synthetic, cutoff, path, monkeypatch):
    names, index, scan = synthetic
    if path == "keys":  # never scan length buckets directly: every query through the keys
        monkeypatch.setattr(nameindex, "SCAN_PER_KEY", 0)
    index._cache.clear()
    queries = queries_for(names, 3000, seed=int(cutoff))
    found = 0
    for q in queries:
        got = [(w, s) for w, s, _ in index.candidates(q, cutoff=cutoff)]
        assert got == scan(q, cutoff), q
        found += bool(got)
    assert found > len(queries) // 3  # the queries really exercise the index


def test_payloads_follow_their_names(synthetic):
    names, index, _ = synthetic
    for w, _, payload in index.candidates(misspell(names[123], random.Random(1)), 85):
        assert names[payload] == w


def test_lower_cutoff_than_the_index_falls_back_to_the_scan(synthetic):
    names, index, scan = synthetic
    for q in queries_for(names, 200, seed=3):
        got = [(w, s) for w, s, _ in index.candidates(q, cutoff=75)]
        assert got == scan(q, 75)


def test_real_misspellings_against_the_test_glossary():
    glossary = load_glossary([FIXTURES / "glossary.yaml"], bundled=False)
    index = glossary.index
    names = list(index.words())
    for q in REAL_MISSPELLINGS:
        for cutoff in (80, 85, 90):
            got = [(w, s) for w, s, _ in index.candidates(q, cutoff=cutoff)]
            assert got == brute_force(names, q, cutoff), (q, cutoff)
    top = {q: index.candidates(q, cutoff=85)[0][0] for q in ("Zelskyy", "Oktyrka", "Gostomel")}
    assert top == {"Zelskyy": "Zelenskyy", "Oktyrka": "Okhtyrka", "Gostomel": "Hostomel"}
    assert index.candidates("Gostomel", cutoff=85)[0][2].name == "Hostomel"


def test_same_answers_as_the_previous_bucket_index():
    """The bucket index this replaced: same candidates, same order, on the test glossary."""
    from rapidfuzz import process

    glossary = load_glossary([FIXTURES / "glossary.yaml"], bundled=False)
    names = list(glossary.index.words())

    def legacy(word, cutoff, limit=5):
        buckets = {}
        for w in names:
            buckets.setdefault((first_class(w), len(w)), []).append(w)
        pool = []
        for n in range(len(word) - 2, len(word) + 3):
            pool.extend(buckets.get((first_class(word), n), ()))
        hits = process.extract(word, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        return [(w, s) for w, s, _ in hits]

    for q in REAL_MISSPELLINGS + names:
        assert [(w, s) for w, s, _ in glossary.index.candidates(q, 85)] == legacy(q, 85), q


def test_both_lookup_paths_are_used(synthetic):
    names, index, _ = synthetic
    def budget(word):
        return nameindex.SCAN_PER_KEY * nameindex.plan_cost(len(word), index.cutoff,
                                                             index.half_min)

    # long names are few: scanning their buckets beats dozens of key lookups
    long_ = "Zhytomyrskyiv"
    assert index._bucket_ids(first_class(long_), len(long_), budget(long_)) is not None
    # short ones are many: the keys
    short = max(names, key=lambda w: len(index._bucket_ids(first_class(w), len(w), 10**9)))
    assert index._bucket_ids(first_class(short), len(short), budget(short)) is None


def test_index_file_round_trip(synthetic, tmp_path):
    names, index, _ = synthetic
    index.save(tmp_path / "index.bin")
    copy = NameIndex.load(tmp_path / "index.bin")
    assert list(copy.words()) == list(index.words()) and copy.half_min == index.half_min
    assert copy._buckets == index._buckets and copy._by_bucket == index._by_bucket
    for q in queries_for(names, 100, seed=12):
        assert copy.candidates(q, 85) == index.candidates(q, 85)
    (tmp_path / "bad.bin").write_bytes(b"\x02\x00\x00\x00{}")
    with pytest.raises(ValueError):
        NameIndex.load(tmp_path / "bad.bin")


def test_entry_payloads_round_trip_through_a_file(tmp_path):
    index = NameIndex({"Kharkiv": {"name": "Kharkiv"}, "Zelenskyy": {"name": "Zelenskyy"}})
    index.save(tmp_path / "index.bin")
    assert NameIndex.load(tmp_path / "index.bin").candidates("Zelskyy", 85)[0][2] == {
        "name": "Zelenskyy"}


def test_index_survives_pickling(synthetic):
    import pickle

    names, index, _ = synthetic
    copy = pickle.loads(pickle.dumps(index))
    for q in queries_for(names, 100, seed=11):
        assert copy.candidates(q, 85) == index.candidates(q, 85)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abk", min_size=1, max_size=18), st.text(alphabet="abk", min_size=4,
                                                                  max_size=18))
def test_words_within_the_definition_share_a_key(query, name):
    """The lemma the index rests on: a pair within the cut-off always meets on a key."""
    if (abs(len(query) - len(name)) > MAX_LENGTH_GAP or first_class(query) != first_class(name)
            or fuzz.ratio(query, name) < INDEX_CUTOFF):
        return
    index = NameIndex({})
    assert index._keys(query) & index._name_keys(name)
    index.half_min = 5  # the planning of very large glossaries
    assert index._keys(query) & index._name_keys(name)


def test_zelskyy_is_found_through_a_half_key():
    # Zelskyy (7) / Zelenskyy (9): the name loses two letters; the symmetric keys cannot meet
    index = NameIndex({"Zelenskyy": "entry"})
    symmetric = {k for k in index._keys("Zelskyy") if "\x00S\x00" in k}
    assert not symmetric & index._name_keys("Zelenskyy")
    assert index.candidates("Zelskyy", 85) == [("Zelenskyy", 87.5, "entry")]
    assert query_plan(2, 85.0) == ()
