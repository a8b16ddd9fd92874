"""Near-miss candidates for a word: which glossary name words is it a probable misspelling of?

Exact lookups happen before this (a word in the glossary is never a near miss). The definition
(what `scan` computes by brute force, and the index must reproduce exactly):

    name words w of at least MIN_LENGTH letters whose first letter has the same sound class as
    the query's (first_class), whose length is within MAX_LENGTH_GAP of the query's, and whose
    rapidfuzz ratio (normalised Indel similarity) with the query is >= cutoff; best first,
    ties by shorter word, then glossary order; at most `limit`.

The index makes that fast for large glossaries. A ratio >= c between lengths m and l allows
at most d = floor((m + l)(1 - c/100)) insertions/deletions, and then the query reaches a
common subsequence by deleting e_a = (d + m - l)/2 letters and the name by deleting
e_b = (d - m + l)/2. Two kinds of keys cover every case, each hashed (with the first-letter
class) into one compact CSR table of arrays:
- symmetric deletion keys (SymSpell): names under themselves and their one-letter deletions,
  queries under theirs; this covers every pair with e_a <= 1 and e_b <= 1 (most near misses);
- half keys for the rest (Zelskyy/Zelenskyy: the name loses two letters): cut the name at
  l // 2; in an optimal alignment the two halves share the d edits, so one half carries at
  most d // 2 of them, and its exact deletion variants, keyed by half, name length and
  deletion count, meet the matching slice of the query (whose cut position follows from the
  same counts). Deletions stay shallow, so memory stays near 2l postings per name instead of
  the l²/2 of two-deep deletion neighbourhoods.
Among a million names the halves of short names are too common to be useful keys, so very
large glossaries store names under 10 letters with their two-letter deletions instead (tag
"S2") and let queries delete two letters (`half_min`). Queries whose length buckets hold few
names (long words, small glossaries) score those names directly, which is cheaper than the
lookups. Either way the few names found are scored with rapidfuzz; hash collisions only add
candidates that scoring rejects, so recall and ranking are exactly those of the scan
(tests/test_nameindex.py checks this against brute force). Queries below the index's cutoff
fall back to the scan.
"""
from __future__ import annotations

from array import array
from functools import lru_cache
from itertools import combinations
from math import comb
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple
from zlib import crc32



# Initial letters that romanisations of one sound differ in (Г -> H/G, Х -> Kh/H, Є -> Ye/E,
# Й -> Y/J/I, vowels heard differently: Aislin/Eislin), so "Gostomel" still meets "Hostomel".
_FIRST_CLASS = {"g": "h", "e": "a", "i": "a", "o": "a", "u": "a", "y": "a", "j": "a",
                "c": "k", "q": "k", "w": "v"}
MIN_LENGTH = 4
MAX_LENGTH_GAP = 2
# The lowest similarity the index answers directly (name-near-miss asks for 85).
INDEX_CUTOFF = 85.0


def first_class(word: str) -> str:
    c = word[:1].lower()
    return _FIRST_CLASS.get(c, c)


def max_indels(m: int, l: int, cutoff: float) -> int:
    """Largest indel distance d whose ratio 100 * (1 - d / (m + l)) still reaches cutoff
    (with a little slack against rounding: a larger d only adds candidates)."""
    if m + l == 0:
        return 0
    return max(0, int((m + l) * (100.0 - cutoff) / 100.0 + 1e-6))


def _cases(m: int, l: int, cutoff: float):
    """(e_a, e_b, d) for every indel distance d a query of length m and a name of length l may
    have within the cutoff."""
    gap = m - l
    for d in range(abs(gap), max_indels(m, l, cutoff) + 1):
        if (d - gap) % 2 == 0:  # an indel distance has the parity of m + l
            yield (d + gap) // 2, (d - gap) // 2, d


# Among a million names, halves shorter than this are too common to be good keys ("Sha" of
# "Shakhta"): such pairs use symmetric keys with deeper query-side deletions instead. Smaller
# glossaries use halves whenever they save lookups.
HALF_MIN_LARGE = 5
LARGE = 300_000


def name_symmetric_depth(l: int, half_min: int) -> int:
    """How many letters a name of length l drops for its symmetric keys: two when its halves
    are too short to be good keys, else one."""
    return 2 if l // 2 < half_min else 1


def _by_halves(l: int, ea: int, eb: int, half_min: int) -> bool:
    """Does the pair case (e_a, e_b) with a name of length l use half keys?"""
    depth = name_symmetric_depth(l, half_min)
    if depth == 2:
        return ea > 2 or eb > 2  # short names: symmetric keys two deep on both sides
    return ea > 1 or eb > 1


@lru_cache(maxsize=None)
def symmetric_pairs(m: int, cutoff: float, half_min: int = 2) -> Tuple[Tuple[int, str], ...]:
    """(query-side deletions, key tag) a query of length m looks up in the symmetric keys.
    Names' own and one-deletion variants share the tag "S"; their two-deletion variants (short
    names of very large glossaries only) are tagged "S2", so that the many short strings they
    make are met only by the queries that need them."""
    pairs = {(0, "S"), (1, "S")}
    for l in range(max(MIN_LENGTH, m - MAX_LENGTH_GAP), m + MAX_LENGTH_GAP + 1):
        for ea, eb, _ in _cases(m, l, cutoff):
            if not _by_halves(l, ea, eb, half_min):
                pairs.add((ea, "S2" if eb == 2 else "S"))
    return tuple(sorted(pairs))


@lru_cache(maxsize=None)
def query_plan(m: int, cutoff: float, half_min: int = 2
               ) -> Tuple[Tuple[str, int, int, int, int, int], ...]:
    """The half-key lookups of a query of length m: (half, name length, name-side deletions,
    slice start, slice end, query-side deletions) for the pairs the symmetric keys miss."""
    plan = set()
    for l in range(max(MIN_LENGTH, m - MAX_LENGTH_GAP), m + MAX_LENGTH_GAP + 1):
        cut = l // 2
        for ea, eb, d in _cases(m, l, cutoff):
            if not _by_halves(l, ea, eb, half_min):
                continue  # the symmetric keys find it
            most = d // 2  # the better half carries at most this many of the d edits
            for ea_half in range(min(ea, most) + 1):
                for eb_half in range(min(eb, most - ea_half) + 1):
                    head = cut - eb_half + ea_half
                    tail = (l - cut) - eb_half + ea_half
                    if 0 <= head <= m:
                        plan.add(("A", l, eb_half, 0, head, ea_half))
                    if 0 <= tail <= m:
                        plan.add(("B", l, eb_half, m - tail, m, ea_half))
    return tuple(sorted(plan))


@lru_cache(maxsize=None)
def half_depths(l: int, cutoff: float, half_min: int = 2) -> Dict[str, int]:
    """How many letters each half of a name of length l may lose in a half-key lookup."""
    depth = {"A": -1, "B": -1}
    for m in range(max(1, l - MAX_LENGTH_GAP), l + MAX_LENGTH_GAP + 1):
        for half, length, eb_half, *_ in query_plan(m, cutoff, half_min):
            if length == l:
                depth[half] = max(depth[half], eb_half)
    return depth


def exact_deletions(word: str, k: int) -> Set[str]:
    """The word with exactly k letters deleted."""
    if k == 0:
        return {word}
    if k == 1:
        return {word[:i] + word[i + 1:] for i in range(len(word))}
    n = len(word)
    if k == 2:
        return {word[:i] + word[i + 1:j] + word[j + 1:] for i in range(n) for j in range(i + 1, n)}
    return {"".join(word[i] for i in range(n) if i not in cut)
            for cut in combinations(range(n), k)}


@lru_cache(maxsize=None)
def plan_cost(m: int, cutoff: float, half_min: int) -> int:
    """How many keys a query of length m looks up."""
    return (sum(comb(m, ea) for ea, _ in symmetric_pairs(m, cutoff, half_min))
            + sum(comb(end - start, ea)
                  for _, _, _, start, end, ea in query_plan(m, cutoff, half_min)))


# A key lookup costs about as much as scoring this many names directly (measured: ~0.6 µs
# against ~0.1 µs): where a query's length buckets hold fewer names than that, scan them.
SCAN_PER_KEY = 6


@lru_cache(maxsize=4096)
def _compiled_plan(m: int, cls: str, cutoff: float, half_min: int
                   ) -> Tuple[Tuple[int, int, int, int], ...]:
    """Every lookup of a query of length m and first sound cls: (crc32 of the key prefix,
    slice start, slice end, deletions from the slice)."""
    out = [(crc32(f"{cls}\x00{tag}\x00".encode("utf-8", "surrogatepass")), 0, m, ea)
           for ea, tag in symmetric_pairs(m, cutoff, half_min)]
    for half, l, eb, start, end, ea in query_plan(m, cutoff, half_min):
        prefix = f"{cls}\x00{half}{l}.{eb}\x00".encode("utf-8", "surrogatepass")
        out.append((crc32(prefix), start, end, ea))
    return tuple(out)


def _hash(key: str) -> int:
    return crc32(key.encode("utf-8", "surrogatepass"))


_FILE_FORMAT = 6  # of NameIndex.save files; bump when the layout or the keys change


class NameIndex:
    """words: name word -> payload (the glossary entry it belongs to), in glossary order."""

    def __init__(self, words: Mapping[str, object], cutoff: float = INDEX_CUTOFF,
                 table_load: Optional[float] = None, half_min: Optional[int] = None):
        self.cutoff = float(cutoff)
        self._words: List[str] = [w for w in words if len(w) >= MIN_LENGTH and "\n" not in w]
        if half_min is None:
            half_min = HALF_MIN_LARGE if len(self._words) >= LARGE else 2
        self.half_min = half_min
        self._payloads = _payload_store([words[w] for w in self._words])
        self._build(table_load)
        self._cache: Dict[Tuple[str, float, int], list] = {}

    # ---- building -------------------------------------------------------------------------
    def _build(self, table_load: Optional[float]) -> None:
        hashes = array("I")
        owners = array("I")
        for i, w in enumerate(self._words):
            keys = {_hash(k) for k in self._name_keys(w)}
            hashes.extend(keys)
            owners.extend([i] * len(keys))
        if table_load is None:
            # a sparser table means fewer stray ids per lookup; very large glossaries trade
            # some of that for memory (two postings per bucket on average)
            table_load = 2.0 if len(self._words) >= LARGE else 1.0
        # any table size works with a modulo (no power-of-two cliff in memory)
        self._size = size = max(16, int(len(hashes) / table_load) + 1)
        counts = array("I", bytes(4 * (size + 1)))
        masked = array("I", (h % size for h in hashes))
        del hashes
        for h in masked:
            counts[h + 1] += 1
        for b in range(size):
            counts[b + 1] += counts[b]
        self._offsets = array("I", counts)  # bucket b holds postings[offsets[b]:offsets[b+1]]
        fill = counts
        postings = array("I", bytes(4 * len(masked)))
        for h, owner in zip(masked, owners):
            postings[fill[h]] = owner
            fill[h] += 1
        self._postings = postings
        self._index_buckets()

    def _index_buckets(self) -> None:
        # names grouped by (first sound, length), as contiguous runs of ids: the direct scan
        # for queries whose candidates are few
        order = sorted(range(len(self._words)),
                       key=lambda i: (first_class(self._words[i]), len(self._words[i]), i))
        self._by_bucket = array("I", order)
        self._buckets: Dict[Tuple[str, int], Tuple[int, int]] = {}
        for pos, i in enumerate(order):
            w = self._words[i]
            key = (first_class(w), len(w))
            lo, _ = self._buckets.get(key, (pos, pos))
            self._buckets[key] = (lo, pos + 1)

    def _name_keys(self, w: str) -> Set[str]:
        cls = first_class(w)
        l = len(w)
        keys = {f"{cls}\x00{'S2' if eb == 2 else 'S'}\x00{v}"
                for eb in range(name_symmetric_depth(l, self.half_min) + 1)
                for v in exact_deletions(w, eb)}
        cut = l // 2
        for half, depth in half_depths(l, self.cutoff, self.half_min).items():
            part = w[:cut] if half == "A" else w[cut:]
            for eb in range(depth + 1):
                prefix = f"{cls}\x00{half}{l}.{eb}\x00"
                keys.update(prefix + v for v in exact_deletions(part, eb))
        return keys

    # ---- storing: state (inside the cached glossary, mtqa.cache) and raw files (huge glossaries)
    def __getstate__(self):
        return {"cutoff": self.cutoff, "half_min": self.half_min, "payloads": self._payloads, "size": self._size,
                "words": "\n".join(self._words), "offsets": self._offsets.tobytes(),
                "postings": self._postings.tobytes(), "by_bucket": self._by_bucket.tobytes(),
                "buckets": self._buckets}

    def __setstate__(self, state):
        self.cutoff, self._payloads, self._size = (state["cutoff"], state["payloads"],
                                                   state["size"])
        self.half_min = state["half_min"]
        self._words = state["words"].split("\n") if state["words"] else []
        self._offsets, self._postings = array("I"), array("I")
        self._offsets.frombytes(state["offsets"])
        self._postings.frombytes(state["postings"])
        self._by_bucket = array("I")
        self._by_bucket.frombytes(state["by_bucket"])
        self._buckets = state["buckets"]
        self._cache = {}

    def save(self, path) -> None:
        """Write the index as one binary file that `load` reads straight into its arrays."""
        import json

        from mtqa import cache  # its data format, not pickle: loading must never run code

        words = "\n".join(self._words).encode("utf-8", "surrogatepass")
        payloads = (self._payloads.tobytes() if isinstance(self._payloads, array)
                    else cache.encode(self._payloads))
        buckets = json.dumps([[c, n, lo, hi] for (c, n), (lo, hi) in self._buckets.items()])
        header = json.dumps({"format": _FILE_FORMAT, "buckets": buckets, "cutoff": self.cutoff, "size": self._size,
                             "half_min": self.half_min,
                             "offsets": len(self._offsets), "postings": len(self._postings),
                             "words": len(words), "payloads": len(payloads),
                             "words_count": len(self._words),
                             "int_payloads": isinstance(self._payloads, array)}).encode()
        with open(path, "wb") as fh:
            fh.write(len(header).to_bytes(4, "little"))
            fh.write(header)
            self._offsets.tofile(fh)
            self._postings.tofile(fh)
            self._by_bucket.tofile(fh)
            fh.write(words)
            fh.write(payloads)

    @classmethod
    def load(cls, path) -> "NameIndex":
        import json

        from mtqa import cache

        self = cls.__new__(cls)
        with open(path, "rb") as fh:
            header = json.loads(fh.read(int.from_bytes(fh.read(4), "little")))
            if header.get("format") != _FILE_FORMAT:
                raise ValueError(f"{path}: not a name index of this version")
            self.cutoff, self._size = header["cutoff"], header["size"]
            self.half_min = header["half_min"]
            self._offsets, self._postings = array("I"), array("I")
            self._offsets.fromfile(fh, header["offsets"])
            self._postings.fromfile(fh, header["postings"])
            self._by_bucket = array("I")
            self._by_bucket.fromfile(fh, header["words_count"])
            self._buckets = {(c, n): (lo, hi) for c, n, lo, hi in json.loads(header["buckets"])}
            words = fh.read(header["words"]).decode("utf-8", "surrogatepass")
            self._words = words.split("\n") if words else []
            data = fh.read(header["payloads"])
            if header["int_payloads"]:
                self._payloads = array("q")
                self._payloads.frombytes(data)
            else:
                self._payloads = cache.decode(data)
        self._cache = {}
        return self

    # ---- querying -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._words)

    def word(self, i: int) -> str:
        return self._words[i]

    def words(self) -> Iterable[str]:
        return iter(self._words)

    def _keys(self, word: str) -> Set[str]:
        """The query's keys, as strings (for tests; lookups hash them incrementally)."""
        cls = first_class(word)
        keys = {f"{cls}\x00{tag}\x00{v}"
                for ea, tag in symmetric_pairs(len(word), self.cutoff, self.half_min)
                for v in exact_deletions(word, ea)}
        for half, l, eb, start, end, ea in query_plan(len(word), self.cutoff, self.half_min):
            prefix = f"{cls}\x00{half}{l}.{eb}\x00"
            keys.update(prefix + v for v in exact_deletions(word[start:end], ea))
        return keys

    def _ids_near(self, word: str) -> Set[int]:
        try:
            return self._lookup(word, "strict")
        except UnicodeEncodeError:  # a lone surrogate: encode as the index did
            return self._lookup(word, "surrogatepass")

    def _lookup(self, word: str, errors: str) -> Set[int]:
        # The hot path. Key prefixes are hashed once per (query length, first sound) and
        # chained into crc32 (crc32(v, crc32(prefix)) == crc32(prefix + v)). Plain loops and
        # lists measured faster here than map() pipelines or sets of variants.
        offsets, postings, size = self._offsets, self._postings, self._size
        ids: Set[int] = set()
        add, update = ids.add, ids.update
        for seed, start, end, ea in _compiled_plan(len(word), first_class(word), self.cutoff,
                                                   self.half_min):
            part = word[start:end]
            if ea == 0:
                variants = (part,)
            elif ea == 1:
                variants = [part[:i] + part[i + 1:] for i in range(len(part))]
            else:
                variants = exact_deletions(part, ea)
            for v in variants:
                h = crc32(v.encode("utf-8", errors), seed) % size
                a = offsets[h]
                b = offsets[h + 1]
                if b - a == 1:
                    add(postings[a])
                elif a != b:
                    update(postings[a:b])
        return ids

    def candidates(self, word: str, cutoff: float = 80.0, limit: int = 5
                   ) -> List[Tuple[str, float, object]]:
        """(name word, similarity 0-100, payload), best first (see the module docs).
        Answers are remembered: article words repeat across a batch."""
        key = (word, cutoff, limit)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= 100_000:
                self._cache.clear()
            found = self._cache[key] = self._candidates(word, cutoff, limit)
        return list(found)

    def _candidates(self, word: str, cutoff: float, limit: int):
        if cutoff < self.cutoff:
            return self.scan(word, cutoff, limit)
        m, cls = len(word), first_class(word)
        bucketed = self._bucket_ids(cls, m, SCAN_PER_KEY * plan_cost(m, self.cutoff,
                                                                     self.half_min))
        if bucketed is not None:  # few names of these lengths: score them all directly
            ids = bucketed
        else:
            ids = list(self._ids_near(word))
        if not ids:
            return []
        # score first (in C, over every id found), then check length and first sound on the
        # few that pass: most ids share a key but are not within the cut-off
        return self._rank(word, ids, list(map(self._words.__getitem__, ids)), cutoff, limit)

    def _bucket_ids(self, cls: str, m: int, most: int) -> Optional[List[int]]:
        """Ids of the names of first sound cls and lengths m-2..m+2, or None if more than
        `most` (the index is then cheaper)."""
        spans = [self._buckets.get((cls, n)) for n in range(m - MAX_LENGTH_GAP,
                                                               m + MAX_LENGTH_GAP + 1)]
        spans = [span for span in spans if span]
        if sum(hi - lo for lo, hi in spans) > most:
            return None
        by_bucket = self._by_bucket
        return [i for lo, hi in spans for i in by_bucket[lo:hi]]

    def scan(self, word: str, cutoff: float = 80.0, limit: int = 5
             ) -> List[Tuple[str, float, object]]:
        """The definition, by brute force over every name (slow on large glossaries)."""
        return self._rank(word, range(len(self._words)), self._words, cutoff, limit)

    def _rank(self, word: str, ids: Sequence[int], pool: Sequence[str], cutoff: float,
              limit: int) -> List[Tuple[str, float, object]]:
        # imported here, not at the top: `import rapidfuzz` costs about 40 M instructions of
        # start-up and many articles never rank a name (docs/scale.md, "Cold start"); after
        # the first call this is a dictionary look-up
        from rapidfuzz import fuzz, process
        hits = process.extract(word, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        m, cls = len(word), first_class(word)
        ranked = sorted(((score, w, ids[k]) for w, score, k in hits
                         if abs(len(w) - m) <= MAX_LENGTH_GAP and first_class(w) == cls),
                        key=lambda h: (-h[0], len(h[1]), h[2]))
        return [(w, score, self._payloads[i]) for score, w, i in ranked[:limit]]


def _payload_store(payloads: List[object]):
    # a million int payloads (entry numbers) fit in an array; anything else stays a list
    if payloads and all(type(p) is int and -2**63 <= p < 2**63 for p in payloads):
        return array("q", payloads)
    return payloads
