import re

from mtqa.registry import Rule, register

# Generic nouns after which Russian and Ukrainian put an organisation's, ship's, event's or
# place's name in quotation marks (компания «Северсталь», геопарк «Торатау», партия «Слуга
# народу»). Titles of works (film, song, book, play, show, programme, exhibition, campaign)
# are not here: English quotes those (AP Stylebook, "composition titles").
_HEADS = frozenset("""
company companies firm firms corporation concern holding holdings group enterprise enterprises
plant plants factory factories mill mine refinery shipyard works manufacturer producer
operator developer brand chain retailer supermarket
bank banks fund foundation charity organization organisation organizations organisations ngo
association union movement party parties bloc faction coalition alliance
club clubs team teams fc hc llc jsc pjsc ojsc cjsc prjsc
park geopark reserve sanctuary resort hotel restaurant cafe café mall market
stadium arena airport station museum theater theatre cinema center centre complex
festival forum tournament championship contest competition operation exercise exercises
ship vessel cruiser frigate destroyer submarine icebreaker tanker yacht carrier
newspaper newspapers magazine tabloid channel broadcaster agency portal website app
application platform network airline airlines railway
system systems
""".split())
# The heads that are abbreviations stand before the name in capitals ("FC", "LLC").
_QUOTE_OPEN = {'"': '"', "“": "”", "«": "»", "„": "“"}
# A name: 1-4 words, each capitalised (or all capitals, or a figure: "Zapad-2021",
# "Soyuz MS-22"), small joining words allowed inside ("Servant of the People").
_WORD = r"[A-Z0-9][\w'’.&-]*"
_SMALL = r"(?:of|the|and|for|de|du|la|le|von|van|di|da|in|on|at|to|&)"
_NAME = re.compile(rf"{_WORD}(?:[ -](?:{_SMALL}[ -])*{_WORD}){{0,3}}([,.]?)")
_OPENER = re.compile(r"[\"“«„]")
# A verb of saying right after the closing mark ('"Never again," he said'). Used with
# .match(text, pos), so no "^": that anchors at the text's start, not at pos.
_SAYING = re.compile(
    r"\s*(?:[—–-]\s*)?(?P<who>he|she|they|it|we|I|the\s+\w+|[A-Z]\w+(?:\s+[A-Z]\w+)?)?\s*"
    r"(?:said|says|say|told|tells|added|adds|noted|notes|wrote|writes|stated|states|asked|"
    r"explained|stressed|emphasi[sz]ed|recalled|announced|reported)\b")


def _is_quotation(text: str, after: int, trailing: str) -> bool:
    """The quoted words are speech followed by its attribution ('"Minai," said the coach',
    '"Hope" he said'), not a name: a bare name before the verb is its subject ('FC "Minai"
    said so', 'the company "Severstal" reported a profit')."""
    said = _SAYING.match(text, after)
    return said is not None and (bool(trailing) or said.group("who") is not None)


# Two quoted names joined as a match report ("Severstal" beat "Amur", "Real" - "Al-Hilal"):
# clubs, the Russian sports-page convention (хоккеисты «Северстали» обыграли «Амур»).
_Q = r"[\"“«„]([A-Z][\w'’.&-]*(?:[ -][A-Z][\w'’.&-]*){0,2})[\"”»“]"
_MATCH = re.compile(
    _Q + r"[ \t]+(?:beat|beats|defeated|defeats|lost\s+to|loses\s+to|drew\s+with|draws\s+with|"
    r"outplayed|overcame|thrashed|vs\.?|v\.?|against|[-–—])[ \t]+" + _Q)


def _head_before(text: str, pos: int) -> str:
    """The word right before a quotation mark, on the same line, or ""."""
    before = text[max(0, pos - 30):pos]
    if not before or before[-1] not in " \t":
        return ""
    words = before.rstrip(" \t").rsplit(None, 1)
    word = words[-1] if words else ""
    return word if word.isalpha() else ""


@register
class QuotedName(Rule):
    """A proper name in quotation marks after a generic noun: the company "Severstal", the
    geopark "Toratau", the party "Servant of the People", FC "Minai", LLC "Periodicals
    Supply", the residential complex "Continent". Russian and Ukrainian typography quotes the
    names of organisations, companies, clubs, ships, parks, events and operations
    (компания «Газпром»); English news does not: Reuters and AP write Gazprom, the Servant of
    the People party, the geopark Toratau, Operation Desert Storm, without quotation marks
    (AP Stylebook: company names, ships, newspapers and magazines are capitalised, not
    quoted; only "composition titles" — books, films, songs, programmes, works of art — take
    quotation marks). Once a name is seen quoted after such a noun, its other quoted
    occurrences in the article ("Severstal" won at home, after the club "Severstal") are
    flagged too, and so are two quoted names joined as a match report ("Severstal" beat
    "Amur", "Real" - "Al-Hilal": the Russian sports-page convention).

    Flagged: one of the generic nouns in this module (company, plant, bank, party, club, park,
    festival, operation, ship, newspaper, channel, agency, app, system…, and FC, LLC, JSC…)
    followed by a quotation holding a capitalised name of one to four words. Not flagged:
    titles of works after film, song, book, show, programme, exhibition, campaign (English
    quotes them); quotations whose content is not a capitalised name ("the company "went
    bankrupt""); a quotation followed by a verb of saying (a real quotation that happens to
    start with a capital). The suggestion drops the quotation marks (keeping a comma or full
    stop that was inside them); an editor confirms (the name may still need its English form,
    e.g. Minai → Mynai).

    Measured (bench/locale_recall_rules.py): 0 per 1,000 words in English originals, 0.03 in
    the references, 0.38 in MT (254 findings); 50 of 50 read MT findings right.
    """

    id = "punct-quoted-name"
    summary = ("Name in quotation marks after a generic noun (the company “Severstal”), "
               "a Russian/Ukrainian convention")
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "The steel company \"Severstal\" reported a profit.",
             "fixed": "The steel company Severstal reported a profit."},
            {"text": "It is the geopark “Toratau” in Bashkortostan.",
             "fixed": "It is the geopark Toratau in Bashkortostan."},
            {"text": "The party \"Servant of the People\" has a majority.",
             "fixed": "The party Servant of the People has a majority."},
            {"text": "According to FC \"Minai,\" the fight was provoked. FC \"Minai\" said so.",
             "fixed": "According to FC Minai, the fight was provoked. FC Minai said so."},
            {"text": "The club \"Severstal\" is in form: \"Severstal\" beat \"Amur\" 4-3.",
             "fixed": "The club Severstal is in form: Severstal beat Amur 4-3."},
            {"text": "\"Severstal\" beat \"Amur\" on a shootout. \"Amur\" has 64 points.",
             "fixed": "Severstal beat Amur on a shootout. Amur has 64 points."},
        ],
        "leave": [
            "She starred in the film \"Oppenheimer\" and sang the song \"Hello\".",
            "The company \"went bankrupt,\" officials said.",
            "The company \"Never again,\" he said, would be its motto.",
            "Gazprom and Severstal reported profits; the party won.",
            "He called the plant \"a disaster\" in an interview.",
            "He called it \"Hope\" - and \"Faith\" was the other word.",
            "Fans shouted at the team \"Go,\" the coach said.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if not _OPENER.search(text):
            return []
        findings, names = [], set()
        for m in _OPENER.finditer(text):
            close = _QUOTE_OPEN[m.group()]
            head = _head_before(text, m.start())
            if head.lower() not in _HEADS or (head.isupper() and len(head) <= 3 and
                                              head.lower() not in ("fc", "hc", "llc", "jsc")):
                continue
            name = _NAME.match(text, m.end())
            if not name or text[name.end():name.end() + 1] != close:
                continue
            inner, trailing = name.group(), name.group(1)
            if _is_quotation(text, name.end() + 1, trailing):
                continue
            bare = inner[:len(inner) - len(trailing)] if trailing else inner
            names.add(bare)
            findings.append(self._finding(m.start(), name.end() + 1, bare, trailing, head))
        for m in _MATCH.finditer(text):
            for group in (1, 2):
                names.add(m.group(group))
        if names:
            # other quoted occurrences of the same names ("Severstal" beat ...)
            flagged = {f.start for f in findings}
            for bare in names:
                for m in re.finditer(rf"[\"“«„]{re.escape(bare)}([,.]?)[\"”»“]", text):
                    if m.start() not in flagged and not _is_quotation(text, m.end(), m.group(1)):
                        findings.append(self._finding(m.start(), m.end(), bare, m.group(1),
                                                      None))
        return sorted(findings, key=lambda f: f.start)

    def _finding(self, start, end, bare, trailing, head):
        where = (f"after “{head}”" if head
                 else "(a club, company or organisation name in this article)")
        return self.finding(
            start, end,
            f"“{bare}” is a name in quotation marks {where}: English news writes names of "
            f"organisations, clubs, ships and places without them", [bare + trailing])
