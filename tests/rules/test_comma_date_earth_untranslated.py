"""Behaviour of the issue-9 recall work of session 6 (recall7): punct-comma-outside-quote,
locale-ordinal-date, and untranslated-script's one finding for an article left in another
language, on real WMT23 lines (their `examples` run in tests/test_rule_examples.py)."""
from mtqa.api import check_text
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_article
from mtqa.fix import fix_text

COMMA = "punct-comma-outside-quote"
DATE = "locale-ordinal-date"
SCRIPT = "untranslated-script"

# Real WMT23 MT output (uk-en, ru-en; NLLB, GPT-4, ONLINE-A), with lines that must be left: a
# comma already inside, a quoted fragment in mid-sentence, a question mark, a dialogue dash
# (punct-dialogue-dash's), a bare day and a century.
MT_TEXT = """We will never allow them to be without shelter", the president said.
"Now I'm trying to make a living as an artist", said the Ukrainian woman.
"In 2023, this number could rise to 10 thousand", he said.
"A rarity", said Comrade Orlov, with a gentleness.
"We are not asking for charity", Tedros said, "we are calling for smart investment".
"We will never allow this," the president said.
The missiles had "For the children" written on them, the reporter said.
Russia began a new "gas war", experts say.
"Are you done?" she asked.
"Fixed it, sewed it up", - shows the head.
And everything was fine, but her life changed on February 24th.
The next mass protests are scheduled for February 16th.
Progress MS-22 docked with the ISS today, February 11th, and will leave on February 18th.
It was the 2nd of July, and the 4th of July parade had passed.
We met him on the 29th, in the 19th century house.
"""


def findings(text, rule):
    ctx = AuditContext(AuditOptions(select=[rule]))
    return [f for f in audit_article(Article(text), ctx) if f.rule == rule]


def spans(text, rule):
    return [text[f.start:f.end] for f in findings(text, rule)]


def test_comma_outside_a_quoted_utterance_before_its_attribution_is_flagged():
    found = findings(MT_TEXT, COMMA)
    assert [MT_TEXT[:f.end].rsplit(" ", 1)[-1] for f in found] == [
        'shelter",', 'artist",', 'thousand",', 'rarity",', 'charity",']
    assert {f.suggestions[0] for f in found} == {',"'}
    assert all(f.fix.applicability == "safe" for f in found)


def test_comma_after_a_question_or_exclamation_is_dropped():
    text = "He was asked about it.\n“Together!”, noted Ghebreyesus on Twitter.\n"
    (f,) = findings(text, COMMA)
    assert f.suggestions == ["”"]
    assert fix_text(text, "t.txt", AuditContext(AuditOptions(select=[COMMA]))).after == (
        "He was asked about it.\n“Together!” noted Ghebreyesus on Twitter.\n")


def test_ordinal_dates_are_flagged_and_bare_days_centuries_and_holidays_left():
    assert spans(MT_TEXT, DATE) == [
        "February 24th", "February 16th", "February 11th", "February 18th", "the 2nd of July"]
    (of_july,) = [f for f in findings(MT_TEXT, DATE) if f.fix.applicability == "unsafe"]
    assert of_july.suggestions == ["July 2", "2 July"]


def test_fix_loop_removes_every_finding():
    for rule in (COMMA, DATE):
        ctx = AuditContext(AuditOptions(select=[rule]))
        result = fix_text(MT_TEXT, "mt.txt", ctx, unsafe=True)
        assert result.converged and not result.withdrawn
        assert findings(result.after, rule) == []
    fixed = fix_text(MT_TEXT, "mt.txt", AuditContext(AuditOptions(select=[COMMA]))).after
    assert '"A rarity," said Comrade Orlov' in fixed
    assert 'a new "gas war", experts say' in fixed  # a fragment keeps its comma


# The WMT23 ru-en reference of infox.ru.36099 is the Russian source itself (its first lines).
RUSSIAN_ARTICLE = """Сомнолог назвала причины проблем со сном
Врач-сомнолог София Черкасова рассказал о продуктах питания и привычках, Которые мешают здоровому сну.
Как отметила специалист, проблемы со сном часто возникают из-за продуктов, содержащих кофеин.
Речь идет в первую очередь о чае, кофе, шоколаде и любых содержащих кофеин напитках.
"""


def test_an_article_left_in_russian_is_one_critical_finding_with_every_run_as_evidence():
    found = [f for f in check_text(RUSSIAN_ARTICLE, AuditOptions(select=[SCRIPT]))]
    assert len(found) == 1
    (lead,) = found
    assert lead.severity == "critical" and lead.category == "accuracy/untranslated"
    assert "Russian, not English: 4 untranslated passages" in lead.message
    assert RUSSIAN_ARTICLE[lead.start:lead.end] == "Сомнолог назвала причины проблем со сном"
    assert [RUSSIAN_ARTICLE[r.start:r.end][:8] for r in lead.related] == [
        "Врач-сом", "Как отме", "Речь иде"]


def test_an_english_article_with_untranslated_runs_keeps_one_finding_per_run():
    text = ("Former Argentina international Эрнан Crespo said so.\n"
            "It is reported by “Лента.ру” and by Військові sources.\n")
    found = check_text(text, AuditOptions(select=[SCRIPT]))
    assert [text[f.start:f.end] for f in found] == ["Эрнан", "Лента.ру", "Військові"]
    assert {f.severity for f in found} == {"major"} and not any(f.related for f in found)


EARTH = "case-planet-earth"
# Real MT lines (zh-en MQM talk.2, WMT23 uk-en/14 and ru-en/2) and lines that must be left.
EARTH_TEXT = """It will revolve around the orbit of the sun, just as the earth revolves around the sun and the moon revolves around the earth.
Their location is closely related to the structure of the earth's crust.
A novelist exclaiming before a great journey to the center of the earth or to the end of the world.
What on earth is happening there? Nobody on earth knows, the astronomer said.
The villagers dug the earth by hand and planted beets.
Rare earth metals come from China, and the Earth orbits the Sun.
"""


def test_lower_case_earth_is_flagged_in_astronomical_paragraphs_only():
    assert [EARTH_TEXT[f.start - 4:f.end] for f in findings(EARTH_TEXT, EARTH)] == [
        "the earth", "the earth", "the earth", "the earth"]
    ctx = AuditContext(AuditOptions(select=[EARTH]))
    result = fix_text(EARTH_TEXT, "mt.txt", ctx)
    assert result.converged and not result.withdrawn and findings(result.after, EARTH) == []
    assert "dug the earth" in result.after and "What on earth" in result.after


def test_merging_keeps_the_runs_a_rule_gave_and_adds_nothing_twice():
    from mtqa.merge import one_per_problem

    (lead,) = check_text(RUSSIAN_ARTICLE, AuditOptions(select=[SCRIPT]))
    assert len(lead.related) == 3
    assert one_per_problem(RUSSIAN_ARTICLE, [lead]) == [lead]
    assert one_per_problem(RUSSIAN_ARTICLE, [lead]) == [lead]
    assert len(lead.related) == 3


def test_an_untranslated_article_of_many_runs_keeps_a_bounded_finding():
    """A hostile article of thousands of Russian lines: still one critical finding, its
    evidence cut at the per-rule finding limit and its count said as "more than" it."""
    from mtqa.engine import MAX_FINDINGS_PER_RULE

    text = "Сомнолог назвала причины.\n" * (MAX_FINDINGS_PER_RULE + 50)
    found = check_text(text, AuditOptions(select=[SCRIPT]))
    assert len(found) == 1 and found[0].severity == "critical"
    assert len(found[0].related) == MAX_FINDINGS_PER_RULE - 1
    assert f"more than {MAX_FINDINGS_PER_RULE:,} untranslated passages" in found[0].message


def test_planet_earth_astronomical_word_lookup_matches_a_search_of_each_window():
    """case-planet-earth finds the astronomical words once per article and asks, per
    "earth", whether one lies wholly in its paragraph window; the answer equals searching the
    window's own text for such a word that the whole-text scan also finds."""
    import random

    from mtqa.rules import case_planet_earth as rule

    rnd = random.Random(7)
    words = ["earth", "the", "sun", "sunny", "moon", "x" * 60, "\n", "orbit", "stars", "y" * 150]
    for _ in range(400):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 40)))
        found = [m.span() for m in rule._PLANETARY.finditer(text)]
        table = ([s for s, _ in found], [e for _, e in found])
        for m in rule._EARTH.finditer(text):
            low, high = rule.PlanetEarth._paragraph_window(text, *m.span())
            expected = any(low <= s and e <= high for s, e in found)
            assert rule._word_within(table, low, high) == expected
