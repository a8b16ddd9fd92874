from mtqa.pipeline import audit_articles
from mtqa.pipeline import make_article

from tests.inputs.helpers import flagged_in_file

DOC = """---
title: Kiev news
tags: [Kharkov]
---
# Kiev *talks* resume #

The mayor of **Kiev**, [Vitali Klitschko](https://example.com/Kiev "Kiev"), said
on Monday that `Kiev` in code and <span title="Kiev">Kharkov</span> are fine.
See https://kiev.example.com/Kharkov and write to press@kiev.example.com.

    Kiev in an indented code block

```text
Kiev in a fenced block
```

- an item about [Kiev][ref] and ![Kiev photo](kiev.jpg)
> a quote from Kharkov

<!-- Kiev in a comment -->

| City | Note |
|------|------|
| Kiev | old  |

[ref]: https://example.com/Kiev
"""


def _article():
    return make_article(DOC, "story.md")


def test_view_keeps_length_and_line_breaks_of_the_file():
    a = _article()
    assert len(a.text) == len(a.original)
    assert a.line_starts == [0] + [i + 1 for i, c in enumerate(DOC) if c == "\n"]


def test_markup_is_blanked_and_prose_kept():
    a = _article()
    visible = " ".join(a.text.split())
    for gone in ("title:", "Kiev in an indented", "Kiev in a fenced", "Kiev in a comment",
                 "https://", "press@", "`", "**", "Kiev photo", "[ref]", "span", "|"):
        assert gone not in visible, gone
    for kept in ("Kiev talks resume", "The mayor of Kiev , Vitali Klitschko , said on Monday",
                 "in code and Kharkov are fine", "an item about Kiev and",
                 "a quote from Kharkov", "City Note", "Kiev old"):
        assert kept in visible, kept


def test_findings_point_at_the_flagged_text_in_the_file(ctx):
    a = _article()
    findings = [f for f in audit_articles([a], ctx)[0] if f.rule == "name-incorrect"]
    texts = flagged_in_file(a, findings)
    assert texts == ["Kiev", "Kiev", "Kharkov", "Kiev", "Kharkov", "Kiev"]
    lines = [a.position(f.start)[0] for f in findings]
    assert lines == [5, 7, 8, 17, 18, 24]


def test_atx_and_setext_headings_are_headlines():
    a = make_article("## Talks in Kyiv resumed on Monday.\n\nSome text.\n\nThe long "
                     "heading ends with a stop.\n===\n", "x.md")
    heads = [a.text[s:e] for s, e in a.headlines]
    assert "Talks in Kyiv resumed on Monday." in heads
    assert "The long heading ends with a stop." in heads
    assert "Some text." not in heads


def test_wrapped_paragraph_is_one_paragraph_but_lines_count_in_the_file():
    a = make_article("A sentence that is wrapped\nover two lines of Kiev text.\n", "x.md")
    assert len(a.paragraphs) == 1
    assert not a.headlines  # the first line alone would read as a headline
    assert a.position(a.original.index("Kiev")) == (2, 19)


def test_escapes_and_literal_brackets_stay_prose():
    a = make_article("Prices rose 5 * 3 times [sic] and \\*not emphasis\\* here.\n", "x.md")
    assert "5 * 3 times [sic] and" in a.text
    assert " *not emphasis * here." in a.text


def test_fix_never_edits_code_or_link_targets(ctx):
    from mtqa.fix import fix_text

    doc = "Kiev `Kiev` [Kiev](https://x.org/Kiev) **Kiev**\n"
    result = fix_text(doc, "x.md", ctx)
    assert result.after == "Kyiv `Kiev` [Kyiv](https://x.org/Kiev) **Kyiv**\n"
