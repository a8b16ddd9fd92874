import heapq
import re
import unicodedata

from mtqa.normalise import FORMAT_CHARS as _FORMAT, FORMAT_RE as _PREFILTER, unmarked, \
    visible as _visible
from mtqa.registry import Rule, register

# Format characters (Unicode category Cf, mtqa.normalise): zero-width space/joiners, word
# joiner, soft hyphen, byte-order mark, direction marks and embeddings. Invisible in print, they
# split a word for every search; the name rules read through them (Article.name_views).
# a word with format characters or combining marks inside it
_WORD = re.compile(rf"[^\W\d_][\w\u0300-\u036f]*(?:[{_FORMAT}]+[\w\u0300-\u036f]+)+")
_COMBINING_WORD = re.compile(r"[^\W\d_][\w\u0300-\u036f]*[\u0300-\u036f][\w\u0300-\u036f]*")


@register
class InvisibleCharacter(Rule):
    """An invisible character inside a word: a zero-width space or joiner, a soft hyphen, a
    direction mark (Unicode format characters), or a letter written as a base letter plus a
    combining accent where the composed letter exists ("Kie\u0301v" instead of "Kiév").
    Copy-pasted MT output and CMS round trips leave them; they are invisible to an editor but
    split the word for every search, spell checker and glossary (a name with one inside
    evades every name rule), and can be used on purpose to slip a wrong spelling through.

    The name rules read names through these characters (Article.name_views), so "Ki\u200bev"
    is also a name-incorrect finding; when the cleaned word (or the word without combining
    marks) is a glossary's incorrect or Russian form outside the entry's exceptions, this
    finding is major and suggests the house form too, so that the two fold into one (mtqa.merge)
    and do not count the word twice. Otherwise the fix removes the format characters and composes the letters (Unicode NFC); it is safe
    when the word is in Latin letters (English copy has no use for them there). Not flagged:
    format characters between words or next to digits and symbols (emoji sequences join
    pictographs, not letters); words in scripts that need joiners (Arabic, Indic) are flagged
    but their fix is not applied automatically.
    """

    id = "text-invisible-char"
    summary = "Invisible character inside a word (zero-width space, soft hyphen, combining accent)"
    category = "fluency/spelling"
    severity = "minor"
    examples = {
        "flag": [{"text": "Shelling hit Ki\u200bev on Monday.",
                  "fixed": "Shelling hit Kyiv on Monday."},
                 {"text": "Zelen\u00adskyy spoke.", "fixed": "Zelenskyy spoke."},
                 {"text": "The new cafe\u0301 opened.", "fixed": "The new café opened."}],
        "leave": ["Shelling hit Kyiv on Monday.", "Tea\u200b \u200bbreak.", "Chicken Kiev.",
                  "A family emoji \U0001F468\u200d\U0001F469\u200d\U0001F467 here.",
                  "The café in Kyiv."],
    }

    def check(self, article, ctx):
        text = article.text
        found = []
        if _PREFILTER.search(text):
            found.append(m.span() for m in _WORD.finditer(text))
        if not unicodedata.is_normalized("NFC", text):
            found.append(m.span() for m in _COMBINING_WORD.finditer(text)
                         if not unicodedata.is_normalized("NFC", m.group()))
        reached = -1  # spans come sorted: one overlaps an earlier one iff it starts before
        # the furthest end so far (a look over every earlier span was quadratic; #13)
        # (both searches yield sorted spans: merged as found, so a rule stopped at the
        # finding limit does not search a 1 MB article to its end first; hardening5, #13)
        for start, end in heapq.merge(*found):
            if start < reached:
                continue
            reached = max(reached, end)
            word = text[start:end]
            fixed = _visible(word)
            if fixed == word:
                continue
            latin = all(ord(c) < 0x250 for c in fixed if c.isalpha())
            known = self._wrong_form(ctx, article, start, end, fixed, unmarked(word))
            if known:
                # a wrong spelling hidden from the name rules: as serious as the spelling
                # A glossary's wrong spelling is written as the house form at once: removing
                # the character alone would leave a known wrong name (and the fix loop
                # withdraws a fix that makes a new finding appear).
                from mtqa.glossary import match_case

                house = match_case(known[2] or known[1].name, fixed)
                suggestions = [house, fixed] if known[0] == "incorrect" else [fixed, house]
                yield self.finding(start, end, f"invisible character inside “{fixed}”, a "
                                               f"known incorrect spelling of {known[1].name}",
                                   suggestions, safe=latin, severity="major")
                continue
            yield self.finding(start, end, f"invisible character inside “{fixed}”", [fixed],
                               safe=latin)

    @staticmethod
    def _wrong_form(ctx, article, start, end, *words):
        """The glossary's (kind, entry, fix) when one of the cleaned words is a wrong form of a
        name and the span is not in one of its exceptions ("Chicken Ki\u200bev")."""
        glossary = ctx.glossary if ctx is not None else None
        if glossary is None:
            return None
        for word in words:
            known = glossary.lookup(word)
            if known is None and word.isupper() and len(word) > 1:
                known = glossary.lookup(word[0] + word[1:].lower())  # KI\u200bEV
            if known and known[0] in ("incorrect", "russian") and \
                    not glossary.in_exception(article, start, end, known[1]):
                return known
        return None
