"""Names are matched through zero-width and other format characters and after NFC (issue 13):
"Ki\u200bev" is the name rules' "Kiev", the finding covers the original characters, and the fix
replaces all of them (Article.name_views, mtqa.normalise)."""
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions
from mtqa.fix import fix_text
from mtqa.normalise import NormalisedView, unmarked, visible
from mtqa.pipeline import audit_articles


@pytest.fixture(scope="module")
def ctx():
    return AuditContext(AuditOptions())  # the bundled glossaries and packs


def _findings(ctx, text, name="a.txt"):
    from mtqa import pipeline

    articles, _ = pipeline.read_text(text, name, ctx.options)
    return articles[0], audit_articles(articles, ctx)[0]


@pytest.mark.parametrize("word", ["Ki\u200bev", "Ki\u200dev", "Kie\u00adv", "K\u2060iev",
                                  "Kie\u0301v", "Ki\u0308ev", "Ki\u200b\u0301ev"])
def test_a_wrong_name_with_invisible_characters_is_found_and_fixed(ctx, word):
    text = f"Shelling hit {word} on Monday.\n"
    article, findings = _findings(ctx, text)
    names = [f for f in findings if f.rule == "name-incorrect"]
    assert len(names) == 1
    start, end = names[0].start, names[0].end
    assert text[start:end] == word  # the span covers the original characters, all of them
    # one problem, one finding: the invisible-character finding folds into the name's
    assert [f.rule for f in findings if f.start < end and start < f.end] == ["name-incorrect"]
    result = fix_text(text, "a.txt", ctx)
    assert result.after == "Shelling hit Kyiv on Monday.\n"
    assert fix_text(result.after, "a.txt", ctx).after == result.after


def test_russian_forms_are_read_through_a_soft_hyphen_in_every_format(ctx):
    for name, text in [("a.txt", "Adviser Mikha\u00adil Podolyak said Gosto\u200bmel fell.\n"),
                       ("a.md", "*Adviser* Mikha\u00adil Podolyak said Gosto\u200bmel fell.\n"),
                       ("a.html", "<p>Adviser Mikha\u00adil Podolyak said Gosto\u200bmel fell.</p>\n")]:
        article, findings = _findings(ctx, text, name)
        spans = {article.original[f.start:f.end] for f in findings
                 if f.rule == "name-russian-form"}
        assert spans == {"Mikha\u00adil Podolyak", "Gosto\u200bmel"}, name
        fixed = fix_text(text, name, ctx).after
        assert "Mykhailo Podolyak said Hostomel fell." in fixed, name


def test_nfc_composes_a_decomposed_letter_before_matching(tmp_path):
    # a house glossary whose wrong form has a precomposed letter: the text writes it as base
    # letter + combining grave, which only matches after NFC composition
    glossary = tmp_path / "house.yaml"
    glossary.write_text("entries:\n- name: Bogotá\n  type: place\n  incorrect: [Bogotà]\n",
                        encoding="utf-8")
    ctx = AuditContext(AuditOptions(glossaries=[str(glossary)], disabled_packs=()))
    text = "Talks in Bogota\u0300 ended.\n"
    _, findings = _findings(ctx, text)
    names = [f for f in findings if f.rule == "name-incorrect"]
    assert [text[f.start:f.end] for f in names] == ["Bogota\u0300"]
    assert fix_text(text, "a.txt", ctx).after == "Talks in Bogotá ended.\n"
    # the correct name written decomposed is not a finding of any name rule
    _, findings = _findings(ctx, "Talks in Bogota\u0301 ended.\n")
    assert not [f for f in findings if f.rule.startswith("name-")]


def test_exceptions_are_read_through_them_too(ctx):
    text = "He ordered Chicken Ki\u200bev.\n"
    _, findings = _findings(ctx, text)
    assert not [f for f in findings if f.rule == "name-incorrect"]
    flagged = [f for f in findings if f.rule == "text-invisible-char"]
    assert len(flagged) == 1 and flagged[0].severity == "minor"  # the character, not the name
    assert fix_text(text, "a.txt", ctx).after == "He ordered Chicken Kiev.\n"


def test_clean_articles_get_the_identity_view_and_no_copy():
    article = Article("Shelling hit Kyiv on Monday. Café.\n")
    (view,) = article.name_views
    assert view.identity and view.article is article and view.span(3, 9) == (3, 9)


_PIECE = st.sampled_from(["Kiev", "Kyiv", " ", "\n", ".", "e", "\u200b", "\u00ad", "\u200d",
                          "\u0301", "\u0308", "\u0327", "é", "\u212b", "a", "Mikhail", "ç",
                          "\ufeff", "\u202e", "x\u0301\u0302"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECE, max_size=40))
def test_the_view_maps_every_word_back_to_the_characters_it_came_from(pieces):
    text = "".join(pieces)
    for clean in (visible, unmarked):
        view = NormalisedView(text, clean)
        if view.identity:
            assert visible(text) == text and view.text is text
        assert unicodedata.is_normalized("NFC", view.text)
        for token in Article(view.text).tokens:
            start, end = view.span(token.start, token.end)
            assert 0 <= start <= end <= len(text)
            # exactly the word's characters: with the marks and format characters inside it or
            # right after it ("e\u0301", "Kiev\u200b"), and nothing of the words beside it
            vs, ve = view.view_span(start, end)
            assert vs == token.start and token.end <= ve
            assert view.text[vs:ve] == clean(text[start:end])
            assert not any(c.isalnum() for c in view.text[token.end:ve])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECE, max_size=40), st.data())
def test_spans_in_bulk_are_span_one_by_one(pieces, data):
    # Glossary.find maps a view's matches back in bulk (issue 13: ~200,000 per MB of names);
    # the bulk answer must be span()'s for every span, the short-list path and the long one
    text = "".join(pieces)
    for clean in (visible, unmarked):
        view = NormalisedView(text, clean)
        n = len(view.text)
        count = data.draw(st.sampled_from([3, 80]))
        pairs = [tuple(sorted(data.draw(st.tuples(st.integers(0, n + 2), st.integers(0, n + 2)))))
                 for _ in range(count)]
        starts, ends = view.spans([a for a, _ in pairs], [b for _, b in pairs])
        assert list(zip(starts, ends)) == [view.span(a, b) for a, b in pairs]
