from mtqa.glossary import INCORRECT, match_case
from mtqa.registry import Rule, register


@register
class IncorrectName(Rule):
    """A spelling the glossary lists as wrong: "Kiev" for Kyiv, "Kharkov" for Kharkiv,
    "Azov Sea" for Sea of Azov.

    The glossary is the newsroom's house style, so the fix is certain and marked safe for
    `mtqa fix`. The entry's `exceptions` are respected ("Chicken Kiev", "Kievan Rus'" are not
    errors), and the fix keeps the letter case of the text (KIEV -> KYIV). Russian-form
    spellings of names, which are right for some people and wrong for others, are the job of
    `name-russian-form`, not this rule.
    """

    id = "name-incorrect"
    summary = "Known incorrect spelling of a glossary name"
    category = "terminology/name"
    severity = "major"
    examples = {
        "flag": [
            {"text": "The mayor of Kiev spoke.", "fixed": "The mayor of Kyiv spoke."},
            {"text": "The port on the Azov Sea was shelled.", "fixed": "The port on the Sea of Azov was shelled."},
        ],
        "leave": [
            "Chicken Kiev is a dish; Kyiv is older than Kievan Rus'.",
        ],
    }

    def check(self, article, ctx):
        glossary = ctx.glossary
        for m in glossary.find(article):
            if m.kind != INCORRECT or glossary.in_exception(article, m.start, m.end, m.entry):
                continue
            fix = match_case(m.fix, m.form)
            yield self.finding(
                m.start, m.end,
                f"“{m.form}” is a known incorrect spelling of {m.entry.name} ({m.entry.type}); "
                f"house style is “{fix}”",
                [fix], safe=True)
