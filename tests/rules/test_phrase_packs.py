"""The bundled phrase packs: format, attestation, selection by --source-lang, and entries that
must and must not fire."""
import pytest

from mtqa.engine import AuditContext, AuditOptions
from mtqa.phrases import PhrasePackError, load_pack
from mtqa.registry import all_rules, get_rule, select_rules
from mtqa.rules.phrase import entry_fires, packs

ALL_ENTRIES = [e for p in packs() for e in p.entries]


def test_bundled_packs_cover_each_source_language_and_hold_enough_entries():
    names = {p.name for p in packs()}
    assert {"common", "id", "uk", "ru", "zh"} <= names
    assert len(ALL_ENTRIES) >= 300


def test_every_entry_is_a_registered_rule_with_docs():
    ids = {r.id for r in all_rules()}
    for e in ALL_ENTRIES:
        assert e.rule_id in ids
        docs = get_rule(e.rule_id).docs
        assert e.example in docs and e.source in docs and e.fixes[0] in docs


@pytest.mark.parametrize("entry", ALL_ENTRIES, ids=lambda e: e.rule_id)
def test_entry_fires_on_its_attested_example(entry, test_glossary):
    ctx = AuditContext(AuditOptions(), glossary=test_glossary)
    assert entry_fires(entry, entry.example, ctx), entry.example


def test_every_entry_names_its_attestation_or_cites_published_knowledge():
    for e in ALL_ENTRIES:
        assert e.cites or e.source.startswith(("wmt23 ", "mqm zh-en ", "seed ")), e.rule_id


def test_knowledge_entries_carry_text_they_must_leave_alone():
    for e in ALL_ENTRIES:
        if e.cites:
            assert e.leave, e.rule_id


# ---- seeds and their near misses -----------------------------------------------------------

SEED_CASES = [
    ("the city hot power plants and train stations", "hot power plants", "thermal power plants"),
    ("The talks came on the heel of telephone calls.", "on the heel of", "on the heels of"),
    ("Putin aims to seize the “Overall” of Ukraine.", "the “Overall” of", "the whole of"),
    ("the Russian invasion to Ukraine has claimed", "invasion to", "invasion of"),
    ("Governor Chernihiv in North Ukraine, meanwhile, said so.", "North Ukraine", "northern Ukraine"),
]


@pytest.mark.parametrize("text,span,fix", SEED_CASES)
def test_seed_calques_are_flagged_with_their_fix(flag_fixes, text, span, fix):
    hits = flag_fixes(text, ["phrase"])
    assert any(s == span and f == fix for _, s, f in hits), hits


def test_colleague_of_a_head_of_state_becomes_counterpart(flag_fixes):
    text = ("The talks followed calls between Russian President Vladimir Putin and his French "
            "colleague Emmanuel Macron.")
    assert ("phrase-common-colleague-counterpart", "colleague", "counterpart") in flag_fixes(text, ["phrase"])


@pytest.mark.parametrize("text", [
    "Putin met his French colleague at the summit.",               # no person follows
    "The professor thanked his German colleague Hans Weber.",       # no head-of-state context
    "President Macron praised a colleague Emmanuel Bonne.",         # not "his/her <Nationality>"
])
def test_colleague_stays_when_context_does_not_fit(flag_fixes, text):
    assert not flag_fixes(text, ["phrase-common-colleague"])


def test_conglomerate_before_a_persons_name_becomes_tycoon(flag_fixes):
    text = "Among those sanctioned were Russian conglomerate Alisher Usmanov, founder of a company."
    assert ("phrase-id-conglomerate-tycoon", "conglomerate", "tycoon") in flag_fixes(text, ["phrase"])


@pytest.mark.parametrize("text", [
    "The Russian conglomerate Sistema owns the bank.",
    "The conglomerate Gazprom Group reported a loss.",
    "A huge conglomerate was formed last year.",
])
def test_conglomerate_as_a_company_is_not_flagged(flag_fixes, text):
    assert not flag_fixes(text, ["phrase-id"])


@pytest.mark.parametrize("text", [
    "He visited North Korea and North Macedonia.",
    "They flew from North Carolina to North Dakota over the North Sea.",
    "The South Ukraine nuclear power plant is safe.",
    "from the start of the invasion to the present day",
])
def test_compass_and_invasion_entries_leave_names_and_other_senses_alone(flag_fixes, text):
    assert not flag_fixes(text, ["phrase"])


def test_tell_about_skips_passives_and_numbers(flag_fixes):
    assert flag_fixes("He told about the war.", ["phrase-common-tell-about"])
    assert not flag_fixes("He was told about the plan.", ["phrase-common-tell-about"])
    assert not flag_fixes("She told about 50 people to leave.", ["phrase-common-tell-about"])


def test_the_rf_is_not_radio_frequency(flag_fixes):
    assert flag_fixes("ISW says the RF offensive has begun.", ["phrase-common-the-rf"])
    assert not flag_fixes("Check the RF signal strength.", ["phrase-common-the-rf"])


# ---- matching ------------------------------------------------------------------------------

def test_phrase_does_not_match_across_sentences(flag_fixes):
    assert not flag_fixes("It was hot. Power plants were hit.", ["phrase-common-hot-power-plant"])


def test_hyphenated_phrase_needs_the_hyphen(flag_fixes):
    assert flag_fixes("the Svatove-Kremlin line", ["phrase-uk-svatove"])
    assert not flag_fixes("the Svatove Kremlin line", ["phrase-uk-svatove"])


def test_longest_form_of_an_entry_wins(flag_fixes):
    hits = flag_fixes("In the current year prices rose.", ["phrase-common-the-current-year"])
    assert hits == [("phrase-common-the-current-year", "In the current year", "This year")]


@pytest.mark.parametrize("text,fix", [
    ("Hot power plants were hit.", "Thermal power plants"),        # sentence start
    ("STRIKES ON HOT POWER PLANTS", "THERMAL POWER PLANTS"),        # all capitals
    ("Hot Power Plants Hit Again", "Thermal Power Plants"),         # title-case headline
    ("They hit hot power plants.", "thermal power plants"),
    ("The governor of North Ukraine spoke.", "northern Ukraine"),   # the capital is the error
])
def test_fix_follows_the_letter_case_of_the_text(flag_fixes, text, fix):
    hits = flag_fixes(text, ["phrase"])
    assert hits and hits[0][2] == fix


def test_case_sensitive_entry_ignores_ordinary_words(flag_fixes):
    assert not flag_fixes("The oda was written in Latin; the ova were fertilised.", ["phrase-uk"])


# ---- selection -----------------------------------------------------------------------------

def test_rule_ids_group_by_pack_for_select_and_ignore():
    uk = [r.id for r in select_rules(["phrase-uk"])]
    assert uk and all(i.startswith("phrase-uk-") for i in uk)
    rest = [r.id for r in select_rules(["phrase"], ["phrase-uk"])]
    assert rest and not any(i.startswith("phrase-uk-") for i in rest)


def test_source_lang_selects_packs(audit):
    text = "We have air anxiety again and the head of the KFH spoke."
    assert {f.rule for f in audit(text, ["phrase"], source_lang="uk")} == {"phrase-uk-air-anxiety"}
    assert {f.rule for f in audit(text, ["phrase"], source_lang="ru")} == {"phrase-ru-kfh"}
    # without --source-lang the packs whose precision holds on all dev sets run
    assert {f.rule for f in audit(text, ["phrase"])} == {"phrase-uk-air-anxiety", "phrase-ru-kfh"}
    # naming a pack runs it whatever the source language
    assert {f.rule for f in audit(text, ["phrase-uk"], source_lang="ru")} == {"phrase-uk-air-anxiety"}


def test_common_pack_runs_for_every_source_language(audit):
    for lang in ("id", "uk", "ru", "zh", "de", None):
        assert audit("They hit hot power plants.", ["phrase"], source_lang=lang)


# ---- pack validation -----------------------------------------------------------------------

def _pack(tmp_path, body):
    path = tmp_path / "test.yaml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD_ENTRY = """  - id: hot-power
    phrase: hot power plant
    fix: thermal power plant
    message: calque
    category: terminology/name
    severity: minor
    example: the hot power plant
    source: seed
"""


def test_valid_pack_loads(tmp_path):
    pack = load_pack(_pack(tmp_path, "pack: test\nlanguage: uk\nentries:\n" + GOOD_ENTRY))
    assert pack.name == "test" and pack.language == "uk" and not pack.default
    assert pack.entries[0].rule_id == "phrase-test-hot-power"


@pytest.mark.parametrize("body,message", [
    ("entries: [\n", "not valid YAML"),
    ("pack: test\nentries:\n" + GOOD_ENTRY.replace("    fix: thermal power plant\n", ""),
     "'fix' must be"),
    ("pack: test\nentries:\n" + GOOD_ENTRY.replace("severity: minor", "severity: huge"),
     "unknown severity"),
    ("pack: test\nentries:\n" + GOOD_ENTRY + GOOD_ENTRY, "duplicate id"),
    ("pack: test\nentries:\n" + GOOD_ENTRY + "    when: {preceded_by: '(unclosed'}\n",
     "not a valid regex"),
    ("pack: test\nentries:\n" + GOOD_ENTRY + "    when: {followed_by_entity: animal}\n",
     "followed_by_entity must be"),
    ("pack: test\nentries:\n" + GOOD_ENTRY + "    colour: red\n", "unknown key"),
])
def test_bad_pack_reports_file_and_line(tmp_path, body, message):
    path = _pack(tmp_path, body)
    with pytest.raises(PhrasePackError) as err:
        load_pack(path)
    assert any(str(path) in p and message in p for p in err.value.problems), err.value.problems


@pytest.mark.parametrize("text,fix", [
    ("The head of the KFH spoke.", "farm"),                         # capitals of an abbreviation
    ("ZSU regained some lost positions.", "Ukrainian Armed Forces"),
])
def test_capitals_of_the_phrase_itself_do_not_capitalise_the_fix(flag_fixes, text, fix):
    assert flag_fixes(text, ["phrase"])[0][2] == fix


# ---- form groups ---------------------------------------------------------------------------

def test_form_groups_expand_phrase_and_fix_form_by_form():
    from mtqa.phrases import expand_braces
    assert expand_braces("carr{y,ies,ied} out") == (["carry out", "carries out", "carried out"], (3,))
    assert expand_braces("plan{,s} {a,b}")[0] == ["plan a", "plan b", "plans a", "plans b"]


def test_fix_groups_must_match_the_phrase_groups(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("""entries:
  - id: x
    phrase: hold{,s,ing} talks
    fix: conduct{,s} talks
    message: m
    category: style/awkward
    severity: minor
    examples: [they hold talks]
    cites: somewhere
""", encoding="utf-8")
    with pytest.raises(PhrasePackError, match="alternatives, but phrase group"):
        load_pack(pack)


@pytest.mark.parametrize("entry", [e for e in ALL_ENTRIES if len(e.examples) > 1 or e.leave],
                         ids=lambda e: e.rule_id)
def test_entry_flags_every_example_and_leaves_its_leave_texts(entry, test_glossary):
    ctx = AuditContext(AuditOptions(), glossary=test_glossary)
    for text in entry.examples:
        assert entry_fires(entry, text, ctx), text
    for text in entry.leave:
        assert not entry_fires(entry, text, ctx), text


def test_no_two_entries_flag_the_same_words_of_an_example(test_glossary):
    """Overlapping findings on one word double its weight: an example of one entry must not
    be flagged, on overlapping words, by another enabled entry."""
    from mtqa.article import Article
    from mtqa.rules.phrase import conditions_hold
    from mtqa.phrases import PhraseIndex

    enabled = [e for e in ALL_ENTRIES if e.enabled]
    index = PhraseIndex(enabled)
    clashes = []
    for e in enabled:
        for text in e.examples:
            lang = e.example_langs.get(text)
            ctx = AuditContext(AuditOptions(source_lang=lang), glossary=test_glossary)
            article = Article(text)
            hits = [m for m in index.find(article) if conditions_hold(m.entry, article, m, ctx)]
            for a in hits:
                for b in hits:
                    if a.entry.rule_id < b.entry.rule_id and a.start < b.end and b.start < a.end:
                        clashes.append((a.entry.rule_id, b.entry.rule_id, text))
    assert not clashes, clashes


# One entry with an attestation (examples) but no source or citation of its own.
_UNCITED_ENTRY = """entries:
  - id: x
    phrase: hot power plant
    fix: thermal power plant
    message: m
    category: style/awkward
    severity: minor
    examples: [two hot power plant fires]
"""


@pytest.mark.parametrize("extra,problem", [
    ("    when: {source_lang: [Russian]}\n", "source_lang must be a language code"),
    ("    leave: [{text: x, lang: ru}]\n", "'leave' must be a list of texts"),
    ("    cites: {a: b}\n", "'cites' must be a string or a list"),
])
def test_knowledge_fields_are_validated_with_file_and_line(tmp_path, extra, problem):
    pack = tmp_path / "p.yaml"
    cites = "" if "cites" in extra else "    cites: somewhere\n"
    pack.write_text(_UNCITED_ENTRY + cites + extra, encoding="utf-8")
    with pytest.raises(PhrasePackError) as exc:
        load_pack(pack)
    assert problem in str(exc.value) and f"{pack}:2" in str(exc.value)


def test_an_entry_needs_an_attestation_or_a_citation(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text(_UNCITED_ENTRY, encoding="utf-8")
    with pytest.raises(PhrasePackError, match="source \\(or cites\\)"):
        load_pack(pack)


def test_source_lang_condition_needs_that_source_language(audit):
    text = "Recall that Enzo Fernandez moved to Chelsea in January."
    assert not [f for f in audit(text, ["phrase-slavic-recall-that-bare"])]
    assert [f for f in audit(text, ["phrase-slavic-recall-that-bare"], source_lang="ru")]
