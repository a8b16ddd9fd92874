"""Whatever the markup, a prose view has the file's length, keeps every newline of the file,
and shows verbatim text only where the file has exactly that text."""
from hypothesis import given, settings, strategies as st

from mtqa.pipeline import make_article

_MD = st.sampled_from(["Kiev", "said", " ", "\n", "\n\n", "# ", "## ", "- ", "1. ", "> ", "*",
                       "**", "_", "`", "```", "    ", "[", "]", "(", ")", "![", "<b>", "</b>",
                       "<!--", "-->", "&amp;", "&#8217;", "\\", "https://x.org/a", "|", "---",
                       "+++", "===", "[r]: /u", "~~", "<", ">", "é", "\t"])
_HTML = st.sampled_from(["Kiev", "said", " ", "\n", "<p>", "</p>", "<div class='a'>", "</div>",
                         "<br>", "<script>", "</script>", "<!--", "-->", "&amp;", "&nbsp;",
                         "&#x201d;", "&bogus;", "<h2>", "</h2>", "<pre>", "</pre>", "<", ">",
                         "\"", "<img alt='Kiev'>", "&", "é"])


def _check(text, name):
    a = make_article(text, name)
    assert len(a.text) == len(a.original)
    for i, ch in enumerate(a.original):
        if ch == "\n":
            assert a.text[i] in "\n ", (i, a.text[i])  # kept, or joined inside a paragraph
    for s, e in a.prose_runs:
        assert a.text[s:e] == a.original[s:e]
    for s, e in a.headings:
        assert 0 <= s < e <= len(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(_MD, max_size=40))
def test_markdown_view_invariants(pieces):
    _check("".join(pieces) + "x", "a.md")


@settings(max_examples=150, deadline=None)
@given(st.lists(_HTML, max_size=40))
def test_html_view_invariants(pieces):
    _check("".join(pieces) + "x", "a.html")
