#!/usr/bin/env python3
"""How often did the editors act on mtqa's findings? A stand-in measured on the WMT23 dev sets.

Builds MT/edited folder pairs in a temporary folder (each system's output of each document as
the MT version, the professional reference as the "edited" version), runs
`mtqa compare MT EDITED --format json` over each language pair, and prints the per-rule table:
findings on the MT text and the share whose span the "editor" changed, next to the share of
all MT words changed (the chance level). References are independent translations, not
post-edits, so every share is high; what matters is how far a rule stands above chance.

usage: python bench/compare_dev.py [--pairs uk-en ru-en] [--glossary FILE] [--select RULE]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from devdata import WMT_PAIRS, wmt_docs  # noqa: E402


def build(pair: str, root: Path) -> int:
    mt, edited = root / pair / "mt", root / pair / "edited"
    mt.mkdir(parents=True)
    edited.mkdir(parents=True)
    n = 0
    for i, doc in enumerate(wmt_docs(pair)):
        ref = "\n".join(doc.ref) + "\n"
        for system, hyp in sorted(doc.hyps.items()):
            text = "\n".join(h or "" for h in hyp) + "\n"
            if not text.strip():
                continue
            name = f"{i:03d}-{system}.txt"
            (mt / name).write_text(text, encoding="utf-8")
            (edited / name).write_text(ref, encoding="utf-8")
            n += 1
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", nargs="+", default=list(WMT_PAIRS))
    ap.add_argument("--glossary", action="append", default=[])
    ap.add_argument("--select", action="append", default=[])
    a = ap.parse_args()
    total, acted = Counter(), Counter()
    words = changed = 0
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mtqa-compare-") as tmp:
        for pair in a.pairs:
            n = build(pair, Path(tmp))
            cmd = [sys.executable, "-m", "mtqa", "compare", str(Path(tmp) / pair / "mt"),
                   str(Path(tmp) / pair / "edited"), "--format", "json", "--top", "0",
                   "--source-lang", pair.split("-")[0]]
            for g in a.glossary:
                cmd += ["--glossary", g]
            for s in a.select:
                cmd += ["--select", s]
            out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            if out.returncode not in (0, 2):
                sys.exit(f"mtqa compare failed on {pair}:\n{out.stderr[-2000:]}")
            doc = json.loads(out.stdout)
            for rule, row in doc["rules"].items():
                total[rule] += row["findings"]
                acted[rule] += row["acted_on"]
            words += sum(p["words"] for p in doc["pairs"])
            changed += sum(p["changed_words"] for p in doc["pairs"])
            c = doc["corpus"]
            print(f"{pair}: {n} MT/reference pairs; BLEU {c['BLEU']:.1f} chrF {c['chrF']:.1f} "
                  f"TER {c['TER']:.1f}")
        sigs = doc["signatures"]
    chance = changed / words if words else 0.0
    print(f"\n| rule | findings | acted on | share | above chance |")
    print("|---|---|---|---|---|")
    for rule in sorted(total, key=lambda r: (-total[r], r)):
        share = acted[rule] / total[rule]
        print(f"| `{rule}` | {total[rule]} | {acted[rule]} | {share:.0%} | "
              f"{share - chance:+.0%} |")
    all_f, all_a = sum(total.values()), sum(acted.values())
    if all_f:
        print(f"| **all rules** | {all_f} | {all_a} | {all_a / all_f:.0%} | "
              f"{all_a / all_f - chance:+.0%} |")
    print(f"\nchance level: the references differ from the MT in {chance:.0%} of MT words "
          f"({words:,} words); {time.perf_counter() - t0:.0f} s")
    for name, sig in sigs.items():
        print(f"{name} signature: {sig}")


if __name__ == "__main__":
    main()
