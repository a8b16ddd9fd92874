#!/usr/bin/env python3
"""Speed of the translation-artefact rules: phrase-pack matching (token-keyed index) against
one regex alternation of the same phrases, the whole artefact rule set per article, and the
start-up cost of loading the packs.

usage: python bench/artefact_speed.py [--articles N]

Articles are the WMT23 MT outputs of ../shared/dev (one document per system); timings are
per article, median of 3 passes, on whatever machine runs the script.
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import devdata  # noqa: E402


def articles(n):
    out = []
    for d in devdata.all_wmt_docs():
        for hyps in d.hyps.values():
            out.append("\n".join(hyps))
            if len(out) >= n:
                return out
    return out


def per_article(fn, texts, passes=3):
    times = []
    for _ in range(passes):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        times.append((time.perf_counter() - t0) / len(texts))
    return statistics.median(times) * 1000


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=600)
    a = ap.parse_args()

    t0 = time.perf_counter()
    from mtqa.article import Article
    from mtqa.engine import AuditContext, AuditOptions, audit_article
    from mtqa.glossary import load_glossary
    from mtqa.registry import all_rules
    from mtqa.rules.phrase import _INDEX, packs

    all_rules()
    import_ms = (time.perf_counter() - t0) * 1000
    entries = [e for p in packs() for e in p.entries]
    phrases = [ph for e in entries for ph in e.phrases]
    texts = articles(a.articles)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} articles, {words:.0f} words each on average; "
          f"{len(entries)} entries, {len(phrases)} phrases")

    # tokenising is shared by every rule, so it is timed apart from the matching itself
    def tokenised():
        arts = [Article(t) for t in texts]
        for art in arts:
            art.tokens  # noqa: B018
        return arts

    arts = tokenised()
    index_ms = per_article(lambda art: _INDEX.find(art), arts)
    alternation = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in
                                                   sorted(phrases, key=len, reverse=True))
                             + r")\b", re.I)
    regex_ms = per_article(lambda t: alternation.findall(t), texts)
    print(f"phrase matching, token-keyed index:      {index_ms:6.3f} ms/article (tokens given)")
    print(f"same phrases, one regex alternation:     {regex_ms:6.3f} ms/article")

    ctx = AuditContext(AuditOptions(select=["phrase", "case", "grammar-number"]),
                       glossary=load_glossary([ROOT / "tests" / "fixtures" / "glossary.yaml"]))
    full_ms = per_article(lambda t: audit_article(Article(t), ctx), texts)
    token_ms = per_article(lambda t: Article(t).tokens, texts)
    print(f"all artefact rules ({len(ctx.rules)}), incl. tokenising: {full_ms:6.3f} ms/article "
          f"(tokenising alone {token_ms:.3f})")
    print(f"import + registering every rule:          {import_ms:6.1f} ms (in this process)")
    cold = subprocess.run([sys.executable, "-c", "import time; t=time.perf_counter(); "
                           "from mtqa.registry import all_rules; all_rules(); "
                           "print((time.perf_counter()-t)*1000)"],
                          capture_output=True, text=True, cwd=ROOT)
    print(f"cold start, python -c 'all_rules()':      {float(cold.stdout):6.1f} ms")


if __name__ == "__main__":
    main()
