"""The fix loop's invariant, with small rules made for the test (not registered)."""
import re

from click.testing import CliRunner

from mtqa import fix as fix_module
from mtqa.engine import AuditContext, AuditOptions
from mtqa.fix import fix_text
from mtqa.registry import Rule


class WordRule(Rule):
    """Flags every `word` (a regex); its fix writes `into` (None: no fix)."""
    category = "style/awkward"

    def __init__(self, rule_id, word, into=None, safe=True, display_only=False):
        self.id, self.summary = rule_id, rule_id
        self.word, self.into, self.safe, self.display_only = word, into, safe, display_only

    def check(self, article, ctx):
        for m in re.finditer(self.word, article.text):
            yield self.finding(m.start(), m.end(), "m", [] if self.into is None else [self.into],
                               safe=self.safe, display_only=self.display_only)


class AnywhereRule(Rule):
    """Flags the first word when `word` appears anywhere: a finding far from its cause."""
    id = summary = "t-anywhere"
    category = "style/awkward"

    def __init__(self, word):
        self.word = word

    def check(self, article, ctx):
        if self.word in article.text:
            yield self.finding(0, 1, "m")


def _ctx(*rules):
    ctx = AuditContext(AuditOptions(glossaries=(), disabled_packs=("all",)))
    ctx.rules = list(rules)
    return ctx


def test_a_fix_whose_finding_comes_back_at_its_replacement_is_withdrawn():
    ctx = _ctx(WordRule("t-office", r"\bPresident\b", "President's Office"))
    result = fix_text("Head of the President said so.\n", "a.txt", ctx)
    # the replacement still holds "President": the loop did not write it ten times
    assert result.after == "Head of the President said so.\n"
    assert [w.rule for w in result.withdrawn] == ["t-office"] and result.converged
    # the same fix from a rule that does not flag its own replacement is kept
    ctx = _ctx(WordRule("t-office", r"\bPresident\b(?!'s Office)", "President's Office"))
    result = fix_text("Head of the President said so.\n", "a.txt", ctx)
    assert result.after == "Head of the President's Office said so.\n" and not result.withdrawn


def test_a_fix_that_makes_another_finding_appear_is_withdrawn_and_others_kept():
    ctx = _ctx(WordRule("t-foo", r"\bfoo\b", "bar"), WordRule("t-bar", r"\bbar\b"),
               WordRule("t-qux", r"\bqux\b", "quux"))
    result = fix_text("foo and qux.\n", "a.txt", ctx)
    assert result.after == "foo and quux.\n"
    assert [w.rule for w in result.withdrawn] == ["t-foo"]
    assert [a.rule for a in result.applied] == ["t-qux"]


def test_a_new_finding_far_from_its_cause_is_traced_one_fix_at_a_time():
    ctx = _ctx(WordRule("t-alpha", r"\balpha\b", "omega"), AnywhereRule("omega"),
               WordRule("t-x", r"\bxx\b", "yy"))
    result = fix_text("Some alpha here, and xx there.\n", "a.txt", ctx)
    assert result.after == "Some alpha here, and yy there.\n"
    assert [w.rule for w in result.withdrawn] == ["t-alpha"]


def test_display_only_and_unsafe_fixes():
    ctx = _ctx(WordRule("t-gloss", r"\byang\b", "which", display_only=True),
               WordRule("t-maybe", r"\bmaybe\b", "perhaps", safe=False))
    text = "maybe yang.\n"
    assert fix_text(text, "a.txt", ctx).after == text
    assert fix_text(text, "a.txt", ctx, unsafe=True).after == "perhaps yang.\n"


def test_a_text_that_does_not_settle_is_not_written_and_the_run_exits_1(tmp_path, monkeypatch):
    # two overlapping fixes need two passes; allow one
    monkeypatch.setattr(fix_module, "MAX_PASSES", 1)
    ctx = _ctx(WordRule("t-long", r"abc", "abC"), WordRule("t-one", r"a", "A"))
    result = fix_text("abcd abcd\n", "a.txt", ctx)
    assert not result.converged and result.unsettled == ["t-one"]
    path = tmp_path / "a.txt"
    path.write_text("abcd\n")
    import mtqa.engine

    real = mtqa.engine.AuditContext.__init__

    def with_test_rules(self, options=None, glossary=None):
        real(self, options, glossary)
        self.rules = ctx.rules

    monkeypatch.setattr(mtqa.engine.AuditContext, "__init__", with_test_rules)
    monkeypatch.setattr(fix_module, "MAX_PASSES", 0)
    from mtqa.cli import main

    out = CliRunner().invoke(main, ["fix", "--no-config", str(path)])
    assert out.exit_code == 1
    assert "t-long" in out.output and "did not settle" in out.output
    assert path.read_text() == "abcd\n"
