"""The one-pass tokeniser must give exactly the tokens of the per-sentence definition."""
from hypothesis import given, settings
from hypothesis import strategies as st

from mtqa.article import Article, Token

PIECES = ["Kyiv", "Kiev's", "don't", "O’Brien", "s", "S", "12", "3.5", "U.S.", "Mr.", "J.",
          "said", "“Yes”", "«так»", "(x)", "[y]", "—", "-", "_", "'", "’", ".", "!", "?", "…",
          " ", "  ", "\n", "\n\n", "\t", "#", "Zelenskyy", "É", "日本", "x_y"]


def reference_tokens(article):
    # the original definition: tokens found sentence by sentence
    from mtqa.article import TOKEN_RE

    out = []
    for i, (s, e) in enumerate(article.sentences):
        first = True
        for m in TOKEN_RE.finditer(article.text, s, e):
            out.append(Token(m.group(), m.start(), m.end(), i, first))
            first = False
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_tokens_match_the_per_sentence_definition(pieces):
    article = Article("".join(pieces))
    assert article.tokens == reference_tokens(article)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_tokens_match_on_arbitrary_text(text):
    article = Article(text)
    assert article.tokens == reference_tokens(article)


def test_token_fields_and_sentence_starts():
    article = Article("Mr. Smith went to Kyiv. He said: “Don’t go!” Then left.\nNew line")
    toks = article.tokens
    assert [t.text for t in toks][:5] == ["Mr", "Smith", "went", "to", "Kyiv"]
    assert [t.text for t in toks if t.sentence_initial] == ["Mr", "He", "Then", "New"]
    assert article.token_texts == [t.text for t in toks]
    assert all(article.text[t.start:t.end] == t.text for t in toks)
    assert toks[1].is_capitalised and not toks[2].is_capitalised


def test_release_drops_structure_but_keeps_positions_and_words():
    article = Article("One two three.\nFour five.")
    words, tokens = article.words, article.tokens
    article.memo("x", lambda: 1)
    article.release()
    assert "tokens" not in article.__dict__ and "_memo" not in article.__dict__
    assert article.words == words and article.position(15) == (2, 1)
    assert article.tokens == tokens  # recomputed on demand


def test_release_drops_every_computed_index_but_positions_and_words():
    # release() and pickling drop what _COMPUTED names: a new cached index must be listed
    # there (or kept on purpose here), else it outlives the audit and crosses processes
    import pickle
    from functools import cached_property

    article = Article("Kyiv is big. NATO met in 2022.\n\nMcDonald spoke.")
    computed = [name for name, value in vars(Article).items()
                if isinstance(value, cached_property)]
    for name in computed:
        getattr(article, name)
    kept = {"words", "line_starts"}
    assert set(computed) & set(pickle.loads(pickle.dumps(article)).__dict__) == {"words"}
    article.release()
    assert set(computed) & set(article.__dict__) == kept


def test_pickled_article_carries_text_not_structure():
    import pickle

    article = Article("Kyiv is big.", path="a.txt", source_lang="uk")
    article.tokens, article.words  # noqa: B018
    copy = pickle.loads(pickle.dumps(article))
    assert "tokens" not in copy.__dict__
    assert (copy.text, copy.path, copy.source_lang, copy.words) == ("Kyiv is big.", "a.txt",
                                                                    "uk", 3)
    assert copy.tokens == article.tokens


def test_memo_computes_once():
    article = Article("x")
    calls = []
    assert article.memo("k", lambda: calls.append(1) or 42) == 42
    assert article.memo("k", lambda: calls.append(1) or 43) == 42
    assert calls == [1]


def reference_paragraphs(text):
    import re

    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\n\t\r\x0b\x0c\x1c\x85\u2028\u3000é")),
               max_size=80))
def test_paragraphs_match_the_line_trimming_definition(text):
    assert Article(text).paragraphs == reference_paragraphs(text)
