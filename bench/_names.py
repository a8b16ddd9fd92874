"""Synthetic name words for glossary-scale benchmarks and tests: realistic, varied lengths and
first letters (syllables of Ukrainian, Russian, Arabic, Chinese, English and other names),
deterministic for a seed."""
from __future__ import annotations

import random
from typing import List

_ONSETS = ["", "", "b", "d", "k", "l", "m", "n", "r", "s", "t", "v", "b", "v", "h", "g", "d", "zh", "z", "k", "l", "m", "n", "p", "r", "s", "t", "f",
           "kh", "ts", "ch", "sh", "shch", "y", "br", "dr", "kr", "pr", "tr", "st", "sk", "sv",
           "hr", "zv", "j", "w", "q", "x", "c", "ph", "th", "gl", "pl", "bl", "sl", "mr", "dn"]
_VOWELS = ["a", "e", "i", "o", "u", "y", "a", "e", "i", "o", "a", "o", "ia", "iu", "ie", "ai",
           "oi", "ei", "ou", "ee", "oo"]
_CODAS = [""] * 12 + ["n", "r", "l", "s", "k", "v", "m", "t", "sk", "nk", "rd", "st", "ch",
                      "sh", "ts", "kh", "d", "b"]
_ENDINGS = [""] * 40 + ["enko", "ko", "chuk", "yuk", "ov", "ova", "ev", "in", "ina", "skyi",
            "ska", "sky", "iv", "ivka", "opil", "horod", "grad", "stan", "ia", "ie", "ton",
            "berg", "burg", "ville", "son", "sen", "ez", "es", "ani", "ian", "yan", "ah",
            "allah", "eddin", "ullah", "ing", "ong", "ang", "hao", "wei"]


def name_word(rng: random.Random) -> str:
    syllables = rng.choice((1, 2, 2, 2, 2, 3, 3, 3, 4))
    if syllables > 2 and rng.random() < 0.5:
        syllables -= 1
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                   for _ in range(syllables)) + rng.choice(_ENDINGS)
    return word[:1].upper() + word[1:]


def name_words(n: int, seed: int = 1, min_length: int = 4, max_length: int = 16) -> List[str]:
    """n distinct name words."""
    rng = random.Random(seed)
    seen = set()
    out: List[str] = []
    while len(out) < n:
        w = name_word(rng)
        if min_length <= len(w) <= max_length and w not in seen:
            seen.add(w)
            out.append(w)
    return out


def misspell(word: str, rng: random.Random) -> str:
    """An MT-style misspelling: a dropped, doubled, swapped or substituted letter or two."""
    w = list(word)
    for _ in range(rng.choice((1, 1, 2))):
        op = rng.choice("dist")
        i = rng.randrange(1, len(w)) if len(w) > 1 else 0
        if op == "d" and len(w) > 4:
            del w[i]
        elif op == "i":
            w.insert(i, rng.choice("aeiouykhsz"))
        elif op == "s" and i + 1 < len(w):
            w[i], w[i + 1] = w[i + 1], w[i]
        else:
            w[i] = rng.choice("aeiouykhsz")
    return "".join(w)
