"""Aligning a source article with its translation: paragraphs first, then sentences.

Paragraphs: MT keeps paragraph structure (one paragraph per line in, one out), so the i-th
source paragraph pairs with the i-th target paragraph; when the counts differ the source is
not used (the output says so) rather than guessed at. Bilingual files (XLIFF) pair by unit.

Sentences inside a paragraph pair: Gale & Church (1993, "A program for aligning sentences in
bilingual corpora", Computational Linguistics 19(1)) dynamic programming over bead types
1-1, 1-0, 0-1, 2-1, 1-2, 2-2 with their priors, and a length model: the target length is
about `c` times the source length with variance `s2` per source character (c and s2 per
language pair from bench/source_calibration.py, mtqa/data/source-calibration.json). Each bead
gets a confidence: its posterior probability over all alignments of the paragraph (forward-
backward sums, not only the best path), so a bead that other alignments explain as well is
not trusted. Beads under CONFIDENT are not compared by the length and omission rules.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from mtqa.source.document import SourceDoc

CONFIDENT = 0.7
# Gale & Church's bead priors (Table 5 of the paper)
PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2,
          (1, 2): 0.089 / 2, (2, 2): 0.011}
DEFAULT_MODEL = {"c": 1.0, "s2": 6.8}
_CALIBRATION = Path(__file__).resolve().parent.parent / "data" / "source-calibration.json"


@lru_cache(maxsize=1)
def calibration() -> Dict[str, Dict[str, float]]:
    """Per source language: c, s2 (length model) and the z range of a normal segment."""
    try:
        return json.loads(_CALIBRATION.read_text(encoding="utf-8"))["languages"]
    except (OSError, ValueError, KeyError):
        return {}


def model_for(lang: Optional[str]) -> Dict[str, float]:
    return calibration().get(lang or "", calibration().get("default", DEFAULT_MODEL))


def length(text: str) -> int:
    """Characters that carry content: letters, digits and punctuation, not spaces."""
    return len("".join(text.split()))  # in C: a character loop cost ~5 ms an article


def z_score(src_len: int, tgt_len: int, model: Dict[str, float]) -> float:
    """How far a target length is from the expected c * source length, in standard
    deviations of the Gale-Church model."""
    c, s2 = model["c"], model["s2"]
    mean = (src_len + tgt_len / c) / 2 if src_len or tgt_len else 1.0
    return (tgt_len - src_len * c) / math.sqrt(max(mean, 1.0) * s2)


def _log_match(src_len: int, tgt_len: int, model) -> float:
    z = abs(z_score(src_len, tgt_len, model))
    p = 2 * (1 - 0.5 * (1 + math.erf(z / math.sqrt(2))))
    return math.log(max(p, 1e-300))


def _logsumexp(values: List[float]) -> float:
    m = max(values)
    if m == -math.inf:
        return m
    return m + math.log(sum(math.exp(v - m) for v in values))


@dataclass
class Bead:
    """Source sentences src[i0:i1] aligned with target sentences tgt[j0:j1] (either side may
    be empty) of one paragraph pair, as character spans, with the bead's confidence."""
    paragraph: int
    source: Tuple[int, int]            # span in the source text (empty span if 0 sentences)
    target: Tuple[int, int]            # span in the article text
    n_source: int
    n_target: int
    confidence: float
    z: float                           # length z-score of the bead

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT


@dataclass
class Alignment:
    paragraphs: List[Tuple[Tuple[int, int], Tuple[int, int]]]  # (source span, target span)
    beads: List[Bead]
    source_sentences: int
    problem: Optional[str] = None      # why nothing was aligned

    @property
    def compared(self) -> float:
        """Share of source sentences inside confident beads."""
        if not self.source_sentences:
            return 0.0
        done = sum(b.n_source for b in self.beads if b.confident)
        return done / self.source_sentences


def align_sentences(src: Sequence[Tuple[int, int]], tgt: Sequence[Tuple[int, int]],
                    src_text: str, tgt_text: str, model, paragraph: int = 0) -> List[Bead]:
    """Gale-Church with posterior bead confidences (forward-backward in log space)."""
    if len(src) == 1 and len(tgt) == 1:  # the only possible alignment within the pair
        (s0, s1), (t0, t1) = src[0], tgt[0]
        z = z_score(length(src_text[s0:s1]), length(tgt_text[t0:t1]), model)
        return [Bead(paragraph, src[0], tgt[0], 1, 1, 1.0, z)]
    ls = [length(src_text[s:e]) for s, e in src]
    lt = [length(tgt_text[s:e]) for s, e in tgt]
    n, m = len(ls), len(lt)
    neg = -math.inf
    scores: Dict[Tuple[int, int, int, int], float] = {}

    def bead_score(i, j, di, dj):
        # each bead is scored by the forward, backward and best-path passes: once is enough
        key = (i, j, di, dj)
        score = scores.get(key)
        if score is None:
            a = sum(ls[i:i + di])
            b = sum(lt[j:j + dj])
            score = scores[key] = math.log(PRIORS[(di, dj)]) + _log_match(a, b, model)
        return score

    fwd = [[neg] * (m + 1) for _ in range(n + 1)]
    fwd[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == j == 0:
                continue
            terms = [fwd[i - di][j - dj] + bead_score(i - di, j - dj, di, dj)
                     for di, dj in PRIORS if i >= di and j >= dj]
            fwd[i][j] = _logsumexp(terms) if terms else neg
    bwd = [[neg] * (m + 1) for _ in range(n + 1)]
    bwd[n][m] = 0.0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if i == n and j == m:
                continue
            terms = [bwd[i + di][j + dj] + bead_score(i, j, di, dj)
                     for di, dj in PRIORS if i + di <= n and j + dj <= m]
            bwd[i][j] = _logsumexp(terms) if terms else neg
    total = fwd[n][m]
    # best path (Viterbi) for the beads themselves
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: Dict[Tuple[int, int], Tuple[int, int]] = {}
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for di, dj in PRIORS:
                if i >= di and j >= dj and (di or dj):
                    score = best[i - di][j - dj] + bead_score(i - di, j - dj, di, dj)
                    if score > best[i][j]:
                        best[i][j] = score
                        back[(i, j)] = (di, dj)
    path = []
    i, j = n, m
    while i or j:
        di, dj = back[(i, j)]
        path.append((i - di, j - dj, di, dj))
        i, j = i - di, j - dj
    beads = []
    for i, j, di, dj in reversed(path):
        posterior = math.exp(fwd[i][j] + bead_score(i, j, di, dj) + bwd[i + di][j + dj] - total)
        s_span = (src[i][0], src[i + di - 1][1]) if di else _empty_at(src, i)
        t_span = (tgt[j][0], tgt[j + dj - 1][1]) if dj else _empty_at(tgt, j)
        z = z_score(sum(ls[i:i + di]), sum(lt[j:j + dj]), model)
        beads.append(Bead(paragraph, s_span, t_span, di, dj, min(1.0, posterior), z))
    return beads


def _empty_at(spans, k):
    pos = spans[k][0] if k < len(spans) else spans[-1][1]
    return (pos, pos)


def align(doc: SourceDoc, article) -> Alignment:
    """Align a source document with the article; cached per article."""
    return article.memo(("source-alignment", id(doc)), lambda: _align(doc, article))


def _align(doc: SourceDoc, article) -> Alignment:
    model = model_for(doc.lang)
    src_paras = doc.paragraphs
    tgt_paras = list(doc.unit_targets) if doc.unit_targets is not None else article.paragraphs
    n_sentences = sum(len(s) for s in doc.sentences)
    if len(src_paras) != len(tgt_paras):
        return Alignment([], [], n_sentences,
                         f"paragraph count differs (source {len(src_paras)}, target "
                         f"{len(tgt_paras)}): not compared")
    pairs = list(zip(src_paras, tgt_paras))
    beads: List[Bead] = []
    sentence_spans = article.sentences
    starts = [s for s, _ in sentence_spans]
    in_order = all(a <= b for a, b in zip(starts, starts[1:]))
    for k, ((ss, se), (ts, te)) in enumerate(pairs):
        src_sents = doc.sentences[k]
        if not src_sents:
            continue
        if in_order:  # the paragraph's sentences by bisection (a scan per paragraph: P x S)
            first, last = bisect_left(starts, ts), bisect_right(starts, te)
            tgt_sents = [(s, e) for s, e in sentence_spans[first:last] if e <= te]
        else:
            tgt_sents = [(s, e) for s, e in sentence_spans if s >= ts and e <= te]
        tgt_sents = tgt_sents or [(ts, te)]
        beads.extend(align_sentences(src_sents, tgt_sents, doc.text, article.text, model, k))
    return Alignment(pairs, beads, n_sentences)
