from hypothesis import given, settings
from hypothesis import strategies as st

from mtqa.article import Article

TEXT = ("Russian Foreign Minister Sergey Lavrov said Mr. Smith was in Kyiv. He left at 5 p.m. "
        "on Friday.\nFighting continues for eighth day\n“It is over,” he said. The U.S. agreed.")


def test_positions_are_one_based_code_points():
    a = Article("ab\n“é” x")
    assert a.position(0) == (1, 1)
    assert a.position(3) == (2, 1)
    assert a.position(7) == (2, 5)  # the “ counts as one column
    assert a.line_text(2) == "“é” x"


def test_sentences_do_not_split_at_abbreviations():
    a = Article(TEXT)
    sentences = [TEXT[s:e] for s, e in a.sentences]
    assert sentences[0] == ("Russian Foreign Minister Sergey Lavrov said Mr. Smith was in Kyiv.")
    assert sentences[1] == "He left at 5 p.m. on Friday."
    assert "Fighting continues for eighth day" in sentences
    assert sentences[-1] == "The U.S. agreed."


def test_headlines_are_short_lines_without_sentence_end():
    a = Article(TEXT)
    heads = [TEXT[s:e] for s, e in a.headlines]
    assert heads == ["Fighting continues for eighth day"]
    assert a.in_headline(TEXT.index("eighth"))
    assert not a.in_headline(TEXT.index("Lavrov"))


def test_markdown_heading_is_headline_even_when_long():
    text = "# " + " ".join(["Word"] * 30) + ".\nBody text here."
    a = Article(text)
    assert a.in_headline(3)


def test_tokens_split_possessive_and_hyphen_but_keep_inner_apostrophe():
    a = Article("Kiev's O'Brien met Russia-Ukraine envoys.")
    assert [t.text for t in a.tokens] == ["Kiev", "s", "O'Brien", "met", "Russia", "Ukraine",
                                          "envoys"]
    assert a.tokens[0].sentence_initial and not a.tokens[2].sentence_initial


def test_quotations_pair_within_paragraph():
    a = Article(TEXT)
    q = [TEXT[s:e] for s, e in a.quotations]
    assert q == ["“It is over,”"]
    assert a.in_quotation(TEXT.index("over"))
    assert not a.in_quotation(TEXT.index("Lavrov"))


def test_prose_view_keeps_offsets():
    original = "<b>Kiev</b> is big."
    view = "   Kiev     is big."
    a = Article(original, text=view)
    assert a.original == original and a.text == view
    assert [t.text for t in a.tokens][:1] == ["Kiev"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_gives_consistent_offsets(text):
    a = Article(text)
    n = len(text)
    for s, e in a.paragraphs + a.sentences + a.quotations + a.headlines:
        assert 0 <= s <= e <= n
    prev_end = 0
    for s, e in a.sentences:
        assert s >= prev_end
        prev_end = e
    for t in a.tokens:
        assert text[t.start:t.end] == t.text
        s, e = a.sentences[t.sentence]
        assert s <= t.start and t.end <= e
    for offset in range(0, n + 1, max(1, n // 20)):
        line, col = a.position(offset)
        assert line >= 1 and col >= 1
        assert sum(len(x) + 1 for x in text.split("\n")[:line - 1]) + col - 1 == offset
    assert a.words >= 0
