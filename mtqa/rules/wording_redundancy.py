"""Redundancy MT leaves behind: a verb and its own noun in one clause (“being negotiated in
the negotiations”, “shelled during the shelling”), and the same place named twice in one
sentence with the same preposition (“in Kherson … in Kherson”).

Lexical patterns: a verb form of a short list of news verbs, then within four words a
preposition (in/during/at/by), an optional determiner and a noun of the same family. For
places: “in <Capitalised>” twice in one sentence, the second within 25 words of the first, the
name not at the sentence start, and no comma or “and”/“or” list between them (“in Kyiv and in
Kharkiv” names two places). No fix is applied: the editor deletes one of the two.
Measured: docs/rules.md.
"""
from __future__ import annotations

from mtqa.article import lowered_token_texts, positions_of
from mtqa.registry import Rule, register

# verb forms -> the nouns of the same family
_FAMILIES = [
    ({"negotiate", "negotiated", "negotiating", "negotiates"}, {"negotiations", "negotiation"}),
    ({"discuss", "discussed", "discussing", "discusses"}, {"discussion", "discussions"}),
    ({"shelled", "shelling", "shell", "shells"}, {"shelling", "shellings"}),
    ({"attacked", "attacking", "attack", "attacks"}, {"attack", "attacks"}),
    ({"decided", "decide", "decides", "deciding"}, {"decision", "decisions"}),
    ({"agreed", "agree", "agrees", "agreeing"}, {"agreement", "agreements"}),
    ({"investigated", "investigating", "investigate", "investigates"},
     {"investigation", "investigations"}),
    ({"voted", "vote", "votes", "voting"}, {"vote", "voting", "votes"}),
    ({"bombed", "bombing", "bomb", "bombs"}, {"bombing", "bombings", "bombardment"}),
    ({"consulted", "consult", "consulting", "consults"}, {"consultations", "consultation"}),
    ({"inspected", "inspect", "inspecting", "inspects"}, {"inspection", "inspections"}),
]
_VERB_FAMILY = {v: nouns for verbs, nouns in _FAMILIES for v in verbs}
_PREPOSITIONS = {"in", "during", "at", "by"}
_DETERMINERS = {"the", "a", "an", "these", "those", "this", "that", "their", "its", "his",
                "her", "our", "today's", "yesterday's"}
# capitalised words after "in" that are times, not places ("in January … in January" is a
# repeated time, which the place check does not judge)
_NOT_PLACES = frozenset("""january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday""".split())


_IN = frozenset({"in"})


@register
class Redundancy(Rule):
    __doc__ = __doc__
    id = "wording-redundancy"
    summary = "A verb with its own noun (“negotiated in the negotiations”), a place named twice"
    category = "style/awkward"
    severity = "minor"
    examples = {
        "flag": [
            "The issue is being negotiated in the negotiations in Istanbul.",
            "Two houses were shelled during the shelling of the village.",
            "Two people were injured in Kherson when a shell hit a house in Kherson.",
        ],
        "leave": [
            "The issue is being discussed in Istanbul.",
            "Africans are the largest group of immigrants in Oslo, with 28,020 living in Oslo.",
            "The attack was repelled in the morning.",
            "Explosions were heard in Kyiv and in Kharkiv.",
            "Kherson was shelled; later in Kherson the power went out.",
        ],
    }

    def check(self, article, ctx):
        toks = article.tokens
        text = article.text
        n = len(toks)
        lowered = lowered_token_texts(article)
        for i in positions_of(lowered, _VERB_FAMILY):
            nouns = _VERB_FAMILY[lowered[i]]
            # the verb reading: a participle or after an auxiliary/subject; the noun reading
            # of the same word ("the attack") has a determiner before it
            if i and lowered[i - 1] in _DETERMINERS:
                continue
            for j in range(i + 1, min(n, i + 5)):
                if toks[j].sentence != toks[i].sentence:
                    break
                if lowered[j] not in _PREPOSITIONS:
                    continue
                k = j + 1
                if k < n and lowered[k] in _DETERMINERS:
                    k += 1
                if k < n and toks[k].sentence == toks[i].sentence and lowered[k] in nouns:
                    yield self.finding(
                        toks[j].start, toks[k].end,
                        f"“{toks[i].text} … {toks[k].text}” says the same thing twice; drop "
                        f"“{text[toks[j].start:toks[k].end]}” or name the event once")
                break
        yield from self._places_twice(article, toks, lowered)

    def _places_twice(self, article, toks, lowered):
        seen = {}   # (sentence, name) -> token index of the first "in <Name>"
        for i in positions_of(lowered, _IN):
            if i >= len(toks) - 1:
                break
            name = toks[i + 1]
            if name.sentence != toks[i].sentence or not name.text[:1].isupper() \
                    or not name.text.isalpha() or name.sentence_initial \
                    or name.text.lower() in _NOT_PLACES:
                continue
            key = (name.sentence, name.text)
            first = seen.get(key)
            if first is None:
                seen[key] = i
                continue
            between = lowered[first + 2:i]
            # one clause: no comma and no list between ("in Oslo, with ... living in Oslo"
            # restates the place in a new clause, which English writers do too)
            if i - first > 25 or {"and", "or", "but", ",", ";"} & set(between) \
                    or "," in article.text[toks[first].end:toks[i].start]:
                continue
            yield self.finding(toks[i].start, name.end,
                               f"“in {name.text}” twice in one sentence; drop the second")
