"""Plural of an uncountable noun: “informations”, “advices”, “equipments”, “evidences”.

Russian, Ukrainian, Indonesian and Chinese count these (“информации”, “poradi”), and MT keeps
the plural. A closed list of nouns that are uncountable in standard English (Cambridge and
Oxford learner's dictionaries mark them [U]); forms that are also verbs (“evidences”,
“researches”) only after a determiner or quantifier. Measured: docs/rules.md.
"""
from __future__ import annotations

from mtqa.article import lowered_token_texts
from mtqa.registry import Rule, register

_ALWAYS = {
    "informations": "information", "advices": "advice", "equipments": "equipment",
    "furnitures": "furniture", "luggages": "luggage", "baggages": "baggage",
    "knowledges": "knowledge", "feedbacks": "feedback", "softwares": "software",
    "hardwares": "hardware", "homeworks": "homework", "machineries": "machinery",
    "wildlifes": "wildlife", "garbages": "garbage", "rubbishes": "rubbish",
    "jewelleries": "jewellery", "jewelries": "jewelry", "weaponries": "weaponry",
    "ammunitions": "ammunition", "infos": "information",
}
# also verbs ("it evidences"): only after a determiner or quantifier
_AFTER_DETERMINER = {"evidences": "evidence", "researches": "research"}
_DETERMINERS = {"the", "these", "those", "new", "many", "some", "any", "all", "other", "more",
                "further", "concrete", "additional", "sufficient", "several", "numerous",
                "scientific", "no", "such", "various", "enough"}


@register
class UncountablePlural(Rule):
    __doc__ = __doc__
    id = "grammar-uncountable-plural"
    summary = "Plural of an uncountable noun (“informations”, “advices”, “equipments”)"
    category = "fluency/grammar"
    severity = "minor"
    # every finding is one of these words (speed: the engine skips articles without one)
    needs_words = frozenset(_ALWAYS) | frozenset(_AFTER_DETERMINER)
    examples = {
        "flag": [
            {"text": "The police received new informations about the attack.",
             "fixed": "The police received new information about the attack."},
            "Ukraine needs more military equipments.",
            "Investigators found new evidences.",
        ],
        "leave": [
            "The police received new information about the attack.",
            "The pattern evidences a deeper problem.",
            "He sued for damages.",
        ],
    }

    def check(self, article, ctx):
        toks = article.tokens
        for i, low in enumerate(lowered_token_texts(article)):
            if low not in _ALWAYS and low not in _AFTER_DETERMINER:
                continue
            t = toks[i]
            fix = _ALWAYS.get(low)
            if fix is None:
                fix = _AFTER_DETERMINER.get(low)
                if fix is None or i == 0 or \
                        toks[i - 1].sentence != t.sentence or \
                        toks[i - 1].text.lower() not in _DETERMINERS:
                    continue
            if t.text.isupper() and len(t.text) > 1:
                fix = fix.upper()
            elif t.text[:1].isupper():
                fix = fix.capitalize()
            yield self.finding(t.start, t.end,
                               f"“{fix}” is uncountable in English: no plural “{t.text}”", [fix])
