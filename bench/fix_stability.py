"""`mtqa fix --unsafe` over every dev MT document: does it settle, is a second run a no-op, and
does no text grow by more than the sum of its single fixes?

    python bench/fix_stability.py              # every WMT23 MT document (~3,400)
    python bench/fix_stability.py --every 20   # a deterministic 1-in-20 sample

Each document (one MT system's output of one WMT23 document, one segment per line, as MT news
arrives) is fixed with every default rule and the bundled packs, with its pair's source
language; then fixed again. Prints the counts and every document that breaks a property
(tests/test_fix_property.py runs a sample of the same check).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _corpus import WMT23, mt_documents  # noqa: E402


def single_fix_growth(text: str, name: str, ctx, unsafe: bool = True) -> int:
    """How much the fixes of the findings on the text as read could grow it, each alone."""
    from mtqa import pipeline
    from mtqa.fix import applies

    articles, _ = pipeline.read_text(text, name, ctx.options)
    findings = pipeline.audit_articles(articles, ctx)[0]
    return sum(max(0, len(e.content) - (e.end - e.start))
               for f in findings if applies(f, unsafe) for e in f.fix.edits)


def check(text: str, name: str, ctx) -> Optional[str]:
    """None when the document keeps every property, else what broke."""
    from mtqa.fix import fix_text

    first = fix_text(text, name, ctx, unsafe=True)
    if not first.converged:
        return f"did not settle ({', '.join(first.unsettled)})"
    second = fix_text(first.after, name, ctx, unsafe=True)
    if second.after != first.after or second.applied:
        rules = sorted({a.rule for a in second.applied})
        return f"a second run changed it again ({', '.join(rules)})"
    growth = len(first.after) - len(first.before)
    bound = single_fix_growth(text, name, ctx)
    if growth > bound:
        return f"grew by {growth} characters, more than its single fixes' {bound}"
    return None


def contexts():
    """One audit context per source language (the WMT23 pair's)."""
    from mtqa.engine import AuditContext, AuditOptions

    return {lang: AuditContext(AuditOptions(source_lang=lang)) for lang in ("uk", "ru")}


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--every", type=int, default=1, help="check every Nth document")
    args = ap.parse_args(argv)
    ctxs = contexts()
    checked = broken = 0
    start = time.perf_counter()
    for i, (stem, doc, system, text) in enumerate(mt_documents(WMT23)):
        if i % args.every:
            continue
        ctx = ctxs[stem.split("-")[0]]
        problem = check(text, f"{stem}-{doc}-{system}.txt", ctx)
        checked += 1
        if problem:
            broken += 1
            print(f"{stem} doc {doc} {system}: {problem}")
    wall = time.perf_counter() - start
    print(f"{checked} documents checked in {wall:.0f} s; {broken} broke a property")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
