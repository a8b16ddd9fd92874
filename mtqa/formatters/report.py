"""`mtqa report`: per-article Markdown, JSON and HTML reports plus an index page.

Every page shows the article as a reader sees it: HTML and Markdown articles as their prose
(the article's prose view: headings, paragraphs, link texts; no markup), XLIFF files as
source/target pairs, each JSON Lines record on its own page named by its id and headline.
Findings are highlighted in the text; overlapping findings are all highlighted (a run covered
by several carries all their numbers) and each links to its row. Each page states the verdict,
what the checks covered and did not (mtqa.coverage), and the name ledger (mtqa.ledger).

Only `out_dir` is written to. HTML is rendered by jinja2 with autoescaping, so article text
such as `<script>` is shown as text and never runs. Article pages run no script; the index
runs one inline script (sorting, filtering) allowed by its Content-Security-Policy hash.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from mtqa import __version__
from mtqa.api import BatchResult, FileResult
from mtqa.finding import SEVERITIES
from mtqa.formatters.jsonout import file_dict
from mtqa.score import SHAPE, VERDICT_LABELS, VERDICT_SHORT
from mtqa.formatters.indented_json import dumps

SEVERITY_ORDER = {"critical": 0, "major": 1, "minor": 2}
SCORING = SHAPE
_SPACES = re.compile(r"\s+")


# ---- page names --------------------------------------------------------------------------

def page_stems(results: Sequence[FileResult]) -> Dict[int, str]:
    """A distinct, stable, filesystem-safe file stem per article; a JSON Lines record's names
    its record id and headline (mtqa.outdir decides, collision-proof)."""
    from mtqa.outdir import page_stems as stems

    return stems(results, headline)


def headline(result: FileResult) -> str:
    """The article's first headline, or the start of its first paragraph."""
    a = result.article
    spans = list(a.headings) or list(a.headlines) or list(a.paragraphs)
    if not spans:
        return ""
    s, e = spans[0]
    text = _SPACES.sub(" ", a.text[s:e]).strip().lstrip("#").strip()
    return text if len(text) <= 90 else text[:87].rstrip() + "…"


def page_title(result: FileResult) -> str:
    record = result.article.record
    if record is not None:
        label = record.id if record.id is not None else f"line {record.line}"
        return f"{result.path} — record {label}: {headline(result)}"
    return result.path


# ---- the article as pieces of text with the findings covering them ------------------------

@dataclass
class Block:
    kind: str                      # "h" heading, "p" paragraph, "pair" bilingual unit
    pieces: List[dict]
    source: str = ""
    label: str = ""


def _visible_mask(article) -> Optional[bytearray]:
    """Which characters of the prose view a reader sees: the verbatim runs, decoded entities,
    and line breaks the view joined into spaces; not the blanks that stand in for markup (a
    tag between a word and its full stop must not become a space). None: all of them."""
    runs = article.prose_runs
    if runs is None:
        return None
    return article.memo("report-visible-mask", lambda: _mask(article, runs))


def _mask(article, runs) -> bytearray:
    text, original = article.text, article.original
    mask = bytearray(len(text))
    for s, e in runs:
        mask[s:e] = b"\x01" * (e - s)
    for i, ch in enumerate(text):
        if not mask[i] and (not ch.isspace() or original[i] in "\n\r&"):
            mask[i] = 1
    return mask


def visible(article, start: int, end: int) -> str:
    mask = _visible_mask(article)
    text = article.text
    if mask is None:
        return text[start:end]
    return "".join(text[i] for i in range(start, end) if mask[i])


def pieces(result: FileResult, start: int, end: int) -> List[dict]:
    """Runs of the prose view between start and end, each with the findings covering it, those
    starting at it (anchor ids), those ending with it (footnote links) and the empty-span
    findings just before it (an insertion point: a caret). Whitespace runs (blanked markup,
    line breaks inside a paragraph) read as one space."""
    found = result.findings
    bounds = {start, end}
    for f in found:
        for x in (f.start, f.end):
            if start < x < end:
                bounds.add(x)
    # A sweep over the cuts with the set of open findings (issue 13): testing every finding
    # at every cut grew with the square of the finding count.
    cuts = sorted(bounds)
    starting: Dict[int, List[int]] = {}
    ending: Dict[int, List[int]] = {}
    carets: Dict[int, List[int]] = {}
    for i, f in enumerate(found):
        if f.start < f.end:
            starting.setdefault(max(f.start, start), []).append(i)
            ending.setdefault(f.end, []).append(i)
        else:
            carets.setdefault(f.start, []).append(i)
    open_now: Dict[int, int] = {}  # finding index -> its end
    out: List[dict] = []
    for a, b in zip(cuts, cuts[1:]):
        for i in starting.get(a, ()):
            open_now[i] = found[i].end
        for i in [i for i, e in open_now.items() if e <= a]:
            del open_now[i]
        covering = sorted(open_now)
        out.append(_piece(result, visible(result.article, a, b), covering,
                          starts=sorted([i for i in starting.get(a, ()) if found[i].start == a]
                                        + carets.get(a, [])),
                          ends=[i for i in ending.get(b, ())],
                          carets=carets.get(a, [])))
    at_end = carets.get(end, [])
    if at_end:  # an insertion point after the last character of the block
        out.append(_piece(result, "", [], starts=at_end, ends=[], carets=at_end))
    return out


def _piece(result: FileResult, text: str, covering, starts, ends, carets) -> dict:
    found = result.findings
    return {"text": _SPACES.sub(" ", text), "covering": [i + 1 for i in covering],
            "starts": [i + 1 for i in starts], "ends": [i + 1 for i in ends],
            "carets": [i + 1 for i in carets],
            "severity": min((found[i].severity for i in covering), key=SEVERITY_ORDER.get,
                            default=""),
            "title": " · ".join(f"{found[i].rule}: {found[i].message}"
                                + (f" → {found[i].suggestions[0]}" if found[i].suggestions
                                   else "") for i in covering)}


def blocks(result: FileResult) -> List[Block]:
    a = result.article
    if a.segments:  # bilingual: one source/target pair per unit
        out = [Block("pair", pieces(result, s.start, s.end), source=s.source, label=s.id)
               for s in a.segments]
    else:
        headings = list(a.headings)
        headline_spans = set(a.headlines) if not headings else set()
        out = []
        for s, e in a.paragraphs:
            is_heading = (any(hs < e and s < he for hs, he in headings)
                          or (s, e) in headline_spans)
            out.append(Block("h" if is_heading else "p", pieces(result, s, e)))
    _anchor_every_finding(result, out)
    return out


def _anchor_every_finding(result: FileResult, out: List[Block]) -> None:
    """A finding that starts outside every block (in the blank between paragraphs, or outside
    an XLIFF unit) still gets the anchor its table row links to: on the first run it covers,
    or else at the end of the last block."""
    anchored = {n for b in out for p in b.pieces for n in p["starts"]}
    runs = [p for b in out for p in b.pieces]
    for n in range(1, len(result.findings) + 1):
        if n in anchored:
            continue
        target = next((p for p in runs if n in p["covering"]), runs[-1] if runs else None)
        if target is not None:
            target["starts"].append(n)


def finding_rows(result: FileResult) -> List[dict]:
    rows = []
    for i, f in enumerate(result.findings):
        line, col = result.article.position(f.start)
        rows.append({"n": i + 1, "line": line, "column": col, "rule": f.rule,
                     "severity": f.severity, "category": f.category, "message": f.message,
                     "text": _SPACES.sub(" ", visible(result.article, f.start, f.end)),
                     "suggestions": f.suggestions, "safe": f.safe,
                     "related": [{"rule": r.rule, "severity": r.severity, "message": r.message,
                                  "text": _SPACES.sub(" ", visible(result.article, r.start,
                                                                   r.end)),
                                  "suggestions": r.suggestions} for r in f.related],
                     # source-* rules: the compared source text, shown under the finding
                     "source": (f.source.get("sentence") or f.source["text"]) if f.source
                     else None})
    return rows


def _coverage(result: FileResult):
    from mtqa.coverage import Coverage

    return result.coverage or Coverage([], [])


def _ledger(result: FileResult):
    from mtqa.gcpause import collector_paused
    from mtqa.ledger import build_ledger

    with collector_paused():  # (as the audit: mtqa/gcpause.py)
        return build_ledger(result.article, result.findings)


# ---- Markdown and JSON ------------------------------------------------------------------------

def _cell(s) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def markdown(result: FileResult, ledger=None) -> str:
    ledger = _ledger(result) if ledger is None else ledger
    cov = _coverage(result)
    out = [f"# Quality report: {page_title(result)}", "",
           f"- Verdict: **{VERDICT_LABELS[result.verdict]}**  ",
           f"- Score: **{result.score}** / 100 ({result.words} words, "
           f"{len(result.findings)} findings)", ""]
    if cov.checked or cov.not_checked:
        out += ["## What was checked", ""]
        out += [f"- {c}" for c in cov.checked] or ["- nothing"]
        out += ["", "Not checked:", ""] + [f"- {c}" for c in cov.not_checked] + [""]
    out += ["## Findings", ""]
    if not result.findings:
        out.append("No findings by the checks listed above.")
    else:
        out += ["| # | line:col | severity | rule | text | suggestion | why |",
                "|---|---|---|---|---|---|---|"]
        for row in finding_rows(result):
            sugg = " / ".join(row["suggestions"]) if row["suggestions"] else "—"
            why = row["message"]
            if row["related"]:
                why += " (also flagged by " + ", ".join(
                    f"`{r['rule']}`" for r in row["related"]) + ")"
            out.append(f"| {row['n']} | {row['line']}:{row['column']} | {row['severity']} | "
                       f"`{row['rule']}` | {_cell(row['text'])} | {_cell(sugg)} | "
                       f"{_cell(why)} |")
    out += ["", "## Names in this article", ""]
    if not ledger:
        out.append("No names found.")
    else:
        out += ["| entity | type | spelling | count | status | first line |",
                "|---|---|---|---|---|---|"]
        for ent in ledger:
            for k, sp in enumerate(ent.spellings):
                status = sp.status + (f" → {sp.fix}" if sp.fix else "")
                out.append(f"| {_cell(ent.name) if k == 0 else ''} | "
                           f"{ent.type if k == 0 else ''} | {_cell(sp.text)} | {sp.count} | "
                           f"{_cell(status)} | {sp.first_line} |")
    out += ["", f"_mtqa {__version__}. Score: {SCORING}._", ""]
    return "\n".join(out)


def report_dict(result: FileResult, ledger=None) -> dict:
    doc = file_dict(result)
    cov = _coverage(result)
    doc["verdict_label"] = VERDICT_LABELS[result.verdict]
    doc["checked"] = list(cov.checked)
    doc["not_checked"] = list(cov.not_checked)
    doc["ledger"] = [e.to_dict() for e in (_ledger(result) if ledger is None else ledger)]
    if result.article.record is not None:
        doc["headline"] = headline(result)
    return doc


# ---- the index script: sorting and filtering, allowed by its CSP hash ------------------------

INDEX_SCRIPT = """
(function () {
  var table = document.getElementById("articles");
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows)
    .filter(function (r) { return r.dataset.verdict; });
  var query = document.getElementById("filter");
  var verdict = document.getElementById("verdict-filter");
  var shown = document.getElementById("shown");
  function apply() {
    var q = query.value.toLowerCase(), v = verdict.value, n = 0;
    rows.forEach(function (r) {
      var ok = (!q || r.dataset.search.indexOf(q) >= 0) && (!v || r.dataset.verdict === v);
      r.hidden = !ok; if (ok) n++;
    });
    shown.textContent = n + " of " + rows.length + " shown";
  }
  query.addEventListener("input", apply);
  verdict.addEventListener("change", apply);
  Array.prototype.forEach.call(table.tHead.querySelectorAll("th[data-key] button"), function (b) {
    b.addEventListener("click", function () {
      var th = b.parentNode, key = th.dataset.key, numeric = th.dataset.type === "num";
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      Array.prototype.forEach.call(table.tHead.querySelectorAll("th"),
                                   function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      rows.sort(function (x, y) {
        var a = x.dataset[key], c = y.dataset[key];
        if (numeric) { a = parseFloat(a); c = parseFloat(c); }
        return (a < c ? -1 : a > c ? 1 : 0) * dir;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  apply();
})();
""".strip("\n")


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _env():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("mtqa", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), trim_blocks=True,
                       lstrip_blocks=True)


def rule_summary(results: Sequence[FileResult]) -> List[dict]:
    by_rule: Dict[str, dict] = {}
    for r in results:
        for f in r.findings:
            row = by_rule.setdefault(f.rule, {"rule": f.rule, "category": f.category,
                                              "severity": Counter(), "findings": 0,
                                              "articles": set(), "supporting": 0})
            row["findings"] += 1
            row["severity"][f.severity] += 1
            row["articles"].add(id(r))
            for g in f.related:
                sup = by_rule.setdefault(g.rule, {"rule": g.rule, "category": g.category,
                                                  "severity": Counter(), "findings": 0,
                                                  "articles": set(), "supporting": 0})
                sup["supporting"] += 1
    out = []
    for row in by_rule.values():
        out.append({**row, "articles": len(row["articles"]),
                    "severity": ", ".join(f"{row['severity'][s]} {s}"
                                          for s in reversed(SEVERITIES) if row["severity"][s])})
    out.sort(key=lambda row: (-row["findings"], row["rule"]))
    return out


def write_reports(batch: BatchResult, out_dir: str) -> List[Path]:
    # mtqa.outdir does the writing: no symlink followed, no input or foreign file replaced,
    # stale pages of an earlier run removed (raises outdir.OutputError with the reason)
    from mtqa.outdir import ReportFolder

    out = ReportFolder(out_dir, inputs=[r.path for r in batch.files])
    out.check_names([f"{stem}.{ext}" for stem in page_stems(batch.files).values()
                     for ext in ("md", "json", "html")] + ["index.html"])
    env = _env()
    page = env.get_template("article.html.j2")
    written: List[Path] = []
    stems = page_stems(batch.files)
    index_rows = []
    for i, result in enumerate(batch.files):
        stem = stems[i]
        ledger = _ledger(result)
        rows = finding_rows(result)
        files = {
            f"{stem}.md": markdown(result, ledger),
            f"{stem}.json": dumps(report_dict(result, ledger)),  # indented JSON, fast (#13)
            f"{stem}.html": page.render(
                r=result, title=page_title(result), blocks=blocks(result), rows=rows,
                coverage=_coverage(result), ledger=ledger, version=__version__,
                scoring=SCORING, verdict_label=VERDICT_LABELS[result.verdict],
                verdict_short=VERDICT_SHORT[result.verdict],
                counts={s: sum(row["severity"] == s for row in rows) for s in SEVERITIES}),
        }
        for name, content in files.items():
            written.append(out.write(name, content))
        title = page_title(result)
        index_rows.append({"path": result.path, "title": title, "stem": stem,
                           "score": result.score, "verdict": result.verdict,
                           "verdict_short": VERDICT_SHORT[result.verdict],
                           "words": result.words, "findings": len(result.findings),
                           "severe": sum(f.severity != "minor" for f in result.findings),
                           "flagged_names": sum(e.status == "flagged" for e in ledger)})
    index_rows.sort(key=lambda row: (row["score"], row["path"], row["title"]))
    categories = Counter(f.category for r in batch.files for f in r.findings)
    written.append(out.write("index.html", env.get_template("index.html.j2").render(
        rows=index_rows, errors=batch.errors, version=__version__, scoring=SCORING,
        rules=rule_summary(batch.files), categories=categories.most_common(),
        verdicts=[(v, VERDICT_SHORT[v], VERDICT_LABELS[v]) for v in VERDICT_SHORT],
        script=INDEX_SCRIPT, script_hash=script_hash(INDEX_SCRIPT))))
    out.finish()
    return written
