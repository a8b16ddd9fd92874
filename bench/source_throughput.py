"""Throughput of `mtqa check` with and without `--source` on WMT23 MT output (sources paired).

    python bench/source_throughput.py [--repeat 3] [--jobs 1,2]

Writes every MT system's output of every uk-en and ru-en document as an article file
(`<lang>/<doc>-<system>.txt`, one segment per line) and its source beside, in a separate folder
(`<lang>/<doc>-<system>.<lang>.txt`, paired by the --source rule: same relative path and
stem), then runs the real CLI as a subprocess with every default rule on, with and without
`--source`, and prints the median wall time, articles/s and the cost of the source rules.
Also printed: the other rules' findings with and without --source (they differ only because
a source language found from the source's script also serves the rules that use it).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WMT23 = REPO.parent / "shared" / "dev" / "wmt23"


def write_corpus(root: Path, one_per_source: bool = False) -> int:
    """Write the MT articles and their sources; returns how many. `one_per_source`: one
    translation of each source document (the systems taken in turn), as a newsroom audits
    its articles — the default, every system's translation, lets what mtqa reads once per
    source serve the 12 translations of each document in a row, which a newsroom never sees."""
    n = 0
    for lang in ("uk", "ru"):
        for k, line in enumerate(open(WMT23 / f"{lang}-en.jsonl", encoding="utf-8")):
            doc = json.loads(line)
            src = "\n".join(" ".join(s.split()) for s in doc["src"]) + "\n"
            systems = [(system, hyp) for system, hyp in sorted(doc["hyps"].items())
                       if "".join(hyp).strip()]
            if one_per_source and systems:
                systems = [systems[k % len(systems)]]
            for system, hyp in systems:
                stem = f"{doc['doc']}-{system}".replace("/", "_")
                target = root / "mt" / lang / f"{stem}.txt"
                source = root / "src" / lang / f"{stem}.{lang}.txt"
                target.parent.mkdir(parents=True, exist_ok=True)
                source.parent.mkdir(parents=True, exist_ok=True)
                target.write_text("\n".join(" ".join(s.split()) for s in hyp) + "\n",
                                  encoding="utf-8")
                source.write_text(src, encoding="utf-8")
                n += 1
    return n


def run(root: Path, jobs: int, with_source: bool):
    cmd = [sys.executable, "-m", "mtqa", "check", "--format", "json", "--fail-on", "never",
           "--no-config", "--jobs", str(jobs)]
    if with_source:
        cmd += ["--source", str(root / "src")]
    cmd.append(str(root / "mt"))
    start = time.perf_counter()
    out = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if out.returncode not in (0, 1):
        raise SystemExit(out.stderr)
    return wall, json.loads(out.stdout)


def _strip(doc):
    for f in doc["files"]:
        f.pop("source", None)
        f["findings"] = [g for g in f["findings"] if not g["rule"].startswith("source-")]
        for g in f["findings"]:
            g.pop("source", None)
    doc["warnings"] = []
    return doc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", default="1,2")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        n = write_corpus(root)
        print(f"{n} MT articles with their sources (WMT23 uk-en, ru-en)")
        for jobs in [int(j) for j in args.jobs.split(",")]:
            walls = {}
            outputs = {}
            for with_source in (False, True):
                times = []
                for _ in range(args.repeat):
                    wall, doc = run(root, jobs, with_source)
                    times.append(wall)
                walls[with_source] = statistics.median(times)
                outputs[with_source] = doc
            found = sum(1 for f in outputs[True]["files"] for g in f["findings"]
                        if g["rule"].startswith("source-"))
            other = [sum(len(f["findings"]) for f in _strip(outputs[w])["files"])
                     for w in (False, True)]
            print(f"--jobs {jobs}: without --source {walls[False]:.2f} s "
                  f"({n / walls[False]:,.0f} articles/s); with --source {walls[True]:.2f} s "
                  f"({n / walls[True]:,.0f} articles/s); source rules and pairing cost "
                  f"{100 * (walls[True] / walls[False] - 1):+.0f}%; {found} source findings; "
                  f"other findings {other[0]} without, {other[1]} with (the source language "
                  f"found from the script also informs the other rules)")


if __name__ == "__main__":
    main()
