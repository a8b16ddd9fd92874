"""Fixture tests of the untranslated-* rules."""
from pathlib import Path

from tests.conftest import SHARED, flagged

SEED_004 = SHARED / "seeds" / "004_599088b448d7ee51.txt"


# ---- untranslated-script ---------------------------------------------------------------------

def test_script_flags_cyrillic_cjk_and_arabic_runs(audit):
    text = ("Вона she is now in one of the hospitals. The label read 习近平 in red. "
            "A sign said مرحبا to visitors.")
    found = audit(text, "untranslated-script")
    assert flagged(found, text) == ["Вона", "习近平", "مرحبا"]
    assert all(f.severity == "major" and f.category == "accuracy/untranslated" for f in found)
    assert "Chinese" in found[1].message and "Arabic" in found[2].message


def test_script_keeps_a_truncated_credit_as_one_run():
    # the seed's photo credit: one finding covering the whole truncated Cyrillic run
    from mtqa.api import check_paths
    from mtqa.engine import AuditOptions

    if not SEED_004.exists():  # pragma: no cover - shared data is part of the workplace
        return
    batch = check_paths([str(SEED_004)], AuditOptions(select=("untranslated-script",)))
    article = batch.files[0].article
    found = batch.files[0].findings
    assert [article.text[f.start:f.end] for f in found] == ["Міністерство ав аїни"]
    assert "Ukrainian" in found[0].message
    assert article.position(found[0].start)[0] == 15


def test_script_names_the_language_of_cyrillic(audit):
    text = "It is reported by “Лента.ру” and by Військові sources."
    found = audit(text, "untranslated-script")
    assert flagged(found, text) == ["Лента.ру", "Військові"]
    assert "Cyrillic" in found[0].message and "Ukrainian" in found[1].message


def test_script_leaves_greek_letters_mentions_and_latin_diacritics_alone(audit):
    text = ("The α-particles and the π constant are English. Łódź, Škoda and Zürich are Latin. "
            "The prepositions “в” and “на” are used with the word “Україна”.")
    assert audit(text, "untranslated-script") == []


def test_script_reports_cyrillic_times_sign_as_punctuation(audit):
    text = "Paintings of 80 х 60 cm were shown."
    found = audit(text, "untranslated-script")
    assert flagged(found, text) == ["х"]
    assert found[0].suggestions[0] == "×" and found[0].severity == "minor"


def test_script_leaves_scale_abbreviations_to_the_locale_rule(audit):
    text = "The budget grew to 5 млн hryvnias."
    assert audit(text, "untranslated-script") == []


# ---- untranslated-mixed-script ---------------------------------------------------------------

def test_mixed_script_homoglyphs_get_a_safe_latin_fix(audit):
    text = "The State Enforcement Servicе in Rakhiv."  # Cyrillic е at the end of Service
    found = audit(text, "untranslated-mixed-script")
    assert flagged(found, text) == ["Servicе"]
    assert found[0].suggestions == ["Service"] and found[0].safe


def test_mixed_script_half_transliterated_name_needs_a_person(audit):
    text = "I thank Marina Циbulko for her work."
    found = audit(text, "untranslated-mixed-script")
    assert flagged(found, text) == ["Циbulko"]
    assert found[0].suggestions == [] and not found[0].safe and found[0].severity == "major"


def test_mixed_script_leaves_pure_words_alone(audit):
    text = "Service in Київ and in Zürich, naïve café."
    assert audit(text, "untranslated-mixed-script") == []


# ---- untranslated-sentence -------------------------------------------------------------------

def test_sentence_flags_indonesian_sentence(audit):
    text = ("The talks ended on Thursday. Pemerintah akan membangun jalan baru di Jakarta "
            "tahun ini. Officials declined to comment.")
    found = audit(text, "untranslated-sentence")
    assert flagged(found, text) == [
        "Pemerintah akan membangun jalan baru di Jakarta tahun ini."]
    assert "Indonesian" in found[0].message


def test_sentence_leaves_english_with_many_names_alone(audit):
    text = ("Okhtyrka, Chernihiv, Mykolaiv and Zaporizhzhia were shelled. Oleksandr "
            "Vilkul said Kryvyi Rih held. Slava Ukraini, they shouted.")
    assert audit(text, "untranslated-sentence") == []


def test_sentence_gate_keeps_langdetect_off_plain_english():
    from mtqa.rules.untranslated_sentence import gate

    assert not gate("the government will build a new road this year".split())
    assert gate("pemerintah akan membangun jalan baru tahun".split())
    assert not gate("akan membangun".split())  # too few words to judge


# ---- untranslated-function-word --------------------------------------------------------------

def test_function_word_flags_indonesian_leftovers(audit):
    text = "The minister yang said the sanctions untuk Russia would stay."
    found = audit(text, "untranslated-function-word", source_lang="id")
    assert flagged(found, text) == ["yang", "untuk"]
    assert [f.suggestions for f in found] == [["which"], ["for"]]


def test_function_word_weak_words_need_the_source_language(audit):
    text = "Police arrested three people di Jakarta dan Bandung on Monday."
    assert flagged(audit(text, "untranslated-function-word", source_lang="id"), text) == [
        "di", "dan"]
    assert audit(text, "untranslated-function-word") == []


def test_function_word_leaves_names_and_english_uses_alone(audit):
    text = ("Dan said that Leonardo di Caprio holds a fifth dan in judo. Yin and yang, "
            "she said. Dari Nasional is a company.")
    assert audit(text, "untranslated-function-word", source_lang="id") == []
