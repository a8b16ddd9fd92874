"""Cold start: wall time of `mtqa check one.txt`, as a user or an editor's save hook runs it.

    python bench/coldstart.py [--repeat 15] [--glossary FILE]

Runs `python -m mtqa check ARTICLE` as a fresh subprocess many times and prints the median
wall and CPU (user+sys) time, next to `python -c pass` measured in the same run (the
interpreter's own start-up, which mtqa cannot shorten). The first run fills a temporary cache
folder (MTQA_CACHE_DIR), as a user's first run fills ~/.cache/mtqa; it is reported separately.

Two start-up cases are measured, interleaved so both see the same load:
- "bytecode": Python's compiled bytecode is kept (in a temporary PYTHONPYCACHEPREFIX folder,
  written by the first run), as for an installed mtqa (pip compiles it at install time);
- "sources": PYTHONDONTWRITEBYTECODE=1 and no bytecode cache for mtqa, so every run compiles
  mtqa's sources again (a source checkout in an environment that forbids .pyc files); unless
  the checkout already holds __pycache__ folders, which the run would then use.
Then `python -X importtime` lists the slowest imports. Note that importtime does not list the
rule modules (mtqa.rules imports them with importlib): their time is mtqa.rules' "self" time.
On a shared machine the wall time follows the load; CPU time does not, so both are printed.
With --instructions (needs valgrind) it also counts the instructions of one warm run and of
`python -c pass` (callgrind): a figure that the load of other processes does not change.

By default it runs this checkout with the running interpreter (an editable install's venv).
`--python VENV/bin/python --installed` measures what that interpreter has installed instead,
as a user's `pip install .` gives it (README's set-up): the runs start in an empty temporary
folder (so `-m mtqa` does not find this checkout first) and use the install's own bytecode.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLE = """Ukrainian President Volodymyr Zelenskyy met the mayor of Kharkiv on Tuesday.
The Russian forces shelled Kharkiv and the nearby town of Okhtyrka overnight, the regional
governor said. "We will rebuild," Zelenskyy told reporters in Kyiv.
Officials in Hostomel said the airport would reopen next year.
"""


CWD = REPO  # where the runs start (main() moves it for --installed)


def timed(cmd, env):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=CWD, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, cmd))} failed ({code}):\n{err}")
    return wall, usage.ru_utime + usage.ru_stime


def instructions(cmd, env) -> int:
    """Instructions executed by the command under valgrind's callgrind (its "Collected")."""
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
                          + [str(c) for c in cmd], cwd=CWD, env=env, capture_output=True,
                          text=True)
    for line in proc.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1].strip())
    raise SystemExit(f"valgrind gave no count:\n{proc.stderr[-2000:]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--glossary", action="append", default=None,
                    help="extra glossary file(s) (default tests/fixtures/glossary.yaml)")
    ap.add_argument("--article", help="article to check (default: a short news text)")
    ap.add_argument("--instructions", action="store_true",
                    help="also count instructions with valgrind's callgrind (slow: ~1 min)")
    ap.add_argument("--python", default=sys.executable,
                    help="interpreter to run (default: this one)")
    ap.add_argument("--installed", action="store_true",
                    help="measure the mtqa installed in --python's environment (a regular "
                         "`pip install .`), not this checkout")
    args = ap.parse_args(argv)
    global CWD
    python = args.python
    glossaries = args.glossary if args.glossary is not None else [
        REPO / "tests" / "fixtures" / "glossary.yaml"]
    tmp = Path(tempfile.mkdtemp(prefix="mtqa-coldstart-"))
    try:
        article = Path(args.article) if args.article else tmp / "one.txt"
        if not args.article:
            article.write_text(ARTICLE, encoding="utf-8")
        env = dict(os.environ, MTQA_CACHE_DIR=str(tmp / "cache"),
                   PYTHONPYCACHEPREFIX=str(tmp / "pycache"))
        if args.installed:  # the install's own bytecode, and no checkout on sys.path
            CWD = tmp / "cwd"
            CWD.mkdir()
            env.pop("PYTHONPYCACHEPREFIX")
            env.pop("PYTHONPATH", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        source_env = dict(os.environ, MTQA_CACHE_DIR=str(tmp / "cache"),
                          PYTHONDONTWRITEBYTECODE="1")
        source_env.pop("PYTHONPYCACHEPREFIX", None)
        cmd = [python, "-m", "mtqa", "check"]
        for g in glossaries:
            cmd += ["--glossary", str(g)]
        cmd.append(str(article))
        first_wall, first_cpu = timed(cmd, env)
        runs, base, source_runs = [], [], []
        for _ in range(args.repeat):  # interleaved, so all see the same load
            base.append(timed([python, "-c", "pass"], env))
            runs.append(timed(cmd, env))
            source_runs.append(timed(cmd, source_env))
        med = statistics.median
        print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; "
              f"{args.repeat} runs each, medians")
        print(f"{'':42} {'wall s':>7} {'cpu s':>7}")
        print(f"{'python -c pass':42} {med(w for w, _ in base):7.3f} "
              f"{med(c for _, c in base):7.3f}")
        for label, rows in (("mtqa check one.txt (cache warm, bytecode)", runs),
                            ("mtqa check one.txt (cache warm, sources)", source_runs)):
            print(f"{label:42} {med(w for w, _ in rows):7.3f} {med(c for _, c in rows):7.3f}"
                  f"   min wall {min(w for w, _ in rows):.3f}")
        print(f"{'mtqa check one.txt (first run)':42} {first_wall:7.3f} {first_cpu:7.3f}")
        if any(REPO.joinpath("mtqa").rglob("__pycache__")):
            print("note: mtqa/ holds __pycache__ folders; the 'sources' runs may have used them")
        print(f"mtqa's own share (median wall minus python -c pass, bytecode): "
              f"{med(w for w, _ in runs) - med(w for w, _ in base):.3f} s")
        if args.instructions:
            print(f"{'instructions (callgrind), python -c pass':42} "
                  f"{instructions([python, '-c', 'pass'], env):>15,}")
            print(f"{'instructions, mtqa check one.txt (warm)':42} {instructions(cmd, env):>15,}")
        out = subprocess.run([python, "-X", "importtime"] + cmd[1:], cwd=CWD, env=env,
                             capture_output=True, text=True).stderr
        rows = []
        for line in out.splitlines():
            if line.startswith("import time:") and "|" in line and "cumulative" not in line:
                self_us, cum_us, name = line[len("import time:"):].split("|", 2)
                rows.append((int(cum_us), int(self_us), name.rstrip()))
        print("slowest imports (cumulative ms, self ms):")
        for cum, self_, name in sorted(rows, reverse=True)[:12]:
            print(f"  {cum / 1000:7.1f} {self_ / 1000:7.1f}  {name.strip()}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
