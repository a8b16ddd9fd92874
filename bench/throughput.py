"""Throughput of `mtqa check` on real MT output, single process and with worker processes.

    python bench/throughput.py                      # 1x and 10x corpus, --jobs 1 and 2, 3 runs
    python bench/throughput.py --copies 1 --repeat 5 --jobs 1,2

Builds a corpus from ../shared/dev/wmt23/*.jsonl (every MT system's output of every document as
an article file, ~3,400 files) and a 10x copy in a temporary folder, runs the real CLI
(`python -m mtqa check --format json`) as a subprocess with every registered rule on, and
prints the median wall time of repeated runs, articles/s, words/s and the peak RSS of the
largest process. Start-up is included: it is what a user waits for. The JSON output of every
--jobs value must be byte-identical to the single-process one (checked). Ratios are measured in
the same run, so they survive a busy machine better than the absolute figures.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import REPO, write_corpus  # noqa: E402


def run_check(target: Path, jobs: int, glossaries, out_file: Path):
    cmd = [sys.executable, "-m", "mtqa", "check", "--format", "json", "--fail-on", "never",
           "--jobs", str(jobs)]
    for g in glossaries:
        cmd += ["--glossary", str(g)]
    cmd.append(str(target))
    with open(out_file, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode()
        proc.stderr.close()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"mtqa check failed ({proc.returncode}):\n{err}")
    # ru_maxrss (KiB on Linux) covers the process and the descendants it waited for; so do
    # the CPU times, which a busy machine inflates far less than the wall time
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def synthetic_glossary(path: Path, n: int) -> Path:
    import json
    import random

    from _names import misspell, name_words

    rng = random.Random(42)
    words = name_words(2 * n, seed=42)
    lines = ["pack: synthetic", "entries:"]
    for i in range(n):
        if i % 2:
            name = f"{words[2 * i]} {words[2 * i + 1]}"
            lines.append(f"  - {{name: {json.dumps(name)}, type: person, country: UA}}")
        else:
            name = words[2 * i]
            wrong = misspell(name, rng)
            extra = f", incorrect: [{json.dumps(wrong)}]" if wrong != name else ""
            lines.append(f"  - {{name: {json.dumps(name)}, type: place{extra}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", default="1,10", help="corpus sizes as copies of the WMT23 "
                    "articles (default 1,10)")
    ap.add_argument("--jobs", default="1,2", help="--jobs values to compare (default 1,2)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per setting (median reported)")
    ap.add_argument("--glossary", action="append", default=None,
                    help="glossary file(s) on top of the bundled packs "
                         "(default tests/fixtures/glossary.yaml)")
    ap.add_argument("--synthetic-glossary", type=int, default=0, metavar="N",
                    help="also load a generated glossary of N entries (people and places "
                         "with variants and wrong spellings), as large bundled packs would")
    args = ap.parse_args(argv)
    copies = [int(c) for c in args.copies.split(",")]
    jobs_values = [int(j) for j in args.jobs.split(",")]
    glossaries = args.glossary if args.glossary is not None else [
        REPO / "tests" / "fixtures" / "glossary.yaml"]

    sys.path.insert(0, str(REPO))
    from mtqa.registry import all_rules

    rules = all_rules()
    print(f"mtqa rules registered: {len(rules)} "
          f"({sum(r.default_enabled for r in rules)} on by default, all of those run)")
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
    tmp = Path(tempfile.mkdtemp(prefix="mtqa-throughput-"))
    rows = []
    try:
        if args.synthetic_glossary:
            glossaries = list(glossaries) + [synthetic_glossary(tmp / "synthetic.yaml",
                                                                args.synthetic_glossary)]
            print(f"plus a synthetic glossary of {args.synthetic_glossary:,} entries")
        for n in copies:
            corpus = tmp / f"corpus-{n}x"
            files = write_corpus(corpus, copies=n)
            outputs = {}
            for jobs in jobs_values:
                out = tmp / f"out-{n}-{jobs}.json"
                runs = [run_check(corpus, jobs, glossaries, out) for _ in range(args.repeat)]
                wall = statistics.median(w for w, _, _ in runs)
                best = min(w for w, _, _ in runs)
                cpu = statistics.median(c for _, _, c in runs)
                rss = max(r for _, r, _ in runs)
                outputs[jobs] = out.read_bytes()
                doc = json.loads(outputs[jobs])
                articles = len(doc["files"])
                words = sum(f["words"] for f in doc["files"])
                findings = sum(len(f["findings"]) for f in doc["files"])
                rows.append((n, len(files), jobs, wall, articles / wall, words / wall, rss,
                             findings, best, articles / best, cpu))
            base = outputs[jobs_values[0]]
            for jobs, data in outputs.items():
                if data != base:
                    raise SystemExit(f"output with --jobs {jobs} differs from --jobs "
                                     f"{jobs_values[0]} on the {n}x corpus")
        print(f"medians of {args.repeat} runs (best run, and CPU seconds of all processes)")
        print(f"{'corpus':>7} {'files':>6} {'jobs':>4} {'wall s':>7} {'articles/s':>10} "
              f"{'words/s':>9} {'peak MB':>8} {'findings':>8} {'best s':>7} {'best a/s':>9} "
              f"{'cpu s':>6}")
        for n, nf, jobs, wall, aps, wps, rss, findings, best, best_aps, cpu in rows:
            print(f"{n:>6}x {nf:>6} {jobs:>4} {wall:>7.2f} {aps:>10,.0f} {wps:>9,.0f} "
                  f"{rss:>8.0f} {findings:>8} {best:>7.2f} {best_aps:>9,.0f} {cpu:>6.2f}")
        for n in copies:
            walls = {jobs: wall for c, _, jobs, wall, *_ in rows if c == n}
            first = jobs_values[0]
            for jobs in jobs_values[1:]:
                print(f"{n}x: --jobs {jobs} is {walls[first] / walls[jobs]:.2f}x as fast as "
                      f"--jobs {first} (output identical)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
