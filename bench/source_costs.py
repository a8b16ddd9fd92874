"""What a `--source` run costs beside the target rules, in one place (issue 8, item 7).

    python bench/source_costs.py                       # in process, then the CLI, jobs 1 and 2
    python bench/source_costs.py --no-cli              # in process only (about a minute)
    python bench/source_costs.py --cli-only --jobs 1 --repeat 3

The articles are those of bench/source_throughput.py: every MT system's output of every
WMT23 uk-en and ru-en document as a file, its source file beside it under a separate folder
(3,374 pairs), every default rule, no glossary, no configuration.

In process (CPU time of this process, the garbage collector paused per article as the
pipeline does; one pass over every article, so each distinct word is judged for the first
time once, as in a run), per article:

(i)   target rules: `pipeline.audit` of the article read without a source (tokens,
      sentences, every default rule, the batch rule's per-article collect, release).
(i')  the same target rules on the article read with its source: the source's language,
      found from its script, becomes the article's (`_adopt_language`), which some target
      rules read; the difference is part of what a `--source` run costs.
(ii)  attaching the source: reading and decoding the source file, language detection
      (`pairing.attach`), then everything `compare.comparison` does before a source rule can
      look: SourceDoc paragraphs and sentences, the target's paragraphs, the Gale-Church
      alignment with forward-backward confidences.
(iii) the source rules, each apart, in the engine's order (source-omission and
      source-addition share one length judgement: the first to ask pays for it).

Item 7 is met in process when (ii) + (iii) <= (i), and on the command line when the extra
time of a `--source` run (with - without) is no more than the time the target rules take in
the run without it (without - a run with no target rule: `--select source` without
`--source`, which reads, counts and prints every article but checks nothing). Both wall and
CPU seconds (of the mtqa process and its workers) are printed, CPU being what to judge under
load.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from source_throughput import write_corpus  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def in_process(root: Path, phase: str, limit: int = 0) -> dict:
    """One pass over every article, "without" its source or "with" it, in this process (the
    caller runs each phase in a fresh process: word judgements cached by the first pass would
    otherwise make the second look cheaper)."""
    from mtqa.engine import AuditContext, AuditOptions, collect_summaries
    from mtqa.gcpause import collector_paused
    from mtqa.inputs import decode, read_bytes
    from mtqa.pipeline import audit, make_article, pair_sources
    from mtqa.source.compare import comparison
    from mtqa.source.pairing import attach

    clock = time.process_time
    mt = root / "mt"
    files = sorted(str(p) for p in mt.rglob("*.txt"))
    if limit:
        files = files[:limit]
    ctx = AuditContext(AuditOptions())
    ctx.glossary  # loaded outside the timing
    _, src_options, _ = pair_sources([str(mt)], files, AuditOptions(source=str(root / "src")))
    plan = src_options.source_plan
    entries = [(gate, check, getattr(getattr(check, "__self__", None), "id", "phrase-*"))
               for gate, check, _ in ctx.plan]
    target_entries = [e for e in entries if not e[2].startswith("source-")]
    source_entries = [e for e in entries if e[2].startswith("source-")]
    _warm_up(ctx, phase)
    cost = {}
    found = {}
    n_compared = 0

    def add(key, seconds, n=0):
        cost[key] = cost.get(key, 0.0) + seconds
        found[key] = found.get(key, 0) + n

    for path in files:
        text = decode(read_bytes(path, 1 << 24), path)
        article = make_article(text, path)
        if phase == "without":  # (i): the audit of the article without its source
            start = clock()
            outcome = audit(article, ctx)
            add("(i) target rules, no source", clock() - start, len(outcome.findings))
            continue
        # with its source: (ii), then (i') and (iii) entry by entry
        with collector_paused():
            start = clock()
            attach(article, plan)
            add("(ii) read source, language", clock() - start)
            start = clock()
            rule_ctx = ctx.for_article(article)  # after attach: the adopted language
            n = 0
            for gate, check, name in target_entries:
                if gate is None or gate(article):
                    n += sum(1 for _ in check(article, rule_ctx))
            collect_summaries(article, ctx)
            add("(i') target rules, source attached", clock() - start, n)
            start = clock()
            n_compared += comparison(article) is not None
            add("(ii) paragraphs, sentences, alignment", clock() - start)
            for gate, check, name in source_entries:
                start = clock()
                n = sum(1 for _ in check(article, rule_ctx)) \
                    if gate is None or gate(article) else 0
                add(f"(iii) {name}", clock() - start, n)
            start = clock()
            article.release()
            add("(i') target rules, source attached", clock() - start)
    return {"articles": len(files), "compared": n_compared, "cost": cost, "found": found,
            "load": os.getloadavg()[0]}


# Two short articles with their sources, audited before the timing in both phases so that
# what any run loads once (word lists, name tables, compiled patterns) is not counted per
# article; none of their words is a name of the WMT23 documents, so nothing read once per
# source or per name serves the timed articles.
_WARM_UP = (
    ("warm-uk.txt", "Olga Petrenko met Andrii Kovalchuk in Zhytomyr on 12 May.\n"
                    "They spoke for 45 minutes about the 3 bridges.\n",
     "Ольга Петренко зустрілася з Андрієм Ковальчуком у Житомирі 12 травня.\n"
     "Вони говорили 45 хвилин про 3 мости.\n"),
    ("warm-ru.txt", "Nikolai Smirnov visited Tver on Friday, Interfax reports.\n"
                    "He said that 120 people work at the plant.\n",
     "Николай Смирнов посетил Тверь в пятницу, сообщает «Интерфакс».\n"
     "Он сказал, что на заводе работают 120 человек.\n"),
)


def _warm_up(ctx, phase: str) -> None:
    from mtqa.pipeline import audit, make_article
    from mtqa.source.compare import comparison
    from mtqa.source.pairing import attach, text_plan

    for name, text, source in _WARM_UP:
        article = make_article(text, name)
        if phase == "with":
            attach(article, text_plan(name, source))
            comparison(article)
        audit(article, ctx)


def in_fresh_processes(root: Path, limit: int) -> dict:
    import json

    result = {"cost": {}, "found": {}}
    for phase in ("without", "with"):
        out = subprocess.run([sys.executable, __file__, "--phase", phase, "--root", str(root),
                              "--limit", str(limit)], capture_output=True, text=True, cwd=REPO)
        if out.returncode:
            raise SystemExit(out.stderr)
        part = json.loads(out.stdout)
        result["cost"].update(part["cost"])
        result["found"].update(part["found"])
        result["articles"] = part["articles"]
        result["compared"] = max(result.get("compared", 0), part["compared"])
    order = ["(i) target rules, no source", "(i') target rules, source attached",
             "(ii) read source, language", "(ii) paragraphs, sentences, alignment"]
    result["cost"] = {k: result["cost"][k] for k in order + sorted(
        k for k in result["cost"] if k.startswith("(iii)"))}
    return result


def print_in_process(result: dict) -> None:
    n, cost = result["articles"], result["cost"]
    ms = {k: 1000 * v / n for k, v in cost.items()}
    print(f"in process: {n} articles ({result['compared']} aligned with their source), "
          f"load average {os.getloadavg()[0]:.1f}; CPU ms per article")
    for key, value in ms.items():
        print(f"  {key:42} {value:7.3f}")
    attach = sum(v for k, v in ms.items() if k.startswith("(ii)"))
    rules = sum(v for k, v in ms.items() if k.startswith("(iii)"))
    target = ms["(i) target rules, no source"]
    shift = ms["(i') target rules, source attached"] - target
    print(f"  (ii) attaching the source, total            {attach:7.3f}")
    print(f"  (iii) source rules, total                   {rules:7.3f}")
    print(f"  (ii)+(iii) = {attach + rules:.3f} ms vs (i) = {target:.3f} ms: "
          f"{100 * (attach + rules) / target:.0f}% of the target rules: item 7 in process "
          f"{'MET' if attach + rules <= target else 'not met'}; target rules with the "
          f"source's language adopted {shift:+.3f} ms")
    f = result["found"]
    attached = f["(i') target rules, source attached"]
    print(f"  findings (per-article, before the batch rule and suppressions): "
          f"{f['(i) target rules, no source']} without the source; with it "
          f"{attached} target, "
          + ", ".join(f"{f[k]} {k[6:]}" for k in f if k.startswith("(iii)")))


def cli(root: Path, jobs: int, mode: str):
    cmd = [sys.executable, "-m", "mtqa", "check", "--format", "json", "--fail-on", "never",
           "--no-config", "--jobs", str(jobs)]
    if mode == "base":
        cmd += ["--select", "source"]
    if mode == "with":
        cmd += ["--source", str(root / "src")]
    cmd.append(str(root / "mt"))
    env = dict(os.environ, MTQA_NO_PROGRESS="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd, cwd=REPO, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode not in (0, 1):
        raise SystemExit(out.stderr.decode())
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def print_cli(root: Path, n: int, jobs_list, repeat: int) -> None:
    for jobs in jobs_list:
        figures = {}
        for mode in ("base", "without", "with"):
            runs = [cli(root, jobs, mode) for _ in range(repeat)]
            figures[mode] = (statistics.median(r[0] for r in runs),
                             statistics.median(r[1] for r in runs))
        print(f"CLI --jobs {jobs} (median of {repeat}; load average "
              f"{os.getloadavg()[0]:.1f}): wall / CPU s")
        for mode, label in (("base", "no target rule (--select source, no --source)"),
                            ("without", "default rules, without --source"),
                            ("with", "default rules, with --source")):
            wall, cpu = figures[mode]
            print(f"  {label:48} {wall:6.2f} / {cpu:6.2f}  ({n / wall:,.0f} articles/s)")
        for i, what in ((0, "wall"), (1, "CPU")):
            target = figures["without"][i] - figures["base"][i]
            extra = figures["with"][i] - figures["without"][i]
            print(f"  {what}: target rules {target:.2f} s, extra with --source {extra:.2f} s "
                  f"({100 * extra / target:.0f}% of the target rules; "
                  f"{'MET' if extra <= target else 'not met'})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", default="1,2", help="CLI runs' --jobs values (default 1,2)")
    ap.add_argument("--repeat", type=int, default=1, help="CLI runs per figure (median)")
    ap.add_argument("--limit", type=int, default=0, help="in process: first N articles only")
    ap.add_argument("--one-per-source", action="store_true",
                    help="one translation of each source document (294 articles), as a "
                         "newsroom audits: nothing read once per source serves another "
                         "translation of it (the default runs all 12 systems' in a row)")
    ap.add_argument("--no-cli", action="store_true")
    ap.add_argument("--cli-only", action="store_true")
    ap.add_argument("--phase", choices=("without", "with"), help=argparse.SUPPRESS)
    ap.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:  # one in-process phase, in a fresh process (in_fresh_processes)
        import json

        print(json.dumps(in_process(args.root, args.phase, args.limit)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        n = write_corpus(root, one_per_source=args.one_per_source)
        print(f"{n} MT articles with their sources (WMT23 uk-en, ru-en"
              f"{', one translation per source' if args.one_per_source else ''}); "
              f"python {sys.executable}")
        if not args.cli_only:
            print_in_process(in_fresh_processes(root, args.limit))
        if not args.no_cli:
            print_cli(root, n, [int(j) for j in args.jobs.split(",")], args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
