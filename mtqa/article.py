"""The document model: an article's text, kept unchanged, with its structure as character offsets.

Every rule works on an `Article`. Nothing here changes the text: paragraphs, sentences, tokens,
headlines and quotations are all (start, end) offsets into `Article.text`, so a finding's span
always points at the characters the editor sees, and line/column are derived from offsets.
Structure is computed lazily and cached: a rule that never asks for quotations never pays for them.
"""
from __future__ import annotations

import bisect
import re
from functools import cached_property, lru_cache, partial
from itertools import accumulate, compress, count, filterfalse, repeat
from operator import itemgetter, ne
from typing import (Any, Callable, Dict, Hashable, List, NamedTuple, Optional, Sequence, Tuple,
                    Union)

from mtqa.lazyre import precompiled  # (cached regex code: start-up)
from mtqa.plain import FrozenPlain

# A word: letters/digits, joined across inner apostrophes (O'Brien, don't) but not across a
# possessive 's (Kiev's -> Kiev + 's), and not across hyphens (Russia-Ukraine -> Russia, Ukraine).
TOKEN_RE = precompiled(r"[^\W_]+(?:['’](?![sS]\b)[^\W_]+)*")
# The same pattern as one capturing group: re.split then yields gap, token, gap, token, ...,
# and cumulative lengths give every offset without a Python-level loop over matches.
_TOKEN_SPLIT_RE = precompiled(f"({TOKEN_RE.pattern})")

# Sentence ends: terminal punctuation (optionally closing quotes/brackets), then space, then
# something that can start a sentence.
_SENTENCE_END_RE = precompiled(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[^\s\w]*[\w])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen col lt sgt capt maj cmdr adm gov sen rep jr sr inc ltd co corp "
    "no vs etc e.g i.e approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n a.m p.m".split()
)
_PARAGRAPH_RE = precompiled(r"\S(?:[^\n]*\S)?")
_HEADLINE_END = ".!?…:;,\"”’»)"
_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
_QUOTE_OPEN_RE = precompiled('[“«„"]')
# Text that is not language: URLs, e-mail addresses, bare domains, file paths, inline code.
# Fixes never change it (www.Kiev.com stays), whatever the input format.
# (top-level domains that are English words, .in .it .me .us .at .my .id .by, are left out:
# "said.it" is a missing space, not a domain)
_TLDS = ("com|org|net|gov|edu|int|mil|info|biz|io|ai|co|tv|news|online|site|eu|uk|ua|"
         "ru|kz|cn|hk|tw|sg|de|fr|pl|es|nl|ch|cz|jp|kr|au|ca|br|tr|il|ge|md")
_LITERAL_RE = precompiled(
    r"(?:\b[a-zA-Z][a-zA-Z0-9+.-]*://|\bwww\.)[^\s<>\"“”‘’«»]*[^\s<>\"“”‘’«».,;:!?)\]]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    rf"|(?<![\w@./-])(?:[\w-]+\.)+(?:{_TLDS})\b(?:/[^\s<>\"“”]*[^\s<>\"“”.,;:!?)\]])?"
    r"|(?<![\w/])(?:~|\.{1,2})?(?:/[\w.-]+){2,}/?"
    r"|\b[A-Za-z]:\\[^\s]+"
    r"|`[^`\n]+`")


class Token(NamedTuple):
    # A named tuple rather than a dataclass: an article has hundreds of tokens, and tuples are
    # built in C (see Article.tokens), several times faster than a frozen dataclass.
    text: str
    start: int
    end: int
    sentence: int          # index into Article.sentences
    sentence_initial: bool  # first word of its sentence

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


_make_token = partial(tuple.__new__, Token)
_token_text = itemgetter(0)
_first_character = itemgetter(0)


# Cached structure an Article computes from its text: never pickled, and dropped by release()
# (all but line_starts, which positions need after the audit).
_COMPUTED = frozenset({"paragraphs", "headlines", "sentences", "tokens", "token_texts",
                       "token_set", "lowered_set", "capitalised_set", "quotations", "_memo",
                       "line_starts", "literal_spans", "name_views"})
_DROPPED_BY_RELEASE = _COMPUTED - {"line_starts"}


class FileOrigin(FrozenPlain):  # plain classes, not @dataclass (start-up: mtqa/plain.py)
    """An article that is a whole file (or standard input, or a string given to the API)."""
    path: str

    def __init__(self, path: str):
        object.__setattr__(self, "path", path)


class RecordOrigin(FrozenPlain):
    """An article that is one record of a JSON Lines feed: the feed's path, the record's line
    and id, the field holding the text, and where that field's string literal sits in the raw
    line, so positions and fixes point into the file as it is."""
    path: str
    line: int                      # 1-based line of the record in the feed
    id: Optional[str]              # the --id-field value, if any
    field: str                     # the field holding the article text
    literal: Tuple[int, int] = (0, 0)  # (start, end) of the string literal, quotes included
    # body offset -> index in the raw line (len(body) + 1 items); None once the body is
    # changed (by `mtqa fix`), when positions are those of the body
    raw_columns: Optional[Sequence[int]] = None
    ascii_escaped: bool = False    # non-ASCII was written as \uXXXX escapes
    crlf: bool = False             # the body held \r\n line ends

    def __init__(self, path: str, line: int, id: Optional[str], field: str,
                 literal: Tuple[int, int] = (0, 0), raw_columns: Optional[Sequence[int]] = None,
                 ascii_escaped: bool = False, crlf: bool = False):
        _set = object.__setattr__
        _set(self, "path", path)
        _set(self, "line", line)
        _set(self, "id", id)
        _set(self, "field", field)
        _set(self, "literal", literal)
        _set(self, "raw_columns", raw_columns)
        _set(self, "ascii_escaped", ascii_escaped)
        _set(self, "crlf", crlf)

    def encode(self, body: str) -> str:
        """A string literal for a new body, written the way the original one was."""
        import json

        if self.crlf:
            body = body.replace("\n", "\r\n")
        return json.dumps(body, ensure_ascii=self.ascii_escaped)


Origin = Union[FileOrigin, RecordOrigin]


class Article:
    """One article, built complete by its input reader: the text exactly as read, the prose
    view rules read, what the markup tells about structure, where it came from, and the
    language it was translated from. Nothing changes an article after it is built; its
    structure (sentences, tokens, ...) is computed lazily from the text and cached."""

    def __init__(self, original: str, path: str = "<text>", source_lang: Optional[str] = None,
                 text: Optional[str] = None, *, headings: Sequence[Tuple[int, int]] = (),
                 prose_runs: Optional[Sequence[Tuple[int, int]]] = None,
                 segments: Sequence["Segment"] = (), origin: Optional[Origin] = None,
                 source: Optional[Any] = None):
        if text is not None and len(text) != len(original):
            raise ValueError("the prose view must have the same length as the original")
        # `original` is the file's content, never changed. `text` is what rules read: the same
        # characters with markup (front matter, code, tags, link targets) blanked to spaces by the
        # input reader, so every offset means the same in both.
        self.original = original
        self.text = original if text is None else text
        self.origin: Origin = origin if origin is not None else FileOrigin(path)
        self.path = self.origin.path
        # a BCP 47 primary subtag ("uk", "id", ...), normalised by the reader (mtqa.lang)
        self.source_lang = source_lang
        # Spans of headings known from the markup (Markdown `#`, HTML <h1>): always headlines.
        self.headings: Sequence[Tuple[int, int]] = tuple(headings)
        # Spans of the original that the prose view shows verbatim; None means all of it.
        self.prose_runs: Optional[Sequence[Tuple[int, int]]] = (
            None if prose_runs is None else list(prose_runs))
        # Bilingual files (XLIFF): one Segment per translation unit, target span + source text.
        self.segments: Sequence["Segment"] = tuple(segments)
        # The source-language document this article translates, when one is paired with it
        # (mtqa.source); None for a translation audited on its own.
        self.source = source

    @property
    def record(self) -> Optional[RecordOrigin]:
        """The feed record this article is, or None for a whole file."""
        origin = self.origin
        return origin if isinstance(origin, RecordOrigin) else None

    def __getstate__(self) -> Dict[str, Any]:
        # Only the text and what readers set (headings, segments, record ids) cross process
        # boundaries (parallel runs); computed structure is recomputed lazily where it is
        # needed, which is cheaper than pickling hundreds of tokens.
        return {k: v for k, v in self.__dict__.items() if k not in _COMPUTED}

    def release(self) -> None:
        """Drop the computed structure (tokens, sentences, rule caches) to save memory once the
        article is audited; anything asked for later is recomputed. Line starts (for
        positions), the word count and the glossary matches stay."""
        self.words  # noqa: B018  (the score needs it; keep it)
        memo = self.__dict__.get("_memo") or {}
        for key in _DROPPED_BY_RELEASE:
            self.__dict__.pop(key, None)
        # Glossary matches stay (a few per name, small): the report's name ledger reads them
        # again after the audit, and finding them anew costs a second tokenisation and
        # glossary pass (hardening2, issue 13: half of `report` on 1 MB of names).
        # So do the report's candidate name runs, found during the audit when a report is
        # written (mtqa.ledger.remember_runs; hardening4, issue 13).
        kept = {k: v for k, v in memo.items()
                if isinstance(k, tuple) and k[0] in ("glossary-matches", "ledger-runs")}
        if kept:
            self.__dict__["_memo"] = kept

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """Per-article cache for data derived from the article that several rules use
        (glossary matches, name-like tokens): computed once, by the first rule that asks."""
        cache = self.__dict__.setdefault("_memo", {})
        try:
            return cache[key]
        except KeyError:
            value = cache[key] = compute()
            return value

    # ---- positions -------------------------------------------------------------------------
    @cached_property
    def line_starts(self) -> List[int]:
        # Lines of the original file: a prose view may join a wrapped paragraph's lines or end
        # a paragraph at an HTML block tag, but positions always point into the file as it is.
        return [0] + [m.end() for m in re.finditer(r"\n", self.original)]

    def position(self, offset: int) -> Tuple[int, int]:
        """1-based (line, column) of a character offset; columns count code points. For a
        feed record: the record's line and the column in the raw JSON line."""
        record = self.record
        if record is not None and record.raw_columns is not None:
            return record.line, record.raw_columns[offset] + 1
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The prose view of the original file's line `line` (1-based)."""
        start = self.line_starts[line - 1]
        end = self.original.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]

    def is_prose(self, start: int, end: int) -> bool:
        """Is the span article text shown verbatim (not markup, not a decoded entity)? A
        zero-width span is prose when it touches a verbatim run. `mtqa fix` edits only prose."""
        if self.prose_runs is None:
            return 0 <= start <= end <= len(self.original)
        i = bisect.bisect_right(self.prose_runs, (start, float("inf"))) - 1
        if i < 0:
            return False
        s, e = self.prose_runs[i]
        return s <= start and end <= e

    # ---- structure -------------------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> List[Tuple[int, int]]:
        """Non-empty lines are paragraphs: MT news arrives one paragraph per line, and a
        Markdown paragraph wrapped over lines still splits into sentences correctly."""
        # a line from its first to its last non-space character, in one regex pass
        return [m.span() for m in _PARAGRAPH_RE.finditer(self.text)]

    @cached_property
    def headlines(self) -> List[Tuple[int, int]]:
        """Paragraphs that read as headlines or subheadings: Markdown headings, or short lines
        that do not end like a sentence. Title case is normal there."""
        out = []
        for s, e in self.paragraphs:
            para = self.text[s:e]
            if any(hs < e and s < he for hs, he in self.headings):
                out.append((s, e))
            elif para.startswith("#"):
                out.append((s, e))
            elif len(para.split()) <= 20 and para[-1] not in _HEADLINE_END:
                out.append((s, e))
        return out

    def in_headline(self, offset: int) -> bool:
        return _in_spans(self.headlines, offset)

    @cached_property
    def sentences(self) -> List[Tuple[int, int]]:
        spans = []
        for ps, pe in self.paragraphs:
            start = ps
            for m in _SENTENCE_END_RE.finditer(self.text, ps, pe):
                if self._is_abbreviation(m.start()):
                    continue
                spans.append((start, m.end()))
                start = m.end()
                while start < pe and self.text[start].isspace():
                    start += 1
            if start < pe:
                spans.append((start, pe))
        return spans

    def _is_abbreviation(self, dot: int) -> bool:
        if self.text[dot] != ".":
            return False
        # the answer depends only on the 12 characters before the dot: asked once per such
        # text (1 MB of one name repeated asked it 185,000 times; hardening4, issue 13)
        return _abbreviation_before(self.text[max(0, dot - 12):dot])

    @cached_property
    def tokens(self) -> List[Token]:
        # One regex pass over the whole text; offsets from cumulative lengths and sentence
        # numbers by bisection, all in C (map/accumulate): the hot path of every rule.
        sentences = self.sentences
        parts = _TOKEN_SPLIT_RE.split(self.text)
        texts = parts[1::2]
        if not texts or not sentences:
            return self._tokens_by_sentence()
        offsets = list(accumulate(map(len, parts)))
        starts = offsets[0::2][:len(texts)]
        ends = offsets[1::2]
        sentence_starts = [s for s, _ in sentences]
        index = list(map(bisect.bisect_right, repeat(sentence_starts[1:]), starts))
        # A token must lie inside its sentence (always so for these patterns); if one ever
        # did not, the per-sentence scan below is the definition.
        sentence_ends = [e for _, e in sentences]
        if starts[0] < sentence_starts[0] or any(
                map(int.__gt__, ends, map(sentence_ends.__getitem__, index))):
            return self._tokens_by_sentence()
        initial = list(map(ne, index, [-1] + index))
        # the split already holds the token texts: kept, so token_texts needs no second pass
        # over a million tokens (issue 13: 1 MB of names behind zero-width characters)
        self.__dict__.setdefault("token_texts", texts)
        return list(map(_make_token, zip(texts, starts, ends, index, initial)))

    def _tokens_by_sentence(self) -> List[Token]:
        out: List[Token] = []
        for i, (s, e) in enumerate(self.sentences):
            first = True
            for m in TOKEN_RE.finditer(self.text, s, e):
                out.append(Token(m.group(), m.start(), m.end(), i, first))
                first = False
        return out

    @cached_property
    def token_texts(self) -> List[str]:
        """The tokens' texts, for fast set and dict operations over an article's words."""
        return list(map(_token_text, self.tokens))

    @cached_property
    def token_set(self) -> frozenset:
        """The distinct token texts, as written. Built once per article (a C-level pass) and
        shared: the engine checks rules' trigger words against it (Rule.needs_tokens) and
        rules ask it whether a word occurs at all before looking for where."""
        return frozenset(self.token_texts)

    @cached_property
    def lowered_set(self) -> frozenset:
        """The distinct token texts in lower case (Rule.needs_words; rules' word tables)."""
        return frozenset(map(str.lower, self.token_set))

    @cached_property
    def capitalised_set(self) -> frozenset:
        """The distinct token texts that are capitalised words: letters only, the first one a
        capital, not all capitals (Kyiv, McDonald; not NATO, 2022). Name rules start from
        these instead of testing every token; tested in C, one pass over the distinct words."""
        words = tuple(filter(str.isalpha, self.token_set))
        return frozenset(filterfalse(str.isupper, compress(
            words, map(str.isupper, map(_first_character, words)))))

    @cached_property
    def words(self) -> int:
        texts = self.token_texts
        return len(texts) - sum(map(str.isdigit, texts)) or len(texts)

    @cached_property
    def quotations(self) -> List[Tuple[int, int]]:
        """Spans of direct speech, quote marks included, paired within a paragraph."""
        spans = []
        text = self.text
        for ps, pe in self.paragraphs:
            # jump from opening mark to opening mark: a character loop cost ~0.5 ms an article
            m = _QUOTE_OPEN_RE.search(text, ps, pe)
            # closing marks known to be absent from the rest of the paragraph: without this,
            # every unclosed "“" searched to the paragraph's end (quadratic; security, #13)
            absent = set()
            while m:
                i = m.start()
                closer = _QUOTE_PAIRS[text[i]]
                j = -1 if closer in absent else text.find(closer, i + 1, pe)
                if j < 0:
                    absent.add(closer)
                if j > 0:
                    spans.append((i, j + 1))
                    m = _QUOTE_OPEN_RE.search(text, j + 1, pe)
                else:
                    m = _QUOTE_OPEN_RE.search(text, i + 1, pe)
        return spans

    @cached_property
    def literal_spans(self) -> List[Tuple[int, int]]:
        """Spans of text that is not language (URLs, e-mail addresses, domains such as
        www.Kiev.com, paths, `inline code`): no fix ever edits inside one."""
        return [m.span() for m in _LITERAL_RE.finditer(self.text)]

    @cached_property
    def name_views(self) -> List["NormalisedView"]:
        """The prose view as names are matched in it (hardening, issue 13; mtqa.normalise):
        format characters (zero-width space, soft hyphen, ...) removed and letters composed
        (NFC), then, when the text has combining marks written as separate characters, a
        second view without them ("Kie\u0301v" reads "Kiev"). Each view maps its spans back
        to this article's characters (`view.span`); `view.article` is the view as an Article.
        For an article without such characters (almost every one) the only view is the
        identity and `view.article` is the article itself."""
        from mtqa.normalise import NormalisedView, has_marks, unmarked

        views = [NormalisedView(self.text)]
        if not views[0].identity and has_marks(self.text):
            views.append(NormalisedView(self.text, unmarked))
        for view in views:
            view.article = self if view.identity else Article(view.text, path=self.path,
                                                              source_lang=self.source_lang)
        return views

    def in_quotation(self, offset: int) -> bool:
        return _in_spans(self.quotations, offset)


_WORD_BEFORE_DOT_RE = precompiled(r"([\w.]+)$")


@lru_cache(maxsize=4096)
def _abbreviation_before(before: str) -> bool:
    """Is a dot after `before` (up to 12 characters) the end of an abbreviation?"""
    m = _WORD_BEFORE_DOT_RE.search(before)
    if not m:
        return False
    word = m.group(1).lower()
    # single capital initials ("J. Smith") and listed abbreviations do not end sentences
    return word in _ABBREVIATIONS or (len(word) == 1 and before[-1].isupper())


class Segment(FrozenPlain):
    """One translation unit of a bilingual file: the target's span in the article and the
    source text it translates (decoded, inline codes dropped)."""
    id: str
    source: str
    start: int
    end: int

    def __init__(self, id: str, source: str, start: int, end: int):
        _set = object.__setattr__
        _set(self, "id", id)
        _set(self, "source", source)
        _set(self, "start", start)
        _set(self, "end", end)


def lowered_token_texts(article: "Article") -> List[str]:
    """The tokens' texts in lower case, computed once per article (phrase matching and
    several rules look words up by their lower-case form)."""
    return article.memo("lowered-token-texts", lambda: list(map(str.lower, article.token_texts)))


def positions_of(words: Sequence[str], keys) -> List[int]:
    """Indices of the `words` (an article's token texts, or their lower-case forms) that are
    in `keys` (a set or dict), found at C speed: per-token rules visit only the tokens that
    can matter instead of looping over every token in Python."""
    return list(compress(count(), map(keys.__contains__, words)))


def tokens_of(article: "Article", words) -> List[Token]:
    """The article's tokens whose text is one of `words` (a set of token texts), in text
    order: where the distinct words a rule picked from its shared sets occur."""
    if not words:
        return []
    return list(map(article.tokens.__getitem__, positions_of(article.token_texts, words)))


def _in_spans(spans: List[Tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
