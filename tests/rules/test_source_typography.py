"""Behaviour of the source-typography rules added for issue 9 recall in session 5 (recall5):
punct-quoted-proper-name, punct-repeated-gloss and locale-time-dot, on real WMT23 MT lines
(their `examples` run in tests/test_rule_examples.py)."""
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_article
from mtqa.fix import fix_text

QUOTED = "punct-quoted-proper-name"
GLOSS = "punct-repeated-gloss"
TIME = "locale-time-dot"

# Real WMT23 MT output (ru-en, uk-en), with lines that must be left: a quoted composition title,
# a slogan, a real quotation, a quoted headline word, decimals and British 12-hour times.
MT_TEXT = """Recall, Enzo Fernandez moved to "Chelsea" for 121 million euros.
Previously, Mamaev played for "Torpedo", CSKA, "Krasnodar" and "Rostov".
Roscosmos reported a depressurization of "Progress MS-21", prepared for undocking from the ISS.
The facility was built as part of the federal project "Modern School".
"Seattle" has 63 points and is in fifth place in the West.
He is the author of "Suspicion" and "Rope", two of his best films.
The rally went on under the slogan "Peace".
"Communal" for Americans
This was stated by German Chancellor Olaf Scholz (Olaf Scholz) on Wednesday.
It began to cancel the residence permit (permit) of Russians who received it.
The capital, Kyiv (Kiev), was shelled.
The game will start at 22.00 Moscow time, and the broadcast at 21.55 Moscow time.
Work schedule, from 10.00 to 21.00, without days off.
Tickets cost 19.50 euros and the gates open at 3.45pm.
"""


def findings(text, rule):
    ctx = AuditContext(AuditOptions(select=[rule]))
    return [f for f in audit_article(Article(text), ctx) if f.rule == rule]


def spans(text, rule):
    return [text[f.start:f.end] for f in findings(text, rule)]


def test_quoted_names_are_flagged_where_russian_typography_put_them():
    assert spans(MT_TEXT, QUOTED) == [
        '"Chelsea"', '"Torpedo"', '"Krasnodar"', '"Rostov"', '"Progress MS-21"',
        '"Modern School"', '"Seattle"']


def test_titles_are_left_in_an_article_about_films():
    review = ('The film "Rope" opens the season. Its director moved to "Universal" in 1948. '
              'The novel and the movie differ; the actors of the film agree.')
    assert spans(review, QUOTED) == []


def test_repeated_gloss_is_flagged_and_a_different_gloss_is_left():
    assert spans(MT_TEXT, GLOSS) == [" (Olaf Scholz)", " (permit)"]
    assert all(f.fix.applicability == "safe" for f in findings(MT_TEXT, GLOSS))


def test_dotted_24_hour_times_are_flagged_and_decimals_left():
    assert spans(MT_TEXT, TIME) == ["22.00", "21.55", "10.00", "21.00"]
    assert [f.suggestions[0] for f in findings(MT_TEXT, TIME)] == [
        "22:00", "21:55", "10:00", "21:00"]


def test_fix_loop_removes_every_finding():
    for rule in (QUOTED, GLOSS, TIME):
        ctx = AuditContext(AuditOptions(select=[rule]))
        result = fix_text(MT_TEXT, "mt.txt", ctx, unsafe=True)
        assert result.converged and not result.withdrawn
        assert findings(result.after, rule) == []
    fixed = fix_text(MT_TEXT, "mt.txt", AuditContext(AuditOptions(select=[TIME])),
                     unsafe=True).after
    assert "from 10:00 to 21:00" in fixed and "19.50 euros" in fixed
