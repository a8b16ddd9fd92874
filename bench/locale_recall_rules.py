#!/usr/bin/env python3
"""Figures for the source-typography and number-convention rules of issue 9 (locale part):
findings per 1,000 words on English originals (../shared/dev/en-orig: every finding is a false
alarm unless the original is wrong), on the WMT23 uk-en and ru-en references, and on every MT
system's output (uk-en, ru-en); the MT/reference ratio; findings on the zh-en MQM TED MT
output; and a reproducible read sample of MT findings.

    python bench/locale_recall_rules.py                    # the table
    python bench/locale_recall_rules.py --sample 50        # + up to 50 MT findings per rule
    python bench/locale_recall_rules.py --select punct-quote-space

The sample is the first N findings in a fixed order (sha1 of document id and offset), so a
judged sample (bench/locale_recall_sample.txt) can be checked against a later run. Precision
is read from that file: one line per judged finding, `rule | verdict | context`, verdict
`ok` (a real artefact an editor changes) or `wrong`.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from _reads import read_precision  # noqa: E402
from devdata import WMT_PAIRS, en_orig_articles, mqm_articles, wmt_articles  # noqa: E402
from mtqa.engine import AuditContext, AuditOptions, audit_article  # noqa: E402

RULES = ("locale-thousand-word", "locale-score-colon", "punct-quoted-name",
         "punct-dialogue-dash", "punct-quote-space", "punct-number-space", "punct-fullwidth")
SAMPLE_FILE = HERE / "locale_recall_sample.txt"


def corpora():
    yield "en-orig", list(en_orig_articles())
    yield "ref", [a for pair in WMT_PAIRS for a in wmt_articles(pair, "ref")]
    yield "mt", [a for pair in WMT_PAIRS for a in wmt_articles(pair, "mt")]
    # zh-en MT (TED talks, every system but the references): for the Chinese-typography rule
    yield "zh-mt", [m.article for m in mqm_articles()
                    if m.article.path.split("/")[1] not in ("ref", "refB")]


def judged(path: Path = SAMPLE_FILE):
    """{rule: its verdicts} of the judged sample ("?" in a line not judged yet)."""
    verdicts = defaultdict(list)
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                rule, verdict = [p.strip() for p in line.split(" | ")[:2]]
                verdicts[rule].append(verdict)
    return verdicts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--select", action="append", default=None)
    ap.add_argument("--sample", type=int, default=0)
    args = ap.parse_args(argv)
    rules = args.select or list(RULES)
    ctx = AuditContext(AuditOptions(select=rules))
    counts, words = defaultdict(Counter), Counter()
    samples = defaultdict(list)
    for name, articles in corpora():
        for art in articles:
            findings = audit_article(art, ctx)
            words[name] += art.words
            for f in findings:
                counts[name][f.rule] += 1
                text = art.text
                context = (text[max(0, f.start - 50):f.start] + "[[" + text[f.start:f.end]
                           + "]]" + text[f.end:f.end + 50]).replace("\n", "⏎")
                key = hashlib.sha1(f"{art.path}:{f.start}".encode()).hexdigest()
                samples[(name, f.rule)].append((key, art.path, context, f.suggestions[:1]))
    print(f"words: " + ", ".join(f"{k} {v:,}" for k, v in words.items()))
    verdicts = judged()
    print("| rule | en-orig n (/1k) | ref n (/1k) | MT n (/1k) | MT/ref | zh-en MT n "
          "| read sample |")
    print("|---|---|---|---|---|---|---|")
    for rule in rules:
        cells = []
        for name in ("en-orig", "ref", "mt"):
            n = counts[name][rule]
            cells.append(f"{n} ({1000.0 * n / max(words[name], 1):.2f})")
        ref_rate = counts["ref"][rule] / max(words["ref"], 1)
        mt_rate = counts["mt"][rule] / max(words["mt"], 1)
        ratio = f"{mt_rate / ref_rate:.1f}" if ref_rate else ("∞" if mt_rate else "–")
        p = read_precision(verdicts.get(rule, []), real="ok", false="wrong")
        sample = f"{p.real}/{p.read} = {p.value:.2f}" if p.read else "not read"
        print(f"| `{rule}` | " + " | ".join(cells) +
              f" | {ratio} | {counts['zh-mt'][rule]} | {sample} |")
    for name in ("en-orig", "ref"):
        for rule in rules:
            for _, path, context, _ in sorted(samples[(name, rule)])[:10]:
                print(f"{name} {rule} {path}: {context}")
    if args.sample:
        print("\n# MT sample: rule | verdict | document | context | suggestion")
        for rule in rules:
            for _, path, context, sugg in sorted(samples[("mt", rule)])[:args.sample]:
                print(f"{rule} | ? | {path} | {context} | {sugg}")


if __name__ == "__main__":
    main()
