"""Snapshot of mtqa's findings over the whole dev corpus, to prove a speed change changes none.

    python bench/findings_snapshot.py save  /tmp/snap-before   # before changing anything
    python bench/findings_snapshot.py check /tmp/snap-before   # after each step: same bytes?

Writes the dev corpus once under DIR/corpus (every WMT23 MT system's output of every document,
the uk-en and ru-en references one file per document, the English originals of
../shared/dev/en-orig one file per document, and the first 75 system x document targets of the
zh-en MQM TSV), then runs `mtqa check --format json` over it in these settings:

- default rules with the test glossary (what bench/throughput.py runs);
- `--select ALL` with `--source-lang uk`, `ru`, `zh` and `id` (every rule, each language's
  packs);
- `sources`: the source rules (`--select source`) on every WMT23 MT output and reference,
  each paired with its source segments by `--source` (written once under DIR/corpus-sources;
  the settings above run without sources, so they never reach the source rules).

`save` keeps the outputs (stdout and stderr) under DIR; `check` runs again and compares them
byte for byte, printing the first differing finding when they differ (exit 1).
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import REPO, write_corpus  # noqa: E402
from devdata import DEV, all_wmt_docs, mqm_documents  # noqa: E402

SETTINGS = {
    "default": ["--glossary", str(REPO / "tests" / "fixtures" / "glossary.yaml")],
    "all-uk": ["--select", "ALL", "--source-lang", "uk"],
    "all-ru": ["--select", "ALL", "--source-lang", "ru"],
    "all-zh": ["--select", "ALL", "--source-lang", "zh"],
    "all-id": ["--select", "ALL", "--source-lang", "id"],
    "sources": ["--select", "source", "--source", "{sources}/src"],
}


def write_source_corpus(root: Path) -> int:
    """Every WMT23 MT output and reference under root/mt, its source under root/src at the
    same relative path (mtqa's --source DIR pairing)."""
    n = 0
    for doc in all_wmt_docs():
        sides = {"ref": doc.ref, **doc.hyps}
        for side, segments in sorted(sides.items()):
            if not "".join(segments).strip():
                continue
            name = f"{doc.pair}-{doc.doc}-{side}.txt".replace("/", "_")
            for folder, lines in (("mt", segments), ("src", doc.src)):
                (root / folder).mkdir(parents=True, exist_ok=True)
                (root / folder / name).write_text(
                    "\n".join(s.strip() for s in lines) + "\n", "utf-8")
            n += 1
    return n


def write_dev_corpus(root: Path) -> int:
    n = len(write_corpus(root / "mt"))
    refs = root / "ref"
    refs.mkdir(parents=True, exist_ok=True)
    for doc in all_wmt_docs():
        (refs / f"{doc.pair}-{doc.doc}.txt").write_text("\n".join(doc.ref) + "\n", "utf-8")
        n += 1
    orig = root / "en-orig"
    orig.mkdir(parents=True, exist_ok=True)
    for jsonl in sorted((DEV / "en-orig").glob("*.jsonl")):
        with open(jsonl, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                (orig / f"{d['doc']}.txt").write_text("\n".join(d["lines"]) + "\n", "utf-8")
                n += 1
    mqm = root / "mqm"
    mqm.mkdir(parents=True, exist_ok=True)
    for i, ((system, doc), text) in enumerate(sorted(mqm_documents().items())):
        if i == 75:
            break
        (mqm / f"{system}-{doc}.txt".replace("/", "_")).write_text(text + "\n", "utf-8")
        n += 1
    return n


def run(corpus: Path, extra, jobs: int):
    if any("{sources}" in a for a in extra):  # the paired corpus: targets under mt/
        sources = corpus.parent / "corpus-sources"
        if not sources.exists():
            print(f"corpus-sources: {write_source_corpus(sources)} targets under {sources}")
        extra = [a.replace("{sources}", str(sources)) for a in extra]
        corpus = sources / "mt"
    cmd = [sys.executable, "-m", "mtqa", "check", "--format", "json", "--fail-on", "never",
           "--jobs", str(jobs), *extra, str(corpus)]
    env = dict(os.environ, MTQA_NO_PROGRESS="1")
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, env=env)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"mtqa check failed ({proc.returncode}):\n{proc.stderr.decode()}")
    return proc.stdout, proc.stderr


def first_difference(old: bytes, new: bytes) -> str:
    a = old.decode("utf-8", "replace").splitlines()
    b = new.decode("utf-8", "replace").splitlines()
    diff = list(difflib.unified_diff(a, b, "before", "after", n=3, lineterm=""))
    return "\n".join(diff[:60])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=("save", "check"))
    ap.add_argument("dir", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default=None, help="comma-separated settings (default all: "
                    + ", ".join(SETTINGS) + ")")
    args = ap.parse_args(argv)
    corpus = args.dir / "corpus"
    if args.action == "save":
        args.dir.mkdir(parents=True, exist_ok=True)
        if not corpus.exists():
            print(f"corpus: {write_dev_corpus(corpus)} files under {corpus}")
    elif not corpus.exists():
        raise SystemExit(f"no snapshot under {args.dir} (run `save` first)")
    names = args.only.split(",") if args.only else list(SETTINGS)
    failed = 0
    for name in names:
        out, err = run(corpus, SETTINGS[name], args.jobs)
        digest = hashlib.md5(out + b"\0" + err).hexdigest()
        if args.action == "save":
            (args.dir / f"{name}.json").write_bytes(out)
            (args.dir / f"{name}.stderr").write_bytes(err)
            findings = sum(len(f["findings"]) for f in json.loads(out)["files"])
            print(f"{name:8} saved  {digest}  {findings} findings")
            continue
        old_out = (args.dir / f"{name}.json").read_bytes()
        old_err = (args.dir / f"{name}.stderr").read_bytes()
        if out == old_out and err == old_err:
            print(f"{name:8} identical  {digest}")
        else:
            failed += 1
            print(f"{name:8} DIFFERS")
            print(first_difference(old_out, out) if out != old_out
                  else first_difference(old_err, err))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
