"""Fixture tests of the punct-* rules."""
from tests.conftest import flagged


# ---- punct-doubled ---------------------------------------------------------------------------

def test_doubled_flags_stacked_marks_with_safe_fixes_where_certain(audit):
    text = ('"How can a partner sleep under the bombardment ..?" he wrote. Rhodes,, Samos '
            "and Kos. These are our names.. Later. It was Kyiv., he said. Really?. Gun "
            "bursts?..")
    found = audit(text, "punct-doubled")
    assert flagged(found, text) == [" ..?", ",,", "..", ".,", "?.", "?.."]
    by_text = {text[f.start:f.end]: f for f in found}
    assert by_text[" ..?"].suggestions == ["?"] and by_text[" ..?"].safe
    assert by_text[",,"].suggestions == [","] and by_text[",,"].safe
    assert not by_text[".."].safe and by_text[".."].suggestions == [".", "…"]
    assert by_text["?.."].suggestions[0] == "?"


def test_doubled_leaves_ellipses_abbreviations_and_urls_alone(audit):
    text = ("Wait... and then…, well.... Hm?! It opens at 9 a.m., in the U.S., etc., says "
            "Kotlyarova E.Yu., see ../docs or https://example.com/a..b and C::D.")
    assert audit(text, "punct-doubled") == []


# ---- punct-space-before ----------------------------------------------------------------------

def test_space_before_flags_tokenised_punctuation(audit):
    text = "Kyiv , Ukraine. It was the best payment for me . Really ? A car ( Jeep) arrived."
    found = audit(text, "punct-space-before")
    assert flagged(found, text) == [" ,", " .", " ?", "( "]
    assert [f.suggestions[0] for f in found] == [",", ".", "?", "("]
    assert all(f.safe for f in found)


def test_space_before_leaves_emoticons_ellipses_and_decimals_alone(audit):
    text = "Great place :) and so on ... or … at .5 per cent on example .com today."
    assert audit(text, "punct-space-before") == []


# ---- punct-missing-space ---------------------------------------------------------------------

def test_missing_space_flags_glued_sentences_and_commas(audit):
    text = "They met on Thursday.Second round talks began. It is super here,but hard."
    found = audit(text, "punct-missing-space")
    assert flagged(found, text) == [".", ","]
    assert [f.suggestions[0] for f in found] == [". ", ", "]
    assert "Thursday.Second" in found[0].message


def test_missing_space_leaves_brands_domains_and_abbreviations_alone(audit):
    text = ("The Diia.Business centre, Gazeta.Ru and Neva.Today reported it; see "
            "example.com and mvs.gov.ua, in the U.S.A. and e.g.The, 3.5 and a,b.")
    assert audit(text, "punct-missing-space") == []


# ---- punct-repeated-word ---------------------------------------------------------------------

def test_repeated_word_flags_stutters(audit):
    text = "It was done by the the Academy through the organization organization."
    found = audit(text, "punct-repeated-word")
    assert flagged(found, text) == ["the the", "organization organization"]
    assert found[0].safe and found[0].suggestions == ["the"]
    assert not found[1].safe


def test_repeated_word_leaves_grammatical_and_emphatic_doublings_alone(audit):
    text = ("What he had had was gone. He said that that was fine. It was very very "
            "expensive. They flew to Bora Bora. La la la. The 2-room room is big. Yes, yes, "
            "the end, the end.")
    assert audit(text, "punct-repeated-word") == []


# ---- punct-repeated-sentence -----------------------------------------------------------------

def test_repeated_sentence_flags_the_later_copy_when_selected(audit):
    text = ("Overnight, 19 drunk drivers were detained on the roads.\n"
            "Police said the checks would go on.\n"
            "Overnight, 19 drunk drivers were detained on the roads!")
    found = audit(text, "punct-repeated-sentence")
    assert flagged(found, text) == ["Overnight, 19 drunk drivers were detained on the roads!"]
    assert "line 1" in found[0].message
    assert all(f.rule != "punct-repeated-sentence" for f in audit(text))  # off by default


def test_repeated_sentence_ignores_short_lines_and_headlines(audit):
    text = ("Drunk drivers detained on Tyumen roads overnight\n"
            "Drunk drivers detained on Tyumen roads overnight.\n"
            "Thank you very much. Thank you very much.")
    assert audit(text, "punct-repeated-sentence") == []


# ---- punct-stray-bracket and punct-unbalanced ------------------------------------------------

def test_stray_bracket_flags_closing_brackets_that_close_nothing(audit):
    text = "The coach praises her) that's the main thing.\nRecommended for moms and dads)"
    found = audit(text, "punct-stray-bracket")
    assert flagged(found, text) == [")", ")"]


def test_stray_bracket_leaves_lists_emoticons_and_pairs_alone(audit):
    text = ("1) first, a) second, iv) third. Great place :) and fun ;-) thanks))\n"
            "(A bracket opened here\ncloses in the next paragraph.)")
    assert audit(text, "punct-stray-bracket") == []


def test_unbalanced_flags_unclosed_marks_when_selected(audit):
    text = "He said “we will stay. Nothing else.\nThe photo (Wikimedia Commons was shown."
    found = audit(text, "punct-unbalanced")
    assert flagged(found, text) == ["“", "("]
    assert all(f.rule != "punct-unbalanced" for f in audit(text))  # off by default


def test_unbalanced_respects_multi_paragraph_quotations_and_inches(audit):
    text = ("“We will hold on,” he said. “The city is ours.\n"
            "“And it will stay ours,” he added.\n"
            'She bought a 27" monitor and said "fine".')
    assert audit(text, "punct-unbalanced") == []


# ---- punct-quote-style -----------------------------------------------------------------------

def test_quote_style_flags_single_quotes_and_minority_styles(audit):
    text = ("After talks, Russia said 'substantial progress' had been made.\n"
            '"Sanctions have had a profound impact," said Biden.\n'
            '"We will see," he added, calling it a «red line».')
    found = audit(text, "punct-quote-style")
    assert flagged(found, text) == ["'substantial progress'", "«red line»"]
    assert found[0].suggestions == ['"substantial progress"', "“substantial progress”"]
    assert found[1].suggestions == ['"red line"']


def test_quote_style_leaves_consistent_articles_and_apostrophes_alone(audit):
    british = "The minister said 'we will stay' and called it 'a red line'.\n"
    nested = "“He told me ‘never again’,” she said. Kyiv's students' union, rock 'n' roll.\n"
    assert audit(british, "punct-quote-style") == []
    assert audit(nested, "punct-quote-style") == []


# ---- markup ----------------------------------------------------------------------------------

def test_punct_rules_ignore_spaces_left_by_blanked_markup(test_glossary):
    from mtqa.engine import AuditContext, AuditOptions, audit_article
    from mtqa.pipeline import make_article

    md = "Talks resumed on [Monday](https://x.org/a), then stopped.\n\nIt was fine , really.\n"
    article = make_article(md, "a.md")
    ctx = AuditContext(AuditOptions(select=("punct",)), glossary=test_glossary)
    found = audit_article(article, ctx)
    assert [article.original[f.start:f.end] for f in found] == [" ,"]
