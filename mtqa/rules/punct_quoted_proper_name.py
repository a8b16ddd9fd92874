"""A club, company, outlet or craft named in quotation marks after a preposition: "moved to
"Chelsea"", "the general director of "Shinnik"", "quoted by "Interfax""."""
from __future__ import annotations

import re

from mtqa.registry import Rule, register
from mtqa.rules._punct import in_code_or_markup
from mtqa.rules.punct_quoted_name import _HEADS, _is_quotation

# A preposition (optionally with "the") right before the quotation mark: the position where
# Russian and Ukrainian typography quotes a name standing alone, without the generic noun
# punct-quoted-name looks for (перешёл в «Челси», гендиректор «Шинника», со ссылкой на
# «Интерфакс»). The name: one to three capitalised words, hyphens and figures inside
# ("Al-Hilal", "Progress MS-21", "Interfax-Ukraine"), a comma or full stop allowed inside the
# closing mark.
_QUOTED = re.compile(
    r"\b(?:of|for|to|from|with|by|at|in|into|against|on|about|near|under|between|than)"
    r"(?: the)? ([\"“«])([A-Z][\w'’&-]*(?: [A-Z0-9][\w'’&-]*){0,2})([,.]?)([\"”»])")
# The same name before its generic noun, the English word order of the source's «Торатау»
# геопарк / гостиница «Жемчужина» once MT has moved the noun: 'the "Toratau" geopark', 'the
# "Pearl" hotel', 'the "Continent" residential complex' (one word may stand between).
_BEFORE_HEAD = re.compile(
    r"\b(?:the|a|an|of|for|to|from|with|by|at|in|into|on|near) ([\"“«])"
    r"([A-Z][\w'’&-]*(?: [A-Z0-9][\w'’&-]*){0,2})()([\"”»])"
    r"(?= (?:[a-z]+ )?(?:" + "|".join(sorted(h for h in _HEADS if h.isalpha())) + r")\b)")
# The name as the subject opening a sentence, a lower-case word after it: '"Torino" goes
# seventh', '"Energoatom" announced a new threat' («Торино» идёт седьмым). A quotation that
# opens a sentence and runs on ("Yes" is…, "Hope" and…, "Stop" - …) or a quoted headline
# word before a preposition ('"Komunalka" for Americans') is left.
_OPENS_SENTENCE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?] ))([\"“«])([A-Z][\w'’&-]*(?: [A-Z0-9][\w'’&-]*){0,2})()([\"”»])"
    r"(?= (?!(?:said|says|and|or|is|was|are|were|for|of|in|on|to|with|at|by|from|because|"
    r"as|than|that|but)\b)[a-z])")
# More generic nouns before a quoted name than punct-quoted-name knows (федеральный проект
# «Современная школа», модуль «Поиск», гипермаркет «Лента»): projects, shops, schools,
# hospitals, spacecraft modules, military units, awards, streets.
_MORE_HEADS = (r"hypermarket|store|shop|boutique|salon|project|kindergarten|school|lyceum|"
               r"gymnasium|hospital|clinic|sanatorium|camp|institute|university|academy|"
               r"studio|publisher|initiative|award|prize|order|medal|cup|league|village|"
               r"settlement|microdistrict|street|avenue|square|boulevard|mission|spacecraft|"
               r"rocket|satellite|module|battalion|brigade|regiment|detachment|squad|unit|"
               r"division|corps|ensemble|choir|troupe|orchestra|cooperative|farm")
_AFTER_HEAD = re.compile(
    r"\b(?:" + _MORE_HEADS + r") ([\"“«])([A-Z][\w'’&-]*(?: [A-Z0-9][\w'’&-]*){0,2})([,.]?)"
    r"([\"”»])")
# After "the" and a capitalised place or nationality word: 'the Yaroslavl "Shinnik"', 'the
# Egyptian "Al-Ahly"' (ярославский «Шинник», египетский «Аль-Ахли»).
_AFTER_PLACE = re.compile(
    r"\bthe [A-Z][a-z]+ ([\"“«])([A-Z][\w'’&-]*(?: [A-Z0-9][\w'’&-]*){0,2})([,.]?)([\"”»])")
# What every pattern above (and _LIST_NEXT) holds from its opening mark on: one to three
# capitalised words, a comma or full stop, the closing mark. Most quotations are sentences,
# so an article without such a short quoted name skips the five whole-text scans.
_SHORT_QUOTED_NAME = re.compile(
    r"[\"“«][A-Z][\w'’&-]*(?: [A-Z0-9][\w'’&-]*){0,2}[,.]?[\"”»]")
_CLOSES = {'"': '"', "“": "”", "«": "»"}
# The next name of a list the first one opens: 'played for "Torpedo", "Krasnodar" and
# "Rostov"' (plain names such as CSKA may stand between).
_LIST_NEXT = re.compile(
    r"(?:,| and|, and)(?: [A-Z][\w-]*,)*(?: and)? ([\"“«])([A-Z][\w'’&-]*(?: [A-Z0-9][\w'’&-]*){0,2})"
    r"([,.]?)([\"”»])")
# Words that make the quotation a composition title (AP Stylebook: books, films, songs, TV
# programmes, works of art are quoted), a slogan, a nickname or a word quoted as a word.
_WORK_WORDS = re.compile(
    r"(?i)\b(?:films?|movies?|cinema\w*|cartoons?|animated|screen\w*|novels?|books?|stor(?:y|ies)|"
    r"poems?|poetry|songs?|albums?|singles?|tracks?|lyrics|music\w*|bands?|singers?|"
    r"series|episodes?|seasons?|shows?|programmes?|programs?|sitcom|sequel|trilogy|franchise|"
    r"premiere\w*|actors?|actress\w*|starring|starred|stars|roles?|directed|director's|"
    r"plays?|performances?|concerts?|theat(?:er|re)\w*|stage[ds]?|opera|ballet|musical|exhibition|painting|"
    r"games?|video|channel|podcast|magazine|newspaper|article|headline|column|"
    r"slogans?|mottos?|motto|words?|terms?|phrases?|nicknamed?|dubbed|called|named|"
    r"inscriptions?|hashtag|labell?ed|titled?|entitled|brand(?:ed)?)\b")
# An article of reviews or culture news quotes titles throughout: the whole article is left
# when it names works this often.
_WORK_ARTICLE = re.compile(
    r"(?i)\b(?:films?|movies?|cinema|cartoons?|novels?|albums?|songs?|premieres?|sequels?|"
    r"screenplay|box office|actors?|actress(?:es)?|starring|directed by)\b")
_WORK_ARTICLE_MIN = 3


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], cut at line breaks and sentence stops."""
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start),
               text.rfind("? ", 0, start), text.rfind("! ", 0, start))
    stops = [i for i in (text.find("\n", end), text.find(". ", end), text.find("? ", end),
                         text.find("! ", end)) if i != -1]
    return text[left + 1:min(stops) if stops else len(text)]


def _lines_with_short_quoted_names(text: str):
    """(start, end) of each line holding a short quoted name, in order."""
    lines = []
    m = _SHORT_QUOTED_NAME.search(text)
    while m:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        lines.append((start, end))
        m = _SHORT_QUOTED_NAME.search(text, end)
    return lines


def _matches(text: str):
    """Every match of the five patterns, pattern by pattern, each in finditer's order.
    Speed (issue 11): each pattern's quotation is a short quoted name and no pattern matches
    a line break (lookarounds see the same at a line's end as at the text's), so the patterns
    are run over the lines holding one instead of the whole text (an article has a few);
    tests/test_speed_gates.py compares with finditer over the whole text."""
    lines = _lines_with_short_quoted_names(text)
    # (the module's names, read at call time: lazily compiled patterns replace themselves)
    patterns = (_QUOTED, _BEFORE_HEAD, _OPENS_SENTENCE, _AFTER_HEAD, _AFTER_PLACE)
    return [m for pattern in patterns for start, end in lines
            for m in pattern.finditer(text, start, end)]


@register
class QuotedProperName(Rule):
    """A name in quotation marks right after a preposition: “moved to "Chelsea" for 121
    million euros”, “the general director of "Shinnik"”, “(quoted by "Interfax")”, “the
    depressurisation of "Progress MS-21"”, “all objects under the management of "Zaboty"”.
    Russian and Ukrainian typography quotes the names of clubs, companies, outlets,
    organisations and spacecraft wherever they stand (Rosenthal, Справочник по правописанию и
    стилистике, “Названия … в кавычках”: перешёл в «Челси», со ссылкой на «Интерфакс»); MT
    keeps the marks. English news writes these names without them (AP Stylebook: company
    names and teams are capitalised, not quoted; only composition titles — books, films,
    songs, programmes — take quotation marks; Guardian and Observer style guide, “quotation
    marks”). punct-quoted-name catches the name after a generic noun (“the club
    "Severstal"”); this rule the name standing alone after a preposition (of, for, to, from,
    with, by, at, in, into, against, on, about, near, under, between, than; optionally with
    “the”), the rest of a list of quoted names, the
    name before its generic noun (“the "Toratau" geopark”) or after one that rule does not
    list (“the federal project "Modern School"”), after a place or nationality word (“the
    Moroccan "Wydad"”), and the name as the subject opening a sentence (“"Torino" goes
    seventh”).

    Not flagged: a quotation that is a composition title, slogan, nickname or word quoted as
    a word — the sentence names a film, book, song, show, performance, series, game, slogan,
    word, or says “called / named / dubbed” — or any quotation in an article that names films, novels,
    albums or actors three times or more (reviews and culture news quote titles throughout);
    a quotation followed by a verb of saying with its speaker or after a comma inside the
    marks ('"Yes," he said': speech; a bare name before the verb is its subject and flagged);
    code and markup. The suggestion drops the quotation marks (a comma or full stop inside
    them is kept) and is unsafe: the name may still need its English form (Shinnik, Zaboty →
    Care).
    """

    id = "punct-quoted-proper-name"
    summary = "Name in quotation marks after a preposition (moved to “Chelsea”)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "Enzo Fernandez moved to \"Chelsea\" for 121 million euros.",
             "fixed": "Enzo Fernandez moved to Chelsea for 121 million euros."},
            {"text": "\"No teams from Ukraine,\" said the general director of \"Shinnik\" "
                     "Serhiy Kulakov.",
             "fixed": "\"No teams from Ukraine,\" said the general director of Shinnik "
                      "Serhiy Kulakov.", "source_lang": "uk"},
            {"text": "The leak has stopped, a NASA representative said (quoted by \"Interfax\").",
             "fixed": "The leak has stopped, a NASA representative said (quoted by Interfax).",
             "source_lang": "ru"},
            {"text": "Roscosmos reported a depressurisation of \"Progress MS-21\" on Saturday.",
             "fixed": "Roscosmos reported a depressurisation of Progress MS-21 on Saturday."},
            {"text": "The ministers visited the \"Toratau\" geopark and the \"Pearl\" hotel.",
             "fixed": "The ministers visited the Toratau geopark and the Pearl hotel."},
            {"text": "Milan climbed to third place. \"Torino\" goes seventh with 30 points.",
             "fixed": "Milan climbed to third place. Torino goes seventh with 30 points."},
            # a name as the subject of a verb of saying is no quotation ("Minai," said …)
            {"text": "Power fell again. \"Energoatom\" announced a new threat.",
             "fixed": "Power fell again. Energoatom announced a new threat.", "source_lang": "uk"},
            {"text": "It was built under the federal project \"Modern School\".",
             "fixed": "It was built under the federal project Modern School.", "source_lang": "ru"},
            {"text": "They beat the Moroccan \"Wydad\" on penalties.",
             "fixed": "They beat the Moroccan Wydad on penalties."},
            {"text": "Mamaev played for \"Torpedo\", CSKA, \"Krasnodar\" and \"Rostov\".",
             "fixed": "Mamaev played for Torpedo, CSKA, Krasnodar and Rostov."},
        ],
        "leave": [
            "She is best known for her role in \"Yellowstone\".",
            "He was the author of \"Suspicion\" and \"Rope\", his best films.",
            "The protesters marched under the slogan \"Peace\".",
            "Today we were at the Performance \"Tsarevna-frog\".",
            "\"Stop\" is what the sign said. \"Hope\" and \"Faith\" were the words.",
            "Enzo Fernandez moved to Chelsea for 121 million euros.",
            "The company said in a statement to \"The Times\" that it disagreed.",
            "The minister replied to \"Yes,\" he said, with a smile.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if '"' not in text and "“" not in text and "«" not in text:
            return
        if not _SHORT_QUOTED_NAME.search(text) or (
                len(_WORK_ARTICLE.findall(text)) >= _WORK_ARTICLE_MIN):
            return
        done = -1
        for m in sorted(_matches(text), key=lambda m: m.start(1)):
            if m.start(1) < done:
                continue
            if not self._is_name(article, text, m):
                continue
            yield self._finding(m)
            done = m.end()
            # the rest of a list of names ('for "Torpedo", CSKA, "Krasnodar" and "Rostov"')
            more = _LIST_NEXT.match(text, done)
            while more and self._is_name(article, text, more):
                yield self._finding(more)
                done = more.end()
                more = _LIST_NEXT.match(text, done)

    @staticmethod
    def _is_name(article, text, m) -> bool:
        opener, name, closer = m.group(1), m.group(2), m.group(4)
        if _CLOSES[opener] != closer and not (opener == "“" and closer == '"'):
            return False
        start, end = m.start(1), m.end(4)
        if name.startswith("The ") or _is_quotation(text, end, m.group(3)):
            return False
        if _WORK_WORDS.search(_sentence(text, start, end)):
            return False
        return not in_code_or_markup(article, start, end)

    def _finding(self, m):
        name, trailing = m.group(2), m.group(3)
        return self.finding(
            m.start(1), m.end(4),
            f"“{name}” stands in quotation marks, the Russian/Ukrainian way of writing the "
            f"name of a club, company, outlet or organisation; English news writes it "
            f"without them",
            [name + trailing])
