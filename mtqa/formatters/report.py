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
    """A distinct, filesystem-safe file stem per article."""
    used: Dict[str, int] = {}
    out = {}
    for i, r in enumerate(results):
        stem = re.sub(r"[^\w.-]+", "_", Path(r.path).stem) or "article"
        n = used.get(stem, 0)
        used[stem] = n + 1
        out[i] = stem if n == 0 else f"{stem}-{n + 1}"
    return out


def segments(result: FileResult):
    """Split the article into runs of text, each with the indices of the findings covering it."""
    text = result.article.original
    bounds = {0, len(text)}
    for f in result.findings:
        bounds.update((f.start, f.end))
    cuts = sorted(bounds)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [i for i, f in enumerate(result.findings) if f.start <= a and b <= f.end
                    and f.start < f.end]
        out.append((text[a:b], covering))
    return out


def finding_rows(result: FileResult):
    rows = []
    for i, f in enumerate(result.findings):
        line, col = result.article.position(f.start)
        rows.append({"n": i + 1, "line": line, "column": col, "rule": f.rule,
                     "severity": f.severity, "category": f.category, "message": f.message,
                     "text": result.article.original[f.start:f.end],
                     "suggestions": f.suggestions, "safe": f.safe,
                     # source-* rules: the compared source text, shown under the finding
                     "source": (f.source.get("sentence") or f.source["text"]) if f.source
                     else None})
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
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
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
            (out / name).write_text(content, encoding="utf-8")
            written.append(out / name)
        index_rows.append({"path": result.path, "stem": stem, "score": result.score,
                           "verdict": result.verdict, "words": result.words,
                           "findings": len(result.findings),
                           "severe": sum(f.severity != "minor" for f in result.findings)})
    index_rows.sort(key=lambda row: (row["score"], row["path"]))
    index = out / "index.html"
    index.write_text(env.get_template("index.html.j2").render(
        rows=index_rows, errors=batch.errors, version=__version__, scoring=SCORING),
        encoding="utf-8")
    written.append(index)
    return written
