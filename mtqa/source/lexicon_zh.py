"""A compact Chinese→English lexicon: segmenting a Chinese source and asking whether each of
its content words has a dictionary translation in the English target (source-coverage).

Data: mtqa/data/zh-en-lexicon.tsv.gz, built by scripts/build_zh_lexicon.py from CC-CEDICT
(CC BY-SA 4.0, MDBG; the English senses) and jieba's dictionary (MIT; word frequencies and
part-of-speech tags for segmenting and for telling content words from function words). One
line per Chinese word: the word, its jieba frequency, its jieba POS tag, and the *keys* of the
English content words of all its CEDICT senses. A key is `english_key(word)`: a crude,
dependency-free stem (plural, -ing, -ed, -ly stripped, final e dropped, cut to 6 letters), the
same function on both sides, so "eat"/"eating", "science"/"sciences" meet. Irregular forms
the stem cannot reach (went/go, saw/see) come from the table of English irregular verbs in
the same file (lines starting with "=").

Segmentation: the most probable split under jieba's unigram frequencies (dynamic programming
over the words of the lexicon, as jieba does without its HMM), characters outside the lexicon
standing alone. Loaded lazily, only when a Chinese source is compared.
"""
from __future__ import annotations

import gzip
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Tuple

DATA = Path(__file__).resolve().parent.parent / "data" / "zh-en-lexicon.tsv.gz"
MAX_WORD = 8  # longest lexicon word tried when segmenting (characters)
KEY_LENGTH = 6

# English words that carry no content of their own in a dictionary sense ("to eat", "one's
# home", "sth"): left out of the keys on both sides.
ENGLISH_STOPWORDS = frozenset("""
a an the to of and or in on at for with by from as be is are was were been being am it its
this that these those there here he she they we you i me him her them us my your his our
their one one's oneself sb sth something somebody someone sth's sb's etc also not no
into onto out up down over under about than then so such very too can could will would shall
should may might must do does did done have has had
all any some each every other another more most much many few less least what which who whom
whose when where why how if but because while though although just only even still yet
""".split())

_NEGATING_PREFIXES = ("un", "in", "im", "ir", "il", "dis", "non")
_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def english_key(word: str) -> str:
    """A crude stem shared by the lexicon builder and the target side."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ches", "ch"),
                         ("shes", "sh"), ("xes", "x"), ("ves", "f"), ("ings", ""), ("ing", ""), ("ed", ""),
                         ("ly", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                break
            w = w[:-len(suffix)] + repl
            if suffix in ("ings", "ing", "ed") and len(w) >= 4 and w[-1] == w[-2] \
                    and w[-1] not in "lsz":
                w = w[:-1]  # running → run, stopped → stop
            break
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]  # make/making, use/used
    return w[:KEY_LENGTH]


def english_keys(text: str, irregular: Optional[Dict[str, str]] = None) -> FrozenSet[str]:
    """The keys of every word of an English text (stop words included: cheap, and harmless
    since the lexicon holds none)."""
    irregular = irregular or {}
    keys = set()
    for m in _WORD_RE.finditer(text):
        w = m.group().lower()
        keys.add(english_key(w))
        base = irregular.get(w)
        if base:
            keys.add(english_key(base))
        if len(w) >= 6:
            for prefix in _NEGATING_PREFIXES:  # "inequality" also answers 平等 (equal)
                if w.startswith(prefix):
                    keys.add(english_key(w[len(prefix):]))
    return frozenset(keys)


MIN_PREFIX = 4


class TargetKeys:
    """The keys of an English text, matched by prefix: a dictionary key meets a target key
    when either starts with the other and the shorter has at least MIN_PREFIX letters
    ("equal" meets "equality", "exist" meets "existence"), or when both are equal."""

    def __init__(self, text: str, irregular: Optional[Dict[str, str]] = None):
        self.keys = english_keys(text, irregular)
        self.prefixes = {k[:i] for k in self.keys for i in range(MIN_PREFIX, len(k) + 1)}

    def has(self, key: str) -> bool:
        if key in self.keys or key in self.prefixes:
            return True
        return any(key[:i] in self.keys for i in range(MIN_PREFIX, len(key)))


@dataclass(frozen=True)
class Entry:
    freq: int
    pos: str
    keys: Tuple[str, ...]
    gloss: str


class Lexicon:
    """Words → their raw data line, parsed on first use: building 133,000 entries up front
    costs ~1 s, while an article asks about a few hundred words."""

    def __init__(self, lines: Dict[str, str], irregular: Dict[str, str], total: int):
        self._lines = lines
        self._parsed: Dict[str, Optional[Entry]] = {}
        self.irregular = irregular
        self._log_total = math.log(max(total, 1))
        self._unknown = -self._log_total - 5.0  # a character outside the lexicon

    def get(self, word: str) -> Optional[Entry]:
        try:
            return self._parsed[word]
        except KeyError:
            pass
        line = self._lines.get(word)
        entry = None
        if line is not None:
            freq, pos, keys, gloss = line.split("\t")
            entry = Entry(int(freq), pos, tuple(keys.split()), gloss)
        self._parsed[word] = entry
        return entry

    def __len__(self) -> int:
        return len(self._lines)

    def _logp(self, word: str) -> Optional[float]:
        line = self._lines.get(word)
        if line is None:
            return None
        return math.log(int(line[:line.index("\t")])) - self._log_total

    def segment(self, text: str, offset: int = 0) -> List[Tuple[str, int, int]]:
        """(word, start, end) for each Han run of `text`, split by the most probable path."""
        out = []
        for m in _HAN_RE.finditer(text):
            run, base = m.group(), m.start() + offset
            n = len(run)
            best = [0.0] + [-math.inf] * n
            back = [0] * (n + 1)
            for j in range(1, n + 1):
                for i in range(max(0, j - MAX_WORD), j):
                    lp = self._logp(run[i:j])
                    if lp is None:
                        if j - i != 1:
                            continue
                        lp = self._unknown
                    score = best[i] + lp
                    if score > best[j]:
                        best[j], back[j] = score, i
            words = []
            j = n
            while j > 0:
                i = back[j]
                words.append((run[i:j], base + i, base + j))
                j = i
            out.extend(reversed(words))
        return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        text = fh.read()
    lines: Dict[str, str] = {}
    irregular: Dict[str, str] = {}
    total = 0
    for line in text.splitlines():
        if line.startswith("#"):
            if line.startswith("#! total="):
                total = int(line[9:])
            continue
        if line.startswith("="):
            form, base = line[1:].split()
            irregular[form] = base
            continue
        word, rest = line.split("\t", 1)
        lines[word] = rest
    return Lexicon(lines, irregular, total)
