"""The number reader's speed-ups find what the plain forms found (mtqa/source/numbers.py):
digit-led patterns equal the lookbehind-led ones, a pattern is skipped only where its hint
(a substring every match holds) is absent, and the per-word cache of number words gives the
values the loop over stems and prefixes gave."""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from mtqa.source import numbers as N

WMT23 = Path(__file__).resolve().parents[3] / "shared" / "dev" / "wmt23"

# the forms before the change, verbatim
OLD_NUMBER_RE = re.compile(r"(?<![.,])(?<![^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff])"
                           r"\d+(?:[.,\u00a0\u202f\u2009 ]\d+)*(?![\d])")
OLD_DATE_RE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")


def old_word_values(text, lang):
    table = N.WORD_NUMBERS.get(lang or "en", {})
    if not table or lang == "zh":
        return N.word_values(text, lang)
    words = [w.lower().replace("’", "'") for w in N._WORD_RE.findall(text)]
    stems = N._stem_index(lang or "")
    scales = N.SCALES.get(lang or "en", {})
    out = set()
    previous = None
    for w in words:
        value = table.get(w)
        if value is None:
            for stem, stem_value in stems.get(w[:3], ()):
                if w.startswith(stem) and len(w) - len(stem) <= 4:
                    value = stem_value
                    break
        if value is None:
            for prefix, prefix_value in N.COMPOUND_PREFIXES.get(lang or "", {}).items():
                if w.startswith(prefix) and len(w) - len(prefix) >= 4:
                    out.add(Decimal(prefix_value))
                    break
        if previous is not None:
            scale = N._scale(w, scales)
            if scale:
                out.add(Decimal(str(previous)) * scale)
        if value is not None:
            out.add(Decimal(str(value)))
        previous = value
    if lang in (None, "en"):
        out |= N._english_fractions(words)
    return out


def old_split_spaces(text, start, token):
    out = []
    pieces = re.split(r"([\u00a0\u202f\u2009 ])", token)
    pos = start
    current, current_start = pieces[0], start
    pos += len(pieces[0])
    for sep, piece in zip(pieces[1::2], pieces[2::2]):
        if len(piece) == 3 and re.fullmatch(r"\d{3}", piece) and re.fullmatch(r"\d{1,3}",
                                                                              current[-3:]):
            current += sep + piece
        else:
            out.append((current_start, current))
            current, current_start = piece, pos + len(sep)
        pos += len(sep) + len(piece)
    out.append((current_start, current))
    return out


def spans(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


def check_text(text: str) -> None:
    assert spans(N._NUMBER_RE, text) == spans(OLD_NUMBER_RE, text)
    assert spans(N._DATE_RE, text) == spans(OLD_DATE_RE, text)
    for pattern, hint in ((N._TIME_RE, N._TIME_HINT_RE), (N._HOUR_RE, N._HOUR_HINT_RE),
                          (N._SPLIT_NUMBER_RE, N._SPLIT_HINT_RE)):
        if pattern.search(text):
            assert hint.search(text), (pattern.pattern, text)
    assert [m.span() for m in N._times(text)] == spans(N._TIME_RE, text)
    for lang in ("uk", "ru", "en", "id", None):
        assert N.word_values(text, lang) == old_word_values(text, lang), (lang, text)
    for m in N._NUMBER_RE.finditer(text):
        assert N._split_spaces(text, m.start(), m.group()) == \
            old_split_spaces(text, m.start(), m.group())


PIECES = ["1", "12", "0", "7", "23", "59", "2023", ".", ",", ":", " ", "\u00a0", "-", "/",
          "a", "p", "m", "A.M.", "pm", "o'clock", "о", "в", "pukul ", "G", "х", "%", "WIB",
          "год", "тис.", "двох", "тридцяти", "two", "half", "a", "and", "quarter", "million",
          "Ж", "中", "ｱ", "’", "'", "٣", "двомісний", "трьох тисяч", "of"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_same_readings_on_generated_text(parts):
    check_text("".join(parts))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x500, blacklist_categories=("Cs",)),
               max_size=40))
def test_same_readings_on_random_text(text):
    check_text(text)


def test_same_readings_on_real_lines():
    if not WMT23.exists():
        pytest.skip("../shared/dev/wmt23 is not here")
    n = 0
    for lang in ("uk", "ru"):
        with open(WMT23 / f"{lang}-en.jsonl", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                doc = json.loads(line)
                segments = doc["src"] + doc["ref"] + next(iter(doc["hyps"].values()), [])
                for seg in segments:
                    if i % 3 == 0 or any(ch.isdigit() for ch in seg):
                        check_text(seg)
                        n += 1
    assert n > 1000
