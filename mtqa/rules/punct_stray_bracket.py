from mtqa.registry import Rule, register
from mtqa.rules.punct_unbalanced import unbalanced_marks


@register
class StrayBracket(Rule):
    """A closing bracket that closes nothing: "the coach praises her) that's the most
    important thing", "Recommended for children, moms and dads)". Either MT lost the opening
    bracket, or it is the Russian chat smiley ")" carried over from the source, which an
    English reader takes for a typo.

    Brackets are paired over the article (a pair may run over three paragraphs); list
    markers ("1)", "a)", "iv)"), emoticons (":)", ";-)") and runs like "))" are not flagged.
    No fix: delete it, or restore the "(", is a person's call.

    Measured: 0.05 per 1,000 words on WMT23 references (all three are the Russian smiley kept
    by the translator) against 0.34 on MT output (ratio 6.6).
    """

    id = "punct-stray-bracket"
    summary = "Closing bracket that closes nothing (lost “(” or a Russian-style smiley)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            "The coach praises her) that's the main thing.",
        ],
        "leave": [
            "We won (again) and left.",
        ],
    }

    def check(self, article, ctx):
        for kind, pos, problem in unbalanced_marks(article):
            if problem == "unopened" and kind in ("paren", "bracket"):
                mark = article.text[pos]
                yield self.finding(
                    pos, pos + 1,
                    f"“{mark}” closes nothing: a lost “{'(' if mark == ')' else '['}”, or a "
                    f"Russian-style smiley?")
