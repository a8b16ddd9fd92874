"""Shared by the source-name tests on real WMT23 lines: the rule's findings on one
source/target pair, the source attached as the pipeline attaches it (paragraphs by line)."""
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions
from mtqa.registry import all_rules
from mtqa.source.document import SourceDoc
from mtqa.source.language import detect

RULE = next(r for r in all_rules() if r.id == "source-name")


def source_name_findings(source: str, target: str, lang: str):
    """source-name's findings on `target` translated from `source` (each one line or more)."""
    article = Article(target + "\n", source_lang=lang)
    found, why = detect(source + "\n", lang)
    article.source = SourceDoc("<source>", source + "\n", found, why)
    return list(RULE.check(article, AuditContext(AuditOptions(select=["source-name"]))))
