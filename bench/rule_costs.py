"""Per-rule cost of the default rule set on real MT output, in ms per article.

    python bench/rule_costs.py                    # 800 uk-en MT articles, top 15 rules
    python bench/rule_costs.py --pair ru-en --limit 2000 --top 30 --warm
    python bench/rule_costs.py --plan --pair both --limit 0 --top 50   # as the engine runs them

Times each non-batch rule's `check` on every article of ../shared/dev/wmt23 (every MT system's
output of every document) with every default rule on, and prints the total and the costliest
rules; the phrase-* entry rules are summed into one row unless --split-phrases (the engine
checks them as one group; here each entry's check is called, which costs a little more).
Rules with triggers (Rule.needs_any, needs_tokens, needs_words) are skipped where the engine
skips them (engine.trigger_gate; the gate's cost is charged to the rule). The first
rule that asks an article for its tokens or sentences pays for computing them; --warm computes
them before timing so that each rule is charged only for its own work (the structure's cost is
then printed on its own row).

--plan times what the engine calls (`AuditContext.plan`: each rule's check, the phrase
entries as one group call) with the CPU clock and the garbage collector paused, one plan entry
at a time over every article, in the engine's order (so shared per-article data is computed by
the first rule that asks, as in a run). It makes three passes and prints the first ("cold":
each distinct word judged for the first time, as in a fresh process) and the best of the other
two ("warm": words already judged; per-article memos dropped between passes). Structure
(tokens, sentences) is computed before timing and reported on its own.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from devdata import wmt_articles  # noqa: E402

from mtqa.engine import AuditContext, AuditOptions, trigger_gate  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pair", default="uk-en", choices=("uk-en", "ru-en", "both"))
    ap.add_argument("--limit", type=int, default=800,
                    help="articles to time (default 800; 0: all)")
    ap.add_argument("--top", type=int, default=15, help="rules to list (default 15)")
    ap.add_argument("--warm", action="store_true",
                    help="compute tokens/sentences before timing (per-rule attribution)")
    ap.add_argument("--split-phrases", action="store_true",
                    help="list phrase-* rules one by one instead of summed")
    ap.add_argument("--cpu", action="store_true",
                    help="time with the process's CPU clock instead of the wall clock (fairer "
                         "on a loaded machine; each reading costs ~1 µs more)")
    ap.add_argument("--no-gc", action="store_true",
                    help="pause the garbage collector while timing, as the pipeline does "
                         "per article (mtqa.gcpause)")
    ap.add_argument("--plan", action="store_true",
                    help="time the engine's plan entries, cold and warm (CPU clock, no GC)")
    args = ap.parse_args(argv)
    if args.plan:
        return plan_costs(args)
    clock = time.process_time if args.cpu else time.perf_counter
    if args.no_gc:
        import gc

        gc.disable()

    articles = _articles(args)
    ctx = AuditContext(AuditOptions())
    ctx.glossary  # loaded outside the timing
    rules = [(r, trigger_gate(r)) for r in ctx.rules if not r.batch]
    cost = collections.Counter()
    for article in articles:
        if args.warm:
            start = clock()
            article.tokens, article.sentences, article.token_texts
            cost["(tokens+sentences)"] += clock() - start
        for rule, gate in rules:
            start = clock()
            # as the engine does: a rule with triggers runs only where they occur
            if gate is None or gate(article):
                for _ in rule.check(article, ctx):
                    pass
            cost[rule.id] += clock() - start
    grouped = collections.Counter()
    for rule_id, seconds in cost.items():
        key = "phrase-*" if rule_id.startswith("phrase-") and not args.split_phrases else rule_id
        grouped[key] += seconds
    n = len(articles)
    print(f"{n} articles, {len(rules)} rules; total {1000 * sum(cost.values()) / n:.3f} ms/article")
    for key, seconds in grouped.most_common(args.top):
        print(f"{key:40} {1000 * seconds / n:.3f} ms/article")
    return 0


def _articles(args):
    pairs = ("uk-en", "ru-en") if args.pair == "both" else (args.pair,)
    articles = [a for pair in pairs for a in wmt_articles(pair, "mt")]
    return articles[:args.limit] if args.limit else articles


def plan_costs(args) -> int:
    import gc
    import os

    from mtqa.engine import RuleContext

    articles = _articles(args)
    ctx = AuditContext(AuditOptions(glossaries=[str(Path(__file__).resolve().parent.parent
                                                    / "tests" / "fixtures" / "glossary.yaml")]))
    ctx.glossary  # loaded outside the timing
    gc.disable()
    start = time.process_time()
    for article in articles:
        article.tokens, article.sentences, article.token_texts
    structure = time.process_time() - start
    contexts = [RuleContext(ctx, a) for a in articles]
    passes = []
    for _ in range(3):
        cost = {}
        for gate, check, _one_rule in ctx.plan:
            name = getattr(getattr(check, "__self__", None), "id", "phrase-* (one group call)")
            start = time.process_time()
            for article, rule_ctx in zip(articles, contexts):
                if gate is not None and not gate(article):
                    continue
                for _ in check(article, rule_ctx):
                    pass
            cost[name] = time.process_time() - start
        passes.append(cost)
        for article in articles:  # per-article memos go; process-wide word tables stay
            article.__dict__.pop("_memo", None)
    n = len(articles)
    cold, warm = passes[0], {k: min(p[k] for p in passes[1:]) for k in passes[0]}
    print(f"{n} articles, {len(ctx.plan)} plan entries, load average "
          f"{os.getloadavg()[0]:.1f}; CPU ms per article")
    print(f"{'(tokens+sentences)':34} {1000 * structure / n:6.3f}")
    print(f"{'rules, total':34} cold {1000 * sum(cold.values()) / n:6.3f}  "
          f"warm {1000 * sum(warm.values()) / n:6.3f}")
    for name in sorted(cold, key=lambda k: -cold[k])[:args.top]:
        print(f"{name:34} cold {1000 * cold[name] / n:6.3f}  warm {1000 * warm[name] / n:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
