"""spell-unknown-word: the dictionary, what is never flagged, suggestions, house words."""
import pytest

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, run_rules as audit_article
from mtqa.spelling import is_known, suggestions

RULE = "spell-unknown-word"


def spelled(audit, text, **kw):
    return [(text[f.start:f.end], f.suggestions[0]) for f in audit(text, [RULE], **kw)]


@pytest.mark.parametrize("word, first", [("wifes", "wives"), ("goverment", "government"),
                                         ("recieve", "receive"), ("definitley", "definitely")])
def test_misspellings_are_flagged_with_the_right_word_first(audit, word, first):
    text = f"The officials said the {word} were not the point."
    assert spelled(audit, text) == [(word, first)]


@pytest.mark.parametrize("word", [
    "colour", "color", "organisation", "organization", "realised", "realized",  # UK and US
    "wives", "drones", "shellings", "looked", "planning", "cities", "counterattacks",  # inflections
    "defund", "counterprotesters", "rightwing", "postwar",  # prefixes and closed compounds
    "covid", "selfie", "festivus", "shawarma",  # frequent newer words (wordfreq)
])
def test_real_words_and_their_forms_are_known(word):
    assert is_known(word)


@pytest.mark.parametrize("word", ["wifes", "childs", "untill", "alot", "teh", "govemor"])
def test_misspellings_are_unknown(word):
    assert not is_known(word)


def test_names_acronyms_urls_handles_and_cited_terms_are_left_alone(audit):
    text = ("Wenchuan and Vynohradar are names. NATO and the SBU met. See https://ex.com/wifes "
            "or mail wifes@ex.com, follow @goverment and #recieve. The “bezviz” regime began. "
            "Some f*cking idiot wrote r*ssiya on the wall.")
    assert spelled(audit, text) == []


def test_hyphenated_compounds_of_known_words_are_left_alone(audit):
    text = "A well-known anti-tank weapon hit a pro-Kremlin, socio-economic target."
    assert spelled(audit, text) == []


def test_house_words_and_glossary_names_extend_the_dictionary(test_glossary):
    text = "The sotnia met in Okhtyrka. The wifes of sotnia members came."
    plain = AuditContext(AuditOptions(select=[RULE]), glossary=test_glossary)
    house = AuditContext(AuditOptions(select=[RULE], spelling_words=("Sotnia",)),
                         glossary=test_glossary)
    found = [text[f.start:f.end] for f in audit_article(Article(text), plain)]
    assert found == ["sotnia", "wifes", "sotnia"]
    assert [text[f.start:f.end] for f in audit_article(Article(text), house)] == ["wifes"]
    # glossary names in lower case (an MT slip of case) are not misspellings
    assert [text[f.start:f.end] for f in audit_article(Article("near okhtyrka"), plain)] == []


def test_spelling_words_config_key_reaches_the_rule(tmp_path):
    from mtqa.config import load_settings

    cfg = tmp_path / "mtqa.toml"
    cfg.write_text('spelling-words = ["hromada", "raion"]\n', encoding="utf-8")
    options = load_settings(config_file=str(cfg)).audit_options()
    assert options.spelling_words == ("hromada", "raion")


def test_suggestions_keep_the_first_letter():
    assert all(s.startswith("v") for s in suggestions("vtable"))
    assert suggestions("zzzzqqqxx") == []


def test_examples_of_the_new_rules_hold(test_glossary):
    """The `examples` of this issue's rules, run until the pipeline's meta-tester lands."""
    from mtqa.registry import all_rules

    for rule in all_rules():
        if rule.id not in (RULE, "name-mangled-person"):
            continue
        ctx = AuditContext(AuditOptions(select=[rule.id]))
        for case in rule.examples["flag"]:
            text = case if isinstance(case, str) else case["text"]
            found = audit_article(Article(text), ctx)
            assert found, (rule.id, text)
            if isinstance(case, dict) and "fixed" in case:
                f = found[0]
                assert text[:f.start] + f.suggestions[0] + text[f.end:] == case["fixed"]
        for case in rule.examples["leave"]:
            text = case if isinstance(case, str) else case["text"]
            assert audit_article(Article(text), ctx) == [], (rule.id, text)


def test_every_word_of_the_shipped_list_is_found_by_the_bisection():
    import gzip
    import random

    from mtqa.spelling import _DATA, dictionary

    with gzip.open(_DATA, "rt", encoding="utf-8") as fh:
        words = [w for w in fh.read().split("\n") if w and not w.startswith("#")]
    assert words == sorted(words)  # the search relies on it
    sample = random.Random(9).sample(words, 3000)
    d = dictionary()
    assert all(w in d for w in sample)
    assert not any(w + "qx" in d for w in sample[:300])
