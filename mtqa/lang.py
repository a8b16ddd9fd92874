"""Language codes: the source language of an article, as a BCP 47 primary subtag.

An article's source language is decided once, by its reader (an explicit `--source-lang`, else
what a bilingual file declares), and normalised here: `id_ID`, `id-ID`, `ID` and `ind` all
become `id`. Rules read only the result, `ctx.source_lang`, so no rule parses a tag itself.
An unknown code is an error naming where it came from (the flag, the configuration key or the
file), never a silently different set of checks.
"""
from __future__ import annotations

import re
from typing import Optional

from mtqa.lazyre import precompiled  # (cached regex code: start-up)

# ISO 639-1: every two-letter primary subtag BCP 47 allows.
_ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb
lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw
ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())
# Three-letter codes (ISO 639-2/3) and retired two-letter ones that mean a two-letter language;
# the languages mtqa audits first, plus English.
_ALIASES = {
    "ind": "id", "in": "id", "ukr": "uk", "rus": "ru", "zho": "zh", "chi": "zh", "cmn": "zh",
    "yue": "zh", "eng": "en", "msa": "ms", "may": "ms", "zsm": "ms", "iw": "he", "ji": "yi",
}
_TAG_RE = precompiled(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


class LanguageError(ValueError):
    """A language code mtqa does not know; the message names the code and where it was."""


def normalise_language(tag: Optional[str], where: Optional[str] = "--source-lang"
                       ) -> Optional[str]:
    """The primary subtag of a language tag, lower case (None for no tag). `where` names the
    flag, configuration key or file the tag came from, for the error message (None: the
    caller names it)."""
    if tag is None:
        return None
    prefix = f"{where}: " if where else ""
    if not isinstance(tag, str) or not tag.strip():
        raise LanguageError(f"{prefix}empty language code")
    tag = tag.strip()
    if not _TAG_RE.fullmatch(tag):
        raise LanguageError(f"{prefix}{tag!r} is not a language code such as \"uk\", \"id\" "
                            f"or \"zh\"")
    primary = re.split(r"[-_]", tag, 1)[0].lower()
    primary = _ALIASES.get(primary, primary)
    if primary not in _ISO_639_1:
        raise LanguageError(f"{prefix}unknown language code {tag!r} (use an ISO 639 code "
                            f"such as \"uk\", \"ru\", \"zh\" or \"id\")")
    return primary
