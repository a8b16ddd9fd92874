"""Editor recall: the share of the artefacts an editor marked by reading 25 WMT23 MT documents
beside their references (bench/editor_marks/) that mtqa flags.

    python bench/editor_recall.py                 # figures + unmatched findings
    python bench/editor_recall.py --missed        # also list every mark mtqa missed
    python bench/editor_recall.py --mtqa "mtqa"   # the command to run (default: this Python's
                                                  # `-m mtqa`)

mtqa runs through its most stable contract, `mtqa check --format json` (one call per language
pair, with --source-lang, --no-config, --fail-on never), on the documents written as temporary
.txt files exactly as bench/editor_marks/documents.py reconstructs them. Finding line/column
pairs are turned back into character offsets of that text.

A mark counts as found when at least one finding's span overlaps it (a zero-width finding counts
when it sits inside or at the edge of the mark). A `+all` mark (a name wrong consistently, fixed
by one replace-all) counts as found when any of its occurrences is overlapped.

A stricter count also needs the finding to be no longer than twice the mark (or 20 characters
longer), so a finding spanning a whole quotation takes no credit for a wrong term inside it.

Figures printed: marks found overall / per category / per pair / per rule; findings that overlap
no mark (printed for reading: a false alarm, or an artefact the marker missed); per-document
counts; Spearman's rank correlation between the per-document penalty per 100 words and the
marks per 100 words; documents mtqa would publish although they hold marks.

A zh-en part (skip with --no-mqm) measures the same recall against the human MQM error spans of
../shared/dev/mqm/mqm_ted_zhen.tsv on its one talk of moderate length (talk.5, 434 words) in
every MT system's output: a cross-check by other readers, on TED talks rather than news.
"""
from __future__ import annotations

import argparse
import bisect
import json
import shlex
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "editor_marks"))
from documents import load  # noqa: E402

MARKS = HERE / "editor_marks" / "marks.jsonl"
ADJUDICATION = HERE / "editor_marks" / "adjudication.txt"
# categories an auditor of the English text alone can hope to see; the others (meaning changed,
# content lost or added) need the source or a reference
NEEDS_SOURCE = {"mistranslation", "omission", "addition"}
# mtqa.score's MQM-style weights; read from mtqa when importable so a change there is followed
SEVERITY_WEIGHT = {"minor": 1, "major": 5, "critical": 25}
try:  # pragma: no cover - depends on the checkout
    from mtqa.finding import SEVERITY_WEIGHT as _WEIGHTS
    SEVERITY_WEIGHT = dict(_WEIGHTS)
except Exception:
    pass


def line_starts(text: str) -> List[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def to_offset(starts: Sequence[int], line: int, column: int) -> int:
    return starts[line - 1] + column - 1


def run_mtqa(command: List[str], docs: List[Dict], with_source: bool = False) -> Dict[str, Dict]:
    """{doc id: file result of the JSON contract, with "start"/"end" offsets per finding}."""
    results: Dict[str, Dict] = {}
    by_lang: Dict[str, List[Dict]] = defaultdict(list)
    for d in docs:
        by_lang[d["source_lang"]].append(d)
    with tempfile.TemporaryDirectory(prefix="editor-recall-") as tmp:
        for lang, group in sorted(by_lang.items()):
            paths = {}
            for n, d in enumerate(group):
                path = Path(tmp) / lang / f"{n:02d}.txt"
                path.parent.mkdir(exist_ok=True)
                path.write_text(d["text"], encoding="utf-8")
                paths[str(path)] = d
                if with_source:  # the source article, paired by file name (docs/source.md)
                    src = Path(tmp) / f"src-{lang}" / f"{n:02d}.txt"
                    src.parent.mkdir(exist_ok=True)
                    src.write_text(d["src"], encoding="utf-8")
            source = ["--source", str(Path(tmp) / f"src-{lang}")] if with_source else []
            proc = subprocess.run(
                command + ["check", "--format", "json", "--no-config", "--fail-on", "never",
                           "--jobs", "1", "--source-lang", lang] + source + sorted(paths),
                capture_output=True, text=True, encoding="utf-8")
            try:
                report = json.loads(proc.stdout)
            except json.JSONDecodeError:
                sys.exit(f"mtqa gave no JSON (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
            for err in report.get("errors", []):
                print(f"mtqa error: {err}", file=sys.stderr)
            for f in report["files"]:
                d = paths.get(f["path"]) or paths.get(str(Path(f["path"]).resolve()))
                if d is None:
                    continue
                starts = line_starts(d["text"])
                for finding in f["findings"]:
                    finding["start"] = to_offset(starts, finding["line"], finding["column"])
                    finding["end"] = to_offset(starts, finding["end_line"], finding["end_column"])
                results[d["id"]] = f
    return results


def overlaps(fs: int, fe: int, ms: int, me: int) -> bool:
    if fs == fe:
        return ms <= fs <= me
    return fs < me and ms < fe


def tight(fs: int, fe: int, ms: int, me: int) -> bool:
    """An overlap that points at the mark rather than sweeping over it: the finding is at most
    twice the mark's length (or 20 characters longer). Keeps a finding spanning a whole
    quotation from taking credit for a wrong term inside it."""
    return overlaps(fs, fe, ms, me) and fe - fs <= max(2 * (me - ms), me - ms + 20)


def mark_spans(mark: Dict) -> List[Tuple[int, int]]:
    return [(mark["start"], mark["end"])] + [tuple(s) for s in mark.get("also", [])]


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rho: Pearson's correlation of the ranks (ties share their mean rank)."""
    def ranks(values):
        order = sorted(range(len(values)), key=lambda i: values[i])
        r = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return r
    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else float("nan")


def load_adjudication() -> Dict[Tuple[str, str, str], Tuple[str, str]]:
    """{(doc, rule, flagged text): (verdict, note)} from the second look at unmatched findings."""
    table = {}
    if ADJUDICATION.exists():
        for line in ADJUDICATION.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                doc, rule, text, verdict, *note = [p.strip() for p in line.split(" | ")]
                table[(doc, rule, text)] = (verdict, note[0] if note else "")
    return table


def share(found: int, total: int) -> str:
    return f"{found}/{total} ({100.0 * found / total:.0f}%)" if total else "0/0"


MQM = HERE.parent.parent / "shared" / "dev" / "mqm" / "mqm_ted_zhen.tsv"
MQM_TALK = "talk.5"  # the one talk of moderate length (434 words) in the zh-en MQM data


def mqm_documents(path: Path = MQM, talk: str = MQM_TALK) -> Tuple[List[Dict], List[Dict]]:
    """The talk in every MT system's output (references excluded) as documents, and the human
    MQM error spans on them as marks (category = the MQM category; source errors and no-error
    rows dropped; every rater's span kept once)."""
    import csv
    import re
    segments: Dict[str, Dict[int, str]] = defaultdict(dict)
    spans: Dict[str, set] = defaultdict(set)
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["doc"] != talk or row["system"] in ("ref", "refB"):
                continue
            target = row["target"]
            segments[row["system"]].setdefault(int(row["seg_id"]), re.sub("</?v>", "", target))
            if row["category"] in ("No-error", "Source error") or "<v>" not in target:
                continue
            start = target.index("<v>")
            end = target.index("</v>") - len("<v>")
            spans[row["system"]].add((int(row["seg_id"]), start, end, row["category"],
                                      row["severity"]))
    docs, marks = [], []
    for system in sorted(segments):
        ordered = sorted(segments[system])
        text = "\n".join(segments[system][k].strip() for k in ordered) + "\n"
        offsets, at = {}, 0
        for k in ordered:  # where each stripped segment starts in the document
            raw = segments[system][k]
            offsets[k] = at - (len(raw) - len(raw.lstrip()))
            at += len(raw.strip()) + 1
        doc_id = f"zh-en/{talk}/{system}"
        docs.append({"id": doc_id, "pair": "zh-en", "source_lang": "zh", "text": text})
        for seg, start, end, category, severity in sorted(spans[system]):
            s, e = offsets[seg] + start, offsets[seg] + end
            marks.append({"doc": doc_id, "start": s, "end": e, "text": text[s:e],
                          "category": category, "severity": severity})
    return docs, marks


def mqm_report(command: List[str]) -> None:
    if not MQM.exists():
        print(f"\n(zh-en MQM part skipped: {MQM} not found)")
        return
    docs, marks = mqm_documents()
    results = run_mtqa(command, docs)
    found = [m for m in marks if any(overlaps(f["start"], f["end"], m["start"], m["end"])
                                     for f in results[m["doc"]]["findings"])]
    findings = [f for r in results.values() for f in r["findings"]]
    on_span = [f for d in docs for f in results[d["id"]]["findings"]
               if any(overlaps(f["start"], f["end"], m["start"], m["end"])
                      for m in marks if m["doc"] == d["id"])]
    words = sum(len(d["text"].split()) for d in docs)
    print(f"\nzh-en MQM ({MQM_TALK} in {len(docs)} systems' output, {words} words): "
          f"human error spans flagged {share(len(found), len(marks))}; findings {len(findings)}, "
          f"inside a span {len(on_span)}")
    cats = Counter(m["category"] for m in marks)
    hit = Counter(m["category"] for m in found)
    for cat, n in cats.most_common():
        print(f"  {cat:40} {share(hit[cat], n)}")
    for sev in ("Major", "Minor"):
        n = sum(1 for m in marks if m["severity"] == sev)
        print(f"  severity {sev:31} {share(sum(1 for m in found if m['severity'] == sev), n)}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mtqa", default=f"{shlex.quote(sys.executable)} -m mtqa",
                    help="command that runs mtqa")
    ap.add_argument("--missed", action="store_true", help="list the marks mtqa missed")
    ap.add_argument("--with-source", action="store_true",
                    help="give mtqa each document's source article (--source, issue 8)")
    ap.add_argument("--no-mqm", action="store_true",
                    help="skip the zh-en part measured against human MQM spans")
    ap.add_argument("--no-unmatched", action="store_true",
                    help="do not list the findings that overlap no mark")
    args = ap.parse_args(argv)

    docs = load()
    with open(MARKS, encoding="utf-8") as fh:
        marks = [json.loads(line) for line in fh]
    texts = {d["id"]: d["text"] for d in docs}
    for m in marks:  # the marks must still point at their text
        for s, e in mark_spans(m):
            assert texts[m["doc"]][s:e] == m["text"], f"stale mark {m}"

    if args.with_source:  # the source articles are read from ../shared (not stored here)
        from documents import select

        sources = {d["id"]: d["src"] for d in select()}
        for d in docs:
            d["src"] = sources[d["id"]]
    results = run_mtqa(shlex.split(args.mtqa), docs, with_source=args.with_source)
    missing = [d["id"] for d in docs if d["id"] not in results]
    if missing:
        sys.exit(f"mtqa returned no result for: {missing}")

    found_by: Dict[int, List[Dict]] = {}
    for i, m in enumerate(marks):
        hits = [f for f in results[m["doc"]]["findings"]
                if any(overlaps(f["start"], f["end"], s, e) for s, e in mark_spans(m))]
        found_by[i] = hits
    found = {i for i, hits in found_by.items() if hits}
    found_tight = {i for i, hits in found_by.items()
                   if any(tight(f["start"], f["end"], s, e)
                          for f in hits for s, e in mark_spans(marks[i]))}

    pair_of = {d["id"]: d["pair"] for d in docs}
    print(f"Editor recall: {len(marks)} marks in {len(docs)} documents "
          f"({sum(len(d['text'].split()) for d in docs)} words)")
    print(f"  marks overlapped by a finding: {share(len(found), len(marks))}")
    print(f"  ... by a finding no longer than twice the mark (or +20 characters): "
          f"{share(len(found_tight), len(marks))}")
    print("\nper category")
    cats = Counter(m["category"] for m in marks)
    for cat, n in cats.most_common():
        k = sum(1 for i, m in enumerate(marks) if m["category"] == cat and i in found)
        print(f"  {cat:18} {share(k, n)}")
    for label, keep in (("detectable in the English alone", lambda c: c not in NEEDS_SOURCE),
                        ("needing the source (mistranslation, omission, addition)",
                         lambda c: c in NEEDS_SOURCE)):
        idx = [i for i, m in enumerate(marks) if keep(m["category"])]
        print(f"  {label}: {share(sum(1 for i in idx if i in found), len(idx))}")
    print("\nper language pair")
    for pair in sorted({d["pair"] for d in docs}):
        idx = [i for i, m in enumerate(marks) if pair_of[m["doc"]] == pair]
        print(f"  {pair:18} {share(sum(1 for i in idx if i in found), len(idx))}")
    print("\nrules whose findings overlap marks (marks found)")
    rule_marks: Counter = Counter()
    for i in found:
        for rule in {f["rule"] for f in found_by[i]}:
            rule_marks[rule] += 1
    for rule, n in rule_marks.most_common():
        print(f"  {rule:32} {n}")

    unmatched = []
    for d in docs:
        doc_marks = [m for m in marks if m["doc"] == d["id"]]
        for f in results[d["id"]]["findings"]:
            if not any(overlaps(f["start"], f["end"], s, e)
                       for m in doc_marks for s, e in mark_spans(m)):
                unmatched.append((d, f))
    total_findings = sum(len(r["findings"]) for r in results.values())
    print(f"\nfindings: {total_findings}; overlapping no mark: {len(unmatched)} "
          f"(false alarms, or artefacts the marker missed)")
    by_rule = Counter(f["rule"] for _, f in unmatched)
    for rule, n in by_rule.most_common():
        print(f"  {rule:32} {n}")
    adjudication = load_adjudication()
    judged: Counter = Counter()
    lines = []
    for d, f in unmatched:
        span = d["text"][f["start"]:f["end"]]
        verdict, note = adjudication.get((d["id"], f["rule"], span.strip()), ("not judged", ""))
        judged[verdict] += 1
        lines.append(f"  - {d['id']} {f['rule']} [{f['severity']}] "
                     f"{span.replace(chr(10), ' / ')!r}: {f['message']}\n      second look: "
                     f"{verdict}{' - ' + note if note else ''}")
    print(f"  second look ({ADJUDICATION.name}): {dict(judged)}")
    on_a_mark = total_findings - len(unmatched)
    print(f"  findings on a mark or judged real: {on_a_mark + judged['real']}/{total_findings}")
    if not args.no_unmatched:
        print("\n".join(lines))

    print("\nper document: words, marks, marks found, findings, penalty/100 words, score, "
          "verdict")
    density, penalty_rate = [], []
    publish_with_marks = 0
    verdicts: Counter = Counter()
    for d in docs:
        r = results[d["id"]]
        words = r["words"] or len(d["text"].split())
        idx = [i for i, m in enumerate(marks) if m["doc"] == d["id"]]
        pen = sum(SEVERITY_WEIGHT.get(f["severity"], 0) for f in r["findings"]) * 100.0 / words
        dens = len(idx) * 100.0 / words
        density.append(dens)
        penalty_rate.append(pen)
        verdicts[r["verdict"]] += 1
        if r["verdict"] == "publish" and idx:
            publish_with_marks += 1
        print(f"  {d['id']:46} {words:4} {len(idx):3} {sum(1 for i in idx if i in found):3} "
              f"{len(r['findings']):3} {pen:6.1f} {r['score']:6.1f} {r['verdict']}")
    print(f"\nmarks per 100 words: {sum(density) / len(density):.1f} on average")
    print(f"Spearman rho (penalty per 100 words vs marks per 100 words): "
          f"{spearman(penalty_rate, density):+.2f} over {len(docs)} documents")
    print(f"verdicts: {dict(verdicts)}; 'publish' although marked: {publish_with_marks}")

    if not args.no_mqm:
        mqm_report(shlex.split(args.mtqa))

    if args.missed:
        print("\nmarks mtqa missed")
        for i, m in enumerate(marks):
            if i not in found:
                print(f"  - {m['doc']} [{m['category']}] {m['text']!r} -> {m['fix']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
