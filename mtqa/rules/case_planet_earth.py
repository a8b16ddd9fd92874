"""The planet's name in lower case in an astronomical context: "the moon revolves around the
earth", "the structure of the earth's crust"."""
from __future__ import annotations

import re
from bisect import bisect_left

from mtqa.registry import Rule, register
from mtqa.rules._punct import in_code_or_markup

_EARTH = re.compile(r"(?<![\w-])earth(?![\w-])")
# Words that make a paragraph astronomical (or geophysical: the crust, the axis).
_PLANETARY = re.compile(
    r"(?i)\b(?:sun|suns|moon|moons|planet|planets|planetary|orbits?|orbital|orbiting|solar|"
    r"outer space|universe|galax(?:y|ies)|stars?|black holes?|gravity|gravitational|Mars|"
    r"Venus|Jupiter|Mercury|Saturn|Neptune|Uranus|Pluto|astronauts?|cosmonauts?|"
    r"satellites?|telescopes?|light-years?|revolv\w+|rotat\w+|crust|mantle|equator|axis|"
    r"circumference|hemispheres?|meteorites?|asteroids?|comets?|spacecraft|spaceship)\b")
# "the centre of the earth", "the mass of the earth": the planet, whatever the paragraph.
_PLANET_OF = re.compile(r"(?i)\b(?:center|centre|surface|mass|core|orbit|atmosphere|"
                        r"circumference|radius|diameter|rotation|interior) of the \Z")
# Idioms that keep the common noun (AP "earth": "down to earth", "heaven and earth";
# "what on earth"), and earth as soil or a chemical group.
_IDIOM_BEFORE = re.compile(r"(?i)(?:\b(?:what|where|who|why|how|nothing|anything|everything|"
                           r"nowhere|anywhere|whatever|wherever) on |\bdown to |\bheaven and |"
                           r"\bsalt of the |\bscorched |\brare |\bends of the )\Z")
_WINDOW = 200


@register
class PlanetEarth(Rule):
    """The name of the planet written in lower case where the text is about the planet: “the
    moon revolves around the earth”, “one million times the mass of the earth”, “the structure
    of the earth's crust”, “we stand on the earth and look up at the night sky”. AP Stylebook
    “Earth” (“Capitalize when used as the proper name of the planet”) and Chicago Manual of
    Style 8.140 (in astronomical contexts Earth is capitalised, like the other planets). MT
    lower-cases it where the source capitalises it (Russian and Ukrainian Земля, the planet)
    or has no case (Chinese 地球); the reference translators write “the Earth”, and the MQM
    raters of the zh-en TED data mark the lower-case form as a spelling error (31 spans).
    Seen in WMT23 and MQM MT of 3 documents from 26 systems (109 findings; 97 of them in one
    TED talk about black holes), never in the references or English originals (session 6).

    Flagged only when the paragraph (200 characters either side) wholly holds a word naming
    something astronomical or geophysical (sun, moon, orbit, planet, universe, gravity, crust,
    axis…),
    or the word follows “the centre / surface / mass / core / orbit of the”, or is a
    possessive “the earth's”. Left: idioms (“what on earth”, “down to earth”, “heaven and
    earth”, “salt of the earth”, “scorched earth”, “rare earth”, “the ends of the earth”),
    earth as soil in other paragraphs, “earthquake”, “earth-moving”. The fix capitalises it
    (safe).
    """

    id = "case-planet-earth"
    summary = "The planet Earth in lower case (the moon revolves around the earth)"
    category = "fluency/spelling"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "It orbits the sun, just as the moon revolves around the earth.",
             "fixed": "It orbits the sun, just as the moon revolves around the Earth."},
            {"text": "Their location is closely related to the structure of the earth's crust.",
             "fixed": "Their location is closely related to the structure of the Earth's crust.",
             "source_lang": "uk"},
            {"text": "It was a great journey to the center of the earth.",
             "fixed": "It was a great journey to the center of the Earth.", "source_lang": "ru"},
            # the possessive alone, no astronomical word near (the crust example has one)
            {"text": "Two thirds of the earth's surface is covered by water.",
             "fixed": "Two thirds of the Earth's surface is covered by water."},
        ],
        "leave": [
            "What on earth is happening there, under the sun?",
            "The farmers turned the earth and planted potatoes.",
            "He is down to earth, and the stars of the film agree.",
            "The Moon revolves around the Earth.",
            "Rare earth metals and an earthquake were discussed.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if "earth" not in text:
            return
        planetary = None  # (starts, ends) of the astronomical words, found once per article
        for m in _EARTH.finditer(text):
            start, end = m.span()
            before = text[max(0, start - 30):start]
            if _IDIOM_BEFORE.search(before):
                continue
            possessive = before.endswith("the ") and text[end:end + 2] in ("'s", "’s")
            if not (possessive or _PLANET_OF.search(before)):
                if planetary is None:
                    found = [w.span() for w in _PLANETARY.finditer(text)]
                    planetary = ([s for s, _ in found], [e for _, e in found])
                if not _word_within(planetary, *self._paragraph_window(text, start, end)):
                    continue
            if in_code_or_markup(article, start, end):
                continue
            yield self.finding(
                start, end,
                "the planet's name is capitalised: “Earth” (AP “Earth”, Chicago 8.140)",
                ["Earth"], safe=True)

    @staticmethod
    def _paragraph_window(text, start, end):
        """The word's paragraph, cut to _WINDOW characters either side of it (the bounds are
        sought only within the window: a search to the article's ends for every "earth" was
        quadratic on a long line)."""
        low, high = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
        para_start = text.rfind("\n", low, start) + 1
        para_end = text.find("\n", end, high)
        return max(para_start, low), (high if para_end < 0 else para_end)


def _word_within(words, low, high):
    """Whether one of the article's astronomical words lies wholly in text[low:high]. The
    words come from one scan of the whole article (a regex search of every earth's window was
    17 s on 1 MB of "the earth"); they do not overlap, so their ends rise with their starts and
    the first word starting at `low` or later is the one to test."""
    starts, ends = words
    i = bisect_left(starts, low)
    return i < len(starts) and ends[i] <= high
