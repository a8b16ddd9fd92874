"""source-coverage and its Chinese-English lexicon (mtqa/source/lexicon_zh.py)."""
import gzip

import pytest

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_article
from mtqa.registry import get_rule
from mtqa.rules.source_coverage import MIN_UNMATCHED, uncovered
from mtqa.source.lexicon_zh import DATA, TargetKeys, english_key, lexicon
from mtqa.source.pairing import from_text

SOURCE = "科学家在南极冰层下发现了古老的细菌和病毒，这些微生物可能威胁人类健康。"
FAITHFUL = ("Scientists have found ancient bacteria and viruses under the Antarctic ice; these "
            "microbes may threaten human health.")
UNRELATED = "The researchers said the weather in the region was unusually cold this year."


@pytest.mark.parametrize("a, b", [("bacteria", "bacterium"), ("eating", "eat"),
                                  ("stopped", "stop"), ("making", "make"),
                                  ("viruses", "virus"), ("studies", "study"),
                                  ("weddings", "wedding"), ("buildings", "building")])
def test_english_key_meets_inflections(a, b):
    assert english_key(a) == english_key(b)


def test_target_keys_meet_by_prefix_negation_and_irregular_forms():
    lex = lexicon()
    keys = TargetKeys("Inequality grew; the children went home.", lex.irregular)
    assert keys.has(english_key("equal"))      # in-equality
    assert keys.has(english_key("child"))      # children → child
    assert keys.has(english_key("go"))         # went → go
    assert not keys.has(english_key("meat"))


def test_segmenting_keeps_dictionary_words_and_offsets():
    words = lexicon().segment("前言" + SOURCE, offset=10)
    assert "科学家" in [w for w, _, _ in words] and "细菌" in [w for w, _, _ in words]
    text = "前言" + SOURCE
    assert all(text[s - 10:e - 10] == w for w, s, e in words)


def test_uncovered_counts_distinct_content_words_only():
    content, missing = uncovered(SOURCE + "病毒病毒", UNRELATED)
    names = [w for w, *_ in missing]
    assert len(names) == len(set(names))              # 病毒 repeated counts once
    assert "的" not in [w for w, *_ in content]        # a particle is no content word
    assert len(missing) >= MIN_UNMATCHED
    assert uncovered(SOURCE, FAITHFUL)[1] == []


def _audit(text, source, lang, select=("source-coverage",)):
    article = Article(text + "\n", source_lang=lang)
    article.source = from_text(source + "\n", lang)
    return audit_article(article, AuditContext(AuditOptions(select=select, source_lang=lang)))


def test_rule_names_the_words_with_their_sense_and_points_at_the_target_sentence():
    found = [f for f in _audit(UNRELATED, SOURCE, "zh") if f.rule == "source-coverage"]
    assert len(found) == 1
    f = found[0]
    assert "细菌 (bacterium)" in f.message and f.severity == "minor"
    assert f.source is not None                          # located in the source
    assert (f.start, f.end) == (0, len(UNRELATED))


def test_rule_leaves_a_faithful_translation_and_other_source_languages():
    assert _audit(FAITHFUL, SOURCE, "zh") == []
    assert _audit(UNRELATED, "Учёные обнаружили под антарктическим льдом древние бактерии.",
                  "ru") == []


def test_rule_is_off_by_default_and_runs_when_selected():
    rule = get_rule("source-coverage")
    assert rule.default_enabled is False
    by_default = _audit(UNRELATED, SOURCE, "zh", select=())
    assert all(f.rule != "source-coverage" for f in by_default)
    extended = _audit(UNRELATED, SOURCE, "zh", select=("all", "source-coverage"))
    assert any(f.rule == "source-coverage" for f in extended)


def test_a_paragraph_with_an_unpaired_sentence_is_compared_whole():
    # one Chinese sentence translated as three English ones, aligned 0-1 then 1-2 (seen on
    # TED transcripts starting "(Laughter)"): the sentence set apart would make its words look
    # missing, so the whole paragraph pair is compared; a fully paired paragraph is compared
    # bead by bead, and an unconfident bead not at all
    from mtqa.rules.source_coverage import _units
    from mtqa.source.align import Alignment, Bead

    unpaired = [Bead(0, (0, 0), (0, 40), 0, 1, 1.0, 0.0),
                Bead(0, (0, 60), (41, 120), 1, 2, 1.0, 0.0)]
    paired = [Bead(1, (61, 80), (121, 160), 1, 1, 0.9, 0.0),
              Bead(1, (80, 99), (161, 200), 1, 1, 0.5, 0.0)]
    alignment = Alignment([((0, 60), (0, 120)), ((61, 99), (121, 200))], unpaired + paired, 3)
    assert list(_units(alignment)) == [((0, 60), (0, 120)), ((61, 80), (121, 160))]


def test_lexicon_file_carries_its_licence_notice_and_is_compact():
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        header = fh.readline()
    assert "CC-CEDICT" in header and "CC BY-SA 4.0" in header
    assert DATA.stat().st_size < 4_000_000
