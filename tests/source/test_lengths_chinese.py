"""Chinese source lengths: words counted as Han characters in pairs, sentences split at 。！？,
and a calibrated length model, so source-omission judges Chinese paragraphs too."""
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_article
from mtqa.source.align import calibration
from mtqa.source.document import SourceDoc
from mtqa.source.lengths import sentence_count, word_count

SOURCE = "有一种兰花看起来就像是有下颚一般。 在某种程度上说，它的确有；它强迫昆虫爬过， 沾上花粉，并把花粉带往别的地方。\n"


def test_word_count_reads_han_characters_in_pairs():
    assert word_count("我们知道这个") == 3
    assert word_count("我的Proton Studios朋友") == 2 + 2  # 4 Han characters, 2 Latin words
    assert word_count("three plain words") == 3


def test_chinese_sentences_are_split_at_full_stops():
    assert sentence_count(SOURCE) == 2
    assert sentence_count("但是再一次，如果你看的是儿童福利。 没有关联的迹象。") == 2


def test_chinese_is_calibrated():
    figures = calibration()["zh"]
    assert figures["c"] > 2  # English needs more characters than Chinese
    assert figures["z_low"] < 0 < figures["z_high"]


def _audit(target):
    article = Article(target, path="t.txt", source_lang="zh")
    article.source = SourceDoc("s.txt", SOURCE, "zh", "given")
    ctx = AuditContext(AuditOptions(select=["source-omission"]))
    return [f.rule for f in audit_article(article, ctx)]


def test_truncated_chinese_translation_is_flagged_and_a_complete_one_is_not():
    assert _audit("There's an orchid that looks like it has jaws, and in a way, it does;\n") \
        == ["source-omission"]
    assert _audit("There's an orchid that looks like it has jaws. In a way it does: it forces "
                  "insects to crawl through, pick up pollen and carry it elsewhere.\n") == []
