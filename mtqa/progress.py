"""A progress bar on stderr for long batches, drawn only where a person is watching.

It appears when the batch has more than `MIN_FILES` articles and the stream is a terminal
(and TERM is not "dumb"); in CI logs and pipes nothing is written. The bar redraws one line
in place (carriage return), at most `MAX_REDRAWS_PER_SECOND` times a second, and erases itself
when done so the findings that follow start on a clean line.
"""
from __future__ import annotations

import os
import sys
import time
from typing import Optional, TextIO

MIN_FILES = 20
MAX_REDRAWS_PER_SECOND = 10
_WIDTH = 30


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):  # closed or not a real stream
        return False


class Progress:
    """Protocol used by mtqa.api.check_paths: start(total), advance(path), finish()."""

    def __init__(self, stream: Optional[TextIO] = None, min_files: int = MIN_FILES,
                 clock=time.monotonic):
        self.stream = stream if stream is not None else sys.stderr
        self.min_files = min_files
        self.clock = clock
        self.total = 0
        self.done = 0
        self.active = False
        self._last_draw = float("-inf")
        self._drawn_width = 0

    def start(self, total: int) -> None:
        self.total, self.done = total, 0
        self.active = total > self.min_files and is_terminal(self.stream)
        if self.active:
            self._draw("", force=True)

    def advance(self, path: str = "") -> None:
        self.done += 1
        if self.active:
            self._draw(path, force=self.done == self.total)

    def finish(self) -> None:
        if self.active:
            self.stream.write("\r" + " " * self._drawn_width + "\r")
            self.stream.flush()
            self.active = False

    def line(self, path: str) -> str:
        filled = _WIDTH * self.done // max(self.total, 1)
        full, empty = self._glyphs()
        bar = full * filled + empty * (_WIDTH - filled)
        percent = 100 * self.done // max(self.total, 1)
        text = f"mtqa {bar} {self.done}/{self.total} articles {percent:3d}%"
        import shutil  # only when a progress line is drawn (start-up)

        room = shutil.get_terminal_size((80, 24)).columns - len(text) - 2
        if path and room > 10:
            name = path if len(path) <= room else "..." + path[-(room - 3):]
            text += f"  {name}"
        return text

    def _glyphs(self):
        try:
            "█░…".encode(getattr(self.stream, "encoding", None) or "ascii")
            return "█", "░"
        except (UnicodeEncodeError, LookupError):  # a terminal that cannot show block glyphs
            return "#", "-"

    def _draw(self, path: str, force: bool = False) -> None:
        now = self.clock()
        if not force and now - self._last_draw < 1.0 / MAX_REDRAWS_PER_SECOND:
            return
        self._last_draw = now
        text = self.line(path)
        pad = max(0, self._drawn_width - len(text))
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self._drawn_width = len(text)
