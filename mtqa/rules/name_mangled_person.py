import re
from functools import lru_cache
from typing import Dict, List

from mtqa.article import positions_of, tokens_of
from mtqa.lexicon import world_names, zipf
from mtqa.nameindex import first_class
from mtqa.realnames import is_given_name
from mtqa.registry import Rule, register
from mtqa.rules._names import translit_key

# Words before a surname that make it a person's: "President Baden", "Chancellor Sholz".
# A title other than Mr/Mrs/Ms/Dr must be the person's own (in the glossary note): "General
# Milli" is Mark Milley, not President Milei.
TITLES = frozenset(
    "President Chancellor Premier Minister Secretary Senator Governor Mayor Ambassador "
    "Commissioner Speaker Chairman Chairwoman General Marshal Mr Mrs Ms Dr".split())
_ANY_PERSON_TITLES = frozenset("Mr Mrs Ms Dr".split())
_REPORTING = re.compile(r"(?:['’]s\b| (?:said|says|told|added|noted|stated|wrote|asked|stressed|"
                        r"explained|announced|replied|argued|warned|urged|called)\b)")


def _edit_distance(a: str, b: str) -> int:
    """rapidfuzz's Damerau-Levenshtein distance, imported on the first call, which rebinds
    this name to it: `import rapidfuzz` costs about 40 M instructions of start-up and many
    articles never reach a comparison (docs/scale.md, "Cold start")."""
    global _edit_distance
    from rapidfuzz.distance.DamerauLevenshtein import distance
    _edit_distance = distance
    return distance(a, b)


def close_enough(wrong: str, right: str) -> bool:
    """A probable mangling: same first sound, one edit for names of five to seven letters, two
    for longer ones. Four-letter names are left alone (Rama/Rame are both names)."""
    if wrong == right or first_class(wrong) != first_class(right) or len(right) < 5:
        return False
    most = 1 if len(right) < 8 else 2
    return _edit_distance(wrong.lower(), right.lower()) <= most


@lru_cache(maxsize=8)
def _people(glossary) -> Dict[str, Dict[str, List]]:
    """given name form -> people; surname -> people; for every person with a given name and
    a surname in the glossary."""
    # (the glossary's tables, kept in its cache: a cached glossary then builds only the
    # people an article's words reach, not all of them at every start-up; coldstart5)
    by_given = glossary.people_by_given_name()
    surnames = glossary.people_by_surname  # surname -> people, as people() would give
    return {"given": by_given, "surname": surnames, "firsts": frozenset(by_given) | TITLES}


def _given_forms(entry) -> set:
    return {full.split()[0] for full in [entry.name] + entry.variants + entry.russian_forms
            if " " in full}


@register
class MangledPerson(Rule):
    """A newsworthy person's name with one part mangled, recognised by the part that is right:
    “Joe Baden” (Joe Biden), “Dmetry Medvedev” (Dmitry Medvedev), “President Baden”.

    The people are the glossary's (world-people: heads of state and government, foreign
    ministers, party and EU leaders of the G20, Ukraine, Russia, China, Indonesia...). MT
    mangles their names into real words and places, which the near-miss rule leaves alone on
    purpose (Baden is a town): here the context decides. The rule flags
    - a glossary person's given name followed by a word one edit from their surname (two for
      surnames of eight letters or more), with the same first sound: “Joe Baden”;
    - a glossary person's surname preceded by a word one or two edits from their given name
      that is no spelling of it (Dmitri, Dmitriy are romanisations: not flagged) and no
      frequent English word or name: “Dmetry Medvedev”;
    - a title (President, Chancellor, Minister, Mr…) followed by a word one edit from a
      glossary person's surname: “Chancellor Sholz”; the title must be the person's own (in
      the glossary note), so “General Milli” is not President Milei;
    - a surname alone, one or two edits from the surname of a person the article names in
      full: “Roberta Metsola … Mezzola said” → “Metsola” (the fix is the surname alone).
    Never flagged: a word that is itself the surname of a glossary person (Hunter Biden and
    Joe Biden are both right), four-letter surnames, words the near-miss rule already reports.
    The fix replaces the mangled word; not safe, since a rare namesake exists.

    Measured (bench/spell_names.py): no finding on English originals, 1 on WMT23 references
    (their Russian-form “Ignat” for Yurii Ihnat), 10 on MT, all read right (Elisabeth Born,
    Liz Trass, Scholtz, Mecola, Yuriy Ignat).
    """

    id = "name-mangled-person"
    summary = "Newsworthy person's name with one part mangled (“Joe Baden”)"
    category = "terminology/name"
    severity = "major"
    examples = {
        "flag": [{"text": "Joe Baden met the Chinese leader in Bali.",
                  "fixed": "Joe Biden met the Chinese leader in Bali."},
                 {"text": "Dmetry Medvedev threatened the West again.",
                  "fixed": "Dmitry Medvedev threatened the West again."},
                 {"text": "Roberta Metsola opened the session. Mezzola said the vote was close.",
                  "fixed": "Roberta Metsola opened the session. Metsola said the vote was close."}],
        "leave": ["Joe Biden and Hunter Biden went to Baden-Baden.",
                  "Dmitri Medvedev and Dmitriy Medvedev are romanisations of one name.",
                  "The spa town of Baden lies south of Vienna."],
    }

    def check(self, article, ctx):
        glossary = ctx.glossary
        people = _people(glossary)
        by_given, surnames = people["given"], people["surname"]
        tokens = article.tokens
        text = article.text
        reported = None
        flagged = set()
        present = {}  # surname -> entry, for people named in full in this article
        texts = article.token_texts
        # only pairs whose first word is a listed given name or a title, or whose second word
        # is a listed surname, can qualify: find them with set lookups
        firsts = people["firsts"]
        last = len(texts) - 1
        starts = sorted({i for i in positions_of(texts, firsts) if i < last}.union(
            i - 1 for i in positions_of(texts, surnames) if i))
        for i in starts:
            a, b = tokens[i], tokens[i + 1]
            if (a.sentence != b.sentence or b.start != a.end + 1 or text[a.end] != " "
                    or not a.text[:1].isupper() or not b.text[:1].isupper()
                    or b.text.isupper() or not b.text.isalpha()):
                continue
            for entry in surnames.get(b.text, ()):
                if a.text in _given_forms(entry):
                    present[b.text] = entry
            c = tokens[i + 2] if i + 2 < len(tokens) else None
            followed = bool(c and c.sentence == b.sentence and c.start == b.end + 1
                            and c.text[:1].isupper())
            found = self._candidate(a, b, followed, by_given, surnames, glossary)
            if not found:
                continue
            tok, right, entry = found
            if reported is None:
                from mtqa.rules.name_near_miss import NearMissName
                reported = {f.start for f in NearMissName().check(article, ctx)}
            if tok.start in reported:
                continue
            flagged.add(tok.start)
            yield self.finding(
                tok.start, tok.end,
                f"“{a.text} {b.text}” looks like {entry.name} ({entry.note or entry.country}) "
                f"with “{tok.text}” mangled", [right])
        if present:
            yield from self._surname_only(article, ctx, present, surnames, flagged, reported)

    def _surname_only(self, article, ctx, present, surnames, flagged, reported):
        """A surname alone, mangled, of a person the article names in full: "Roberta Metsola
        ... Mezzola said" -> "Metsola" (the fix is the surname alone)."""
        glossary = ctx.glossary
        # what depends on the word alone is judged once per distinct capitalised word (speed,
        # issue 11: it was judged per token), and only the tokens of the words that pass are
        # visited: rare words of five letters or more that name no one the article or the
        # glossary knows
        candidates = {word for word in article.capitalised_set
                      if len(word) >= 5 and word not in surnames and not glossary.lookup(word)
                      and zipf(word) < 3.0 and not is_given_name(word)}
        for tok in tokens_of(article, candidates):
            word = tok.text
            if tok.start in flagged:
                continue
            # a place name is a person's only when it acts as one: "Mezzola said"
            if word in world_names() and not _REPORTING.match(article.text, tok.end):
                continue
            for surname, entry in present.items():
                most = 2 if len(surname) >= 6 else 1
                if (first_class(word) == first_class(surname) and abs(len(word) - len(surname)) <= 1
                        and _edit_distance(word.lower(), surname.lower()) <= most
                        and translit_key(word) != translit_key(surname)):
                    if reported is None:
                        from mtqa.rules.name_near_miss import NearMissName
                        reported = {f.start for f in NearMissName().check(article, ctx)}
                    if tok.start in reported:
                        break
                    yield self.finding(
                        tok.start, tok.end,
                        f"“{word}” looks like {surname}, as this article names {entry.name}",
                        [surname])
                    break

    @staticmethod
    def _candidate(a, b, followed, by_given, surnames, glossary):
        if b.text in surnames:
            if a.text in TITLES or a.text.isupper() or not a.text.isalpha():
                return None
            # the surname is right: is the given name a mangled one of that person's?
            if glossary.lookup(a.text) or zipf(a.text) >= 3.0 or is_given_name(a.text):
                return None  # a real given name or an ordinary word
            for entry in surnames[b.text]:
                forms = _given_forms(entry)
                if a.text in forms or any(translit_key(a.text) == translit_key(f) for f in forms):
                    return None
                given = entry.name.split()[0]
                if len(a.text) >= 4 and close_enough(a.text, given):
                    return a, given, entry
            return None
        if glossary.lookup(f"{a.text} {b.text}"):
            return None
        if a.text in TITLES:
            # "President Petr Pavel": the word after the title is a given name, not a surname
            if followed or zipf(b.text) >= 4.0 or is_given_name(b.text):
                return None
            hits = [e for es in surnames.values() for e in es
                    if close_enough(b.text, e.surname) and _title_fits(a.text, e)
                    and translit_key(b.text) != translit_key(e.surname)]
            if hits and len({e.surname for e in hits}) == 1:
                return b, hits[0].surname, hits[0]
            return None
        for entry in by_given.get(a.text, ()):
            if close_enough(b.text, entry.surname) and \
                    translit_key(b.text) != translit_key(entry.surname):
                return b, entry.surname, entry
        return None


def _title_fits(title: str, entry) -> bool:
    return title in _ANY_PERSON_TITLES or title.lower() in (entry.note or "").lower()
