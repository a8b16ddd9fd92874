"""Adversarial input shapes: does any input under the size limit take long, and how does time
grow with size? (issue 13; docs/security.md)

    python bench/adversarial.py [--sizes 10,100,limit] [--repeat N] [--check] [--only NAME]

Each shape is written at each size (KB; `limit` is the default per-article limit,
mtqa.inputs.MAX_BYTES, 1 MB) to a temporary file, never more bytes than that size, and audited
by `mtqa check` (every rule on: `--select all` plus each off-by-default rule by name) or
`mtqa report` in a fresh subprocess, so one slow case cannot hold up the others and the
figures include start-up. It prints the CPU time (user + sys, which the machine's load does not
inflate much; best of --repeat runs) per size and the growth exponent fitted on log(time)
against log(size) over the sizes (1 = linear, 2 = quadratic); start-up is subtracted first
(measured on a 1 KB article). Goal: no input under the size limit over 5 s, exponent about 1;
each shape is marked PASS or FAIL against "under 5 s at the largest size", and --check exits 1
on a FAIL. A timeout (wall clock) is shown as ">N".
"""
from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _fill(unit: str, size: int) -> str:
    """`unit` repeated to at most `size` bytes of UTF-8 (a shape at the limit must be read)."""
    return unit * max(1, size // len(unit.encode("utf-8")))


# name -> (file suffix, text of about `size` bytes, command)
SHAPES = {
    "md-open-brackets": (".md", lambda n: _fill("x[ ", n), "check"),
    "md-link-parens": (".md", lambda n: _fill("[a](", n), "check"),
    # link destinations: "(" after every "]" and one ")" at the end (14 s at 1 MB before
    # hardening3: every "(" was scanned until 33 openers deep)
    "md-link-parens-closed": (".md", lambda n: _fill("[a](", n - 1) + ")", "check"),
    "md-backticks": (".md", lambda n: _fill("[`` ` ", n), "check"),
    "md-deep-quotes": (".md", lambda n: _fill("> ", min(n, 2000)) + "Kiev.\n"
                       + _fill("a ", n - min(n, 2000) - 6), "check"),
    "close-parens": (".txt", lambda n: _fill("word) ", n), "check"),
    "open-parens": (".txt", lambda n: _fill("(word ", n), "check"),
    "mixed-marks": (".txt", lambda n: _fill("(“[« ", n), "check"),
    "comment-openers": (".txt", lambda n: _fill("<!--mtqa-", n), "check"),
    "comment-directives": (".txt", lambda n: _fill("<!-- mtqa-disable punct -->Kiev. ", n),
                           "check"),
    "long-line": (".txt", lambda n: _fill("Kharkov said the Verkhovna Rada ", n), "check"),
    "many-findings": (".txt", lambda n: _fill("Kiev,Kiev. ", n), "check"),
    # names behind zero-width characters and combining marks (Article.name_views)
    "invisible-names": (".txt", lambda n: _fill("Ki\u200bev, Kie\u0301v. ", n), "check"),
    "many-findings-report": (".txt", lambda n: _fill("Kiev,Kiev. ", n), "report"),
    # one run of capitalised ordinary words, one sentence: the name ledger trimmed it one
    # word (and one copy of the run) at a time, 8 s at 160 KB before hardening5
    "capitalised-run-report": (".txt", lambda n: _fill("The ", n), "report"),
    # case-planet-earth looked for an astronomical word near every "earth" (17 s at 1 MB)
    "planet-earth": (".txt", lambda n: _fill("the earth ", n), "check"),
    # untranslated-script's one finding for a Russian article carries its runs as evidence
    "untranslated-lines": (".txt", lambda n: _fill("Сон.\n", n), "check"),
    "html-nesting": (".html", lambda n: _fill("<div>", n // 2 - 2) + "Kiev"
                     + _fill("</div>", n // 2 - 2), "check"),
    "jsonl-nesting": (".jsonl", lambda n: json.dumps({"id": "1", "body": "Kiev.", "x": 0})[:-1]
                      + ', "deep": ' + "[" * (n // 2 - 40) + "]" * (n // 2 - 40) + "}\n", "check"),
}


def _off_by_default():
    sys.path.insert(0, str(REPO))
    from mtqa.registry import all_rules

    return [r.id for r in all_rules() if not r.default_enabled]


OFF_BY_DEFAULT = _off_by_default()


def run_once(shape: str, size_kb: int, timeout: float) -> float:
    suffix, make, command = SHAPES[shape]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_text(make(size_kb * 1024), encoding="utf-8")
        cmd = [sys.executable, "-m", "mtqa", command, str(path)]
        if command == "report":
            cmd += ["-o", str(Path(tmp) / "out")]
        else:
            cmd += ["--format", "json", "--fail-on", "never"]
        cmd += ["--select", "all"]  # the default rules, and the off-by-default ones by name
        for rule_id in OFF_BY_DEFAULT:
            cmd += ["--select", rule_id]
        err_path = Path(tmp) / "stderr"
        with open(err_path, "wb") as err:
            proc = subprocess.Popen(cmd, cwd=tmp, stdout=subprocess.DEVNULL, stderr=err,
                                    env={**os.environ, "PYTHONPATH": str(REPO)})
            start = time.perf_counter()
            while True:  # os.wait4 gives the child's CPU time, which the load does not inflate
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() - start > timeout:
                    proc.kill()
                    proc.wait()
                    return math.inf
                time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        stderr = err_path.read_bytes()
        if proc.returncode not in (0, 1, 2) or b"Traceback" in stderr or b"Usage:" in stderr:
            print(f"  {shape} {size_kb} KB: exit {proc.returncode}\n"
                  f"{stderr.decode(errors='replace')[-800:]}", file=sys.stderr)
        return usage.ru_utime + usage.ru_stime


def exponent(sizes, times) -> float:
    # points whose time is mostly start-up say nothing about growth: only net times >= 0.1 s
    pts = [(math.log(s), math.log(t)) for s, t in zip(sizes, times)
           if math.isfinite(t) and t >= 0.1]
    if len(pts) < 2:
        return math.nan
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    num = sum((x - mx) * (y - my) for x, y in pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return num / den if den else math.nan


def _limit_kb() -> int:
    from mtqa.inputs import MAX_BYTES

    return MAX_BYTES // 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,100,limit",
                    help="sizes in KB; 'limit' is the default article limit (1024 KB)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per size; the best is shown")
    ap.add_argument("--goal", type=float, default=5.0, help="CPU seconds allowed at the limit")
    ap.add_argument("--timeout", type=float, default=600.0,
                    help="wall-clock seconds per run (a loaded machine stretches wall time)")
    ap.add_argument("--only", action="append", help="shape name (repeatable)")
    ap.add_argument("--check", action="store_true", help="exit 1 if a shape FAILs")
    args = ap.parse_args(argv)
    sizes = [_limit_kb() if s.strip() == "limit" else int(s) for s in args.sizes.split(",")]
    base = min(run_once("long-line", 1, args.timeout) for _ in range(3))  # start-up, ~1 KB
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}; start-up (1 KB "
          f"article) {base:.2f} s; CPU seconds (user+sys) including start-up, best of "
          f"{args.repeat}")
    print(f"{'shape':24}" + "".join(f"{s:>10} KB" for s in sizes) + "   exponent  verdict")
    worst, failed = 0.0, []
    for shape in args.only or SHAPES:
        times = [min(run_once(shape, s, args.timeout) for _ in range(max(1, args.repeat)))
                 for s in sizes]
        worst = max(worst, max(times))
        net = [t - base for t in times]
        verdict = "PASS" if times[-1] < args.goal else "FAIL"
        if verdict == "FAIL":
            failed.append(shape)
        cells = "".join(f"{'>' + format(args.timeout, 'g') if not math.isfinite(t) else format(t, '.2f'):>13}"
                        for t in times)
        print(f"{shape:24}{cells}   {exponent(sizes, net):8.2f}  {verdict}", flush=True)
    print(f"slowest: {worst:.2f} s at up to {sizes[-1]} KB (goal: under {args.goal:g} s); "
          + (f"FAIL: {', '.join(failed)}" if failed else "every shape PASSes"))
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
