"""What a report says was checked and not checked (mtqa.coverage) follows the rules that ran
and the context: source language, source text available or not."""
from mtqa.api import audit_articles
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions
from mtqa.pipeline import make_article

TEXT = "Kyiv is the capital of Ukraine. The minister spoke on Monday.\n"
XLIFF = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="uk" '
         'trgLang="en"><file id="f1"><unit id="u1"><segment>'
         '<source>Київ, 5 травня</source>'
         '<target>Kyiv, 5 May</target></segment></unit></file></xliff>\n')


def coverage(article, **options):
    ctx = AuditContext(AuditOptions(**options))
    [result] = audit_articles([article], ctx=ctx)
    return result.coverage


def test_plain_text_without_source_says_what_it_could_not_check():
    cov = coverage(Article(TEXT))
    assert any(c.startswith("names against the glossary (") for c in cov.checked)
    assert "punctuation" in cov.checked and "untranslated text" in cov.checked
    assert any(c.startswith("meaning") for c in cov.not_checked)
    assert "numbers against the source (no source text given)" in cov.not_checked
    assert "omissions and additions (no source text given)" in cov.not_checked
    phrasing = [c for c in cov.checked if c.startswith("calques")][0]
    assert "source language not given" in phrasing


def test_source_language_names_its_phrase_pack():
    cov = coverage(Article(TEXT, source_lang="uk"), source_lang="uk")
    phrasing = [c for c in cov.checked if c.startswith("calques")][0]
    assert "uk" in phrasing.split("packs: ")[1] and "source language uk" in phrasing
    assert "ru" not in phrasing.split("packs: ")[1].split(";")[0].split(", ")


def test_bilingual_file_checks_numbers_against_its_source():
    cov = coverage(make_article(XLIFF, "job.xlf"))
    assert "numbers against the source" in cov.checked
    assert "omissions and additions" in cov.not_checked


def test_unselected_families_are_listed_as_not_checked():
    cov = coverage(Article(TEXT), select=["punct"])
    assert cov.checked == ["punctuation"]
    assert "names against the glossary (rules not selected)" in cov.not_checked
