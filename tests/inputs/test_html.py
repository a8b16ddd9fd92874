from mtqa.pipeline import audit_articles
from mtqa.pipeline import make_article

from tests.inputs.helpers import flagged_in_file

PAGE = """<!DOCTYPE html>
<html><head><title>Kiev</title><meta name="description" content="Kiev">
<style>.Kiev { color: red }</style></head>
<body><h1 class="Kiev">Kiev talks resume.</h1><p>The mayor of Kiev,
Vitali Klitschko, met AT&amp;T&rsquo;s chief in Kharkov.</p>
<script>var Kiev = "Kharkov";</script><!-- Kiev -->
<div><img alt="Kiev" src="kiev.png">In <b>Kharkov</b> today.<br>Kiev again</div>
<pre>Kiev
keeps lines</pre></body></html>
"""


def _article():
    return make_article(PAGE, "page.html")


def test_only_visible_text_is_kept():
    a = _article()
    visible = " ".join(a.text.split())
    assert visible.startswith("Kiev talks resume. The mayor of Kiev, Vitali Klitschko, met AT&")
    for gone in ("color", "var", "description", "class", "kiev.png", "<", "rsquo"):
        assert gone not in visible, gone
    assert "In Kharkov today." in visible


def test_block_tags_end_paragraphs_and_source_line_breaks_do_not():
    a = _article()
    paragraphs = [" ".join(a.text[s:e].split()) for s, e in a.paragraphs]
    assert "The mayor of Kiev, Vitali Klitschko, met AT& T’ s chief in Kharkov." in paragraphs
    assert "In Kharkov today." in paragraphs and "Kiev again" in paragraphs
    assert "Kiev" in paragraphs and "keeps lines" in paragraphs  # <pre> keeps its lines


def test_entities_keep_offsets():
    a = _article()
    i = a.original.index("&amp;")
    assert a.text[i:i + 5] == "&    "
    j = a.original.index("&rsquo;")
    assert a.text[j:j + 7] == "’      "
    assert not a.is_prose(i, i + 1)


def test_heading_is_a_headline():
    a = _article()
    assert [a.text[s:e] for s, e in a.headings] == ["Kiev talks resume."]
    assert a.in_headline(a.original.index("talks"))


def test_findings_point_at_the_flagged_text_in_the_file(ctx):
    a = _article()
    findings = [f for f in audit_articles([a], ctx)[0] if f.rule == "name-incorrect"]
    assert flagged_in_file(a, findings) == ["Kiev", "Kiev", "Kharkov", "Kharkov", "Kiev", "Kiev"]
    assert [a.position(f.start)[0] for f in findings] == [4, 4, 5, 7, 7, 8]
