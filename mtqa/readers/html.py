"""HTML (.html, .htm): the prose view is the page's visible text, from the standard library's
html.parser (tolerant of broken markup, no network, no entity expansion beyond HTML's own).

Tags, comments, attribute values (alt and title included), <head>, <script>, <style>,
<template>, <noscript>, <svg> and <math> are blanked. A block-level tag (p, div, h1-h6, li,
br, td, ...) ends a paragraph: the first character of the tag becomes a newline in the view.
Inside the text, line breaks of the source are spaces (HTML collapses whitespace), except in
<pre>. Character references (&amp; &rsquo; &#8212;) show their character at the first position
of the reference and blanks for the rest, so offsets stay those of the file; a word joined by a
reference (AT&amp;T, Kyiv&rsquo;s) therefore reads with a gap ("AT&    T"), and fixes never
touch a reference. <h1>-<h6> contents are headlines.
"""
from __future__ import annotations

from html.parser import HTMLParser
from typing import List, Optional, Tuple

from mtqa.formats import PROSE_VIEWS, ProseView
from mtqa.readers._view import ViewBuilder

BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p "
    "pre section summary table tbody td tfoot th thead tr ul".split())
HIDDEN_TAGS = frozenset("head script style template noscript svg math iframe object "
                        "textarea select".split())
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr"
                      .split())


class _Scanner(HTMLParser):
    def __init__(self, original: str, view: ViewBuilder):
        super().__init__(convert_charrefs=False)
        self.original = original
        self.view = view
        self.line_starts = [0]
        for i, ch in enumerate(original):
            if ch == "\n":
                self.line_starts.append(i + 1)
        self.hidden: List[str] = []
        self.pre = 0
        self.heading: Optional[Tuple[str, int]] = None

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _block_break(self, tag: str) -> None:
        if tag in BLOCK_TAGS and not self.hidden:
            pos = self._offset()
            if self.original[pos] != "\n":
                self.view.put(pos, "\n")

    def handle_starttag(self, tag, attrs):
        self._block_break(tag)
        if tag in HIDDEN_TAGS and tag not in VOID_TAGS:
            self.hidden.append(tag)
        elif tag == "pre":
            self.pre += 1
        elif tag in HEADING_TAGS and not self.hidden:
            text = self.get_starttag_text() or ""
            self.heading = (tag, self._offset() + len(text))

    def handle_startendtag(self, tag, attrs):
        self._block_break(tag)

    def handle_endtag(self, tag):
        if self.hidden:
            if tag == self.hidden[-1]:
                self.hidden.pop()
            elif tag in self.hidden:
                del self.hidden[self.hidden.index(tag):]
            return
        self._block_break(tag)
        if tag == "pre" and self.pre:
            self.pre -= 1
        if self.heading and self.heading[0] == tag:
            start, end = self.heading[1], self._offset()
            if start < end:
                self.view.headings.append((start, end))
            self.heading = None

    def handle_data(self, data):
        if self.hidden or not data:
            return
        start = self._offset()
        if self.original[start:start + len(data)] != data:
            return  # cannot place the text in the file (should not happen): leave it out
        self.view.reveal(start, start + len(data))
        if not self.pre:
            for i, ch in enumerate(data):
                if ch == "\n":
                    self.view.put(start + i, " ")

    def _reference(self, length: int):
        if self.hidden:
            return
        start = self._offset()
        end = start + length
        if end < len(self.original) and self.original[end] == ";":
            end += 1
        self.view.entity(start, end)

    def handle_entityref(self, name):
        self._reference(len(name) + 1)   # &name

    def handle_charref(self, name):
        self._reference(len(name) + 2)   # &#123 or &#x7b


def html_view(original: str) -> ProseView:
    view = ViewBuilder(original)
    scanner = _Scanner(original, view)
    scanner.feed(original)
    scanner.close()
    return view.build()


for _suffix in (".html", ".htm"):
    PROSE_VIEWS[_suffix] = html_view
