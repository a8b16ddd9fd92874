"""Phrase packs: calques and odd phrases of machine translation, kept as data.

A pack (mtqa/data/phrases/*.yaml, format in docs/phrase-packs.md) lists phrases that MT systems
produce where a professional writes something else ("hot power plants" for "thermal power
plants"), each with the replacement of the matched span, a message, a category, a severity,
optional context conditions and the attested example it was mined from.

`load_packs` reads and validates packs (every problem is reported as "file:line: message");
`PhraseIndex` finds the phrases of many entries in an article in one pass over its tokens:
the lower-cased first token of each phrase keys a short list of candidates, so the cost does
not grow with the number of entries the way one big regex alternation does.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

from mtqa.problems import ProblemsError
from mtqa.article import TOKEN_RE, Article, lowered_token_texts, positions_of
from mtqa.finding import CATEGORIES, SEVERITIES
from mtqa.plain import FrozenPlain, LazyValues, Plain
from mtqa.sortedtext import utf8

PACK_DIR = Path(__file__).resolve().parent / "data" / "phrases"
# Languages a pack may be for; "any" is the language-neutral common pack.
ENTITY_TYPES = ("person", "place", "organisation", "name")
CONDITION_KEYS = ("preceded_by", "not_preceded_by", "followed_by", "not_followed_by",
                  "sentence_has", "sentence_lacks", "article_has", "followed_by_entity",
                  "source_lang")
ENTRY_KEYS = {"id", "phrase", "pattern", "fix", "message", "category", "severity", "safe", "when",
              "example", "examples", "leave", "source", "cites", "enabled", "quotations",
              "note", "case_sensitive"}
PACK_KEYS = {"pack", "language", "description", "default", "entries", "measured"}
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Characters that may stand between the words of a phrase besides what the phrase itself has:
# MT often wraps a calqued word in quotes (seize the “Overall” of Ukraine).
_QUOTE_CHARS = "“”\"«»„‘’'"
_QUOTE_STRIP = str.maketrans("", "", _QUOTE_CHARS)


class PhrasePackError(ProblemsError):
    """A pack could not be loaded; `problems` lists "path:line: message" strings."""


_REGEX_KEYS = ("preceded_by", "not_preceded_by", "followed_by", "not_followed_by",
               "sentence_has", "sentence_lacks", "article_has")
_ANCHORS = {"preceded_by": "end", "not_preceded_by": "end", "followed_by": "start",
            "not_followed_by": "start"}


def _anchored(rx: str, key: str) -> re.Pattern:
    # Quotes and spaces between the phrase and its context do not count.
    gap = f"[\\s{re.escape(_QUOTE_CHARS)}]*"
    anchor = _ANCHORS.get(key)
    if anchor == "end":
        return re.compile(f"(?:{rx}){gap}\\Z", re.I)
    if anchor == "start":
        return re.compile(f"\\A{gap}(?:{rx})", re.I)
    return re.compile(rx, re.I)


class Conditions:
    """Context an occurrence must (or must not) have; all given conditions must hold.
    Regexes are case-insensitive; write (?-i:...) for a case-sensitive part. They are
    compiled on first use (start-up stays fast); `compile_all` checks them up front."""

    def __init__(self, where: str = ""):
        self.source: Dict[str, str] = {}   # as written, for the docs
        self.followed_by_entity: Optional[str] = None
        # fire only when --source-lang is one of these (for phrases that are ordinary English
        # too often to flag without knowing the text was translated from such a language)
        self.source_langs: Optional[frozenset] = None
        self._where = where
        self._compiled: Dict[str, Optional[re.Pattern]] = {}

    @property
    def empty(self) -> bool:
        return not self.source

    def pattern(self, key: str) -> Optional[re.Pattern]:
        if key not in self._compiled:
            rx = self.source.get(key)
            try:
                self._compiled[key] = None if rx is None else _anchored(rx, key)
            except re.error as exc:
                raise PhrasePackError([f"{self._where}: '{key}' is not a valid regex: {exc}"]) \
                    from None
        return self._compiled[key]

    def compile_all(self, problems: List[str]) -> None:
        for key in _REGEX_KEYS:
            try:
                self.pattern(key)
            except PhrasePackError as exc:
                problems += exc.problems


def _condition_property(key):
    return property(lambda self: self.pattern(key))


for _key in _REGEX_KEYS:
    setattr(Conditions, _key, _condition_property(_key))


class PhraseEntry(Plain):  # a plain class, not @dataclass (start-up: mtqa/plain.py)
    pack: str
    id: str
    phrases: List[str]
    fixes: List[str]
    message: str
    category: str
    severity: str
    example: str                # the first text the entry must flag
    source: str                 # where `example` was seen (MT output), or "" when it is made up
    safe: bool = False
    enabled: bool = True
    quotations: bool = True     # also flag inside direct quotations
    case_sensitive: bool = False
    note: str                   # (no class-level defaults for the fields read lazily, below)
    when: Conditions
    origin: str                 # "file:line"
    # `pattern:` entries: `phrases` are regexes and `fixes` replacement templates (\1, \g<name>)
    pattern: bool = False
    _regexes: Optional[list] = None  # (compiled on first use; not compared, not in the repr)
    cites: List[str]            # published knowledge the entry rests on
    examples: List[str]         # every text it must flag (example first)
    leave: List[str]            # texts it must not flag
    # example or leave text -> the --source-lang it is checked with (when it needs one)
    example_langs: Dict[str, str]
    _not_compared = frozenset({"_regexes"})

    def __init__(self, pack: str, id: str, phrases: List[str], fixes: List[str], message: str,
                 category: str, severity: str, example: str, source: str, safe: bool = False,
                 enabled: bool = True, quotations: bool = True, case_sensitive: bool = False,
                 note: str = "", when: Optional[Conditions] = None, origin: str = "",
                 pattern: bool = False, _regexes: Optional[list] = None,
                 cites: Optional[List[str]] = None, examples: Optional[List[str]] = None,
                 leave: Optional[List[str]] = None,
                 example_langs: Optional[Dict[str, str]] = None):
        self.pack = pack
        self.id = id
        self.phrases = phrases
        self.fixes = fixes
        self.message = message
        self.category = category
        self.severity = severity
        self.example = example
        self.source = source
        self.safe = safe
        self.enabled = enabled
        self.quotations = quotations
        self.case_sensitive = case_sensitive
        self.note = note
        self.when = Conditions() if when is None else when
        self.origin = origin
        self.pattern = pattern
        self._regexes = _regexes
        self.cites = [] if cites is None else cites
        self.examples = [] if examples is None else examples
        self.leave = [] if leave is None else leave
        self.example_langs = {} if example_langs is None else example_langs

    @property
    def rule_id(self) -> str:
        return f"phrase-{self.pack}-{self.id}"

    @property
    def brief(self) -> Tuple[str, str, int]:
        """(first phrase, its fix, number of phrases): what the rule's summary shows."""
        lazy = self.__dict__.get("_lazy")
        if lazy is not None:
            return lazy[0], lazy[1], lazy[2]
        return self.phrases[0], self.fixes[0], len(self.phrases)

    # ---- the on-disk cache (mtqa.cache): the fields matching needs, and the rest read lazily
    # A one-file check reads the ~300 bundled entries at every start-up, but looks at the
    # text fields (phrases, fixes, message, conditions, examples, notes, citations) of only
    # the few entries that match. The cache stores those fields as one JSON string per entry,
    # parsed when one of them is first read (__getattr__ runs only for attributes not set).
    _EAGER = ("pack", "id", "category", "severity", "safe", "enabled", "quotations",
              "case_sensitive", "pattern")
    _LAZY = ("phrases", "fixes", "message", "example", "source", "note", "when", "origin",
             "cites", "examples", "leave", "example_langs")

    def __getstate__(self):
        lazy = self.__dict__.get("_lazy")
        if lazy is None:
            w = self.when
            when = [w.source, w.followed_by_entity,
                    None if w.source_langs is None else sorted(w.source_langs), w._where]
            fields = [when if n == "when" else getattr(self, n) for n in self._LAZY]
            lazy = [*self.brief, json.dumps(fields, ensure_ascii=False, separators=(",", ":"))]
        return [getattr(self, n) for n in self._EAGER] + lazy

    def __setstate__(self, state):
        d = self.__dict__
        d.update(zip(self._EAGER, state))
        d["_regexes"] = None
        d["_lazy"] = state[len(self._EAGER):]  # [first phrase, first fix, count, fields]
        # (fields: a JSON document, as str or as UTF-8 bytes; json.loads reads both)

    def __getattr__(self, name):
        lazy = self.__dict__.get("_lazy")
        if lazy is None or name not in self._LAZY:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        d = self.__dict__
        fields = dict(zip(self._LAZY, json.loads(lazy[3])))
        source, entity, langs, where = fields["when"]
        when = fields["when"] = Conditions(where)
        when.source, when.followed_by_entity = source, entity
        when.source_langs = None if langs is None else frozenset(langs)
        for key, value in fields.items():
            d.setdefault(key, value)
        del d["_lazy"]
        return d[name]

    def regexes(self) -> list:
        """The compiled patterns of a `pattern:` entry (case-insensitive unless
        case_sensitive)."""
        if self._regexes is None:
            flags = 0 if self.case_sensitive else re.I
            self._regexes = [re.compile(p, flags) for p in self.phrases]
        return self._regexes


class Pack(Plain):  # a plain class, not @dataclass (start-up: mtqa/plain.py)
    name: str
    language: str               # source language code(s), space-separated, or "any"
    description: str
    default: bool               # runs when no --source-lang is given
    entries: List[PhraseEntry]
    path: Path
    measured: str = ""

    def __init__(self, name: str, language: str, description: str, default: bool,
                 entries: List[PhraseEntry], path: Path, measured: str = ""):
        self.name = name
        self.language = language
        self.description = description
        self.default = default
        self.entries = entries
        self.path = path
        self.measured = measured

    @property
    def languages(self) -> Tuple[str, ...]:
        return tuple(self.language.split())


# ---- loading --------------------------------------------------------------------------------

def _conditions(raw, where: str, problems: List[str], strict: bool) -> Conditions:
    cond = Conditions(where)
    if raw is None:
        return cond
    if not isinstance(raw, dict):
        problems.append(f"{where}: 'when' must be a mapping of conditions")
        return cond
    unknown = set(raw) - set(CONDITION_KEYS) - {"__line__"}
    if unknown:
        problems.append(f"{where}: unknown condition(s) {', '.join(sorted(unknown))} "
                        f"(known: {', '.join(CONDITION_KEYS)})")
    for key in CONDITION_KEYS:
        value = raw.get(key)
        if value is None:
            continue
        if key == "source_lang":
            langs = _as_list(value)
            if not langs or not all(_ID_RE.match(x) for x in langs):
                problems.append(f"{where}: source_lang must be a language code or a list of them")
                continue
            cond.source[key] = " ".join(langs)
            cond.source_langs = frozenset(langs)
            continue
        if not isinstance(value, str) or not value:
            problems.append(f"{where}: condition '{key}' must be a non-empty string")
            continue
        cond.source[key] = value
        if key == "followed_by_entity":
            if value not in ENTITY_TYPES:
                problems.append(f"{where}: followed_by_entity must be one of "
                                f"{', '.join(ENTITY_TYPES)}, not {value!r}")
            else:
                cond.followed_by_entity = value
            continue
    if strict:
        cond.compile_all(problems)
    return cond


def _as_list(value) -> Optional[List[str]]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return list(value)
    return None


_BRACES = re.compile(r"\{([^{}]*)\}")
_GROUP_REF = re.compile(r"^(\d+):")


def expand_braces(pattern: str) -> Tuple[List[str], Tuple[int, ...]]:
    """"carr{y,ies,ied} out" -> (["carry out", "carries out", "carried out"], (3,)): every
    {a,b,...} group is one slot of alternatives (an empty alternative is allowed: "plan{,s}"),
    expanded as a product, first group outermost. Also returns the group sizes."""
    groups = [m.group(1).split(",") for m in _BRACES.finditer(pattern)]
    return ([_render(pattern, choice) for choice in _choices(groups)],
            tuple(len(g) for g in groups))


def _choices(groups) -> List[Tuple[int, ...]]:
    out: List[Tuple[int, ...]] = [()]
    for g in groups:
        out = [c + (k,) for c in out for k in range(len(g))]
    return out


def _render(pattern: str, choice: Tuple[int, ...], refs: Optional[List[int]] = None) -> str:
    """The pattern with its k-th group replaced by alternative choice[refs[k]]."""
    parts = _BRACES.split(pattern)       # text, group, text, group, ..., text
    out = []
    for k, part in enumerate(parts):
        if k % 2 == 0:
            out.append(part)
        else:
            g = k // 2
            alts = _GROUP_REF.sub("", part).split(",")
            out.append(alts[choice[refs[g] if refs else g]])
    # an empty alternative ("{the,} war") leaves a double space behind
    return re.sub(r"  +", " ", "".join(out)).strip()


def _expand_pairs(eid: str, where: str, phrases: List[str], fixes: List[str],
                  problems: List[str]) -> Optional[Tuple[List[str], List[str]]]:
    """Phrases and fixes with their {a,b} groups expanded, form by form. A fix without groups
    serves every form of its phrase; each group of a fix follows one group of its phrase —
    the next one in order, or the one it names ("{2:a,b}" follows the phrase's second
    group) — and must have as many alternatives."""
    out_p: List[str] = []
    out_f: List[str] = []
    for p, f in zip(phrases, fixes):
        for text in (p, f):
            if text.count("{") != text.count("}") or len(_BRACES.findall(text)) != text.count("{"):
                problems.append(f"{where}: {eid}: unbalanced or nested braces in {text!r}")
                return None
        p_groups = [m.group(1).split(",") for m in _BRACES.finditer(p)]
        refs: List[int] = []
        nxt = 0
        for m in _BRACES.finditer(f):
            ref = _GROUP_REF.match(m.group(1))
            target = int(ref.group(1)) - 1 if ref else nxt
            nxt = target + 1
            size = len(_GROUP_REF.sub("", m.group(1)).split(","))
            if not 0 <= target < len(p_groups) or len(p_groups[target]) != size:
                have = len(p_groups[target]) if 0 <= target < len(p_groups) else "no"
                problems.append(f"{where}: {eid}: fix {f!r}: group {{{m.group(1)}}} has {size} "
                                f"alternatives, but phrase group {target + 1} of {p!r} has "
                                f"{have}")
                return None
            refs.append(target)
        for choice in _choices(p_groups):
            out_p.append(_render(p, choice))
            out_f.append(_render(f, choice, refs))
    return out_p, out_f


def _example_list(value) -> Optional[List[Tuple[str, Optional[str]]]]:
    """`examples` / `leave`: texts, or mappings {text, source_lang} (the rule-examples
    convention of the Python rules)."""
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        value = [value]
    if not isinstance(value, list):
        return None
    out = []
    for item in value:
        if isinstance(item, str) and item.strip():
            out.append((item, None))
        elif isinstance(item, dict) and isinstance(item.get("text"), str) \
                and set(item) <= {"text", "source_lang", "__line__"} \
                and isinstance(item.get("source_lang", ""), str):
            out.append((item["text"], item.get("source_lang") or None))
        else:
            return None
    return out


def _entry(raw: dict, pack: str, where: str, problems: List[str], strict: bool = True
           ) -> Optional[PhraseEntry]:
    unknown = set(raw) - ENTRY_KEYS - {"__line__"}
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    eid = raw.get("id")
    if not isinstance(eid, str) or not _ID_RE.match(eid):
        problems.append(f"{where}: entry needs an 'id' of lower-case words joined by dashes, "
                        f"not {eid!r}")
        return None
    is_pattern = "pattern" in raw
    if is_pattern and "phrase" in raw:
        problems.append(f"{where}: {eid}: give 'phrase' or 'pattern', not both")
        return None
    phrases = _as_list(raw.get("pattern" if is_pattern else "phrase"))
    fixes = _as_list(raw.get("fix"))
    if phrases is None:
        key = "pattern" if is_pattern else "phrase"
        problems.append(f"{where}: {eid}: '{key}' must be a string or a list of strings")
        return None
    if fixes is None or len(fixes) not in (1, len(phrases)):
        problems.append(f"{where}: {eid}: 'fix' must be a string, or a list as long as 'phrase'")
        return None
    if len(fixes) == 1:
        fixes = fixes * len(phrases)
    if is_pattern:
        for p, f in zip(phrases, fixes):
            problem = _pattern_problem(p, f, raw.get("case_sensitive") is True)
            if problem:
                problems.append(f"{where}: {eid}: pattern {p!r}: {problem}")
                return None
    else:
        expanded = _expand_pairs(eid, where, phrases, fixes, problems)
        if expanded is None:
            return None
        phrases, fixes = expanded
    for p in ([] if is_pattern else phrases):
        if not _tokens(p):
            problems.append(f"{where}: {eid}: phrase {p!r} has no words")
            return None
    for p, f in zip(phrases, fixes):
        if p == f:
            problems.append(f"{where}: {eid}: phrase and fix are the same ({p!r})")
    cites = _as_list(raw.get("cites")) if raw.get("cites") is not None else []
    if cites is None:
        problems.append(f"{where}: {eid}: 'cites' must be a string or a list of strings")
        return None
    flag = _example_list(raw.get("examples"))
    leave = _example_list(raw.get("leave"))
    for key, value in (("examples", flag), ("leave", leave)):
        if value is None:
            problems.append(f"{where}: {eid}: '{key}' must be a list of texts, or of mappings "
                            f"with 'text' and optional 'source_lang'")
            return None
    if isinstance(raw.get("example"), str) and raw["example"].strip():
        flag = [(raw["example"], None)] + [x for x in flag if x[0] != raw["example"]]
    missing = [k for k in ("message", "category", "severity")
               if not isinstance(raw.get(k), str) or not raw.get(k).strip()]
    if not flag:
        missing.append("example (or examples)")
    has_source = isinstance(raw.get("source"), str) and raw["source"].strip()
    if not has_source and not cites:
        missing.append("source (or cites)")
    if missing:
        problems.append(f"{where}: {eid}: missing {', '.join(missing)}")
        return None
    if raw["category"] not in CATEGORIES:
        problems.append(f"{where}: {eid}: unknown category {raw['category']!r} "
                        f"(one of {', '.join(CATEGORIES)})")
        return None
    if raw["severity"] not in SEVERITIES:
        problems.append(f"{where}: {eid}: unknown severity {raw['severity']!r}")
        return None
    flags = {}
    for key, default in (("safe", False), ("enabled", True), ("quotations", True),
                         ("case_sensitive", False)):
        value = raw.get(key, default)
        if not isinstance(value, bool):
            problems.append(f"{where}: {eid}: '{key}' must be true or false")
            value = default
        flags[key] = value
    return PhraseEntry(pack=pack, id=eid, phrases=phrases, fixes=fixes,
                       message=raw["message"].strip(), category=raw["category"],
                       severity=raw["severity"], example=flag[0][0].strip(),
                       source=str(raw.get("source") or "").strip(),
                       cites=[c.strip() for c in cites],
                       examples=[x.strip() for x, _ in flag],
                       leave=[x.strip() for x, _ in leave],
                       example_langs={x.strip(): lang for x, lang in flag + leave if lang},
                       note=str(raw.get("note") or "").strip(),
                       when=_conditions(raw.get("when"), f"{where}: {eid}", problems, strict),
                       origin=where, pattern=is_pattern, **flags)


def _pattern_problem(pattern: str, fix: str, case_sensitive: bool) -> Optional[str]:
    """Why a `pattern:` regex (with its fix template) cannot be used, or None."""
    try:
        rx = re.compile(pattern, 0 if case_sensitive else re.I)
    except re.error as exc:
        return f"not a valid regex: {exc}"
    if rx.match(""):
        return "matches the empty string"
    risk = backtracking_risk(pattern)
    if risk:
        return risk
    for ref in re.findall(r"\\(\d+)|\\g<(\w+)>", fix):
        number, name = ref
        group = int(number) if number else (int(name) if name.isdigit() else name)
        if (isinstance(group, int) and group > rx.groups) or \
                (isinstance(group, str) and group not in rx.groupindex):
            return f"fix {fix!r} refers to group {group!r}, which the pattern lacks"
    return None


def pattern_matches(entries: Sequence[PhraseEntry], article: Article) -> List["PhraseMatch"]:
    """Matches of `pattern:` entries in the prose view, within one line, as PhraseMatch (the
    token indices are those the match starts and ends in)."""
    import bisect

    out: List[PhraseMatch] = []
    text, tokens = article.text, article.tokens
    if not tokens:
        return out
    starts = [t.start for t in tokens]
    for e in entries:
        for i, rx in enumerate(e.regexes()):
            for m in rx.finditer(text):
                a, b = m.start(), m.end()
                if a == b or "\n" in text[a:b]:
                    continue
                first = min(bisect.bisect_right(starts, a) - 1, len(tokens) - 1)
                last = max(first, bisect.bisect_left(starts, b) - 1)
                out.append(PhraseMatch(e, i, a, b, max(first, 0), last))
    return out


def pattern_fix(entry: PhraseEntry, index: int, article: Article, start: int) -> str:
    """A `pattern:` entry's fix for its match at `start`: the template with the groups."""
    m = entry.regexes()[index].match(article.text, start)
    return m.expand(entry.fixes[index]) if m else entry.fixes[index]


def load_pack(path, strict: bool = True) -> Pack:
    """Read one pack file; raise PhrasePackError listing every problem found. With
    strict=False the context regexes are compiled on first use instead of now."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PhrasePackError([f"{path}: no such file"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PhrasePackError([f"{path}: cannot read ({exc})"]) from None
    from mtqa.yamlio import load_with_lines

    data, problem = load_with_lines(text, path)
    if problem:
        raise PhrasePackError([problem])
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise PhrasePackError([f"{path}:1: a phrase pack is a mapping with an 'entries' list"])
    problems: List[str] = []
    unknown = set(data) - PACK_KEYS - {"__line__"}
    if unknown:
        problems.append(f"{path}:1: unknown key(s) {', '.join(sorted(unknown))}")
    name = str(data.get("pack") or path.stem)
    if not _ID_RE.match(name):
        problems.append(f"{path}:1: pack name {name!r} must be lower-case letters/digits")
    # one code, or a list of codes for a pack shared by related source languages (ru, uk)
    raw_language = data.get("language") or "any"
    languages = _as_list(raw_language)
    if languages is None or not all(_ID_RE.match(x) for x in languages):
        problems.append(f"{path}:1: 'language' must be a language code, a list of them, or any")
        languages = ["any"]
    language = " ".join(languages)
    entries: List[PhraseEntry] = []
    seen: Dict[str, str] = {}
    for i, raw in enumerate(data["entries"]):
        if not isinstance(raw, dict):
            problems.append(f"{path}: entry {i + 1} is not a mapping")
            continue
        where = f"{path}:{raw.get('__line__', '?')}"
        entry = _entry(raw, name, where, problems, strict)
        if entry is None:
            continue
        if entry.id in seen:
            problems.append(f"{where}: duplicate id {entry.id!r} (first at {seen[entry.id]})")
            continue
        seen[entry.id] = where
        entries.append(entry)
    if problems:
        raise PhrasePackError(problems)
    return Pack(name=name, language=language, description=str(data.get("description") or ""),
                default=bool(data.get("default", language == "any")), entries=entries,
                path=path, measured=str(data.get("measured") or "").strip())


def bundled_pack_paths() -> List[Path]:
    return sorted(PACK_DIR.glob("*.yaml"))


def load_packs(paths: Optional[Sequence] = None, strict: bool = True) -> List[Pack]:
    """Load packs (the bundled ones by default); every problem of every file is reported."""
    packs, problems = [], []
    for p in (bundled_pack_paths() if paths is None else paths):
        try:
            packs.append(load_pack(p, strict))
        except PhrasePackError as exc:
            problems += exc.problems
    names = [p.name for p in packs]
    for n in set(names):
        if names.count(n) > 1:
            problems.append(f"two packs are named {n!r}")
    if problems:
        raise PhrasePackError(problems)
    return packs


# ---- matching -------------------------------------------------------------------------------

def _tokens(text: str) -> List[Tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def _norm_gap(gap: str) -> str:
    """Spaces count as one space, and quote marks next to a space do not count; a gap
    without spaces (Kyiv's, long-term) must be the same punctuation."""
    if any(c.isspace() for c in gap):
        return " ".join(gap.translate(_QUOTE_STRIP).split()) or " "
    return gap.replace("’", "'")


class _Pattern(NamedTuple):
    # a named tuple, not a frozen dataclass: thousands of them are unpickled from the
    # on-disk cache at every start-up, and tuples load several times faster
    entry: PhraseEntry
    index: int                  # which of the entry's phrases
    words: Tuple[str, ...]      # lower-cased tokens
    exact: Optional[Tuple[str, ...]]  # tokens as written (case-sensitive entries only)
    gaps: Tuple[str, ...]       # normalised text between consecutive tokens


class PhraseMatch(FrozenPlain):  # a plain class, not @dataclass (mtqa/plain.py)
    entry: PhraseEntry
    index: int
    start: int
    end: int
    first_token: int            # index into article.tokens
    last_token: int

    def __init__(self, entry: PhraseEntry, index: int, start: int, end: int, first_token: int,
                 last_token: int):
        _set = object.__setattr__
        _set(self, "entry", entry)
        _set(self, "index", index)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "first_token", first_token)
        _set(self, "last_token", last_token)


# Tokens hold no spaces or tabs, and a normalised gap no tab, newline or \x1f (whitespace to
# str.split, so _norm_gap turns it into a space): the cached rows' separators.
_GAP_SEP = "\x1f"


# A first word's stored branch: the rows of its one-word phrases, then one group per second
# word ("second\x1crows"), groups after \x1d; rows are lines (separators: whitespace to
# str.split, so neither a token nor a normalised gap holds one).
_GROUP_SEP, _WORD_SEP = "\x1d", "\x1c"


class _LazyBranches(LazyValues):
    """The first level of a cached PhraseIndex's trie: first word -> its branch, held as the
    cache's rows (one string) until the word is first looked up. Membership tests (the
    matcher's C-level `positions_of`) never build a branch; `top[word]`, `get`, `values` and
    `items` return built ones. A built branch's children (second words) are _LazyTwigs: a
    common first word ("in", "the") starts hundreds of phrases, and an article follows it
    with a few of their second words."""

    entries: List["PhraseEntry"]
    _stored = bytes  # (UTF-8: decoded when built)

    def _build(self, word: str, stored: bytes) -> tuple:
        ones, *groups = stored.decode("utf-8", "surrogatepass").split(_GROUP_SEP)
        children = _LazyTwigs(group.split(_WORD_SEP, 1) for group in groups)
        children.entries = self.entries
        branch: tuple = (children, [])
        if ones:
            _add_rows(branch, ones, self.entries, 1)
        return branch


class _LazyTwigs(LazyValues):
    """The second level of a cached trie (second word -> node), each node built from its
    rows when the matcher first walks to it."""

    entries: List["PhraseEntry"]
    _stored = str

    def _build(self, word: str, rows: str) -> tuple:
        node: tuple = ({}, [])
        _add_rows(node, rows, self.entries, 2)
        return node


def _add_rows(node: tuple, rows: str, entries: List["PhraseEntry"], depth: int) -> None:
    """Insert the stored rows (one per phrase form) below `node`, which stands for the first
    `depth` words of each."""
    for row in rows.split("\n"):
        e, i, words, exact, gaps = row.split("\t")
        words = tuple(words.split(" "))
        at = node
        for w in words[depth:]:
            child = at[0].get(w)
            if child is None:
                child = at[0][w] = ({}, [])
            at = child
        at[1].append(_Pattern(entries[int(e)], int(i), words,
                              tuple(exact.split(" ")) if exact else None,
                              tuple(gaps.split(_GAP_SEP)) if gaps else ()))


class PhraseIndex:
    """All phrases of the given entries in a word trie keyed by lower-cased tokens: from each
    token of an article the matcher walks down the trie as far as the article's next tokens
    go, so the cost per token is the length of the longest phrase it starts, not the number
    of phrases that share its first words ("in the …" starts over a hundred phrases once
    their {a,b} form groups are expanded)."""

    def __init__(self, entries: Sequence[PhraseEntry]):
        self.entries = list(entries)
        # `pattern:` entries (house packs) are regexes, not word sequences: find() runs them
        # beside the trie walk, so every phrase entry is matched here and only here
        self.pattern_entries = [e for e in self.entries if e.pattern]
        # node = (children: {word: node}, patterns ending at this node)
        self._root: Tuple[Dict[str, tuple], List[_Pattern]] = ({}, [])
        shared: Dict[tuple, tuple] = {}
        for e in self.entries:
            if e.pattern:  # regex entries: pattern_entries
                continue
            for i, phrase in enumerate(e.phrases):
                toks = _tokens(phrase)
                gaps = tuple(_norm_gap(phrase[a[2]:b[1]]) for a, b in zip(toks, toks[1:]))
                # shared: the same words and gaps recur in thousands of forms, and the pickled
                # cache (read at every start-up) then stores each tuple once; the exact
                # spelling is kept only where it is compared (case-sensitive entries)
                words = tuple(sys.intern(t[0].lower()) for t in toks)
                pat = _Pattern(e, i, words,
                               tuple(t[0] for t in toks) if e.case_sensitive else None,
                               shared.setdefault(gaps, gaps))
                self._insert(pat)

    def _insert(self, pat: _Pattern) -> None:
        node = self._root
        for w in pat.words:
            child = node[0].get(w)      # not setdefault: that builds a node for every word
            if child is None:
                child = node[0][w] = ({}, [])
            node = child
        node[1].append(pat)

    # The on-disk cache (mtqa.cache) stores the trie as rows, one per phrase form (entry number,
    # form number, words, exact words, gaps), grouped by first word into one string each and
    # within it by second word; a loaded index builds a first word's branch from its string
    # the first time an article has that word (_LazyBranches), and a second word's node the
    # first time the matcher walks to it (_LazyTwigs). A one-file check reaches a few dozen
    # of the ~1,000 first words, so most of the ~4,300 forms are never decoded (cold start,
    # docs/scale.md). Each node keeps its forms in their original order.
    def __getstate__(self):
        number = {id(e): i for i, e in enumerate(self.entries)}

        def rows(node) -> str:  # the forms of a node and of every node below it
            out = []
            stack = [node]
            while stack:
                children, ends = stack.pop()
                for p in ends:
                    out.append(f"{number[id(p.entry)]}\t{p.index}\t{' '.join(p.words)}\t"
                               f"{'' if p.exact is None else ' '.join(p.exact)}\t"
                               + _GAP_SEP.join(p.gaps))
                stack += children.values()
            return "\n".join(out)

        branches = {}
        for first, (children, ends) in self._root[0].items():
            branches[first] = _GROUP_SEP.join(
                [rows(({}, ends))] + [second + _WORD_SEP + rows(child)
                                      for second, child in children.items()])
        return {"entries": self.entries, "branches": branches}

    def __setstate__(self, state):
        self.entries = entries = state["entries"]
        self.pattern_entries = [e for e in entries if e.pattern]
        top = _LazyBranches((first, utf8(rows)) for first, rows in state["branches"].items())
        top.entries = entries
        self._root = (top, [])

    def patterns(self) -> List[_Pattern]:
        """Every indexed phrase form, depth first through the trie (for tests and tools)."""
        out: List[_Pattern] = []
        stack = [self._root]
        while stack:
            children, ends = stack.pop()
            out += ends
            stack += [children[w] for w in sorted(children, reverse=True)]
        return out

    def find(self, article: Article) -> List[PhraseMatch]:
        """Every occurrence of every phrase (overlaps allowed: entries are separate rules),
        within one sentence, with only spaces or quote marks added between its words; then
        the matches of the `pattern:` entries (pattern_matches)."""
        text = article.text
        tokens = article.tokens
        lowered = lowered_token_texts(article)
        out: List[PhraseMatch] = []
        top = self._root[0]
        n_tokens = len(tokens)
        # only tokens that start some phrase are walked from (found in C, not per token)
        for i in positions_of(lowered, top):
            node = top[lowered[i]]
            sentence = tokens[i].sentence
            j = i
            while True:
                for pat in node[1]:
                    n = j - i + 1
                    if any(_norm_gap(text[tokens[i + k].end:tokens[i + k + 1].start])
                           != pat.gaps[k] for k in range(n - 1)):
                        continue
                    if pat.entry.case_sensitive and any(tokens[i + k].text != pat.exact[k]
                                                        for k in range(n)):
                        continue
                    out.append(PhraseMatch(pat.entry, pat.index, tokens[i].start,
                                           tokens[j].end, i, j))
                j += 1
                if j >= n_tokens or tokens[j].sentence != sentence or not node[0]:
                    break
                node = node[0].get(lowered[j])
                if node is None:
                    break
        if self.pattern_entries:
            out += pattern_matches(self.pattern_entries, article)
        return out


class PhraseBundle:
    """Packs and their index as the on-disk cache holds them (mtqa.rules.phrase caches the
    bundled packs so): the packs' own fields, each entry's matching fields as a short row,
    the entries' text fields as one string of JSON documents (a raw blob in the cache, not an
    escaped JSON string, read per entry on first use: PhraseEntry.__getattr__) and the trie's
    branches (PhraseIndex.__getstate__)."""

    def __init__(self, packs: List[Pack], index: PhraseIndex):
        self.packs, self.index = packs, index

    def __getstate__(self):
        entries = [e for p in self.packs for e in p.entries]
        if [id(e) for e in entries] != [id(e) for e in self.index.entries]:
            raise ValueError("the index is not the packs' index")  # (not cached: built again)
        rows = [e.__getstate__() for e in entries]
        branches = self.index.__getstate__()["branches"]
        if not branches or any("\x1e" in x for kv in branches.items() for x in kv):
            raise ValueError("no branches, or a separator in one")  # (not cached)
        return {"packs": [[p.name, p.language, p.description, p.default,
                           None if p.path is None else str(p.path), p.measured, len(p.entries)]
                          for p in self.packs],
                "entries": [row[:-1] for row in rows],
                # (UTF-8 bytes, kept as bytes: a one-file check decodes only the entries
                # and branches it reaches, instead of ~500 KB of non-ASCII text; JSON
                # escapes \x1e, and no multi-byte UTF-8 sequence holds that byte)
                "fields": b"\x1e".join(utf8(row[-1]) for row in rows),
                # first words and their branches (tokens and rows hold no \x1e: it is
                # whitespace, which _norm_gap turns into a space)
                "firsts": "\x1e".join(branches),
                "branches": b"\x1e".join(map(utf8, branches.values()))}

    def __setstate__(self, state):
        new = object.__new__
        fields = state["fields"].split(b"\x1e")
        entries = []
        for row, text in zip(state["entries"], fields):
            e = new(PhraseEntry)
            e.__setstate__(row + [text])
            entries.append(e)
        if len(entries) != len(state["entries"]) or len(fields) != len(entries):
            raise ValueError("damaged phrase bundle")
        self.packs, start = [], 0
        for name, language, description, default, path, measured, n in state["packs"]:
            self.packs.append(Pack(name, language, description, default,
                                   entries[start:start + n],
                                   None if path is None else Path(path), measured))
            start += n
        self.index = new(PhraseIndex)
        firsts, branches = state["firsts"].split("\x1e"), state["branches"].split(b"\x1e")
        if len(firsts) != len(branches):
            raise ValueError("damaged phrase bundle")
        self.index.__setstate__({"entries": entries, "branches": dict(zip(firsts, branches))})


def fix_case(fix: str, surface: str, capital_expected: bool, phrase: str = "") -> str:
    """The letter case of the fix follows the text where the text's case is positional
    (sentence start, headline, all capitals); mid-sentence the fix keeps its own case, because
    there a capital in the text is often the artefact itself ("North Ukraine", "Overall").
    Capitals that belong to the phrase itself (abbreviations: "KFH") say nothing about the
    text's case."""
    from mtqa.glossary import match_case

    if _own_capitals(phrase):
        return fix[:1].upper() + fix[1:] if capital_expected else fix
    if surface.isupper() and len(surface) > 1 and any(c.isalpha() for c in surface):
        return fix.upper()
    if capital_expected:
        words = surface.split()
        if len(words) > 1 and all(w[:1].isupper() for w in words if w[:1].isalpha()):
            # a title-case headline: title-case the fix's lower-case words
            return " ".join(w[:1].upper() + w[1:] if w[:1].islower() else w for w in fix.split(" "))
        return match_case(fix, surface)
    return fix


def _own_capitals(phrase: str) -> bool:
    """Does the phrase consist of capitalised words as written (KFH, Svatove-Kremlin)?"""
    words = [w for w, _, _ in _tokens(phrase) if w[:1].isalpha()]
    return bool(words) and all(w[:1].isupper() for w in words)


# ---- house packs: a newsroom's own packs, listed in the configuration -----------------------

# An unbounded repeat of something that can itself repeat, (a+)+ or (\w+\s?)*, tries
# exponentially many ways to split a long run before it fails ("catastrophic backtracking");
# one such regex in a house pack could stall a CI job on one unlucky article. House regexes
# with that shape are refused (bounded outer repeats such as (?:\w+\s+){0,3} stay allowed).
MAX_BOUNDED_REPEAT = 10


def _repeats(parsed):
    """Yield (min, max, body) for every repeat in a parsed regex (sre_parse), nested ones too."""
    try:
        from re import _constants as c, _parser as p  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as c  # noqa: F401
        import sre_parse as p  # noqa: F401
    for op, av in parsed:
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            lo, hi, body = av
            yield lo, hi, body
            yield from _repeats(body)
        elif op == c.SUBPATTERN:
            yield from _repeats(av[-1])
        elif op == c.BRANCH:
            for branch in av[1]:
                yield from _repeats(branch)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            yield from _repeats(av[1])
        elif op == c.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None:
                    yield from _repeats(branch)


def backtracking_risk(regex: str) -> Optional[str]:
    """Why `regex` can backtrack catastrophically (nested quantifiers), or None."""
    try:
        from re import _constants as c, _parser as p
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as c
        import sre_parse as p
    try:
        parsed = p.parse(regex)
    except re.error:
        return None  # reported as an invalid regex elsewhere
    for lo, hi, body in _repeats(parsed):
        outer_unbounded = hi == c.MAXREPEAT or hi > MAX_BOUNDED_REPEAT
        if not outer_unbounded:
            continue
        for inner_lo, inner_hi, _ in _repeats(body):
            if inner_hi > 1 and inner_hi != inner_lo:  # a{2} repeats a fixed length: harmless
                return ("nested quantifiers (a repeat inside an unbounded repeat, like (a+)+) "
                        "can take exponential time; bound the outer repeat ({0,5}) or rewrite "
                        "it without the inner one")
    return None


def load_house_packs(paths: Sequence) -> List[Pack]:
    """A newsroom's own packs (`phrase-packs` in the configuration): the bundled schema and
    validation, every context regex compiled now and refused when it can backtrack
    catastrophically, and no pack named like a bundled one. PhrasePackError lists every
    problem as "file:line: message"."""
    problems: List[str] = []
    packs: List[Pack] = []
    for path in paths:
        try:
            pack = load_pack(path, strict=True)
        except PhrasePackError as exc:
            problems += exc.problems
            continue
        for e in pack.entries:
            for key, rx in e.when.source.items():
                if key in _REGEX_KEYS:
                    risk = backtracking_risk(rx)
                    if risk:
                        problems.append(f"{e.origin}: {e.id}: '{key}' {rx!r}: {risk}")
        packs.append(pack)
    bundled = {Path(p).stem for p in bundled_pack_paths()}
    names = [p.name for p in packs]
    for pack in packs:
        if pack.name in bundled:
            problems.append(f"{pack.path}:1: pack name {pack.name!r} is a bundled pack's; "
                            f"choose another (e.g. 'house')")
        elif names.count(pack.name) > 1:
            problems.append(f"{pack.path}:1: two packs are named {pack.name!r}")
    if problems:
        raise PhrasePackError(problems)
    return packs
