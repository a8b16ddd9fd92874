import re

from mtqa.registry import Rule, register
from mtqa.rules._gates import occurs_near

# A sentence that opens with a bare title and its "of"/"to" phrase, the way Russian and
# Ukrainian (no articles) open a news sentence: "President of the European Parliament Roberta
# Metsola said", "Head of UOBO Anatoly Prokopiev visited", "Advisor to the head of the Office
# of the President Mykhailo Podolyak believes". Only at a line start or after a sentence end.
_TITLES = (r"(?:Head|President|Minister|Director|Chairman|Chairwoman|Chairperson|Governor|"
           r"Mayor|Spokesman|Spokeswoman|Spokesperson|Deputy|Commander|Secretary|Chief|Leader|"
           r"Member|Representative|Ambassador|Adviser|Advisor|Coach|Founder|Owner|Rector|"
           r"Prosecutor|Commissioner|Ombudsman|Speaker|General Director|Executive Director|"
           r"Director General|Director-General|Secretary General|Secretary-General|"
           r"Deputy Minister|Deputy Head|Deputy Chairman|First Deputy|Vice President|"
           r"Vice-President|Vice Chairman|Prime Minister|Press Secretary|Chief of Staff|"
           r"Head Coach|Head coach|Commander-in-Chief)")
_OPENING = re.compile(
    r"(?:^|(?<=[.!?] ))(" + _TITLES + r") (?:of|to) (?:the |(?-i:[A-Z]))", re.MULTILINE)
# Every _OPENING match holds " of " or " to " right after a title and ends at most 4
# characters after it (mtqa.rules._gates): only those places are tried.
_TITLE_REACH = max(map(len, re.sub(r"[()?:]", "", _TITLES).split("|")))
# The sentence ends at the first sentence-final mark followed by a space or the line end.
_SENTENCE_END = re.compile(r"[.!?][\"”’»)]*(?= |$)", re.MULTILINE)
_MIN_WORDS = 8  # headlines, captions and staff lists ("Director of Sales, T. Filippova.")


@register
class TitleWithoutArticle(Rule):
    """A sentence opening with a bare title and its "of" phrase, no article: "President of the
    European Parliament Roberta Metsola said", "Chairman of the jury Karen Shahnazarov noted",
    "Head of UOBO Anatoly Prokopiev visited". Russian and Ukrainian have no articles, and MT
    keeps the source's "Президент Европарламента Роберта Мецола заявила" order word for word.

    English puts a determiner before a singular count noun (Swan, Practical English Usage,
    3rd ed., 62 and 66): a title goes without one only straight before a name ("President
    Biden") or as a complement ("he was elected president"). With an "of" phrase the title is
    "the president of the European Parliament, Roberta Metsola," or moves behind the name
    (AP Stylebook, "titles"; Chicago Manual of Style 17th ed., 8.21).

    Flagged only at the start of a sentence of eight words or more that ends with a full stop,
    question or exclamation mark, so headlines, captions and staff lists are left; a title
    directly before a name ("President Joe Biden said") never matches. Measured
    (bench/en_false_alarms.py --per-rule): 0 in English originals, 1 in the references (the
    same calque in a uk-en reference: "Commander-in-Chief of the Armed Forces of Ukraine
    Valerii Zaluzhnyi held"), 43 in MT; read 40/43 (bench/reads/). The fix
    inserts "The" (unsafe: commas around the name, or "Ukrainian President Volodymyr
    Zelenskyy", may read better).
    """

    id = "grammar-title-without-article"
    summary = "Sentence opening with a bare title and “of” phrase (President of Ukraine X said)"
    category = "fluency/grammar"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "President of the European Parliament Roberta Metsola said the EU would "
                     "help.",
             "fixed": "The President of the European Parliament Roberta Metsola said the EU "
                      "would help."},
            "Advisor to the head of the Office of the President Mykhailo Podolyak believes it "
            "will take months.",
            {"text": "Talks ended. Head of UOBO Anatoly Prokopiev visited the farm today to see "
                     "the harvest.", "source_lang": "ru"},
        ],
        "leave": [
            "The President of the European Parliament, Roberta Metsola, said the EU would help.",
            "President Joe Biden said on Monday that the talks would continue next week.",
            "President of the European Parliament visits Kyiv",
            "Director of Sales, Tatyana Filippova.",
            "He was elected President of the United States in a landslide in 1980.",
        ],
    }

    def check(self, article, ctx):
        text = article.text
        if not occurs_near(_OPENING, text, (" of ", " to "), _TITLE_REACH, 8):
            return []
        findings = []
        for m in _OPENING.finditer(text):
            end = _SENTENCE_END.search(text, m.end())
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            if not end or end.start() > line_end:
                continue  # no sentence-final mark on this line: a headline or a caption
            if len(text[m.start():end.end()].split()) < _MIN_WORDS:
                continue
            title = m.group(1)
            fixed = "The " + title
            findings.append(self.finding(
                m.start(1), m.end(1),
                f"“{title} of/to …” opens the sentence without an article: “the {title.lower()}"
                f" of …, Name,” or the name first",
                [fixed]))
        return findings
