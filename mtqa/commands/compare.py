"""`mtqa compare MT EDITED`: how far an editor moved an MT article, and whether the editor
acted on mtqa's findings.

For each pair (two files, or two folders paired by relative path) it prints BLEU, chrF and
TER of the MT text against the edited text (sacrebleu, with the metric signatures), the
lines that changed most, and for every finding on the MT text whether the editor changed
that span. Over a folder pair it adds a per-rule table: findings, and the share the editors
acted on, next to the share of all MT words they changed (the chance level).

A finding counts as acted on when the text of its span does not survive unchanged in the
edited version: the two texts are aligned line by line, then token by token within paired
lines (words, single punctuation marks, runs of space) with difflib, and the span survives only when all its tokens sit in one
unchanged block (a span of punctuation only: with the tokens either side of it, since an
editor who adds a missing space changes no character of the span). sacrebleu is imported here only, when the command runs.
"""
from __future__ import annotations

import difflib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import click

from mtqa.cli import EXIT_ERROR, EXIT_OK, _audit_options, _options, main
from mtqa.formats import InputError

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


# ---- pairing and reading ---------------------------------------------------------------------

# a file that cannot be paired or read: the pipeline's error type
Problem = InputError



def pair_paths(mt: str, edited: str) -> Tuple[List[Tuple[str, str]], List[Problem]]:
    """(MT file, edited file) pairs and the problems found pairing them."""
    from mtqa.inputs import collect

    mt_p, ed_p = Path(mt), Path(edited)
    for p in (mt_p, ed_p):
        if not p.exists():
            return [], [Problem(str(p), "no such file or folder")]
    if mt_p.is_dir() != ed_p.is_dir():
        return [], [Problem(f"{mt} {edited}", "give two files or two folders, not one of each")]
    if not mt_p.is_dir():
        return [(mt, edited)], []
    problems: List[Problem] = []
    sides = []
    for root in (mt_p, ed_p):
        files, errors = collect([str(root)])
        problems.extend(Problem(e.path, e.message) for e in errors)
        sides.append({Path(f).relative_to(root).as_posix(): f for f in files})
    mt_files, ed_files = sides
    pairs = [(mt_files[k], ed_files[k]) for k in sorted(mt_files) if k in ed_files]
    problems += [Problem(mt_files[k], f"no edited counterpart in {edited}")
                 for k in sorted(mt_files) if k not in ed_files]
    problems += [Problem(ed_files[k], f"no MT counterpart in {mt}")
                 for k in sorted(ed_files) if k not in mt_files]
    return pairs, problems


# ---- alignment -------------------------------------------------------------------------------

def tokens(text: str) -> List[Tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


class Alignment:
    """Token alignment of an MT text with its edited version. Lines are paired first
    (difflib over lines), then tokens within each pair of lines, which keeps the cost linear
    in the number of lines rather than quadratic in the length of the article."""

    def __init__(self, mt: str, edited: str):
        self.mt_tokens = tokens(mt)
        self._starts = [t[1] for t in self.mt_tokens]
        # block id of every MT token kept unchanged, None for changed ones
        self.block: List[Optional[tuple]] = [None] * len(self.mt_tokens)
        mt_lines = _line_spans(mt)
        ed_lines = _line_spans(edited)
        matcher = difflib.SequenceMatcher(None, [mt[a:b] for a, b in mt_lines],
                                          [edited[a:b] for a, b in ed_lines], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                for i in range(i1, i2):
                    self._mark(mt_lines[i], ("line", i))
            elif op == "replace" and i2 - i1 == j2 - j1:
                for i, j in zip(range(i1, i2), range(j1, j2)):
                    self._align(mt, mt_lines[i], edited[slice(*ed_lines[j])], i)
            elif op != "insert":
                # lines merged, split or dropped: align the MT block with the edited block
                span = (mt_lines[i1][0], mt_lines[i2 - 1][1])
                other = " ".join(edited[a:b] for a, b in ed_lines[j1:j2])
                self._align(mt, span, other, i1)

    def _token_range(self, span):
        import bisect

        return (bisect.bisect_left(self._starts, span[0]),
                bisect.bisect_left(self._starts, span[1]))

    def _mark(self, span, block_id):
        first, last = self._token_range(span)
        for k in range(first, last):
            self.block[k] = block_id

    def _align(self, mt, span, other, line_index):
        first, last = self._token_range(span)
        mine = [t[0] for t in self.mt_tokens[first:last]]
        theirs = [t[0] for t in tokens(other)]
        matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
        for n, (i, _j, size) in enumerate(matcher.get_matching_blocks()):
            for k in range(first + i, first + i + size):
                self.block[k] = (line_index, n)

    def survives(self, start: int, end: int) -> bool:
        """Does the MT text at [start, end) appear unchanged in the edited text? A span of
        punctuation or space survives only with its neighbouring tokens: inserting the
        missing space after "Thursday." changes no character of the "." itself."""
        import bisect

        if not self.mt_tokens:
            return False
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        last = max(first, bisect.bisect_left(self._starts, max(end, start + 1)) - 1)
        if not any(self.mt_tokens[k][0][0].isalnum() for k in range(first, last + 1)):
            first, last = max(0, first - 1), min(len(self.mt_tokens) - 1, last + 1)
        blocks = {self.block[k] for k in range(first, last + 1)}
        return len(blocks) == 1 and None not in blocks

    def changed_word_share(self) -> Tuple[int, int]:
        """(changed words, all words) of the MT text: the chance level of "acted on"."""
        words = [k for k, t in enumerate(self.mt_tokens) if t[0][0].isalnum() or t[0] == "_"]
        return sum(1 for k in words if self.block[k] is None), len(words)


def _line_spans(text: str) -> List[Tuple[int, int]]:
    """(start, end) of the non-empty lines of a text, surrounding space trimmed."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def segment_pairs(mt_lines: Sequence[str], ed_lines: Sequence[str]
                  ) -> Tuple[List[str], List[str], List[dict]]:
    """Align paragraphs (non-empty lines) with difflib; return MT and edited segments for the
    metrics, and the changed lines with their share of changed characters."""
    matcher = difflib.SequenceMatcher(None, list(mt_lines), list(ed_lines), autojunk=False)
    hyp, ref, changed = [], [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        a, b = list(mt_lines[i1:i2]), list(ed_lines[j1:j2])
        if op == "equal" or (op == "replace" and len(a) == len(b)):
            pairs = list(zip(a, b))
            starts = list(range(i1, i2))
        else:
            # lines merged, split, added or dropped: one segment for the block
            pairs = [(" ".join(a), " ".join(b))]
            starts = [i1]
        hyp += [p[0] for p in pairs]
        ref += [p[1] for p in pairs]
        if op != "equal":
            for (x, y), index in zip(pairs, starts):
                ratio = difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()
                changed.append({"index": index, "mt": x, "edited": y,
                                "change": round(1 - ratio, 3)})
    return hyp, ref, changed


# ---- the comparison --------------------------------------------------------------------------

@dataclass
class PairResult:
    mt_path: str
    edited_path: str
    scores: Dict[str, float]
    words: int
    changed_words: int
    changed_lines: List[dict]
    findings: List[dict] = field(default_factory=list)
    segments: Tuple[List[str], List[str]] = ([], [])  # aligned (MT, edited) for the metrics


def _metrics():
    from sacrebleu.metrics import BLEU, CHRF, TER

    return {"BLEU": BLEU(), "chrF": CHRF(), "TER": TER()}


def _line_items(article) -> Tuple[List[str], List[int]]:
    """Non-empty lines of an article's prose view with their 1-based line numbers."""
    spans = _line_spans(article.text)
    return ([article.text[a:b] for a, b in spans],
            [article.position(a)[0] for a, _ in spans])


def compare_pair(mt_article, edited_article, findings, metrics, top: int) -> PairResult:
    mt_lines, mt_numbers = _line_items(mt_article)
    ed_lines, _ = _line_items(edited_article)
    hyp, ref, changed = segment_pairs(mt_lines, ed_lines)
    scores = {name: round(m.corpus_score(hyp, [ref]).score, 2) for name, m in metrics.items()}
    for c in changed:
        index = c.pop("index")
        c["line"] = mt_numbers[index] if index < len(mt_numbers) else None  # None: added
    changed.sort(key=lambda c: (-c["change"], c["line"] or 0))
    alignment = Alignment(mt_article.text, edited_article.text)
    changed_words, words = alignment.changed_word_share()
    out = []
    for f in findings:
        line, col = mt_article.position(f.start)
        out.append({"rule": f.rule, "severity": f.severity, "line": line, "column": col,
                    "text": mt_article.text[f.start:f.end], "message": f.message,
                    "suggestions": list(f.suggestions),
                    "acted_on": not alignment.survives(f.start, f.end)})
    return PairResult(mt_article.path, edited_article.path, scores, words, changed_words,
                      changed[:top], out, (hyp, ref))


def rule_table(results: Sequence[PairResult]) -> Dict[str, dict]:
    total, acted = Counter(), Counter()
    for r in results:
        for f in r.findings:
            total[f["rule"]] += 1
            acted[f["rule"]] += f["acted_on"]
    return {rule: {"findings": total[rule], "acted_on": acted[rule],
                   "share": round(acted[rule] / total[rule], 3)} for rule in sorted(total)}


def corpus_scores(results: Sequence[PairResult], metrics) -> Dict[str, float]:
    hyp = [h for r in results for h in r.segments[0]]
    ref = [e for r in results for e in r.segments[1]]
    if not hyp:
        return {}
    return {name: round(m.corpus_score(hyp, [ref]).score, 2) for name, m in metrics.items()}


# ---- output ----------------------------------------------------------------------------------

def _clip(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def render_text(results, table, corpus, signatures, changed_share, folders: bool) -> str:
    out = []
    for r in results:
        acted = sum(f["acted_on"] for f in r.findings)
        share = r.changed_words / r.words if r.words else 0.0
        out.append(f"== {r.mt_path} -> {r.edited_path}")
        out.append(f"BLEU {r.scores['BLEU']:.1f}  chrF {r.scores['chrF']:.1f}  "
                   f"TER {r.scores['TER']:.1f}   {r.words} words, {share:.0%} changed; "
                   f"{len(r.findings)} finding{'s' if len(r.findings) != 1 else ''}, "
                   f"{acted} acted on")
        if r.changed_lines:
            out.append("most changed lines:")
            for c in r.changed_lines:
                where = f"line {c['line']}" if c["line"] else "added"
                out.append(f"  {where} ({c['change']:.0%} changed)")
                out.append(f"    - {_clip(c['mt']) or '(nothing)'}")
                out.append(f"    + {_clip(c['edited']) or '(removed)'}")
        if r.findings:
            out.append("findings:")
            for f in r.findings:
                mark = "acted on" if f["acted_on"] else "kept    "
                out.append(f"  [{mark}] {f['line']}:{f['column']} {f['severity']} {f['rule']} "
                           f"“{_clip(f['text'], 40)}”")
        out.append("")
    if folders:
        if corpus:
            out.append(f"all pairs: BLEU {corpus['BLEU']:.1f}  chrF {corpus['chrF']:.1f}  "
                       f"TER {corpus['TER']:.1f}")
        if table:
            out.append(f"{'rule':32} {'findings':>8} {'acted on':>9} {'share':>6}")
            for rule, row in table.items():
                out.append(f"{rule:32} {row['findings']:8} {row['acted_on']:9} "
                           f"{row['share']:6.0%}")
        out.append(f"chance level: editors changed {changed_share:.0%} of all MT words")
    out.append("signatures:")
    for name, sig in signatures.items():
        out.append(f"  {name}: {sig}")
    return "\n".join(out)


def render_json(results, table, corpus, signatures, changed_share, problems) -> str:
    from mtqa import __version__

    doc = {
        "version": __version__,
        "signatures": signatures,
        "pairs": [{"mt": r.mt_path, "edited": r.edited_path, "scores": r.scores,
                   "words": r.words, "changed_words": r.changed_words,
                   "changed_lines": r.changed_lines, "findings": r.findings}
                  for r in results],
        "corpus": corpus,
        "rules": table,
        "changed_word_share": round(changed_share, 4),
        "errors": [{"path": p.path, "message": p.message} for p in problems],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


# ---- the command -----------------------------------------------------------------------------

COMPARE_EXTRA = "pip install 'mtqa[compare]'"


def _need_sacrebleu() -> None:
    """sacrebleu (with numpy and lxml, most of a full install's size) is the optional extra
    `compare`: without it this command says how to get it and exits 2."""
    try:
        import sacrebleu.metrics  # noqa: F401
    except ImportError:
        click.echo("mtqa: `mtqa compare` needs sacrebleu, which is not installed; install the "
                   f"extra: {COMPARE_EXTRA} (or, in mtqa's folder, pip install '.[compare]')",
                   err=True)
        sys.exit(EXIT_ERROR)


@main.command()
@click.argument("mt")
@click.argument("edited")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--top", default=3, show_default=True, type=click.IntRange(0),
              help="Most-changed lines to show per article.")
@_audit_options
def compare(mt, edited, fmt, top, **kw):
    """Compare MT output with its edited version: BLEU/chrF/TER per article, the lines that
    changed most, and which findings the editor acted on.

    MT and EDITED are two files, or two folders whose files pair by relative path.
    Exit status: 0 compared; 2 a file could not be paired or read (the rest is compared).
    """
    _need_sacrebleu()
    from mtqa.api import audit_articles
    from mtqa.engine import AuditContext
    from mtqa.glossary import GlossaryError
    from mtqa import pipeline

    options = _options(**kw)
    pairs, problems = pair_paths(mt, edited)
    mt_articles, ed_articles = [], []
    for mt_path, ed_path in pairs:
        if any(p.lower().endswith(".jsonl") for p in (mt_path, ed_path)):
            problems.append(Problem(mt_path, "JSON Lines files hold many articles; compare "
                                             "one file per article"))
            continue
        read_mt, bad = pipeline.read(mt_path, options)
        if bad:
            problems.extend(Problem(e.path, e.message) for e in bad)
            continue
        read_ed, bad = pipeline.read(ed_path, options)
        if bad:
            problems.extend(Problem(e.path, e.message) for e in bad)
            continue
        mt_articles.append(read_mt[0])
        ed_articles.append(read_ed[0])
    try:
        audited = audit_articles(mt_articles, ctx=AuditContext(options))
    except GlossaryError as exc:
        for problem in exc.problems:
            click.echo(f"mtqa: glossary error: {problem}", err=True)
        sys.exit(EXIT_ERROR)
    metrics = _metrics() if mt_articles else {}
    results = [compare_pair(res.article, edited_article, res.findings, metrics, top)
               for res, edited_article in zip(audited, ed_articles)]
    folders = Path(mt).is_dir()
    corpus = corpus_scores(results, metrics) if folders else {}
    table = rule_table(results)
    words = sum(r.words for r in results)
    changed_share = sum(r.changed_words for r in results) / words if words else 0.0
    signatures = {name: str(m.get_signature()) for name, m in metrics.items()} if results \
        else {}
    if fmt == "json":
        click.echo(render_json(results, table, corpus, signatures, changed_share, problems))
    else:
        if results:
            click.echo(render_text(results, table, corpus, signatures, changed_share,
                                   folders))
        elif not problems:
            click.echo("nothing to compare")
    for p in problems:
        click.echo(f"{p.path}: error: {p.message}", err=True)
    sys.exit(EXIT_ERROR if problems else EXIT_OK)
