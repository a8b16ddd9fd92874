"""The one error type for input a user must correct (a configuration, glossary, phrase pack or
interchange file): every problem found, each naming the file (and line or key), so one run
reports them all. Each kind is a subclass, so callers can catch just theirs."""
from __future__ import annotations

from typing import Sequence


class ProblemsError(Exception):
    """`problems` lists "path:line: message" (or "file: key: message") strings."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))
