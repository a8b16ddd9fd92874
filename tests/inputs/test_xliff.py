import pytest

from mtqa.pipeline import audit_articles
from mtqa.pipeline import make_article

from tests.inputs.helpers import flagged_in_file

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "http://www.oasis-open.org/committees/xliff/documents/xliff.dtd">
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="id-ID" target-language="en-US" datatype="plaintext" original="a.txt">
    <body>
      <trans-unit id="1"><source>Wali kota Kiev</source><target>The mayor of Kiev</target></trans-unit>
      <trans-unit id="2">
        <source>Di <g id="1">Kharkov</g> &amp; Kiev</source>
        <target state="translated">In <g id="1">Kharkov</g> &amp; Kiev<ph id="2">&lt;b&gt;Kiev&lt;/b&gt;</ph></target>
        <alt-trans><target>Kiev alternative</target></alt-trans>
        <note>Kiev note</note>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="uk" trgLang="en">
 <file id="f1"><unit id="u1">
  <originalData><data id="d1">Kiev code</data></originalData>
  <segment><source>Київ</source><target>Kiev, <pc id="p1" dataRefStart="d1">Kharkov</pc><ph id="x" dataRef="d1"/> and Kyiv</target></segment>
  <ignorable><source> </source></ignorable>
 </unit></file>
</xliff>
"""


def test_xliff12_targets_only_with_positions_in_the_file(ctx):
    a = make_article(XLIFF12, "job.xlf")
    assert a.source_lang == "id"
    assert [s.id for s in a.segments] == ["1", "2"]
    assert a.segments[1].source == "Di Kharkov & Kiev"
    paragraphs = [" ".join(a.text[s:e].split()) for s, e in a.paragraphs]
    assert paragraphs == ["The mayor of Kiev", "In Kharkov & Kiev"]
    findings = [f for f in audit_articles([a], ctx)[0] if f.rule == "name-incorrect"]
    assert flagged_in_file(a, findings) == ["Kiev", "Kharkov", "Kiev"]
    assert [a.position(f.start)[0] for f in findings] == [6, 9, 9]


def test_xliff20_segments_and_inline_codes(ctx):
    a = make_article(XLIFF20, "job.xliff")
    assert a.source_lang == "uk" and a.segments[0].source == "Київ"
    assert " ".join(a.text.split()) == "Kiev, Kharkov and Kyiv"
    findings = [f for f in audit_articles([a], ctx)[0] if f.rule == "name-incorrect"]
    assert flagged_in_file(a, findings) == ["Kiev", "Kharkov"]


def test_cli_source_lang_wins_over_the_file():
    assert make_article(XLIFF20, "job.xliff", source_lang="ru").source_lang == "ru"


@pytest.mark.parametrize("doc, message", [
    ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff version="1.2">&a;</xliff>',
     "declares an entity"),
    ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
     '<xliff version="1.2">&e;</xliff>', "declares an entity"),
    ("<xliff version='1.2'><file><body><trans-unit id='1'><source>a</source>", "not well-formed"),
    ("<tmx version='1.4'/>", "not an XLIFF file"),
    ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
     'trgLang="de"><file id="f"><unit id="u"><segment><source>a</source><target>b</target>'
     '</segment></unit></file></xliff>', "target language is 'de'"),
    ("<xliff version='1.2'><file><body></body></file></xliff>", "no translated segments"),
])
def test_bad_and_unsafe_files_are_refused_with_a_reason(doc, message):
    with pytest.raises(ValueError, match=message):
        make_article(doc, "bad.xlf")


def test_check_collects_every_format_in_folders(tmp_path):
    from mtqa.inputs import collect

    for name in ("a.md", "b.markdown", "c.html", "d.htm", "e.txt", "f.xlf", "g.xliff",
                 "h.jsonl", "i.docx", "j.py"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, errors = collect([str(tmp_path)])
    assert [f.rsplit("/", 1)[1] for f in files] == ["a.md", "b.markdown", "c.html", "d.htm",
                                                    "e.txt", "f.xlf", "g.xliff", "h.jsonl"]
    assert not errors
