"""The name glossary: the newsroom's house style for names (format: docs/glossary-format.md).

`load_glossary` reads bundled packs and user files into a `Glossary`, which answers two
questions fast: which glossary forms occur in an article (token-keyed phrase matching, no
giant regex), and which entries a word could be a near miss of (see `mtqa.nameindex`).
"""
from __future__ import annotations

import bisect
import io
from array import array
from itertools import accumulate, chain, compress, count, repeat
from operator import add, attrgetter, ge, itemgetter
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from mtqa.problems import ProblemsError
from mtqa import cache
from mtqa.article import TOKEN_RE, Article
from mtqa.plain import FrozenPlain, LazyValues, Plain
from mtqa.sortedtext import SwitchingLookup, has_line

ENTRY_TYPES = ("person", "given-name", "surname", "place", "organisation", "term")
_KNOWN_KEYS = {"name", "type", "country", "variants", "incorrect", "russian_forms", "exceptions",
               "accept", "note", "replace"}

# The one type vocabulary of every glossary format (YAML, TSV, CSV, TBX): an entry's `type`
# is one of ENTRY_TYPES or a synonym of one, and becomes that type ("city" → place).
TYPE_SYNONYMS: Dict[str, str] = {}
for _type, _phrases in {
    "person": ["person", "people", "persons", "politician", "person name", "personal name",
               "name of person"],
    "place": ["place", "places", "geography", "toponym", "location", "city", "country",
              "region", "town", "village", "placename", "place name", "geographical name",
              "geographic name"],
    "organisation": ["organisation", "organization", "organisations", "organizations",
                     "company", "institution", "agency", "party", "org", "organisation name",
                     "organization name"],
    "given-name": ["given-name", "given name", "first name", "forename"],
    "surname": ["surname", "family name", "last name"],
    "term": ["term", "terms", "terminology"],
}.items():
    for _phrase in _phrases:
        TYPE_SYNONYMS[_phrase] = _type


def entry_type(value) -> Optional[str]:
    """The entry type a `type` value names (case, '_' and spacing ignored), or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    return TYPE_SYNONYMS.get(" ".join(value.strip().lower().replace("_", " ").split()))
LIST_KEYS = ("variants", "russian_forms", "exceptions", "accept")

# Kinds of glossary form, as reported by matches.
CANONICAL, VARIANT, INCORRECT, RUSSIAN, ACCEPT = "canonical", "variant", "incorrect", "russian", "accept"


class GlossaryError(ProblemsError):
    """A glossary file could not be loaded; `problems` lists "path:line: message" strings."""

    def __reduce__(self):
        # keeps `problems` intact when the error crosses a process boundary
        return GlossaryError, (self.problems,)


class Entry(Plain):  # a plain class, not @dataclass (start-up: mtqa/plain.py)
    name: str
    type: str
    country: Optional[str] = None
    variants: List[str]
    incorrect: Dict[str, str]  # wrong form -> fix
    russian_forms: List[str]
    exceptions: List[str]
    accept: List[str]
    note: str = ""
    pack: str = ""
    origin: str = ""  # "file:line", for messages
    # a later file's entry for the same name replaces this one instead of merging with it
    replace: bool = False

    def __init__(self, name: str, type: str, country: Optional[str] = None,
                 variants: Optional[List[str]] = None, incorrect: Optional[Dict[str, str]] = None,
                 russian_forms: Optional[List[str]] = None,
                 exceptions: Optional[List[str]] = None, accept: Optional[List[str]] = None,
                 note: str = "", pack: str = "", origin: str = "", replace: bool = False):
        self.name = name
        self.type = type
        self.country = country
        self.variants = [] if variants is None else variants
        self.incorrect = {} if incorrect is None else incorrect
        self.russian_forms = [] if russian_forms is None else russian_forms
        self.exceptions = [] if exceptions is None else exceptions
        self.accept = [] if accept is None else accept
        self.note = note
        self.pack = pack
        self.origin = origin
        self.replace = replace

    @property
    def surname(self) -> Optional[str]:
        if self.type == "person" and " " in self.name:
            return self.name.split()[-1]
        return None

    def fix_for_russian_form(self, form: str) -> str:
        """Russian forms of a full name map word by word onto the canonical name."""
        return self.name


class GlossaryMatch(FrozenPlain):
    start: int
    end: int
    form: str
    kind: str
    entry: Entry
    fix: Optional[str] = None

    def __init__(self, start: int, end: int, form: str, kind: str, entry: Entry,
                 fix: Optional[str] = None):
        _set = object.__setattr__
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "form", form)
        _set(self, "kind", kind)
        _set(self, "entry", entry)
        _set(self, "fix", fix)


# ---- loading --------------------------------------------------------------------------------

def _entry_from_dict(raw: dict, where: str, problems: List[str], pack: str) -> Optional[Entry]:
    unknown = set(raw) - _KNOWN_KEYS - {"__line__"}
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(f"{where}: entry needs a non-empty 'name'")
        return None
    etype = entry_type(raw.get("type"))
    if etype is None:
        problems.append(f"{where}: {name}: 'type' must be one of {', '.join(ENTRY_TYPES)} "
                        f"(or a synonym such as city, company, first name), "
                        f"not {raw.get('type')!r}")
        return None
    replace = raw.get("replace", False)
    if not isinstance(replace, bool):
        problems.append(f"{where}: {name}: 'replace' must be true or false")
        replace = False
    entry = Entry(name=name.strip(), type=etype, pack=pack, origin=where,
                  country=raw.get("country"), note=str(raw.get("note") or ""), replace=replace)
    for key in LIST_KEYS:
        value = raw.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"{where}: {name}: '{key}' must be a list of strings")
            continue
        setattr(entry, key, [v.strip() for v in value if v.strip()])
    incorrect = raw.get("incorrect") or []
    if not isinstance(incorrect, list):
        problems.append(f"{where}: {name}: 'incorrect' must be a list")
        incorrect = []
    for item in incorrect:
        if isinstance(item, str):
            form, fix = item.strip(), entry.name
        elif isinstance(item, dict) and isinstance(item.get("form"), str):
            form, fix = item["form"].strip(), str(item.get("fix") or entry.name)
        else:
            problems.append(f"{where}: {name}: each 'incorrect' item is a string or "
                            f"{{form: ..., fix: ...}}")
            continue
        if form == entry.name or form in entry.variants:
            problems.append(f"{where}: {name}: {form!r} is both correct and incorrect")
            continue
        if _contains_form(fix, form):
            # (security, issue 13) "Kiev" -> "Kyiv (Kiev)" recreates its own finding: every
            # fix pass would grow the text (Kyiv (Kyiv (... (Kiev))))
            problems.append(f"{where}: {name}: the fix {fix!r} contains the wrong form "
                            f"{form!r} itself; it would never settle")
            continue
        entry.incorrect[form] = fix
    for form in entry.russian_forms:
        if entry.type != "person" and _contains_form(entry.name, form):
            problems.append(f"{where}: {name}: the name contains its own Russian form "
                            f"{form!r}; fixing it would never settle")
    return entry


def _contains_form(text: str, form: str) -> bool:
    """Does text contain form as whole words (the way the glossary matches forms)?"""
    words, wanted = TOKEN_RE.findall(text), TOKEN_RE.findall(form)
    if not wanted:
        return False
    n = len(wanted)
    return any(words[k:k + n] == wanted for k in range(len(words) - n + 1))


def _load_yaml(path: Path, text: str, problems: List[str]) -> Tuple[str, List[Entry]]:
    from mtqa.yamlio import load_with_lines

    data, problem = load_with_lines(text, path)
    if problem:
        problems.append(problem)
        return path.stem, []
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        problems.append(f"{path}:1: a glossary is a mapping with an 'entries' list")
        return path.stem, []
    pack = str(data.get("pack") or path.stem)
    entries = []
    for i, raw in enumerate(data["entries"]):
        if not isinstance(raw, dict):
            problems.append(f"{path}: entry {i + 1} is not a mapping")
            continue
        entry = _entry_from_dict(raw, f"{path}:{raw.get('__line__', '?')}", problems, pack)
        if entry:
            entries.append(entry)
    return pack, entries


def _split_cell(cell: str) -> List[str]:
    return [c.strip() for c in (cell or "").split("|") if c.strip()]


def _load_tsv(path: Path, text: str, problems: List[str]) -> Tuple[str, List[Entry]]:
    pack = path.stem
    lines = text.splitlines()
    body_start = 0
    for i, line in enumerate(lines):
        if line.startswith("#"):
            if line[1:].strip().startswith("pack:"):
                pack = line.split(":", 1)[1].strip() or pack
            body_start = i + 1
        else:
            break
    import csv  # only TSV glossaries need it (start-up)

    reader = csv.DictReader(io.StringIO("\n".join(lines[body_start:])), delimiter="\t",
                            quoting=csv.QUOTE_NONE)
    if not reader.fieldnames or "name" not in reader.fieldnames or "type" not in reader.fieldnames:
        problems.append(f"{path}:{body_start + 1}: TSV header needs at least 'name' and 'type'")
        return pack, []
    entries = []
    for row_no, row in enumerate(reader, start=body_start + 2):
        raw = {k: v for k, v in row.items() if k and v}
        for key in LIST_KEYS:
            if key in raw:
                raw[key] = _split_cell(raw[key])
        if "incorrect" in raw:
            raw["incorrect"] = [{"form": c.split("=>")[0], "fix": c.split("=>")[1]} if "=>" in c
                                else c for c in _split_cell(raw["incorrect"])]
        entry = _entry_from_dict(raw, f"{path}:{row_no}", problems, pack)
        if entry:
            entries.append(entry)
    return pack, entries


# Termbases and spreadsheets are read directly (`--glossary names.csv`), through the importer
# of `mtqa glossary import` (mtqa.interchange), with its defaults: TBX terms in English,
# type "term" where the file names none.
INTERCHANGE_SUFFIXES = (".csv", ".tbx")


def _load_interchange(path: Path, text: str, problems: List[str]) -> Tuple[str, List[Entry]]:
    from mtqa.interchange import InterchangeError, read_csv, read_tbx

    try:
        if path.suffix.lower() == ".csv":
            raw_entries, _ = read_csv(text, str(path))
        else:
            raw_entries, _ = read_tbx(text, str(path))
    except InterchangeError as exc:
        problems += exc.problems
        return path.stem, []
    entries = []
    for i, raw in enumerate(raw_entries, 1):
        entry = _entry_from_dict(dict(raw), f"{path}: entry {i}", problems, path.stem)
        if entry:
            entries.append(entry)
    return path.stem, entries


def load_file(path) -> Tuple[str, List[Entry]]:
    """Read one glossary file; raise GlossaryError listing every problem found."""
    path = Path(path)
    problems: List[str] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GlossaryError([f"{path}: no such file"]) from None
    except UnicodeDecodeError as exc:
        raise GlossaryError([f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"]) from None
    except OSError as exc:
        raise GlossaryError([f"{path}: cannot read ({exc.strerror})"]) from None
    suffix = path.suffix.lower()
    if suffix == ".tsv":
        pack, entries = _load_tsv(path, text, problems)
    elif suffix in INTERCHANGE_SUFFIXES:
        pack, entries = _load_interchange(path, text, problems)
    else:
        pack, entries = _load_yaml(path, text, problems)
    if problems:
        raise GlossaryError(problems)
    return pack, entries


def bundled_pack_paths() -> Dict[str, Path]:
    """Bundled packs by id (the file stem): glossaries/*.yaml, installed as mtqa.glossaries.
    In a source checkout the folder beside the package is used directly."""
    folder = Path(__file__).resolve().parent.parent / "glossaries"
    if not (folder / "__init__.py").exists():
        import mtqa.glossaries as bundled

        folder = Path(bundled.__file__).parent
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def load_glossary(extra_files: Sequence = (), disabled_packs: Iterable[str] = (),
                  bundled: bool = True) -> "Glossary":
    disabled = set(disabled_packs)
    paths: List[Path] = []
    if "all" in disabled:  # --no-pack all: only the user's own glossaries
        bundled = False
    if bundled:
        available = bundled_pack_paths()
        unknown = disabled - set(available)
        if unknown:
            raise GlossaryError([f"no bundled pack named {', '.join(sorted(unknown))} "
                                 f"(bundled: {', '.join(available)})"])
        paths += [p for name, p in available.items() if name not in disabled]
    paths += [Path(p) for p in extra_files]
    # Parsing YAML is slow (seconds for thousands of entries): the built glossary, with its
    # name index, is cached on disk under a hash of the files' contents (see mtqa.cache).
    try:
        key = cache.file_key(paths + _CACHE_SHAPING_CODE)
    except OSError:
        key = None  # a missing or unreadable file: build, and report it as usual
    if key is not None:
        found = cache.load("glossary", key)
        if isinstance(found, Glossary):
            return found
    glossary = _build_glossary(paths)
    if key is not None and cache.cache_dir() is not None:
        glossary.index  # noqa: B018  (cache it built)
        glossary.lowered_words()
        cache.store("glossary", key, glossary)
    return glossary


# The cached glossary holds the state of objects defined here and in nameindex.py (mtqa.cache's
# data format): their source is part of the cache key, so a changed class never meets stale state.
_CACHE_SHAPING_CODE = [Path(__file__), Path(__file__).with_name("nameindex.py"),
                       Path(__file__).with_name("article.py")]


def _build_glossary(paths: Sequence[Path]) -> "Glossary":
    entries: Dict[str, Entry] = {}
    problems: List[str] = []
    for path in paths:
        try:
            _, loaded = load_file(path)
        except GlossaryError as exc:
            problems += exc.problems
            continue
        for entry in loaded:
            earlier = entries.get(entry.name)
            entries[entry.name] = entry if earlier is None or entry.replace \
                else merge_entries(earlier, entry)
    if problems:
        raise GlossaryError(problems)
    return Glossary(list(entries.values()))


def merge_entries(earlier: Entry, later: Entry) -> Entry:
    """A later file's entry for a name already known (a house glossary's "Kyiv" over the
    bundled one) adds to it rather than dropping what the earlier one knew (docs/
    glossary-format.md, "Several glossaries"): the later type, and country and note where
    given, win; lists are joined; a form the later entry calls correct is no longer wrong,
    and a form it calls wrong is no longer correct. `replace: true` on the later entry
    replaces the earlier one instead."""
    correct_now = {later.name, *later.variants, *later.accept}
    wrong_now = set(later.incorrect) | set(later.russian_forms)

    def join(a, b, drop=()):
        return [x for x in dict.fromkeys([*a, *b]) if x not in drop]

    incorrect = {f: fix for f, fix in earlier.incorrect.items() if f not in correct_now}
    incorrect.update(later.incorrect)
    return Entry(
        name=later.name, type=later.type, country=later.country or earlier.country,
        variants=join(earlier.variants, later.variants, wrong_now),
        incorrect=incorrect,
        russian_forms=join(earlier.russian_forms, later.russian_forms, correct_now),
        exceptions=join(earlier.exceptions, later.exceptions),
        accept=join(earlier.accept, later.accept, wrong_now),
        note=later.note or earlier.note, pack=later.pack,
        origin=f"{later.origin} (merged with {earlier.origin})")


# ---- matching -------------------------------------------------------------------------------

class _BuiltOnCompare(LazyValues):
    """A lazily built table of a cached glossary that compares (==) by its built values, as
    the table of a freshly built glossary would."""

    __slots__ = ()

    def __eq__(self, other):
        return dict(self.items()) == (dict(other.items()) if isinstance(other, dict) else other)

    def __ne__(self, other):
        return not self == other

    __hash__ = None


class _LazyPhrases(_BuiltOnCompare):
    """The phrase table of a cached glossary (first token -> [(number of tokens, form)],
    longest first), each token's candidates built from the cache's columns the first time
    the token is looked up: an article reaches a few dozen of ~4,000 tokens (start-up, docs/
    scale.md "Cold start"). Until then a key holds its number k: its rows are
    ends[k - 1]:ends[k] of the row columns in `rows`. Membership tests never build; `[]`,
    `get`, `values`, `items` and `==` see built lists."""

    __slots__ = ("rows",)
    _stored = int

    def _build(self, first: str, k: int) -> List[Tuple[int, str]]:
        ends, counts, form_numbers, forms = self.rows
        return [(counts[i], forms[form_numbers[i]])
                for i in range(ends[k - 1] if k else 0, ends[k])]


class _KnownWords:
    """A cached glossary's known_words: its sorted words as the lines of one string, a word
    looked up by bisection (mtqa.sortedtext), remembered, and the whole set built after
    SWITCH_AFTER distinct words (a batch); iterating, len() and == see the set. Splitting
    and hashing all ~4,000 words was ~2.7 M instructions of every start-up, where a one-file
    check asks about a few dozen."""

    __slots__ = ("_text", "_lookup", "_set")
    SWITCH_AFTER = 300

    def __init__(self, text: str):
        self._text = text  # (sorted, one word a line, no empty line)
        self._set: Optional[set] = None
        self._lookup = SwitchingLookup(self._search, lambda: self._as_set().__contains__,
                                       self.SWITCH_AFTER)

    def _search(self, word: str) -> bool:
        return "\n" not in word and has_line(self._text, word)

    def _as_set(self) -> set:
        if self._set is None:
            self._set = set(self._text.split("\n"))
        return self._set

    def __contains__(self, word) -> bool:
        return type(word) is str and self._lookup(word)

    def __iter__(self):
        return iter(self._as_set())

    def __len__(self) -> int:
        return len(self._as_set())

    def __eq__(self, other):
        return self._as_set() == (other._as_set() if isinstance(other, _KnownWords) else other)

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def __repr__(self) -> str:
        return f"_KnownWords({self._as_set()!r})"


class _EntryRows:
    """A cached glossary's entries, each kept as its stored row (one string) until it is
    first asked for, then built once (the same Entry object every time). A one-file check
    reaches a few hundred of ~3,000 entries; building all of them, with the tables that point
    at them, was about a sixth of its start-up instructions (docs/scale.md, "Cold start")."""

    __slots__ = ("rows", "built")
    FIELD = "\x1d"  # between an entry's fields in its row (rows: UTF-8 bytes)

    def __init__(self, rows: List[bytes]):
        self.rows = rows
        self.built: List[Optional[Entry]] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> Entry:
        entry = self.built[i]
        if entry is None:
            entry = self.built[i] = self._make(self.rows[i])
        return entry

    @staticmethod
    def row(e: Entry) -> str:
        item, none = Glossary._ITEM, Glossary._NONE

        def items(values) -> str:  # "" for an empty list, else each item after a separator
            return "".join(item + v for v in values)

        return _EntryRows.FIELD.join([
            e.name, e.type, none if e.country is None else e.country, items(e.variants),
            items(x for kv in e.incorrect.items() for x in kv), items(e.russian_forms),
            items(e.exceptions), items(e.accept), e.note, e.pack, e.origin,
            "1" if e.replace else "0"])

    @staticmethod
    def _make(row: bytes) -> Entry:
        item, none = Glossary._ITEM, Glossary._NONE
        (name, type_, country, variants, incorrect, russian, exceptions, accept, note, pack,
         origin, replace) = row.decode("utf-8", "surrogatepass").split(_EntryRows.FIELD)
        pairs = incorrect.split(item)  # wrong form, fix, wrong form, fix... after a separator
        return Entry(name, type_, None if country == none else country,
                     variants.split(item)[1:] if variants else [],
                     dict(zip(pairs[1::2], pairs[2::2])) if incorrect else {},
                     russian.split(item)[1:] if russian else [],
                     exceptions.split(item)[1:] if exceptions else [],
                     accept.split(item)[1:] if accept else [], note, pack, origin,
                     replace == "1")


class _LazyEntryTable(_BuiltOnCompare):
    """name -> entry (by_name, name_words) of a cached glossary: an entry number until the
    key is first looked up."""

    __slots__ = ("entries",)
    _stored = int

    def _build(self, key: str, n: int) -> Entry:
        return self.entries[n]


class _LazyPeople(_BuiltOnCompare):
    """surname (or given name) -> [people] (people_by_surname, people_by_given_name) of a
    cached glossary: the key's number k until it is first looked up; its people are entries
    numbers[ends[k - 1]:ends[k]]. Stored as two int arrays and one string of keys, not as
    JSON lists: parsing ~6,000 numbers one by one was ~3 M instructions of every start-up."""

    __slots__ = ("entries", "ends", "numbers")
    _stored = int

    def _build(self, key: str, k: int) -> List[Entry]:
        ends = self.ends
        return list(map(self.entries.__getitem__, self.numbers[ends[k - 1] if k else 0:ends[k]]))

    @staticmethod
    def columns(table: Dict[str, List[Entry]], number: Dict[int, int]) -> dict:
        """The table as columns (keys joined by Glossary._ROW, ends, entry numbers)."""
        ends, numbers = array("i"), array("i")
        for people in table.values():
            numbers.extend(number[id(e)] for e in people)
            ends.append(len(numbers))
        return {"keys": Glossary._ROW.join(table), "ends": ends, "numbers": numbers}

    @classmethod
    def from_columns(cls, c: dict, entries) -> "_LazyPeople":
        keys = c["keys"].split(Glossary._ROW) if c["ends"] else []
        if len(keys) != len(c["ends"]):
            raise ValueError("damaged glossary columns")
        table = cls(zip(keys, range(len(keys))))
        table.entries, table.ends, table.numbers = entries, c["ends"], c["numbers"]
        return table


class _LazyForms(_BuiltOnCompare):
    """form -> (kind, entry, fix) of a cached glossary: the form's row number until the form
    is first looked up (the matcher looks up only the forms it found in the article)."""

    __slots__ = ("rows",)
    _stored = int

    def _build(self, form: str, n: int) -> tuple:
        kinds, entry_numbers, fixes, entries = self.rows
        if type(fixes) is str:  # split on the first look-up
            fixes = fixes.split(Glossary._ROW)
            self.rows = (kinds, entry_numbers, fixes, entries)
        fix = fixes[n]
        return (_KIND_OF_CODE[kinds[n]], entries[entry_numbers[n]],
                None if fix == Glossary._NONE else fix)


def _tokens(form: str) -> Tuple[str, ...]:
    return tuple(TOKEN_RE.findall(form))


class Glossary:
    def __init__(self, entries: Sequence[Entry]):
        self.entries = list(entries)
        self.by_name: Dict[str, Entry] = {e.name: e for e in self.entries}
        # form -> (kind, entry, fix); correct forms win over incorrect ones of other entries
        self.forms: Dict[str, Tuple[str, Entry, Optional[str]]] = {}
        for kind in (RUSSIAN, INCORRECT, ACCEPT, VARIANT, CANONICAL):
            for e in self.entries:
                for form, fix in self._forms_of(e, kind):
                    self.forms[form] = (kind, e, fix)
        # first token -> [(number of tokens, form)], longest first: token-keyed phrase
        # matching (the count is all _find_in needs of the tokens; the cache stores less)
        self._phrases: Dict[str, List[Tuple[int, str]]] = {}
        for form in self.forms:
            toks = _tokens(form)
            if toks:
                self._phrases.setdefault(toks[0], []).append((len(toks), form))
        for cands in self._phrases.values():
            cands.sort(key=lambda c: -c[0])
        # single words that are part of a correct form: a capitalised word found here is known
        self.known_words = set()
        for form, (kind, _, _) in self.forms.items():
            if kind in (CANONICAL, VARIANT, ACCEPT):
                self.known_words.update(_tokens(form))
        self.people_by_surname: Dict[str, List[Entry]] = {}
        for e in self.entries:
            if e.surname:
                self.people_by_surname.setdefault(e.surname, []).append(e)
        self._index = None

    # ---- the on-disk cache (mtqa.cache) ----------------------------------------------------
    # Stored as columns instead of an object graph: each field of the entries, the forms, the
    # phrase table's keys and the word lists are one string each, joined by separators
    # (mtqa.cache keeps a long string as raw UTF-8, not as an escaped JSON string), and the
    # tables point at entries and forms by number (arrays of ints). Decoding is then a few
    # str.split and dict(zip(...)) calls in C and one small loop per entry: a one-file check
    # reads the whole glossary at every start-up, and decoding it field by field from JSON
    # was about a fifth of its instructions (docs/scale.md, "Cold start").
    _ENTRY_FIELDS = Entry._fields
    _ROW, _ITEM, _NONE = "\x1e", "\x1f", "\x00"  # between rows, between list items; None
    _KINDS = {CANONICAL: "c", VARIANT: "v", INCORRECT: "i", RUSSIAN: "r", ACCEPT: "a"}

    def __getstate__(self):
        try:
            return self._column_state() or self._row_state()
        except (TypeError, KeyError, AttributeError):  # an odd glossary: the row format
            return self._row_state()

    def __setstate__(self, state):
        if "columns" in state:
            self._set_columns(state["columns"])
        else:
            self._set_rows(state)

    def _column_state(self) -> Optional[dict]:
        """The column format, or None when it cannot hold this glossary exactly (a string
        with a separator or a NUL in it, a value that is not a string, an empty table, an
        entry with other attributes): the row format stores it then."""
        if "_index_state" in self.__dict__:
            self.index  # noqa: B018  (a cached glossary's index, built to be stored again)
        fields = list(self._ENTRY_FIELDS)
        es = self.entries
        phrase_rows = [(first, n, form) for first, cands in self._phrases.items()
                       for n, form in cands]
        if "name_words" in self.__dict__.get("_unbuilt", ()):
            self.name_words()  # (a cached glossary's, built to be stored again)
        name_words = self.__dict__.get("_name_words")
        if not es or not self.forms or not phrase_rows or not self.known_words \
                or not self.lowered_words() or (name_words is not None and not name_words) \
                or any(list(e.__dict__) != fields or type(e.replace) is not bool for e in es):
            return None  # (an empty column would read back as one empty string)
        raw = [x for e in es for x in (e.name, e.type, e.note, e.pack, e.origin, *e.variants,
                                       *e.russian_forms, *e.exceptions, *e.accept,
                                       *(x for kv in e.incorrect.items() for x in kv))]
        raw += [e.country for e in es if e.country is not None]
        raw += [fix for _, _, fix in self.forms.values() if fix is not None]
        raw += [*self.forms, *self._phrases, *self.known_words, *self.lowered_words(),
                *(name_words or ())]
        if any(type(x) is not str or "\x00" in x or "\x1d" in x or "\x1e" in x or "\x1f" in x
               for x in raw):
            return None
        row, item, none = self._ROW, self._ITEM, self._NONE
        number = {id(e): i for i, e in enumerate(es)}
        form_number = {form: i for i, form in enumerate(self.forms)}
        columns = {
            "count": len(es),
            # each entry as one row of its fields (_EntryRows), built when first asked for
            # (UTF-8 bytes, kept as bytes until an entry is built: ~300 KB of non-ASCII
            # text a one-file check mostly never reads)
            "entries": row.join(map(_EntryRows.row, es)).encode("utf-8", "surrogatepass"),
            "name": row.join(e.name for e in es),
            "accept": row.join("".join(item + v for v in e.accept) for e in es),
            "forms": row.join(self.forms),
            "form_kinds": "".join(self._KINDS[kind] for kind, _, _ in self.forms.values()),
            "form_entries": array("i", [number[id(e)] for _, e, _ in self.forms.values()]),
            "form_fixes": row.join(none if fix is None else fix
                                   for _, _, fix in self.forms.values()),
            # each first token once, and where its rows end (they are contiguous)
            "phrase_firsts": row.join(self._phrases),
            "phrase_ends": array("i", accumulate(map(len, self._phrases.values()))),
            "phrase_counts": array("i", [n for _, n, _ in phrase_rows]),
            "phrase_forms": array("i", [form_number[form] for _, _, form in phrase_rows]),
            "known_words": row.join(sorted(self.known_words)),
            "people_by_surname": _LazyPeople.columns(self.people_by_surname, number),
            "people_by_given_name": _LazyPeople.columns(self.people_by_given_name(), number),
            "lowered_words": row.join(sorted(self.lowered_words())),
        }
        if name_words is not None:
            columns["name_words"] = row.join(name_words)
            columns["name_word_entries"] = array("i", [number[id(e)]
                                                       for e in name_words.values()])
        if self._index is not None:
            index, numbered = self._index_state(number)
            if not numbered:
                return None
            columns["index"] = index
        return {"columns": columns}

    def _index_state(self, number: Dict[int, int]) -> Tuple[dict, bool]:
        """The name index's state, its payloads stored as entry numbers (True), or left as
        they are when one of them is not an entry of this glossary (False)."""
        index = self._index.__getstate__()
        payloads = index["payloads"]
        if not (isinstance(payloads, list) and all(id(p) in number for p in payloads)):
            return index, False
        index["payloads"] = None
        # (an int array: parsed as JSON numbers, 2,600 cost ~1 M instructions of a start-up)
        index["payload_entries"] = array("i", [number[id(p)] for p in payloads])
        # its buckets {(class, length): (lo, hi)} as a string and an int array, not as JSON
        # tuples (a parser hook call each, ~1.5 M instructions of every start-up)
        buckets = index["buckets"]
        if all(type(c) is str and self._ROW not in c and type(n) is type(lo) is type(hi) is int
               for (c, n), (lo, hi) in buckets.items()):
            index["bucket_classes"] = self._ROW.join(c for c, _ in buckets)
            index["bucket_numbers"] = array("q", [x for (_, n), (lo, hi) in buckets.items()
                                                  for x in (n, lo, hi)])
            del index["buckets"]
        return index, True

    @staticmethod
    def _index_from_state(state: dict, entry) -> "NameIndex":
        """The name index from _index_state's state (entry(i): entry number i)."""
        from mtqa.nameindex import NameIndex

        if state.get("payload_entries") is not None:
            state["payloads"] = list(map(entry, state.pop("payload_entries")))
        if "bucket_classes" in state:
            numbers = state.pop("bucket_numbers")
            classes = state.pop("bucket_classes").split(Glossary._ROW) if numbers else []
            if len(numbers) != 3 * len(classes):
                raise ValueError("damaged name index")
            state["buckets"] = {(c, numbers[i]): (numbers[i + 1], numbers[i + 2])
                                for c, i in zip(classes, range(0, len(numbers), 3))}
        index = object.__new__(NameIndex)
        index.__setstate__(state)
        return index

    def _set_columns(self, c):
        """A cached glossary from its columns. Only what every check reads is built here
        (the phrase table's keys, the word sets); entries, and the tables that point at them
        (forms, by_name, people_by_surname, people_by_given_name, name_words), are built per key
        on first use."""
        row = self._ROW
        entries = _EntryRows(c["entries"].split(row.encode()))
        if len(entries) != c["count"] or c["name"].count(row) + 1 != c["count"]:
            raise ValueError("damaged glossary columns")
        self.__dict__["_entry_rows"] = entries  # `entries` (all of them): on first use
        # Tables a check may never read (by_name, accepted_forms, name_words) keep their
        # columns until first asked for (__getattr__, accepted_forms(), name_words()):
        # splitting and hashing their ~8,000 strings was ~6 M instructions of every start-up.
        self.__dict__["_unbuilt"] = {"by_name": c["name"], "accept": c["accept"]}
        forms = c["forms"].split(row)
        if not (len(forms) == len(c["form_kinds"]) == len(c["form_entries"])):
            raise ValueError("damaged glossary columns")
        self.forms = _LazyForms(zip(forms, range(len(forms))))
        self.forms.rows = (c["form_kinds"], c["form_entries"], c["form_fixes"], entries)
        # the phrase table: each first token -> its number, its candidates built when the
        # token is first looked up
        firsts = c["phrase_firsts"].split(row)
        if len(firsts) != len(c["phrase_ends"]):
            raise ValueError("damaged glossary columns")
        phrases = _LazyPhrases(zip(firsts, range(len(firsts))))
        phrases.rows = (c["phrase_ends"], c["phrase_counts"], c["phrase_forms"], forms)
        self._phrases = phrases
        known = c["known_words"]
        self.known_words = _KnownWords(known.replace(row, "\n")) if "\n" not in known \
            else set(known.split(row))
        self.people_by_surname = _LazyPeople.from_columns(c["people_by_surname"], entries)
        # (people(): in glossary order, read off the entry numbers when first asked for)
        self.__dict__["_people_numbers"] = c["people_by_surname"]["numbers"]
        self.__dict__["_people_by_given"] = _LazyPeople.from_columns(
            c["people_by_given_name"], entries)
        self.__dict__["_lowered_words"] = frozenset(c["lowered_words"].split(row))
        if "name_words" in c:
            self.__dict__["_unbuilt"]["name_words"] = (c["name_words"], c["name_word_entries"])
        self._index = None
        index = c.get("index")
        if index is not None:  # built from its state on first use (the `index` property):
            self.__dict__["_index_state"] = index  # most articles never ask for near misses

    def __getattr__(self, name):
        # (only for attributes not set: a cached glossary's `entries` list and `by_name`
        # table, built on first use)
        rows = self.__dict__.get("_entry_rows")
        if name == "entries" and rows is not None:
            entries = self.__dict__["entries"] = [rows[i] for i in range(len(rows))]
            return entries
        if name == "by_name" and rows is not None:
            names = self._unbuilt_column("by_name").split(self._ROW)
            by_name = self.__dict__["by_name"] = _LazyEntryTable(zip(names, range(len(names))))
            by_name.entries = rows
            return by_name
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _unbuilt_column(self, table: str):
        """The stored column(s) of a cached glossary's table not built yet (None: built, or
        not a cached glossary), taken out: the table is built from them once."""
        return self.__dict__.get("_unbuilt", {}).pop(table, None)

    def entry_count(self) -> int:
        """How many entries the glossary has (without building a cached glossary's)."""
        rows = self.__dict__.get("_entry_rows")
        return len(rows) if rows is not None and "entries" not in self.__dict__ \
            else len(self.entries)

    def _entry(self, i: int) -> Entry:
        """Entry number i (a cached glossary builds only that one)."""
        rows = self.__dict__.get("_entry_rows")
        return rows[i] if rows is not None else self.entries[i]

    # The row format (used when a string holds one of the column format's separators): entries
    # as lists of their fields, the tables that point at entries by entry number, tuples as
    # lists.

    def _row_state(self):
        if "_index_state" in self.__dict__:
            self.index  # noqa: B018  (a cached glossary's index, built to be stored again)
        number = {id(e): i for i, e in enumerate(self.entries)}
        fields = list(self._ENTRY_FIELDS)
        rows = [[e.__dict__[f] for f in fields] if list(e.__dict__) == fields
                else dict(e.__dict__) for e in self.entries]  # a row, or (odd entry) its state
        forms = []
        for form, (kind, entry, fix) in self.forms.items():
            forms += [form, kind, number[id(entry)], fix]
        state = {
            "entries": rows,
            "forms": forms,
            "phrases": {first: [x for cand in cands for x in cand]  # n, form, n, form...
                        for first, cands in self._phrases.items()},
            "known_words": sorted(self.known_words),
            "people_by_surname": {s: [number[id(e)] for e in people]
                                  for s, people in self.people_by_surname.items()},
            "lowered_words": sorted(self.lowered_words()),
        }
        if "name_words" in self.__dict__.get("_unbuilt", ()):
            self.name_words()  # (a cached glossary's, built to be stored again)
        name_words = self.__dict__.get("_name_words")
        if name_words is not None:
            state["name_words"] = {w: number[id(e)] for w, e in name_words.items()}
        if self._index is not None:
            state["index"] = self._index_state(number)[0]
        return state

    def _set_rows(self, state):
        entries = []
        new = object.__new__
        fields = self._ENTRY_FIELDS
        for row in state["entries"]:
            e = new(Entry)
            e.__dict__.update(zip(fields, row) if type(row) is list else row)
            entries.append(e)
        self.entries = entries
        self.by_name = {e.name: e for e in entries}
        flat = state["forms"]
        self.forms = {flat[i]: (flat[i + 1], entries[flat[i + 2]], flat[i + 3])
                      for i in range(0, len(flat), 4)}
        self._phrases = {first: list(zip(row[::2], row[1::2]))
                         for first, row in state["phrases"].items()}
        self.known_words = set(state["known_words"])
        self.people_by_surname = {s: [entries[i] for i in people]
                                  for s, people in state["people_by_surname"].items()}
        self.__dict__["_lowered_words"] = frozenset(state["lowered_words"])
        if "name_words" in state:
            self.__dict__["_name_words"] = {w: entries[i] for w, i in state["name_words"].items()}
        self._index = None
        index = state.get("index")
        if index is not None:
            self._index = self._index_from_state(index, entries.__getitem__)

    def people(self) -> List[Entry]:
        """The people with a surname (people_by_surname's entries), in glossary order; for a
        cached glossary read off its entry numbers instead of a pass over every entry."""
        cached = self.__dict__.get("_people")
        if cached is None:
            numbers = self.__dict__.get("_people_numbers")
            cached = self.__dict__["_people"] = \
                [e for e in self.entries if e.surname] if numbers is None else \
                list(map(self._entry, sorted(numbers)))
        return cached

    def people_by_given_name(self) -> Dict[str, List[Entry]]:
        """The first word of each multi-word name or variant of a person with a surname ->
        those people (once per such name), in glossary order: how name-mangled-person knows a
        person by the given name. Kept in the cache, so a cached glossary builds only the
        people an article's words reach."""
        cached = self.__dict__.get("_people_by_given")
        if cached is None:
            cached = {}
            for e in self.people():
                for full in [e.name] + e.variants:
                    parts = full.split()
                    if len(parts) >= 2:
                        cached.setdefault(parts[0], []).append(e)
            self.__dict__["_people_by_given"] = cached
        return cached

    def accepted_forms(self) -> frozenset:
        """Every entry's `accept` forms; for a cached glossary split from its accept column."""
        cached = self.__dict__.get("_accepted_forms")
        if cached is None:
            column = self._unbuilt_column("accept")
            # every accept item follows an item separator; rows are joined by row separators
            cached = frozenset(a for e in self.entries for a in e.accept) if column is None \
                else frozenset(column.replace(self._ROW, "").split(self._ITEM)[1:])
            self.__dict__["_accepted_forms"] = cached
        return cached

    def lowered_words(self) -> frozenset:
        """The words of every glossary form, lower-cased (letters with inner apostrophes):
        words spell-unknown-word accepts. Computed once per glossary, and kept in the cache."""
        cached = self.__dict__.get("_lowered_words")
        if cached is None:
            import re

            word = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
            cached = frozenset(part.lower() for form in self.forms for part in word.findall(form))
            self.__dict__["_lowered_words"] = cached
        return cached

    @staticmethod
    def _forms_of(e: Entry, kind: str):
        if kind == CANONICAL:
            yield e.name, None
        elif kind == VARIANT:
            for v in e.variants:
                yield v, None
        elif kind == ACCEPT:
            for v in e.accept:
                yield v, None
        elif kind == INCORRECT:
            yield from e.incorrect.items()
        elif kind == RUSSIAN:
            for v in e.russian_forms:
                yield v, e.name if e.type != "person" else e.fix_for_russian_form(v)

    def lookup(self, form: str) -> Optional[Tuple[str, Entry, Optional[str]]]:
        return self.forms.get(form)

    def find(self, article: Article) -> List[GlossaryMatch]:
        """All glossary forms in the article, longest match first, no overlaps. A word in
        capitals (KIEV) matches its form case-insensitively."""
        # Several rules ask for the same matches: computed once per article and glossary.
        return list(article.memo(("glossary-matches", self), lambda: self._find(article)))

    def _find(self, article: Article) -> List[GlossaryMatch]:
        # Names are matched as a reader sees them (hardening, issue 13): without zero-width
        # and other format characters, letters composed (NFC), then without combining marks
        # written apart; spans map back to the article's own characters (Article.name_views).
        views = article.name_views
        if views[0].identity:
            return self._find_in(article)
        first = views[0]
        # (matches are found as plain rows and their spans mapped in bulk: 1 MB of names
        # behind zero-width characters holds ~200,000 matches per view, issue 13)
        rows = self._view_rows(first)
        starts, ends = first.spans(list(map(_START, rows)), list(map(_END, rows)))
        out = list(map(GlossaryMatch, starts, ends, *_columns(rows)))
        if len(views) > 1:  # the view without combining marks: only where the first found none
            # (the first view's spans are sorted and do not overlap: overlap by bisection)
            second = views[1]
            rows2 = self._view_rows(second)
            starts2, ends2 = second.spans(list(map(_START, rows2)), list(map(_END, rows2)))
            # (a match overlaps the first view's match after the last one ending at or before
            # its start, if that one starts before its end; a start past all: no overlap)
            after = list(map(bisect.bisect_right, repeat(ends), starts2))
            keep = list(map(ge, map([*starts, float("inf")].__getitem__, after), ends2))
            added = list(map(GlossaryMatch, compress(starts2, keep), compress(ends2, keep),
                             *(compress(column, keep) for column in _columns(rows2))))
            if added:
                out.extend(added)
                out.sort(key=_START_OF)
        return out

    def _find_in(self, article: Article) -> List[GlossaryMatch]:
        rows = self._find_rows(article)
        return list(map(GlossaryMatch, *zip(*rows))) if rows else []

    def _find_rows(self, article: Article) -> List[tuple]:
        """The matches of _find_in as rows (start, end, form, kind, entry, fix)."""
        token = article.tokens.__getitem__
        return self._match_rows(article.text, article.token_texts,
                                lambda indices: list(map(_START_OF, map(token, indices))),
                                lambda indices: list(map(_END_OF, map(token, indices))),
                                lambda i, j: token(i).sentence == token(j).sentence,
                                article.token_set)

    def _view_rows(self, view) -> List[tuple]:
        """_find_rows of a name view's Article, from the view's token columns: a view needs
        no Token objects, and its sentences only when a phrase of several words matches (is
        there a sentence boundary inside it?). 1 MB of names behind zero-width characters
        spent a third of its time on two views' tokens and sentences (hardening5, issue 13)."""
        texts, starts, ends = view.token_columns()
        sentence_starts = []

        def same_sentence(i: int, j: int) -> bool:
            # Token.sentence is bisect_right(sentence starts after the first, token start)
            if not sentence_starts:
                sentence_starts.extend(s for s, _ in view.article.sentences[1:])
            return (bisect.bisect_right(sentence_starts, starts[i])
                    == bisect.bisect_right(sentence_starts, starts[j]))

        return self._match_rows(view.text, texts,
                                lambda indices: list(map(starts.__getitem__, indices)),
                                lambda indices: list(map(ends.__getitem__, indices)),
                                same_sentence)

    def _match_rows(self, text: str, texts: List[str], starts_of, ends_of, same_sentence,
                    words: Optional[frozenset] = None) -> List[tuple]:
        """Glossary forms in `text` whose tokens are `texts` (starts_of(indices) and
        ends_of(indices): the offsets of those tokens): rows (start, end, form, kind, entry,
        fix), longest match first, no overlaps, no phrase across a sentence boundary
        (same_sentence(i, j))."""
        phrases = self._phrases
        # Only tokens that can start a form are visited (set operations in C): a glossary
        # form's first token, or a word in capitals (KIEV) whose capitalised form is one.
        if words is None:  # (the distinct texts; an article's shared token_set: speed7)
            words = set(texts)
        starts = set(filter(phrases.__contains__, words))  # O(words), not O(glossary)
        for word in filter(str.isupper, words):
            if len(word) > 1 and word not in starts and word[0] + word[1:].lower() in phrases:
                starts.add(word)
        if not starts:
            return []
        # Per word that can start a form: its forms of several tokens (longest first; they
        # come before the one-token forms), the texts they begin with, and the row tail of
        # its one-token form, if the word itself is that form (a one-token surface is the
        # word). Looked up once per word, not once per occurrence (hardening5, issue 13),
        # and kept with the glossary: the same start words recur across a batch (speed7,
        # issue 11; never stored in the cache or pickled: __getstate__ lists its fields).
        table = self.__dict__.get("_start_rows")
        if table is None:
            table = self.__dict__["_start_rows"] = {}
        for word in starts:
            if word in table:
                continue
            cands = phrases.get(word)
            if cands is None and word.isupper() and len(word) > 1:
                cands = phrases.get(word[0] + word[1:].lower())
            longer = [(n, form) for n, form in cands if n > 1]
            single = next((form for n, form in cands if n == 1 and (
                word == form or (word.isupper() and word == form.upper()))), None)
            table[word] = (longer, tuple(chain.from_iterable((f, f.upper()) for _, f in longer)),
                           None if single is None else (word, *self.forms[single]))
        positions = list(compress(count(), map(starts.__contains__, texts)))
        words_at = list(map(texts.__getitem__, positions))
        starts_at = starts_of(positions)
        # Where may a form of several tokens match? Only where its text (or in capitals) begins
        # (told in C). Nowhere, as almost always: every position is a one-token match or none,
        # independent of the others, and the rows are made in bulk (1 MB of names visited
        # ~200,000 tokens one by one).
        may_be_longer = list(map(text.startswith, [table[w][1] for w in words_at], starts_at))
        if not any(may_be_longer):
            tails = [table[w][2] for w in words_at]
            matched = list(map(bool, tails))
            # rows (start, end) + tail, made in C
            return list(map(add, zip(compress(starts_at, matched),
                                     ends_of(compress(positions, matched))),
                            compress(tails, matched)))
        out: List[tuple] = []
        next_free = 0
        n_tokens = len(texts)
        for i, word, start, maybe in zip(positions, words_at, starts_at, may_be_longer):
            if i < next_free:
                continue  # inside the previous match
            longer, _, single = table[word]
            for n, form in longer if maybe else ():
                if i + n > n_tokens:
                    continue
                end = ends_of((i + n - 1,))[0]
                surface = text[start:end]
                if surface == form or (surface.isupper() and surface == form.upper()):
                    # a phrase must not run across a sentence boundary
                    if same_sentence(i, i + n - 1):
                        kind, entry, fix = self.forms[form]
                        out.append((start, end, surface, kind, entry, fix))
                        next_free = i + n
                        break
            else:
                if single is not None:
                    out.append((start, ends_of((i,))[0], *single))
                    next_free = i + 1
        return out

    def in_exception(self, article: Article, start: int, end: int, entry: Entry) -> bool:
        """Is the span part of one of the entry's exception phrases ("Chicken Kiev")?"""
        views = article.name_views
        if not views[0].identity:  # read as the matches were found ("Chicken Ki\u200bev")
            return any(self._in_exception(view.text, *view.view_span(start, end), entry)
                       for view in views)
        return self._in_exception(article.text, start, end, entry)

    @staticmethod
    def _in_exception(text: str, start: int, end: int, entry: Entry) -> bool:
        for phrase in entry.exceptions:
            lo = max(0, start - len(phrase))
            pos = text.find(phrase, lo, end + len(phrase))
            while pos >= 0 and pos <= start:
                if pos + len(phrase) >= end:
                    return True
                pos = text.find(phrase, pos + 1, end + len(phrase))
        return False

    @property
    def index(self):
        """Near-miss candidate index (built on first use)."""
        if self._index is None:
            state = self.__dict__.pop("_index_state", None)
            if state is not None:  # (a cached glossary's)
                self._index = self._index_from_state(state, self._entry)
            else:
                from mtqa.nameindex import NameIndex

                self._index = NameIndex(self.name_words())
        return self._index

    def name_words(self) -> Dict[str, "Entry"]:
        """The words a misspelling could be a near miss of (mtqa.nameindex): single-word names
        and the surnames of people, correct forms only. Parts of longer names are left out:
        "Nueva" of Villa Nueva is not a name a word could be a misspelling of. (Here, not in
        nameindex.py, so that the index knows nothing of glossaries: no import cycle.)"""
        cached = self.__dict__.get("_name_words")
        if cached is not None:
            return cached
        columns = self._unbuilt_column("name_words")
        if columns is not None:  # (a cached glossary's, stored with it)
            cached = self.__dict__["_name_words"] = _LazyEntryTable(
                zip(columns[0].split(self._ROW), columns[1]))
            cached.entries = self.__dict__["_entry_rows"]
            return cached
        words: Dict[str, Entry] = {}
        for form, (kind, entry, _) in self.forms.items():
            if kind not in (CANONICAL, VARIANT, ACCEPT):
                continue
            toks = TOKEN_RE.findall(form)
            if entry.type == "person" and len(toks) > 1:
                toks = toks[-1:]
            if len(toks) == 1 and toks[0][:1].isupper() and not toks[0].isupper():
                words.setdefault(toks[0], entry)
        self.__dict__["_name_words"] = words  # computed once per glossary
        return words



_KIND_OF_CODE = {code: kind for kind, code in Glossary._KINDS.items()}
_START, _END = itemgetter(0), itemgetter(1)  # of a match row
_START_OF, _END_OF = attrgetter("start"), attrgetter("end")  # of a token or a match


def _columns(rows: List[tuple]) -> list:
    """Columns 2.. of the match rows (form, kind, entry, fix), for map(GlossaryMatch, ...)."""
    return [list(col) for col in zip(*rows)][2:] if rows else [[], [], [], []]


def match_case(replacement: str, original: str) -> str:
    """Give the replacement the letter case of the text it replaces (KIEV -> KYIV)."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].islower() and replacement[:1].isupper() and original[:1].isalpha():
        return replacement[:1].lower() + replacement[1:]
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
