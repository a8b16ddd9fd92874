"""Helpers shared by the punct-* rules."""
from __future__ import annotations

import re

# Words after which a dot is an abbreviation's, so "etc.," or "U.S.," is right and "etc. and"
# does not end a sentence (punct-doubled, case-lowercase-start): titles, months, units and
# the abbreviations of reference works and dictionaries.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen col lt sgt capt maj adm gov sen rep jr sr inc ltd co corp no "
    "nos vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m "
    "u.s u.k u.n e.g i.e al ave blvd mt ft vol pp ch art sq km kg mln bln bn tel ext div "
    "cf ed eds rev op min max avg univ assn bros str bldg apt "
    "appr incl esp vols figs viz resp govt var ibid cit hrs yrs mos sec secs aka ref refs misc "
    "lit orig trans repr cent thous lieut ult inst prox cont contd pts mins kms lbs ozs pcs ser "
    "cca abbr adj adv pron prep conj sing pl masc fem neut obs syn ant".split())

# Characters of a chunk that is a URL, e-mail address, path or code, where dots and
# punctuation follow other rules.
_CODE_CHUNK = re.compile(r"(?:https?:|www\.|@|/|\\|\w\.\w+\.\w|\w_\w|\(\)|\w::\w)")


_NON_SPACE = re.compile(r"\S*")  # (\S is what str.isspace is not)


def chunk_at(text: str, pos: int) -> str:
    """The run of non-space characters around a position."""
    # Past 16 characters a run is followed in C (hardening5, issue 13: 1 MB without a space
    # was walked one character at a time in Python); short runs, the usual, are walked.
    start, near = pos, pos - 16
    while start > 0 and not text[start - 1].isspace():
        if start == near:
            start = _run_start(text, start)
            break
        start -= 1
    end, far, n = pos, pos + 16, len(text)
    while end < n and not text[end].isspace():
        if end == far:
            end = _NON_SPACE.match(text, end).end()
            break
        end += 1
    return text[start:end]


def _run_start(text: str, start: int) -> int:
    """Where the run of non-space characters that goes on before `start` begins: found in
    windows that grow, so that a run costs O(its length)."""
    size = 64
    while start > 0 and not text[start - 1].isspace():
        window = text[max(0, start - size):start]
        run = window.rsplit(None, 1)[-1]  # the window's last non-space run: its end
        start -= len(run)
        if len(run) < len(window):
            break  # a space before it
        size = min(2 * size, 65536)
    return start


def in_code_chunk(text: str, pos: int) -> bool:
    return bool(_CODE_CHUNK.search(chunk_at(text, pos)))


def word_before(text: str, pos: int) -> str:
    """The word (letters, dots, apostrophes) that ends right before `pos`."""
    m = re.search(r"[\w.'’]+$", text[max(0, pos - 20):pos])
    return m.group() if m else ""


def is_abbreviation(word: str) -> bool:
    """Is a word followed by a dot an abbreviation ("etc", "U.S", "E.Yu", "J")?"""
    w = word.rstrip(".").lower()
    if not w:
        return False
    if w in ABBREVIATIONS or "." in w:
        return True
    bare = word.rstrip(".")
    return len(bare) <= 2 and bare[:1].isupper() or (bare.isupper() and len(bare) <= 4)


def touches_markup(article, start: int, end: int) -> bool:
    """Does the span cover markup that the prose view blanked out (a Markdown link target,
    an HTML tag)? Spaces there are not the writer's."""
    return article.original[start:end] != article.text[start:end]


def in_code_or_markup(article, start: int, end: int) -> bool:
    """Is a span in a URL, path or code chunk (judged at its start), or over blanked markup?
    Most rules leave such a span alone."""
    return in_code_chunk(article.text, start) or touches_markup(article, start, end)
