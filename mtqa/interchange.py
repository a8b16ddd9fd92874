"""Glossary interchange: TBX (ISO 30042) and newsroom spreadsheets (CSV) to and from the mtqa
glossary format (docs/glossary-format.md). See docs/glossary-interchange.md.

TBX import reads TBX-Basic / TBX-Core of both editions: 2008 (`martif`, `termEntry`,
`langSet`, `tig`/`ntig`) and 2019 (`tbx`, `conceptEntry`, `langSec`, `termSec`), data
categories either as `<termNote type="administrativeStatus">` or as elements
(`<basic:administrativeStatus>`, DCT style). Terms of one language (English by default)
become the entry's forms by their status:

    preferredTerm / standardizedTerm / legalTerm / regulatedTerm  -> name (canonical)
    admittedTerm, or no status                                    -> variants
    deprecatedTerm / supersededTerm                               -> incorrect

`subjectField` (or a termNote `mtqa:type`) gives the entry type where it names one (person,
place, organisation, ...). Parsing refuses entity declarations and reads nothing external.
"""
from __future__ import annotations

import csv
import io
import re
from typing import Dict, List, Optional, Sequence, Tuple
from xml.etree import ElementTree as ET

from mtqa.problems import ProblemsError
from mtqa import safexml
# the one type vocabulary of every glossary format lives in mtqa.glossary (YAML accepts the
# same synonyms as spreadsheet type cells and TBX subject fields)
from mtqa.glossary import ENTRY_TYPES, TYPE_SYNONYMS, Entry, entry_type  # noqa: F401

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX3_NS = "urn:iso:std:iso:30042:ed-2"
MTQA_NOTE = "mtqa:"  # usage notes that carry mtqa's own distinctions through TBX

CANONICAL_STATUS = ("preferredterm", "standardizedterm", "legalterm", "regulatedterm")
VARIANT_STATUS = ("admittedterm",)
INCORRECT_STATUS = ("deprecatedterm", "supersededterm")

class InterchangeError(ProblemsError):
    """The file cannot be imported; `problems` name the file (and line) and what is wrong."""


# ---- entries as plain dicts (the YAML shape) -----------------------------------------------

def entry_to_dict(entry: Entry) -> Dict:
    out: Dict = {"name": entry.name, "type": entry.type}
    if entry.country:
        out["country"] = entry.country
    if entry.variants:
        out["variants"] = list(entry.variants)
    if entry.incorrect:
        out["incorrect"] = [form if fix == entry.name else {"form": form, "fix": fix}
                            for form, fix in entry.incorrect.items()]
    for key in ("russian_forms", "exceptions", "accept"):
        if getattr(entry, key):
            out[key] = list(getattr(entry, key))
    if entry.note:
        out["note"] = entry.note
    return out


def dump_yaml(entries: Sequence[Dict], pack: str, description: str) -> str:
    import yaml

    doc = {"pack": pack, "description": description, "entries": list(entries)}
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


class _Builder:
    """Collects the forms of one entry, dropping duplicates and contradictions."""

    def __init__(self, where: str):
        self.where = where
        self.name: Optional[str] = None
        self.type: Optional[str] = None
        self.country: Optional[str] = None
        self.variants: List[str] = []
        self.incorrect: Dict[str, str] = {}
        self.lists: Dict[str, List[str]] = {"russian_forms": [], "exceptions": [], "accept": []}
        self.notes: List[str] = []

    def add(self, form: str, kind: str, fix: Optional[str] = None) -> None:
        form = " ".join(form.split())
        if not form:
            return
        if kind == "canonical" and self.name is None:
            self.name = form
        elif kind in ("canonical", "variant"):
            if form != self.name and form not in self.variants:
                self.variants.append(form)
        elif kind == "incorrect":
            self.incorrect.setdefault(form, fix or "")
        elif form not in self.lists[kind]:
            self.lists[kind].append(form)

    def build(self, default_type: str, warnings: List[str]) -> Optional[Dict]:
        if self.name is None and self.variants:
            self.name = self.variants.pop(0)
        if self.name is None:
            warnings.append(f"{self.where}: no preferred or admitted term; entry skipped")
            return None
        entry: Dict = {"name": self.name, "type": self.type or default_type}
        if self.country:
            entry["country"] = self.country
        if self.variants:
            entry["variants"] = self.variants
        incorrect = []
        for form, fix in self.incorrect.items():
            if form == self.name or form in self.variants:
                warnings.append(f"{self.where}: {form!r} is both a correct and an incorrect "
                                f"form of {self.name}; kept as correct")
                continue
            incorrect.append(form if not fix or fix == self.name else {"form": form, "fix": fix})
        if incorrect:
            entry["incorrect"] = incorrect
        for key, values in self.lists.items():
            if values:
                entry[key] = values
        if self.notes:
            entry["note"] = "; ".join(self.notes)
        return entry


# ---- TBX import -------------------------------------------------------------------------------

def _category(elem: ET.Element) -> Tuple[Optional[str], str]:
    """(data category, value) of a termNote/descrip/admin element, either style."""
    tag = safexml.local(elem.tag)
    text = "".join(elem.itertext()).strip()
    if tag in ("termNote", "descrip", "admin", "descripNote", "adminNote", "transacNote"):
        return elem.get("type"), text
    return tag, text


def _status(value: str) -> str:
    value = value.strip().lower()
    for suffix in ("-admn-sts", "-auth"):
        if value.endswith(suffix):
            value = value[:-len(suffix)]
    if value in CANONICAL_STATUS or value == "preferred":
        return "canonical"
    if value in INCORRECT_STATUS or value in ("deprecated", "superseded"):
        return "incorrect"
    return "variant"


def read_tbx(text: str, path: str, lang: str = "en", default_type: str = "term"
             ) -> Tuple[List[Dict], List[str]]:
    """Entries (as glossary dicts) and warnings. Raises InterchangeError."""
    try:
        root = safexml.parse(text)
    except ValueError as exc:
        raise InterchangeError([f"{path}: {exc}"]) from None
    if safexml.local(root.tag) not in ("martif", "tbx"):
        raise InterchangeError([f"{path}: not a TBX file (the root element is "
                                f"<{safexml.local(root.tag)}>)"])
    entries: List[Dict] = []
    warnings: List[str] = []
    other_langs: Dict[str, int] = {}
    for concept in root.iter():
        if safexml.local(concept.tag) not in ("termEntry", "conceptEntry"):
            continue
        where = f"{path}: entry {concept.get('id') or len(entries) + 1}"
        b = _Builder(where)
        _concept_level(concept, b)
        for lang_set in concept:
            if safexml.local(lang_set.tag) not in ("langSet", "langSec"):
                continue
            code = (lang_set.get(XML_LANG) or "").split("-")[0].lower()
            if code != lang:
                other_langs[code or "?"] = other_langs.get(code or "?", 0) + 1
                continue
            _concept_level(lang_set, b)
            for term_sec in lang_set:
                if safexml.local(term_sec.tag) in ("tig", "ntig", "termSec"):
                    _term(term_sec, b)
        entry = b.build(default_type, warnings)
        if entry:
            entries.append(entry)
    if other_langs:
        listing = ", ".join(f"{n} {code}" for code, n in sorted(other_langs.items()))
        warnings.append(f"{path}: skipped term sets in other languages ({listing}); "
                        f"choose the language with --lang")
    return entries, warnings


def _concept_level(elem: ET.Element, b: _Builder) -> None:
    for child in elem:
        tag = safexml.local(child.tag)
        if tag in ("langSet", "langSec", "tig", "ntig", "termSec"):
            continue
        if tag == "descripGrp":
            _concept_level(child, b)
            continue
        if tag == "note":
            _note("".join(child.itertext()).strip(), b)
            continue
        category, value = _category(child)
        if category == "subjectField" and b.type is None:
            b.type = entry_type(value)
            if b.type is None and value:
                b.notes.append(f"subject: {value}")


def _note(text: str, b: _Builder) -> None:
    m = re.fullmatch(r"country:\s*([A-Za-z]{2})", text)
    if m:
        b.country = m.group(1).upper()
    elif text:
        b.notes.append(text)


def _term(term_sec: ET.Element, b: _Builder) -> None:
    form = None
    status = None
    usage: List[str] = []
    for elem in term_sec.iter():
        tag = safexml.local(elem.tag)
        if tag == "term" and form is None:
            form = "".join(elem.itertext())
            continue
        category, value = _category(elem)
        if category in ("administrativeStatus", "normativeAuthorization"):
            status = value
        elif category == "usageNote":
            usage.append(value)
        elif category == "subjectField" and b.type is None:
            b.type = entry_type(value)
    if form is None:
        return
    kind = _status(status) if status else "variant"
    fix = None
    for note in usage:
        if note.startswith(MTQA_NOTE):
            key, _, value = note[len(MTQA_NOTE):].partition("=")
            if key in ("russian-form", "exception", "accept"):
                kind = {"russian-form": "russian_forms", "exception": "exceptions",
                        "accept": "accept"}[key]
            elif key == "fix" and value:
                fix = value
    b.add(form, kind, fix)


# ---- TBX export -------------------------------------------------------------------------------

def write_tbx(entries: Sequence[Entry], version: int = 2, source: str = "") -> str:
    """TBX-Basic, edition 2008 (`martif`, the form most CAT tools import) or 2019 (`tbx`)."""
    if version == 2:
        root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
        header = ET.SubElement(root, "martifHeader")
        names = ("termEntry", "langSet", "tig")
    else:
        root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en",
                                  "xmlns": TBX3_NS})
        header = ET.SubElement(root, "tbxHeader")
        names = ("conceptEntry", "langSec", "termSec")
    desc = ET.SubElement(ET.SubElement(header, "fileDesc"), "sourceDesc")
    ET.SubElement(desc, "p").text = f"Exported by mtqa{' from ' + source if source else ''}"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for i, e in enumerate(entries, 1):
        concept = ET.SubElement(body, names[0], {"id": f"e{i}"})
        ET.SubElement(concept, "descrip", {"type": "subjectField"}).text = e.type
        if e.country:
            ET.SubElement(concept, "note").text = f"country: {e.country}"
        if e.note:
            ET.SubElement(concept, "note").text = e.note
        lang_set = ET.SubElement(concept, names[1], {XML_LANG: "en"})

        def term(form: str, status: str, usage: Optional[str] = None) -> None:
            sec = ET.SubElement(lang_set, names[2])
            ET.SubElement(sec, "term").text = form
            ET.SubElement(sec, "termNote", {"type": "administrativeStatus"}).text = \
                f"{status}-admn-sts"
            if usage:
                ET.SubElement(sec, "termNote", {"type": "usageNote"}).text = usage

        term(e.name, "preferredTerm")
        for v in e.variants:
            term(v, "admittedTerm")
        for form, fix in e.incorrect.items():
            term(form, "deprecatedTerm", None if fix == e.name else f"{MTQA_NOTE}fix={fix}")
        for v in e.russian_forms:
            term(v, "admittedTerm", f"{MTQA_NOTE}russian-form")
        for v in e.exceptions:
            term(v, "admittedTerm", f"{MTQA_NOTE}exception")
        for v in e.accept:
            term(v, "admittedTerm", f"{MTQA_NOTE}accept")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# ---- CSV import -------------------------------------------------------------------------------

CSV_COLUMNS: Dict[str, Tuple[str, ...]] = {
    "name": ("name", "canonical", "correct", "preferred", "term", "house style", "use"),
    "type": ("type", "category", "kind"),
    "country": ("country",),
    "variants": ("variants", "variant", "also", "accepted", "alternatives"),
    "incorrect": ("incorrect", "wrong", "avoid", "do not use", "don't use", "deprecated",
                  "misspellings"),
    "russian_forms": ("russian_forms", "russian forms", "russian"),
    "exceptions": ("exceptions", "exception"),
    "accept": ("accept",),
    "note": ("note", "notes", "comment", "comments"),
}
_LIST_COLUMNS = ("variants", "incorrect", "russian_forms", "exceptions", "accept")


def _column(header: str) -> Optional[str]:
    h = " ".join(header.strip().lower().replace("_", " ").split())
    for key, names in CSV_COLUMNS.items():
        if h in (n.replace("_", " ") for n in names):
            return key
    return None


def read_csv(text: str, path: str, default_type: str = "term") -> Tuple[List[Dict], List[str]]:
    """Entries from a spreadsheet export: a header row naming the columns (see CSV_COLUMNS),
    ',' or ';' (or tab) as delimiter, list cells separated by '|' (or ';' when the delimiter
    is ',')."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = [(n, row) for n, row in enumerate(reader, 1) if any(c.strip() for c in row)]
    if not rows:
        raise InterchangeError([f"{path}: the file is empty"])
    header_line, header = rows[0]
    columns = [_column(h) for h in header]
    if "name" not in columns:
        accepted = ", ".join(CSV_COLUMNS["name"])
        raise InterchangeError([f"{path}:{header_line}: the header row needs a column for the "
                                f"correct form (one of: {accepted}); found: "
                                f"{', '.join(h.strip() for h in header)}"])
    unknown = [h for h, c in zip(header, columns) if c is None and h.strip()]
    warnings = [f"{path}:{header_line}: column(s) ignored: {', '.join(unknown)}"] if unknown else []
    list_split = r"\s*[|;]\s*" if delimiter != ";" else r"\s*\|\s*"
    entries: List[Dict] = []
    problems: List[str] = []
    for line, row in rows[1:]:
        cells = {c: (row[i].strip() if i < len(row) else "") for i, c in enumerate(columns) if c}
        where = f"{path}:{line}"
        b = _Builder(where)
        b.add(cells.get("name", ""), "canonical")
        if b.name is None:
            problems.append(f"{where}: no correct form in this row")
            continue
        raw_type = cells.get("type", "")
        b.type = entry_type(raw_type) if raw_type else default_type
        if b.type is None:
            problems.append(f"{where}: unknown type {raw_type!r} (use one of "
                            f"{', '.join(ENTRY_TYPES)})")
            continue
        if cells.get("country"):
            b.country = cells["country"].upper()
        for key in _LIST_COLUMNS:
            for item in re.split(list_split, cells.get(key, "")):
                if not item:
                    continue
                if key == "incorrect":
                    form, _, fix = item.partition("=>")
                    b.add(form.strip(), "incorrect", fix.strip() or None)
                else:
                    b.add(item, {"variants": "variant"}.get(key, key))
        if cells.get("note"):
            b.notes.append(cells["note"])
        entry = b.build(default_type, warnings)
        if entry:
            entries.append(entry)
    if problems:
        raise InterchangeError(problems)
    return entries, warnings


def validate(entries: Sequence[Dict], where: str) -> List[Entry]:
    """Check imported entries as `mtqa glossary check` would; raise InterchangeError."""
    from mtqa.glossary import _entry_from_dict

    problems: List[str] = []
    out = []
    for i, raw in enumerate(entries, 1):
        entry = _entry_from_dict(dict(raw), f"{where}: entry {i}", problems, "")
        if entry:
            out.append(entry)
    if problems:
        raise InterchangeError(problems)
    return out
