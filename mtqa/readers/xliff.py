"""XLIFF 1.2 and 2.0 bilingual files (.xlf, .xliff): the prose view is the target text.

Every <target> of a translation unit (1.2 <trans-unit>, 2.0 <segment>) is shown, each as a
paragraph of its own; everything else is blanked: sources, notes, alternative translations
(1.2 <alt-trans>), inline codes (1.2 <bpt> <ept> <ph> <it> <x> <bx> <ex>, 2.0 <ph> <sc> <ec>
<cp>) and the tags themselves. Text inside <g>, <mrk> and <pc> is kept. Positions point into
the XLIFF file. Each target becomes an `mtqa.article.Segment` with its source text, for the
bilingual rules (source-number, xliff-untranslated). The file's source language
(1.2 source-language, 2.0 srcLang) is the article's, unless --source-lang says otherwise; a
file whose declared target language is not English is refused, since mtqa audits English.

Parsing is expat with entity declarations refused and nothing external read (mtqa.safexml).
"""
from __future__ import annotations

import re
from typing import List, Optional

from mtqa.article import Segment
from mtqa.formats import PROSE_VIEWS, ProseView
from mtqa.readers._view import ViewBuilder
from mtqa import safexml

UNIT_TAGS = {"1.2": "trans-unit", "2.0": "segment"}
# inline elements whose content is native code, not text
CODE_TAGS = frozenset({"bpt", "ept", "ph", "it", "sub", "cp", "originalData", "data"})
_REFERENCE_RE = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][\w.-]*);")


def _declared(tag: Optional[str]) -> Optional[str]:
    """A declared language tag as written (normalised once, by the pipeline's reader); an
    empty attribute declares nothing."""
    return tag.strip() or None if tag else None


def _primary(tag: Optional[str]) -> Optional[str]:
    return tag.replace("_", "-").split("-")[0].lower() if tag else None


class _Scanner:
    def __init__(self, original: str):
        self.original = original
        self.view = ViewBuilder(original)
        self.segments: List[Segment] = []
        self.version: Optional[str] = None
        self.source_lang: Optional[str] = None
        self.target_lang: Optional[str] = None
        self.stack: List[str] = []
        self.unit_id = ""
        self.unit_id_12 = ""
        self.source_parts: List[str] = []
        self.in_source = self.in_target = False
        self.code_depth = 0
        self.target_span: List[int] = []
        self.pending_source = ""
        # byte offset (UTF-8, as expat counts) -> character offset, advanced incrementally
        self._byte = 0
        self._char = 0

    def offset(self, parser) -> int:
        target = parser.CurrentByteIndex
        while self._byte < target:
            self._byte += len(self.original[self._char].encode("utf-8"))
            self._char += 1
        return self._char

    def start(self, parser, name, attrs):
        tag = safexml.local(name)
        pos = self.offset(parser)
        if not self.stack:
            if tag != "xliff":
                raise ValueError(f"not an XLIFF file (the root element is <{tag}>)")
            self.version = "2.0" if attrs.get("version", "").startswith("2") else "1.2"
            self.source_lang = _declared(attrs.get("srcLang"))
            self.target_lang = _primary(attrs.get("trgLang"))
        self.stack.append(tag)
        if tag == "file" and self.version == "1.2" and self.source_lang is None:
            self.source_lang = _declared(attrs.get("source-language"))
            self.target_lang = _primary(attrs.get("target-language"))
        elif tag == "trans-unit" or tag == "unit":
            self.unit_id = attrs.get("id", "")
            self.pending_source = ""
        elif tag == "segment":
            self.pending_source = ""
        parent = self.stack[-2] if len(self.stack) > 1 else ""
        if parent == UNIT_TAGS[self.version] and tag == "source":
            self.in_source = True
            self.source_parts = []
        elif parent == UNIT_TAGS[self.version] and tag == "target":
            self.in_target = True
            self.target_span = []
            self._break(pos)
        elif (self.in_source or self.in_target) and tag in CODE_TAGS:
            self.code_depth += 1
        elif self.in_source and tag in ("x", "bx", "ex", "sc", "ec"):
            self.source_parts.append(" ")

    def end(self, parser, name):
        tag = safexml.local(name)
        pos = self.offset(parser)
        self.stack.pop()
        if self.in_source and tag == "source" and not self.code_depth:
            self.in_source = False
            self.pending_source = "".join(self.source_parts)
        elif self.in_target and tag == "target" and not self.code_depth:
            self.in_target = False
            self._break(pos)
            if self.target_span:
                start, end = self.target_span[0], self.target_span[-1]
                self.segments.append(Segment(self.unit_id, self.pending_source, start, end))
        elif (self.in_source or self.in_target) and tag in CODE_TAGS:
            self.code_depth -= 1
        elif self.in_source and tag in ("g", "pc", "mrk"):
            pass

    def data(self, parser, text):
        if not (self.in_source or self.in_target) or self.code_depth:
            return
        if self.in_source:
            self.source_parts.append(text)
            return
        pos = self.offset(parser)
        if self.original.startswith(text, pos):
            end = pos + len(text)
            self.view.reveal(pos, end)
        else:  # a character reference (&amp; &#233;): its character, then blanks
            m = _REFERENCE_RE.match(self.original, pos)
            if not m:
                return
            end = m.end()
            self.view.entity(pos, end)
        if not self.target_span:
            self.target_span.append(pos)
        self.target_span[1:] = [end]

    def _break(self, pos: int) -> None:
        if pos < len(self.original) and self.original[pos] != "\n":
            self.view.put(pos, "\n")


def xliff_view(original: str) -> ProseView:
    scanner = _Scanner(original)
    parser = safexml.make_parser()
    parser.buffer_text = False
    parser.StartElementHandler = lambda n, a: scanner.start(parser, n, a)
    parser.EndElementHandler = lambda n: scanner.end(parser, n)
    parser.CharacterDataHandler = lambda t: scanner.data(parser, t)
    safexml.run(parser, original)
    if scanner.target_lang and scanner.target_lang != "en":
        raise ValueError(f"the XLIFF target language is {scanner.target_lang!r}; mtqa audits "
                         f"English targets")
    if not scanner.segments:
        raise ValueError("no translated segments (no <target> with text)")
    return scanner.view.build(segments=scanner.segments, source_lang=scanner.source_lang)


for _suffix in (".xlf", ".xliff"):
    PROSE_VIEWS[_suffix] = xliff_view
