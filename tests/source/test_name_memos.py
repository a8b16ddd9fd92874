"""The source-name rule's memos change no finding: one _Document per source text shared by all
its translations, the paragraph pairs whose target words were compared before
(name_differences._document, _Document.earlier_pair), and the source lemmas of one name spelled
two ways (name_consistency, per set of compared source words). Real WMT23 lines: every
system and the reference of a document audited one after another (memos shared, as a batch
does) give the findings each gives audited alone (memos cleared)."""
import pytest

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions
from mtqa.registry import all_rules
from mtqa.source import name_differences
from mtqa.source.document import SourceDoc
from mtqa.source.language import detect

from _wmt23 import WMT23, translations_of

RULE = next(r for r in all_rules() if r.id == "source-name")


def article_of(sources, targets, lang):
    article = Article("\n".join(targets) + "\n", source_lang=lang)
    text = "\n".join(sources) + "\n"
    found, why = detect(text, lang)
    article.source = SourceDoc("<source>", text, found, why)
    return article


def clear_memos():
    name_differences._DOCUMENTS.clear()


def findings(translations, sources, lang, ctx, fresh):
    """The findings of each translation, audited in order: alone (`fresh`: the per-source
    memos cleared before each) or one after another."""
    out = []
    for targets in translations:
        if fresh:
            clear_memos()
        article = article_of(sources, targets, lang)
        out.append(sorted((f.start, f.end, f.message, tuple(f.suggestions))
                          for f in RULE.check(article, ctx)))
    return out


# rt-russian.115542, segments 0, 1, 10 (test_name_consistency): NLLB_Greedy's headline writes
# Mahachev beside the article's Makhachev; the second translation repeats its last two
# paragraphs (a memo hit) with the headline fixed
MAKHACHEV_SOURCE = [
    "Махачев получил престижную награду от UFC - РТ на русском",
    "Российский боец смешанных единоборств (MMA) Ислам Махачев получил престижную награду от "
    "Абсолютного бойцовского чемпионата (UFC).",
    "На счету Махачева 23 победы и одно поражение в 24 боях в MMA."]
MAKHACHEV_MT = [
    "Mahachev received a prestigious award from UFC - RT in Russian",
    "Russian mixed martial artist Islam Makhachev won the prestigious award from the Ultimate "
    "Fighting Championship (UFC).",
    "Makhachev has 23 wins and one loss in 24 MMA bouts."]
MAKHACHEV_FIXED = ["Makhachev" + MAKHACHEV_MT[0][len("Mahachev"):]] + MAKHACHEV_MT[1:]


@pytest.mark.parametrize("order", [(MAKHACHEV_MT, MAKHACHEV_FIXED),
                                   (MAKHACHEV_FIXED, MAKHACHEV_MT)])
def test_a_paragraph_compared_before_keeps_the_articles_own_findings(order):
    ctx = AuditContext(AuditOptions(select=["source-name"]))
    shared = findings(order, MAKHACHEV_SOURCE, "ru", ctx, fresh=False)
    assert shared == findings(order, MAKHACHEV_SOURCE, "ru", ctx, fresh=True)
    flagged = {translations is MAKHACHEV_MT: bool(found)
               for translations, found in zip(order, shared)}
    assert flagged == {True: True, False: False}


@pytest.mark.skipif(not WMT23.is_dir(), reason="shared WMT23 dev data absent")
@pytest.mark.parametrize("lang, document", [("uk", "6"), ("uk", "voa-voanews-uk.16113"),
                                            ("ru", "em1-6"), ("ru", "ogirk.ru.8559"),
                                            ("ru", "rfi-russian.5562")])
def test_every_translation_of_a_wmt23_document_as_if_audited_alone(lang, document):
    sources, translations = translations_of(lang, document)
    ctx = AuditContext(AuditOptions(select=["source-name"]))
    clear_memos()
    shared = findings(translations, sources, lang, ctx, fresh=False)
    # alone, and in the other order (a memo filled by later translations first)
    alone = findings(translations[::-1], sources, lang, ctx, fresh=True)[::-1]
    reversed_batch = findings(translations[::-1], sources, lang, ctx, fresh=False)[::-1]
    assert sum(map(len, shared)) >= 10  # documents with findings of several classes
    assert shared == alone == reversed_batch
