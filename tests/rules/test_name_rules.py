"""Fixture tests of the name rules, with the small test glossary (tests/fixtures/glossary.yaml)."""
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions
from mtqa.pipeline import audit_articles
from tests.conftest import flagged


# ---- name-incorrect --------------------------------------------------------------------------

def test_incorrect_flags_known_wrong_forms_with_safe_fix(audit):
    text = "Shelling hit Kharkov and Kiev's suburbs. KIEV denied it."
    found = audit(text, "name-incorrect")
    assert flagged(found, text) == ["Kharkov", "Kiev", "KIEV"]
    assert [f.suggestions[0] for f in found] == ["Kharkiv", "Kyiv", "KYIV"]
    assert all(f.safe for f in found)


def test_incorrect_matches_multiword_forms(audit):
    text = "The port on the Azov Sea was shelled."
    found = audit(text, "name-incorrect")
    assert flagged(found, text) == ["Azov Sea"]
    assert found[0].suggestions == ["Sea of Azov"]


def test_incorrect_respects_exceptions_and_correct_forms(audit):
    text = "He ordered Chicken Kiev in Kyiv, a city older than Kievan Rus'. Kievan is a word."
    assert audit(text, "name-incorrect") == []


# ---- name-near-miss --------------------------------------------------------------------------

def test_near_miss_flags_mangled_names_with_ranked_suggestions(audit):
    text = "President Volodymyr Zelskyy visited Oktyrka on Monday."
    found = audit(text, "name-near-miss")
    assert flagged(found, text) == ["Zelskyy", "Oktyrka"]
    assert found[0].suggestions[0] == "Zelenskyy"
    assert found[1].suggestions[0] == "Okhtyrka"
    assert not any(f.safe for f in found)


def test_near_miss_leaves_real_names_and_common_words_alone(audit):
    # Austria/Australia are both in the glossary; Sergey and Maria are common names;
    # Ukrainians is a derived form; Sydney is not close to any glossary name.
    text = ("Austria and Australia sent aid. Sergey and Maria met Ukrainians in Kharkiv. "
            "Sydney welcomed the Kyivans.")
    assert audit(text, "name-near-miss") == []


def test_near_miss_declension_and_real_places(audit):
    text = "Bodies lay in Buchi. Rescuers worked in Antakya and Essien scored."
    found = audit(text, "name-near-miss")
    assert flagged(found, text) == ["Buchi"]
    assert found[0].suggestions == ["Bucha"]


# ---- name-russian-form -----------------------------------------------------------------------

def test_russian_form_full_name_from_glossary(audit):
    text = "Adviser Mikhail Podolyak tweeted."
    found = audit(text, "name-russian-form")
    assert flagged(found, text) == ["Mikhail Podolyak"]
    assert found[0].suggestions == ["Mykhailo Podolyak"] and found[0].safe


def test_russian_form_given_name_needs_ukrainian_evidence(audit):
    text = ("Interior Minister Igor Klymenko spoke. Ukrainian Deputy Mayor Igor Petrenko agreed. "
            "Russian businessman Igor Sechin did not. Mikhail Mishustin, Russia's premier, "
            "and Sergey Lavrov were silent. Maria and Igor went home.")
    found = audit(text, "name-russian-form")
    assert flagged(found, text) == ["Igor", "Igor"]
    assert found[0].start == text.index("Igor Klymenko")
    assert found[0].safe  # the glossary knows Klymenko is Ukrainian
    assert found[1].start == text.index("Igor Petrenko")
    assert not found[1].safe  # evidence from the text: an editor confirms
    assert found[1].suggestions == ["Ihor"]


def test_russian_form_source_language_is_evidence_only_with_a_surname(audit):
    text = "Mikhail Tkachenko left. Maria stayed. Russian envoy Mikhail Ulyanov spoke."
    assert audit(text, "name-russian-form") == []
    found = audit(text, "name-russian-form", source_lang="uk")
    assert flagged(found, text) == ["Mikhail"]
    assert found[0].start == 0 and found[0].suggestions == ["Mykhailo"] and not found[0].safe


def test_russian_form_evidence_carries_to_other_mentions(audit):
    text = "We spoke with Ukrainian refugee Igor. Later Igor said he was tired. Maria agreed."
    found = audit(text, "name-russian-form")
    assert flagged(found, text) == ["Igor", "Igor"]
    assert "elsewhere" in found[1].message
    assert audit("Later Igor said he was tired.", "name-russian-form") == []
    # a Russian Igor in the same article: the lone mention stays undecided
    text = "Ukrainian refugee Igor spoke. Russian envoy Igor Petrov did not. Igor left."
    assert flagged(audit(text, "name-russian-form"), text) == ["Igor"]


def test_russian_form_place_is_flagged(audit):
    text = "Troops left Gostomel."
    found = audit(text, "name-russian-form")
    assert flagged(found, text) == ["Gostomel"] and found[0].suggestions == ["Hostomel"]


# ---- name-inconsistent -----------------------------------------------------------------------

def test_inconsistent_reports_minority_spelling(audit):
    text = ("Aislin arrived on Monday. Later Aislin spoke to reporters. "
            "Eislin said the town of Irpin was quiet.")
    found = audit(text, "name-inconsistent")
    assert flagged(found, text) == ["Eislin"]
    assert found[0].suggestions == ["Aislin"]


def test_inconsistent_prefers_glossary_form(audit):
    text = "Bodies were found in Buchi. Buchi was occupied. Bucha is near Kyiv."
    found = audit(text, "name-inconsistent")
    assert flagged(found, text) == ["Buchi", "Buchi"]
    assert found[0].suggestions == ["Bucha"]


def test_inconsistent_groups_romanisations_of_common_names(audit):
    text = ("Natalia Ivanova spoke first. Later Natalia agreed, and Natalya left. "
            "Maria met Mario. The Centre and the Center.")
    found = audit(text, "name-inconsistent")
    assert flagged(found, text) == ["Natalya"]
    assert found[0].suggestions == ["Natalia"]


def test_inconsistent_ignores_distinct_names_and_derived_forms(audit):
    text = ("Austria and Australia signed. Ukraine and Ukrainians. Kyiv and Kyivans. "
            "Daniel met Daniela.")
    assert audit(text, "name-inconsistent") == []


# ---- name-inconsistent-batch -----------------------------------------------------------------

def test_batch_inconsistency_names_the_other_file(test_glossary):
    a = Article("Adviser Mikhail Podolyak said talks failed.", path="a/one.txt")
    b = Article("Adviser Mykhailo Podolyak said talks went on.", path="b/two.txt")
    c = Article("Mykhailo Podolyak repeated it.", path="b/three.txt")
    ctx = AuditContext(AuditOptions(select=["name-inconsistent-batch"]), glossary=test_glossary)
    results = audit_articles([a, b, c], ctx)
    assert [len(r) for r in results] == [1, 0, 0]
    f = results[0][0]
    assert a.text[f.start:f.end] == "Mikhail Podolyak"
    assert f.suggestions == ["Mykhailo Podolyak"] and "two.txt" in f.message


def test_batch_inconsistency_ignores_different_people(test_glossary):
    a = Article("Vitali Klitschko spoke.", path="one.txt")
    b = Article("Wladimir Klitschko spoke.", path="two.txt")
    ctx = AuditContext(AuditOptions(select=["name-inconsistent-batch"]), glossary=test_glossary)
    assert audit_articles([a, b], ctx) == [[], []]


# ---- title-without-of ------------------------------------------------------------------------

def test_title_followed_by_place(audit):
    text = "Governor Chernihiv said so. Mayor Kharkiv agreed."
    found = audit(text, "title-without-of")
    assert flagged(found, text) == ["Governor Chernihiv", "Mayor Kharkiv"]
    assert found[0].suggestions == ["Governor of Chernihiv"]


def test_title_followed_by_person_or_of_is_fine(audit):
    text = "Governor of Chernihiv Vyacheslav Chaus spoke. Mayor Vitali Klitschko agreed."
    assert audit(text, "title-without-of") == []
