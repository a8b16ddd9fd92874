#!/usr/bin/env python3
"""Findings of name-russian-form that come from the GeoNames table of Russian-derived spellings
of Ukrainian places (mtqa/data/ua-russian-forms.tsv), not from the glossary: counts on
../shared/dev/en-orig, the WMT23 references and MT output, and every finding with context.

usage: python bench/ua_places.py
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from spell_names import audited  # noqa: E402
from mtqa.engine import AuditContext, AuditOptions  # noqa: E402


def main():
    ctx = AuditContext(AuditOptions(select=["name-russian-form"]))
    counts, words = Counter(), Counter()
    for kind, res in audited(ctx):
        words[kind] += res.words
        text = res.article.text
        for f in res.findings:
            if "(GeoNames)" not in f.message:
                continue
            counts[kind] += 1
            print(f"{kind}\t{res.article.path}\t"
                  f"{text[max(0, f.start - 50):f.end + 40]!r}\t{f.suggestions[0]}")
    for kind in ("en-orig", "ref", "mt"):
        print(f"{kind}: {counts[kind]} findings, "
              f"{1000.0 * counts[kind] / max(words[kind], 1):.3f} per 1,000 words")


if __name__ == "__main__":
    main()
