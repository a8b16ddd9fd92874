import re

from mtqa.registry import Rule, register
from mtqa.rules._punct import in_code_chunk, touches_markup

# A hyphen with a letter on each side ("holes-each", "universe-this"). Found from the hyphen
# (few per article) rather than from every word; the words either side are checked in Python.
# The hyphen first, its letter-before test after it: the same matches as a leading
# (?<=[A-Za-z]), but the regex engine jumps from hyphen to hyphen (issue 11).
_HYPHEN = re.compile(r"-(?<=[A-Za-z]-)(?=[A-Za-z])")
_WORD_BEFORE = re.compile(r"[A-Za-z]+$")
_WORD_AFTER = re.compile(r"[A-Za-z]+")

# Words that open a clause or a parenthesis and never end a two-part hyphenated compound:
# pronouns, demonstratives, clause conjunctions and sentence adverbs. Particles that do end
# compounds are not here ("check-in", "add-on", "follow-up", "lay-off", "drive-through"),
# nor "a" ("la-a"), "or"/"not" (as in "either-or", "do-or-die" is three parts anyway).
_CLAUSE_OPENERS = frozenset("""
    this these those it he she we they you i its their our his her my your
    if which that there what when where who whom whose how why because although though while
    each maybe perhaps even just then and but so as for the one some many most not
    especially including namely leaving imagine
""".split())
# Two-part compounds whose second word is in that list and which English does write with a
# hyphen (Merriam-Webster): "what-if", "so-so", "know-how", "thank-you (note)", "see-through"
# is not affected; "must-have" is not either. Keyed by the pair, lower case.
_COMPOUNDS = frozenset({
    ("what", "if"), ("so", "so"), ("know", "how"), ("thank", "you"), ("how", "to"),
    ("if", "then"), ("wish", "you"), ("love", "you"), ("why", "this"), ("this", "that"),
    ("he", "she"), ("she", "he"), ("him", "her"), ("his", "her"), ("her", "his"),
    ("you", "you"), ("me", "you"), ("what", "when"), ("who", "what"), ("as", "if"),
    ("rock", "and"), ("hide", "and"), ("give", "and"), ("cut", "and"),
    ("have", "not"), ("have", "nots"), ("all", "one"), ("any", "one"), ("every", "one"),
    ("some", "one"), ("no", "one"), ("big", "one"), ("little", "one"),
})
# First parts that are prefixes, letters or interjections rather than a clause's last word.
_NOT_A_CLAUSE_END = frozenset("""
    a e i o u x t non self ex pre post anti co re sub mid semi multi pro all well un
    de dis mis over under hi oh uh um er ah ha yeah mm hmm no yes
    twenty thirty forty fifty sixty seventy eighty ninety hundred
""".split())

# Prefixes and attributive words that English hyphenates to a capitalised word ("trans-Atlantic",
# "counter-Reformation", "former-Soviet", "north-East"); the shorter ones ("anti-", "pro-",
# "mid-", "non-", "post-") are under the five-letter floor anyway.
_PREFIXES = frozenset("""
    pseudo ultra inter intra super cross counter extra multi quasi trans proto hyper micro
    macro retro franco greco judeo russo anglo sino indo afro euro former great grand deputy
    acting north south east west central upper lower little first second third would
    soon newly early later whole world state style
""".split())


@register
class HyphenAsDash(Rule):
    """A hyphen set where English writes a dash: two clauses or a clause and an aside joined by
    a bare hyphen, with no spaces ("two black holes-each of them 10 times the mass",
    "images of the universe-this series", "As you can see-maybe a little fuzzy-you can see").
    Chinese and some MT output collapse the dash (Chinese ——, Russian/Ukrainian spaced —)
    into the hyphen of the tokeniser's vocabulary; the result reads as a nonsense compound.

    English separates such a break with a dash — an em dash closed up (Chicago Manual of
    Style 17th ed., 6.85; AP Stylebook, "dash") or a spaced en dash (New Hart's Rules 4.11.2)
    — never with a hyphen, which joins the parts of a compound (Chicago 6.76). The zh-en MQM
    raters mark these as Fluency/Punctuation errors (bench/mqm_recall.py).

    Flagged only when the hyphenated chain has exactly two parts and the word after the
    hyphen either opens a clause or an aside (pronoun, demonstrative, conjunction, sentence
    adverb) and never ends a two-part compound, or is a capitalised name after a lower-case
    word of five letters or more that is not a prefix ("experiments-Einstein liked it",
    "equal-Japan, Finland"). Not flagged: compounds with particles
    ("check-in", "follow-up", "add-on"), longer chains ("so-and-so", "up-to-date",
    "state-of-the-art"), dictionary compounds whose second word is in the list ("what-if",
    "know-how", "thank-you", "so-so"), prefixes and single letters before the hyphen
    ("non-this", "e-it"), code and link targets. The fix writes an em dash; unsafe (the
    editor may prefer a spaced en dash, or a comma).
    """

    id = "punct-hyphen-as-dash"
    summary = "Hyphen joining two clauses where English writes a dash (holes-each of them)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "They collapsed into two black holes-each of them 10 times the mass of "
                     "the sun.",
             "fixed": "They collapsed into two black holes—each of them 10 times the mass of "
                      "the sun."},
            {"text": "We collected silent images of the universe-this series goes back to "
                     "the Big Bang.",
             "fixed": "We collected silent images of the universe—this series goes back to "
                      "the Big Bang."},
            {"text": "Einstein also realized-this is the most critical part-that energy "
                     "bends space.",
             "fixed": "Einstein also realized—this is the most critical part—that energy "
                      "bends space."},
            {"text": "The countries on the left are all relatively equal-Japan, Finland, Norway.",
             "fixed": "The countries on the left are all relatively equal—Japan, Finland, "
                      "Norway."},
            {"text": "It includes drug addiction-and social mobility rates.", "source_lang": "zh",
             "fixed": "It includes drug addiction—and social mobility rates."},
        ],
        "leave": [
            "Easy check-in, a built-in aquarium and a follow-up call.",
            "People had names like so-and-so, son of so-and-so.",
            "It was a state-of-the-art, up-to-date plant.",
            "The what-if scenario needs know-how; the thank-you note was so-so.",
            "They collapsed into two black holes — each of them 10 times the mass of the sun.",
            "A self-driving car and an e-bike; the non-profit co-op.",
            "Twenty-one of the have-nots; the all-in-one kit.",
            "A trans-Atlantic, counter-Reformation and anti-American pro-Kremlin mood.",
            "The Austria-Hungary and Rolls-Royce era; a Franco-German deal.",
            "See https://example.org/black-holes-each-year for details.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if "-" not in text:
            return []
        findings = []
        for m in _HYPHEN.finditer(text):
            pos = m.start()
            after = _WORD_AFTER.match(text, pos + 1)
            second = after.group()
            low2 = second.lower()
            before = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
            first = before.group()
            low1 = first.lower()
            opens_clause = low2 in _CLAUSE_OPENERS and (second[0].islower() or second == "I")
            # "thought experiments-Einstein liked it", "all relatively equal-Japan, Finland":
            # a lower-case word of five letters or more, not a prefix, before a name
            before_name = (second[0].isupper() and second[1:].islower() and len(second) >= 3
                           and first.islower() and len(first) >= 5
                           and low1 not in _PREFIXES)
            if not (opens_clause or before_name):
                continue
            if len(first) < 2 or low1 in _NOT_A_CLAUSE_END or (low1, low2) in _COMPOUNDS:
                continue
            # exactly two parts: no hyphen, apostrophe, dot or slash glued to either end
            left_edge, right_edge = before.start(), after.end()
            if (left_edge and text[left_edge - 1] in "-'’./_@#:\\"
                    or right_edge < len(text) and text[right_edge] in "-'’/_@\\"
                    or left_edge and text[left_edge - 1].isdigit()):
                continue
            if in_code_chunk(text, pos) or touches_markup(article, left_edge, right_edge):
                continue
            findings.append(self.finding(
                pos, pos + 1,
                f"hyphen between “{first}” and “{second}” where a clause breaks: a dash",
                ["—"]))
        return findings
