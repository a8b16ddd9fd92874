"""What input readers share, below both mtqa.inputs and mtqa.readers (so neither imports the
other): the registries readers add themselves to, what a markup reader returns, how record
files are read, and the error that names an unreadable input.

Formats (docs/inputs.md): plain text; markup files (Markdown, HTML, XLIFF), read through a
*prose view* registered in `PROSE_VIEWS`; and record files (JSON Lines), which hold many
articles and are read by a function registered in `RECORD_READERS`.
"""
from __future__ import annotations

from typing import Callable, Dict, Optional, Sequence, Tuple, Union

from mtqa.article import Segment
from mtqa.plain import FrozenPlain, Plain


class InputError(Plain):  # not @dataclass (start-up: mtqa/plain.py)
    """An input that could not be read: the file (or feed record, `path:line`) and why.
    `audited` is True when the unreadable input is an article's source (--source): the
    article itself was still audited, without the source rules, so summaries must not count
    it as "not audited"."""
    path: str
    message: str
    audited: bool

    def __init__(self, path: str, message: str, audited: bool = False):
        self.path = path
        self.message = message
        self.audited = audited


class ProseView(Plain):  # not @dataclass (start-up: mtqa/plain.py)
    """What a markup reader makes of a file: `text` is the original with markup blanked to
    spaces (same length, so every offset means the same in both), plus what the markup tells
    about structure and the source language the file declares (a raw tag, normalised by the
    pipeline's reader)."""
    text: str
    headings: Sequence[Tuple[int, int]] = ()
    prose_runs: Optional[Sequence[Tuple[int, int]]] = None
    segments: Sequence[Segment] = ()
    source_lang: Optional[str] = None

    def __init__(self, text: str, headings: Sequence[Tuple[int, int]] = (),
                     prose_runs: Optional[Sequence[Tuple[int, int]]] = None,
                     segments: Sequence[Segment] = (), source_lang: Optional[str] = None):
        self.text = text
        self.headings = headings
        self.prose_runs = prose_runs
        self.segments = segments
        self.source_lang = source_lang


class RecordOptions(FrozenPlain):  # not @dataclass (start-up: mtqa/plain.py)
    """How to read record files (JSON Lines): which field holds the article text (None: "body"
    or "text") and which one identifies the record (None: "id" when present)."""
    field: Optional[str] = None
    id_field: Optional[str] = None

    def __init__(self, field: Optional[str] = None, id_field: Optional[str] = None):
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "id_field", id_field)


# suffix -> function(original text) -> prose view (a str of the same length, or a ProseView).
# Input formats register here (mtqa/readers/); plain text needs none. A reader raises ValueError
# with a message for the editor when the file cannot be read.
PROSE_VIEWS: Dict[str, Callable[[str], Union[str, ProseView]]] = {}
# suffix -> function(text, path, RecordOptions, source_lang) -> (articles, errors)
RECORD_READERS: Dict[str, Callable] = {}

# Plain text has no reader; importing the readers (html.parser, ElementTree, ...) for it would
# cost a one-file check ~15 ms of start-up (mtqa.pipeline.load_readers). No reader may
# register these suffixes.
PLAIN_TEXT_SUFFIXES = frozenset({".txt"})

