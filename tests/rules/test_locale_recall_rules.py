"""Tests of the source-typography and number-convention rules of issue 9 (locale part):
locale-thousand-word, locale-score-colon, punct-quoted-name, punct-dialogue-dash,
punct-quote-space, punct-number-space, punct-fullwidth. Their `examples` run here too
(until the shared examples meta-test covers every rule), each fix applied in a loop until the
text is stable."""
import json
from pathlib import Path

import pytest

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_article
from mtqa.fix import fix_text
from mtqa.registry import get_rule

RULES = ["locale-thousand-word", "locale-score-colon", "punct-quoted-name",
         "punct-dialogue-dash", "punct-quote-space", "punct-number-space", "punct-fullwidth"]


def findings(text, select):
    ctx = AuditContext(AuditOptions(select=list(select)))
    return audit_article(Article(text), ctx)


def fix_until_stable(text, select, passes=10):
    """Apply the first suggestion of every finding (non-overlapping, right to left) until no
    finding with a suggestion is left."""
    for _ in range(passes):
        found = [f for f in findings(text, select) if f.suggestions]
        if not found:
            return text
        taken, edits = [], []
        for f in sorted(found, key=lambda f: (f.start, f.end)):
            if any(s < f.end and f.start < e for s, e in taken):
                continue
            taken.append((f.start, f.end))
            edits.append(f)
        for f in sorted(edits, key=lambda f: f.start, reverse=True):
            text = text[:f.start] + f.suggestions[0] + text[f.end:]
    raise AssertionError(f"fixes did not converge: {text!r}")


def _cases(kind):
    for rule_id in RULES:
        for example in get_rule(rule_id).examples[kind]:
            yield pytest.param(rule_id, example, id=f"{rule_id}-{kind}-{str(example)[:30]}")


@pytest.mark.parametrize("rule_id,example", list(_cases("flag")))
def test_flag_examples_are_flagged_and_fixed(rule_id, example):
    text = example if isinstance(example, str) else example["text"]
    assert [f for f in findings(text, [rule_id]) if f.rule == rule_id], text
    if isinstance(example, dict) and "fixed" in example:
        fixed = fix_until_stable(text, [rule_id])
        assert fixed == example["fixed"]
        assert findings(fixed, [rule_id]) == []  # a fix removes its own finding


@pytest.mark.parametrize("rule_id,example", list(_cases("leave")))
def test_leave_examples_are_not_flagged(rule_id, example):
    text = example if isinstance(example, str) else example["text"]
    assert findings(text, [rule_id]) == []


def spans(text, select):
    return [(f.rule, text[f.start:f.end], f.suggestions[0] if f.suggestions else None, f.safe)
            for f in findings(text, select)]


# ---- locale-thousand-word ---------------------------------------------------------------------

def test_thousand_word_writes_the_numeral_for_figures_and_decimals():
    text = ("The toll exceeded 20.6 thousand; 166 thousand rescuers and 1.25 thousand dogs "
            "worked, and 500 thousand fled.")
    assert [(s, fix) for _, s, fix, _ in spans(text, ["locale-thousand-word"])] == [
        ("20.6 thousand", "20,600"), ("166 thousand", "166,000"),
        ("1.25 thousand", "1,250"), ("500 thousand", "500,000")]


def test_thousand_word_leaves_a_decimal_comma_to_its_rule_then_flags_the_fixed_text():
    text = "The toll exceeded 20,6 thousand people."
    assert spans(text, ["locale-thousand-word"]) == []
    assert fix_until_stable(text, ["locale-decimal-comma", "locale-thousand-word"]) == \
        "The toll exceeded 20,600 people."


def test_thousand_word_leaves_an_ambiguous_dot_group_alone():
    assert spans("It cost 1.500 thousand rubles.", ["locale-thousand-word"]) == []


def test_thousand_word_range_is_not_safe_and_converts_both_ends():
    found = spans("from 600 thousand to 800 thousand people; 10-15 thousand troops",
                  ["locale-thousand-word"])
    assert [(s, fix, safe) for _, s, fix, safe in found] == [
        ("600 thousand", "600,000", True), ("800 thousand", "800,000", True),
        ("10-15 thousand", "10,000-15,000", False)]


# ---- punct-quoted-name ------------------------------------------------------------------------

def test_quoted_name_flags_heads_and_later_bare_occurrences_only_of_that_name():
    text = ('The hockey club "Severstal" won at home. "Severstal" beat "Amur", and '
            'the coach called it "Great".')
    found = spans(text, ["punct-quoted-name"])
    assert [s for _, s, _, _ in found] == ['"Severstal"', '"Severstal"', '"Amur"']
    assert all(not safe for *_, safe in found)


def test_quoted_name_leaves_titles_of_works_and_lower_case_quotations():
    text = ('The channel showed the film "Oppenheimer". The company "will not pay," he said. '
            'The newspaper "reported nothing".')
    assert spans(text, ["punct-quoted-name"]) == []


def test_quoted_name_needs_the_head_on_the_same_line():
    text = "The art of cinema\n\"Unmanaged\"\nChildren draw."
    assert spans(text, ["punct-quoted-name"]) == []


# ---- punct-dialogue-dash ----------------------------------------------------------------------

def test_dialogue_dash_flags_lines_in_an_article_that_quotes_with_dashes():
    text = ("The governor spoke on Friday.\n- Very often the issue is raised.\n"
            "We must pay attention to it, - Konstantin Zaitsev stressed.")
    found = spans(text, ["punct-dialogue-dash"])
    assert [(s, fix) for _, s, fix, _ in found] == [("- ", None), (" - ", " ")]
    assert not any(safe for *_, safe in found)


def test_dialogue_dash_leaves_a_list_of_sentences_without_speech():
    text = ("In this issue\nShow more\n- What attracts Americans to the \"Kommunalka\".\n"
            "Who lives there.\n- An emigrant runs for the city council.")
    assert spans(text, ["punct-dialogue-dash"]) == []


# ---- punct-quote-space ------------------------------------------------------------------------

def test_quote_space_curly_marks_are_certain_and_safe():
    text = "“ The pandemic will end, ” Tedros said. He called it “ patriotic tourism”."
    found = spans(text, ["punct-quote-space"])
    assert len(found) == 3 and all(safe for *_, safe in found)
    assert fix_until_stable(text, ["punct-quote-space"]) == \
        "“The pandemic will end,” Tedros said. He called it “patriotic tourism”."


def test_quote_space_leaves_nested_quotes_and_odd_straight_quotes():
    text = ("“I hear 'I'm just dropping him off in Glasgow,' ” the guy said.\n"
            "He said \"we\" and then \"nothing ")
    assert spans(text, ["punct-quote-space"]) == []


def test_quote_space_does_not_misread_an_opening_mark_as_closing():
    text = 'The vases rattled timidly. "You should spend a week here," she said. "Go."'
    # three straight marks before the last pair: the pairing is off by one
    text = 'Phew!" She laughed. ' + text
    assert spans(text, ["punct-quote-space"]) == []


# ---- punct-number-space and locale-score-colon ------------------------------------------------

def test_number_space_and_score_colon_on_one_mt_paragraph():
    text = ("Poland buys arms for $ 10 billion; 49, 000 people fled the so - called zone. "
            "Severstal beat Amur 4:3 at 19:30 on Sunday.")
    assert [(r, s) for r, s, _, _ in spans(text, ["punct-number-space", "locale-score-colon"])] \
        == [("punct-number-space", " "), ("punct-number-space", " "),
            ("punct-number-space", " - "), ("locale-score-colon", "4:3")]
    assert fix_until_stable(text, ["punct-number-space", "locale-score-colon"]) == (
        "Poland buys arms for $10 billion; 49,000 people fled the so-called zone. "
        "Severstal beat Amur 4-3 at 19:30 on Sunday.")


# ---- punct-fullwidth -----------------------------------------------------------------------

def test_fullwidth_marks_in_english_are_fixed_and_chinese_text_is_left_alone():
    text = "Xi said，“we will win。” 他说，我们会赢。 Growth was 5％（estimate）."
    found = spans(text, ["punct-fullwidth"])
    assert [s for _, s, _, _ in found] == ["，", "。", "％", "（", "）"]
    assert all(safe for *_, safe in found)
    assert fix_until_stable(text, ["punct-fullwidth"]) == \
        "Xi said, “we will win.” 他说，我们会赢。 Growth was 5% (estimate)."


def test_rules_are_registered_with_docs_and_on_by_default():
    for rule_id in RULES:
        rule = get_rule(rule_id)
        assert rule.default_enabled
        assert "Not flagged" in rule.docs


# ---- the fixes on real MT text ------------------------------------------------------------------

EDITOR_DOCUMENTS = (Path(__file__).resolve().parents[2] / "bench" / "editor_marks"
                    / "documents.jsonl")


@pytest.mark.skipif(not EDITOR_DOCUMENTS.exists(), reason="editor-marked documents not present")
@pytest.mark.parametrize("unsafe", [False, True])
def test_fix_loop_on_real_mt_converges_and_removes_its_own_findings(unsafe):
    """`mtqa fix` (safe fixes, then every first suggestion) over the 25 real MT documents of
    bench/editor_marks: it converges, and no fixable finding of these rules is left."""
    ctx = AuditContext(AuditOptions(select=RULES))
    fixed_any = 0
    for line in EDITOR_DOCUMENTS.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        result = fix_text(doc["text"], "doc.txt", ctx, unsafe=unsafe)
        assert not result.errors and result.converged, doc["id"]
        fixed_any += len(result.applied)
        left = [f for f in findings(result.after, RULES)
                if f.safe or (unsafe and f.applicability == "unsafe")]
        assert left == [], (doc["id"], [(f.rule, result.after[f.start:f.end]) for f in left])
    assert fixed_any > 0
