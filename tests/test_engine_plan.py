"""How the engine dispatches rules per article (mtqa.engine): grouped rules are checked by one
call per group, and a rule with trigger text (Rule.needs_any) runs only where it occurs."""
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, run_rules
from mtqa.registry import Rule


def test_every_phrase_entry_is_checked_by_one_group_call():
    ctx = AuditContext(AuditOptions(select=["ALL"]))
    singles = [r for r in ctx.rules if not r.batch and r.group is None]
    groups = {r.group for r in ctx.rules if not r.batch and r.group is not None}
    assert sum(1 for r in ctx.rules if r.group == "phrase") > 100
    # one plan entry per single rule, one per group: not one per generated entry class
    assert len(ctx.plan) == len(singles) + len(groups)


class _Counting(Rule):
    id = "test-counting"
    needs_any = ("/", "§")
    seen: list = []

    def check(self, article, ctx):
        self.seen.append(article.text)
        return [self.finding(0, 1, "found")]


def test_rule_with_trigger_text_runs_only_where_one_occurs():
    ctx = AuditContext(AuditOptions())
    rule = _Counting()
    ctx.rules = [rule]
    texts = ["Signed on 3/4/2022 in Kyiv.", "No trigger here.", "See § 5 of the law."]
    found = [run_rules(Article(t), ctx) for t in texts]
    assert rule.seen == [texts[0], texts[2]]
    assert [len(f) for f in found] == [1, 0, 1]


class _CountingWords(Rule):
    id = "test-counting-words"
    needs_tokens = frozenset({"Kyiv"})
    needs_words = frozenset({"mayor", "governor"})
    seen: list = []

    def check(self, article, ctx):
        self.seen.append(article.text)
        return [self.finding(0, 1, "found")]


def test_rule_with_trigger_words_runs_only_where_both_kinds_occur():
    # needs_tokens as written, needs_words in lower case; both declared, so both must hold
    ctx = AuditContext(AuditOptions())
    rule = _CountingWords()
    ctx.rules = [rule]
    texts = ["The Mayor of Kyiv spoke.", "The mayor of kyiv spoke.", "The mayor spoke.",
             "Kyiv's GOVERNOR spoke.", "Kyivan governor spoke."]
    found = [run_rules(Article(t), ctx) for t in texts]
    assert rule.seen == [texts[0], texts[3]]
    assert [len(f) for f in found] == [1, 0, 0, 1, 0]
