"""Real-name knowledge (issue 9): gazetteer words are real names, Russian-derived forms of
Ukrainian places the glossary lacks, demonyms are not case endings."""
import pytest

from mtqa.realnames import is_given_name, ua_russian_forms


def found(audit, text, rule):
    return [(text[f.start:f.end], f.suggestions[0] if f.suggestions else None)
            for f in audit(text, rule)]


@pytest.mark.parametrize("text", [
    "Factories in Zhejiang province closed.",        # a province (ISO 3166-2), Zhenjiang is a city
    "Flights left Changi airport.",                 # a GeoNames place and an attested word
    "Suning sold the club.",                        # a GeoNames place
    "He drank Tennent's lager in Glasgow.",         # attested in English as often as Tencent
    "Valérie Pécresse ran for president.",          # letters added to Presse: another name
])
def test_real_names_resembling_gazetteer_entries_are_not_near_misses(audit, text):
    from mtqa.engine import AuditContext, AuditOptions, audit_article
    from mtqa.article import Article

    # the bundled packs hold Zhenjiang, Changzhi, Suining, Tencent, Presse
    ctx = AuditContext(AuditOptions(select=["name-near-miss"]))
    assert audit_article(Article(text), ctx) == []


def test_mangled_names_are_still_near_misses(audit):
    text = "President Volodymyr Zelskyy visited Oktyrka on Monday."
    assert [w for w, _ in found(audit, text, "name-near-miss")] == ["Zelskyy", "Oktyrka"]


@pytest.mark.parametrize("text", ["The Azerbaijani delegation met the Ukrainian one.",
                                  "Transnistrian officials met in Ukraine."])
def test_demonyms_are_not_case_endings_or_misspellings(text):
    from mtqa.engine import AuditContext, AuditOptions, audit_article
    from mtqa.article import Article

    ctx = AuditContext(AuditOptions(select=["name"]))
    assert audit_article(Article(text), ctx) == []


def test_glossary_case_endings_are_still_found(audit):
    assert found(audit, "Bodies lay in Buchi.", "name-near-miss") == [("Buchi", "Bucha")]


def test_russian_forms_of_ukrainian_places_outside_the_glossary(audit):
    text = "Shops in Vinogradar and Poznyaki districts of Kyiv burned."
    assert found(audit, text, "name-russian-form") == [("Vinogradar", "Vynohradar"),
                                                        ("Poznyaki", "Pozniaky")]
    # the fix removes the finding
    fixed = "Shops in Vynohradar and Pozniaky districts of Kyiv burned."
    assert found(audit, fixed, "name-russian-form") == []


def test_context_decides_for_gazetteer_forms(audit):
    text = "Shops in Vinogradar and Poznyaki burned."   # nothing says Ukraine
    assert found(audit, text, "name-russian-form") == []
    assert [w for w, _ in found(audit, text, "name-russian-form")] == []
    from mtqa.article import Article
    from mtqa.engine import AuditContext, AuditOptions, audit_article

    ctx = AuditContext(AuditOptions(select=["name-russian-form"], source_lang="uk"))
    assert [text[f.start:f.end] for f in audit_article(Article(text), ctx)] == [
        "Vinogradar", "Poznyaki"]


def test_the_gazetteer_lists_no_form_of_a_place_elsewhere_or_an_english_word():
    forms = {form for cands in ua_russian_forms().values() for _, form, _ in cands}
    assert len(forms) > 1000
    assert {"Vinogradar", "Poznyaki", "Vasilkov"} <= forms
    # Russian towns, English words, given names are not in it
    assert not {"Ivanovka", "Moscow", "Vladimir", "Sofia"} & forms


def test_given_names_data():
    assert is_given_name("Elisabeth") and is_given_name("Mykhailo")
    assert not is_given_name("Dmetry")


def _bundled_near_miss(text):
    from mtqa.article import Article
    from mtqa.engine import AuditContext, AuditOptions, audit_article

    ctx = AuditContext(AuditOptions(select=["name-near-miss"]))
    return [(text[f.start:f.end], f.suggestions[0]) for f in audit_article(Article(text), ctx)]


@pytest.mark.parametrize("text", [
    "All this is true for the debut work of Florin Serban.",   # a person, not Sberbank
    "A bunch of people attacked our boy. Yaroslavs stood up for him.",  # Yaroslav + s
    "At 12, Mariska became interested in the bandura.",        # a given name, not Marinka
])
def test_real_people_and_names_with_s_are_not_near_misses(text):
    assert _bundled_near_miss(text) == []


def test_a_glossary_name_in_other_capitals_is_still_a_near_miss():
    assert _bundled_near_miss("Governor Ron Desantis spoke.") == [("Desantis", "DeSantis")]
