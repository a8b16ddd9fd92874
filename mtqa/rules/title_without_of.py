from operator import itemgetter

from mtqa.article import positions_of
from mtqa.glossary import CANONICAL, VARIANT
from mtqa.registry import Rule, register

_TITLES = frozenset(("Governor", "Mayor", "Governors", "Mayors", "Head", "Chief", "Prosecutor",
                     "Ombudsman"))


@register
class TitleWithoutOf(Rule):
    """A title followed directly by a place name: "Governor Chernihiv" for "Governor of
    Chernihiv", "Mayor Kharkiv" for "Mayor of Kharkiv".

    Titles take a person's name directly ("Governor Vyacheslav Chaus") but a place only with
    "of". The rule fires when the word after the title is a place in the glossary. The fix
    inserts "of"; an editor confirms, since "the Chernihiv governor" may read better.
    """

    id = "title-without-of"
    summary = "Title followed directly by a place name (missing “of”)"
    category = "fluency/grammar"
    severity = "major"
    needs_tokens = _TITLES  # every finding starts with one (speed: the engine's gate)
    examples = {
        "flag": [
            {"text": "Governor Chernihiv said so.", "fixed": "Governor of Chernihiv said so."},
        ],
        "leave": [
            "Governor of Chernihiv Vyacheslav Chaus spoke. Mayor Vitali Klitschko agreed.",
        ],
    }

    def check(self, article, ctx):
        glossary = ctx.glossary
        places = {m.start: m for m in glossary.find(article)
                  if m.entry.type == "place" and m.kind in (CANONICAL, VARIANT)}
        if not places:
            return
        tokens = article.tokens
        text = article.text
        # only the tokens a place starts at can follow a title
        for j in positions_of(list(map(itemgetter(1), tokens)), places):
            if not j:
                continue
            title, nxt = tokens[j - 1], tokens[j]
            if title.text not in _TITLES or title.sentence != nxt.sentence:
                continue
            place = places.get(nxt.start)
            if place is None or text[title.end:nxt.start] != " ":
                continue
            yield self.finding(
                title.start, place.end,
                f"a title takes a place with “of”: “{title.text} of {place.form}”",
                [f"{title.text} of {place.form}"])
