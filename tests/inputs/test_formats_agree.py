"""The same article in any container gives the same findings at the same words."""
import html
import textwrap
import json
from xml.sax.saxutils import escape

from mtqa.pipeline import audit_articles
from mtqa.formats import RecordOptions
from mtqa.pipeline import make_article
from mtqa.readers.jsonl import read_records

PARAGRAPHS = [
    "Kiev talks resume",
    "The mayor of Kiev met officials from Kharkov and Chernigov on Monday, the Azov Sea "
    "coast guard said.",
    "Residents of Hostomel and Chicken Kiev fans were not affected.",
]


def _found(articles, ctx):
    return [(" ".join(a.original[f.start:f.end].split()), f.rule, f.suggestions)
            for a, fs in zip(articles, audit_articles(articles, ctx)) for f in fs]


def test_markdown_html_xliff_and_jsonl_agree_with_plain_text(ctx):
    plain = _found([make_article("\n\n".join(PARAGRAPHS) + "\n", "a.txt")], ctx)
    assert plain  # the article has findings to compare
    md = "---\nauthor: x\n---\n# " + PARAGRAPHS[0] + "\n\n" + "\n\n".join(
        p.replace("officials", "*officials*").replace("Monday", "[Monday](https://x.org/Kiev)")
        for p in PARAGRAPHS[1:]) + "\n"
    wrapped = "\n\n".join(textwrap.fill(p, 30) for p in PARAGRAPHS[1:])  # hard-wrapped prose
    page = "<html><body><h1>" + PARAGRAPHS[0] + "</h1>" + "".join(
        f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS[1:]) + "</body></html>"
    units = "".join(f'<trans-unit id="{i}"><source>x{i}</source><target>{escape(p)}</target>'
                    f'</trans-unit>' for i, p in enumerate(PARAGRAPHS))
    xliff = f'<xliff version="1.2"><file><body>{units}</body></file></xliff>'
    feed = json.dumps({"id": 1, "body": "\n\n".join(PARAGRAPHS)}) + "\n"
    assert _found([make_article(wrapped, "w.md")], ctx) == \
        _found([make_article("\n\n".join(PARAGRAPHS[1:]), "w.txt")], ctx)
    for article in (make_article(md, "a.md"), make_article(page, "a.html"),
                    make_article(xliff, "a.xlf")):
        assert _found([article], ctx) == plain, article.path
    records, _ = read_records(feed, "f.jsonl", RecordOptions(), None)
    assert _found(records, ctx) == plain
