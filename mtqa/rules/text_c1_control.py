"""C1 control characters: Windows-1252 punctuation read as Latin-1 ("cities \x96 through")."""
from __future__ import annotations

import re

from mtqa.registry import Rule, register

# U+0080-U+009F, the C1 controls: no text uses them. They appear when Windows-1252 bytes
# (0x96 en dash, 0x97 em dash, 0x93/0x94 quotes, 0x92 apostrophe, 0x85 ellipsis) are read as
# ISO-8859-1, which is why the WHATWG Encoding Standard decodes the "latin1" label as
# windows-1252.
_C1 = re.compile(r"[\x80-\x9f]")


def _windows_1252(ch: str) -> str:
    """The character Windows-1252 puts at this byte, or "" for its five unused bytes."""
    try:
        return bytes([ord(ch)]).decode("cp1252")
    except UnicodeDecodeError:
        return ""


@register
class C1Control(Rule):
    """A C1 control character (U+0080–U+009F) in the text: “two of the many martyr cities
    \\x96 through Bucha and Irpin”. No text uses these code points (Unicode 15.0, 23.1:
    C1 controls have no graphic form); they are Windows-1252 punctuation, here an en dash
    (0x96) or em dash (0x97), decoded as Latin-1 somewhere in the MT pipeline (the WHATWG
    Encoding Standard maps the “latin1” label to windows-1252 for exactly this reason). A
    reader sees a box or nothing where the dash should be.

    The fix writes the Windows-1252 character (\\x96 → –, \\x97 → —, \\x93 → “) and is
    safe; the five bytes Windows-1252 leaves unused are deleted. Measured
    (bench/en_false_alarms.py --per-rule, session 4): 0 in English originals, 0 in the
    references, 80 in MT of 17 different source documents, all from one system
    (Lan-BridgeMT: 59 × \\x96, 21 × \\x97); every one read is a dash.
    """

    id = "text-c1-control"
    summary = "C1 control character: Windows-1252 punctuation read as Latin-1 (\\x96 for –)"
    category = "fluency/punctuation"
    severity = "minor"
    examples = {
        "flag": [
            {"text": "Two of the many martyr cities \x96 through Bucha and Irpin.",
             "fixed": "Two of the many martyr cities – through Bucha and Irpin."},
            {"text": "He said \x93yes\x94 at once.", "fixed": "He said “yes” at once."},
        ],
        "leave": [
            "Two of the many martyr cities – through Bucha and Irpin.",
            "Ärzte, Señor and Øresund keep their letters.",
        ],
    }

    def check(self, article, ctx):
        for m in _C1.finditer(article.text):
            char = _windows_1252(m.group())
            code = f"U+{ord(m.group()):04X}"
            message = (f"control character {code}: the Windows-1252 “{char}” read as Latin-1"
                       if char else f"control character {code}, not text")
            yield self.finding(m.start(), m.end(), message, [char], safe=True)
