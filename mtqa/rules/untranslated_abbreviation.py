"""Transliterated Russian or Ukrainian institutional abbreviations left untranslated:
“Minfin” for the Finance Ministry, “MinTsifry” for the Digital Transformation Ministry,
“DSNS” for the State Emergency Service, “MChS” for the Emergencies Ministry.

English news translates ministries and services and keeps only the abbreviations English
readers know (SBU, NABU, FSB, GRU, NATO, Rosstat, Roskomnadzor are left alone). The rule knows
(a) a table of abbreviations with their English names, and (b) the “Min-” + Russian/Ukrainian
stem shape of ministry nicknames (Minzdrav, Minoborony, Minekonomiky), matched case-sensitively
as whole tokens so that Minsk, Minnesota or Mint are never touched.
Measured: docs/rules.md.
"""
from __future__ import annotations

import re
from operator import methodcaller

from mtqa.article import tokens_of
from mtqa.registry import Rule, register

# transliterated abbreviation -> English name (sources: the ministries' and services' own
# English sites; Reuters/AP usage)
_KNOWN = {
    "Minfin": "the Finance Ministry", "MinFin": "the Finance Ministry",
    "Minoborony": "the Defence Ministry", "MinOborony": "the Defence Ministry",
    "Mintsyfry": "the Digital Transformation Ministry",
    "MinTsyfry": "the Digital Transformation Ministry",
    "Mintsifry": "the Ministry of Digital Development",
    "MinTsifry": "the Ministry of Digital Development",
    "Minzdrav": "the Health Ministry", "MinZdrav": "the Health Ministry",
    "Minobrnauki": "the Education and Science Ministry",
    "Minprosveshcheniya": "the Education Ministry",
    "Minpromtorg": "the Industry and Trade Ministry",
    "Minekonomrazvitiya": "the Economic Development Ministry",
    "Minekonomiky": "the Economy Ministry", "Minekonomiki": "the Economy Ministry",
    "Minenergo": "the Energy Ministry", "MinEnergo": "the Energy Ministry",
    "Minstroy": "the Construction Ministry", "Minselkhoz": "the Agriculture Ministry",
    "Mintrans": "the Transport Ministry", "Minyust": "the Justice Ministry",
    "Minkultury": "the Culture Ministry", "Mintruda": "the Labour Ministry",
    "Minsotspolityky": "the Social Policy Ministry", "Minrehion": "the Regional Development Ministry",
    "Minregion": "the Regional Development Ministry",
    "Minagropolityky": "the Agrarian Policy Ministry", "Minprirody": "the Natural Resources Ministry",
    "Minvostokrazvitiya": "the Far East Development Ministry",
    "Minreintehratsii": "the Reintegration Ministry",
    "MChS": "the Emergencies Ministry", "MChs": "the Emergencies Ministry",
    "DSNS": "the State Emergency Service", "MVS": "the Interior Ministry",
    "MZS": "the Foreign Ministry", "MOZ": "the Health Ministry", "KMU": "the Cabinet of Ministers",
    "DBR": "the State Bureau of Investigation", "FSIN": "the Federal Penitentiary Service",
    "FSSP": "the bailiffs' service", "TsVK": "the Central Election Commission",
    "TsIK": "the Central Election Commission", "Genprokuratura": "the Prosecutor General's Office",
    "Sovfed": "the Federation Council", "SovFed": "the Federation Council",
    "Gosduma": "the State Duma", "GosDuma": "the State Duma",
    "Ukrzaliznytsia's": None,   # a company name English news keeps: listed to say so
}
_KNOWN = {k: v for k, v in _KNOWN.items() if v}
# ministry nicknames built as Min + a Russian/Ukrainian stem
_STARTS_MIN = methodcaller("startswith", "Min")
_MIN_SHAPE = re.compile(
    r"^Min(?:fin|oboron|tsifr|tsyfr|zdrav|obr|prosv|promtorg|ekonom|energ|stroy|selkhoz|trans"
    r"|yust|kultur|trud|sots|region|rehion|agro|infra|vnutr|prirod|molod|veteran|ekolog"
    r"|reinteh|ohorony|osvit|tsyfr|vostok)[a-z]*$", re.I)
_ABBREVIATION_NEEDS_CONTEXT = {"MVS", "MZS", "MOZ", "KMU", "DBR", "DSNS", "FSSP"}
_CONTEXT = re.compile(r"\b(?:Ukrain\w*|Russia\w*|Kyiv|Moscow|Kremlin|Zelensk\w*|Putin|oblast)\b")


@register
class UntranslatedAbbreviation(Rule):
    __doc__ = __doc__
    id = "untranslated-abbreviation"
    summary = "Russian/Ukrainian institutional abbreviation left transliterated (“Minfin”)"
    category = "accuracy/untranslated"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "According to Minfin, the deficit will grow.",
             "fixed": "According to the Finance Ministry, the deficit will grow."},
            "MinTsifry launched a new app for Ukrainians abroad.",
            "The DSNS said rescuers pulled three people out of the rubble in Kyiv.",
        ],
        "leave": [
            "The SBU detained a Russian agent in Kyiv.",
            "He flew from Minsk to Minneapolis.",
            "Rosstat said inflation slowed.",
            "The MOZ file format is obsolete.",
        ],
    }

    def check(self, article, ctx):
        context = None
        # the article's words that can be flagged (most articles have none): from its shared
        # word set, tested in C (speed, issue 11)
        words = article.token_set
        candidates = words.intersection(_KNOWN)
        if "Min" in article.text:
            candidates = candidates.union(filter(_STARTS_MIN, words))
        if not candidates:
            return
        for t in tokens_of(article, candidates):
            word = t.text
            english = _KNOWN.get(word)
            if english is None:
                if not word.startswith("Min") or not _MIN_SHAPE.match(word):
                    continue
                english = "the ministry's English name"
                fixes = []
            else:
                if word in _ABBREVIATION_NEEDS_CONTEXT:
                    if context is None:
                        context = bool(_CONTEXT.search(article.text))
                    if not context:
                        continue
                fixes = [english]
            yield self.finding(t.start, t.end,
                               f"“{word}” is a transliterated abbreviation; English news writes "
                               f"{english}", fixes)
