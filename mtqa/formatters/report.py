"""`mtqa report`: per-article Markdown, JSON and HTML reports plus an index page.

Only `out_dir` is written to. HTML is rendered by jinja2 with autoescaping, so article text
such as `<script>` is shown as text and never runs.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Dict, List

from mtqa import __version__
from mtqa.api import BatchResult, FileResult
from mtqa.formatters.jsonout import file_dict
from mtqa.score import SCALE

SEVERITY_ORDER = {"critical": 0, "major": 1, "minor": 2}
SCORING = f"100 − {SCALE:g} × MQM penalty per 100 words (minor 1, major 5, critical 25)"


def _slugs(results: List[FileResult]) -> Dict[int, str]:
    """A distinct, stable, filesystem-safe file stem per article (mtqa.outdir: security)."""
    from mtqa.outdir import page_stems

    return page_stems(results)


def segments(result: FileResult):
    """Split the article into runs of text, each with the indices of the findings covering it."""
    text = result.article.original
    bounds = {0, len(text)}
    for f in result.findings:
        bounds.update((f.start, f.end))
    cuts = sorted(bounds)
    # A sweep over the cuts with the set of open findings (security, issue 13): testing every
    # finding at every cut grew with the square of the finding count.
    starts: Dict[int, List[int]] = {}
    for i, f in enumerate(result.findings):
        if f.start < f.end:
            starts.setdefault(f.start, []).append(i)
    open_now: Dict[int, int] = {}  # finding index -> its end
    out = []
    for a, b in zip(cuts, cuts[1:]):
        for i in starts.get(a, ()):
            open_now[i] = result.findings[i].end
        for i in [i for i, end in open_now.items() if end <= a]:
            del open_now[i]
        out.append((text[a:b], sorted(open_now)))
    return out


def finding_rows(result: FileResult):
    rows = []
    for i, f in enumerate(result.findings):
        line, col = result.article.position(f.start)
        rows.append({"n": i + 1, "line": line, "column": col, "rule": f.rule,
                     "severity": f.severity, "category": f.category, "message": f.message,
                     "text": result.article.original[f.start:f.end],
                     "suggestions": f.suggestions, "safe": f.safe})
    return rows


def markdown(result: FileResult) -> str:
    out = [f"# Quality report: {result.path}", "",
           f"- Verdict: **{result.verdict}**  ",
           f"- Score: **{result.score}** / 100 ({result.words} words, "
           f"{len(result.findings)} findings)", ""]
    if not result.findings:
        out.append("No findings.")
    else:
        out += ["| # | line:col | severity | rule | text | suggestion | why |",
                "|---|---|---|---|---|---|---|"]
        for row in finding_rows(result):
            def cell(s):
                return str(s).replace("|", "\\|").replace("\n", " ")
            sugg = " / ".join(row["suggestions"]) if row["suggestions"] else "—"
            out.append(f"| {row['n']} | {row['line']}:{row['column']} | {row['severity']} | "
                       f"`{row['rule']}` | {cell(row['text'])} | {cell(sugg)} | "
                       f"{cell(row['message'])} |")
    out += ["", f"_mtqa {__version__}. Score: {SCORING}._", ""]
    return "\n".join(out)


def _env():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("mtqa", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), trim_blocks=True,
                       lstrip_blocks=True)


def write_reports(batch: BatchResult, out_dir: str) -> List[Path]:
    # mtqa.outdir does the writing: no symlink followed, no input or foreign file replaced,
    # stale pages of an earlier run removed (raises outdir.OutputError with the reason)
    from mtqa.outdir import ReportFolder

    out = ReportFolder(out_dir, inputs=[r.path for r in batch.files])
    out.check_names([f"{stem}.{ext}" for stem in _slugs(batch.files).values()
                     for ext in ("md", "json", "html")] + ["index.html"])
    env = _env()
    page = env.get_template("article.html.j2")
    written: List[Path] = []
    slugs = _slugs(batch.files)
    index_rows = []
    for i, result in enumerate(batch.files):
        stem = slugs[i]
        files = {
            f"{stem}.md": markdown(result),
            f"{stem}.json": json.dumps(file_dict(result), ensure_ascii=False, indent=2),
            f"{stem}.html": page.render(r=result, segments=segments(result),
                                        rows=finding_rows(result), version=__version__,
                                        scoring=SCORING),
        }
        for name, content in files.items():
            written.append(out.write(name, content))
        index_rows.append({"path": result.path, "stem": stem, "score": result.score,
                           "verdict": result.verdict, "words": result.words,
                           "findings": len(result.findings),
                           "severe": sum(f.severity != "minor" for f in result.findings)})
    index_rows.sort(key=lambda row: (row["score"], row["path"]))
    written.append(out.write("index.html", env.get_template("index.html.j2").render(
        rows=index_rows, errors=batch.errors, version=__version__, scoring=SCORING)))
    out.finish()
    return written
