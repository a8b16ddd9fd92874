#!/usr/bin/env python3
"""Build glossaries/ukraine.yaml from the SpellingUkraine vocabulary (stdlib + PyYAML only).

usage: python scripts/build_ukraine_glossary.py [SRC] [-o OUT] [-v]

SRC is the SpellingUkraine data folder (default: ../shared/data/spellingukraine relative to
the repository root); every **/*.json file in it is read. The house-style decisions layered
on top (moved forms, exceptions, extra entries) live in scripts/data/ukraine_overrides.yaml.
The MIT licence of the source is copied next to OUT as LICENSE-spellingukraine.txt.
"""
import argparse
import json
import shutil
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from glossary_yaml import dedupe, dump_pack  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC = ROOT / ".." / "shared" / "data" / "spellingukraine"
DEFAULT_OUT = ROOT / "glossaries" / "ukraine.yaml"
OVERRIDES = ROOT / "scripts" / "data" / "ukraine_overrides.yaml"
SOURCE_ID = "Tyrrrz/SpellingUkraine ba86f92 (MIT)"

TYPES = {
    "City": "place", "Town": "place", "Village": "place", "Settlement": "place",
    "Region": "place", "Country": "place",
    "Personal name": "given-name",
    "Person": "person",
    "Company": "organisation",
    "Phrase": "term",
}
TYPE_ORDER = ("person", "given-name", "place", "organisation", "term")
LIST_KEYS = ("variants", "incorrect", "russian_forms", "exceptions", "accept")


def is_cyrillic(text):
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def build(src, overrides, log):
    files = sorted(Path(src).glob("**/*.json"))
    if not files:
        raise SystemExit(f"no SpellingUkraine JSON files under {src}")
    drops = overrides.get("drop_entries") or {}
    moves = overrides.get("moves") or {}
    adds = overrides.get("add") or {}
    used_moves = set()
    entries = {}
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        name = data["correctSpelling"].strip()
        if data["category"] not in TYPES:
            raise SystemExit(f"{path}: unknown category {data['category']!r}")
        if name in drops:
            log(f"drop entry {name}: {drops[name]}")
            continue
        if name in entries:
            raise SystemExit(f"{path}: duplicate entry {name}")
        kind = TYPES[data["category"]]
        related = set(data.get("relatedSpellings") or [])
        entry = {"name": name, "type": kind, "country": "UA",
                 **{key: [] for key in LIST_KEYS}}
        notes = []
        for form in data.get("incorrectSpellings") or []:
            form = form.strip()
            move = (moves.get(name) or {}).get(form)
            if move:
                used_moves.add((name, form))
                log(f"{name}: {form} -> {move['to']} ({move['why']})")
                if move["to"] != "drop":
                    entry[move["to"]].append(form)
                notes.append(f"{form}: {'not listed' if move['to'] == 'drop' else move['to']}"
                             f" ({move['why']})")
            elif form == name:
                log(f"{name}: incorrect form equal to the name skipped")
            elif is_cyrillic(form):
                log(f"{name}: Cyrillic incorrect form {form} skipped")
            elif form in related:
                log(f"{name}: {form} is both incorrect and related in the source; skipped")
            elif kind == "given-name":
                entry["russian_forms"].append(form)
            else:
                entry["incorrect"].append(form)
        extra = adds.get(name) or {}
        for key in LIST_KEYS:
            entry[key] = dedupe(entry[key] + list(extra.get(key) or []))
        if extra.get("note"):
            notes.insert(0, extra["note"])
        entry["note"] = "; ".join(notes)
        entries[name] = entry
    for name, forms in moves.items():
        for form in forms:
            if (name, form) not in used_moves:
                raise SystemExit(f"override move {name}/{form} matches no source form")
    for name in adds:
        if name not in entries:
            raise SystemExit(f"override add for {name} matches no source entry")
    for extra in overrides.get("extra_entries") or []:
        if extra["name"] in entries:
            raise SystemExit(f"extra entry {extra['name']} already in the source")
        entries[extra["name"]] = dict(extra)
    return sorted(entries.values(),
                  key=lambda e: (TYPE_ORDER.index(e["type"]), e["name"].casefold()))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src", nargs="?", default=str(DEFAULT_SRC))
    ap.add_argument("-o", "--out", default=str(DEFAULT_OUT))
    ap.add_argument("-v", "--verbose", action="store_true", help="print every decision")
    args = ap.parse_args(argv)
    src, out = Path(args.src), Path(args.out)
    overrides = yaml.safe_load(OVERRIDES.read_text(encoding="utf-8")) or {}
    log = print if args.verbose else (lambda *_: None)
    entries = build(src, overrides, log)
    header = [
        "GENERATED by scripts/build_ukraine_glossary.py - do not edit by hand;",
        "change scripts/data/ukraine_overrides.yaml and re-run the script.",
        "",
        "Derived from SpellingUkraine (https://github.com/Tyrrrz/SpellingUkraine, commit ba86f92),",
        "Copyright (c) 2022-2026 Oleksii Holub, MIT licence: see LICENSE-spellingukraine.txt.",
        "House-style changes to the source are listed in scripts/data/ukraine_overrides.yaml.",
    ]
    text = dump_pack(
        "ukraine",
        "Ukrainian places, people, given names, companies and phrases in national romanisation",
        f"{SOURCE_ID} + house-style overrides (scripts/data/ukraine_overrides.yaml)",
        entries, header)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    shutil.copyfile(src / "LICENSE.txt", out.parent / "LICENSE-spellingukraine.txt")
    print(f"wrote {out}: {len(entries)} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
