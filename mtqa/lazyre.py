"""Regexes compiled on first use, for the rule modules (start-up time).

Python compiles a regex in pure Python: the ~100 module-level regexes of the rule modules cost
a one-file check ~30 ms of its start-up, though most of them serve branches that a given
article never reaches (a typical short article uses a quarter of them). While mtqa.rules
imports its modules, `re.compile` called by a rule module's own code returns a
`LazyPattern` instead (see `compiling_lazily`); nothing changes in how rules are written.

A LazyPattern knows its pattern and flags; on first real use it compiles, then puts the
compiled pattern in place of itself in the globals of the rule modules that hold it, so
later uses cost nothing extra. Copies kept elsewhere (a tuple, a class attribute) keep working
through the proxy, slightly slower. `compile_all()` compiles every one (tests: a bad regex
fails there, not on the first article that needs it).
"""
from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from typing import List

_ORIGINAL_COMPILE = re.compile
_PENDING: List["LazyPattern"] = []
# the rule modules, and helpers they import whose regexes most articles never reach:
# mtqa.source.* (only articles checked against a source), mtqa.normalise (only text holding
# format characters or combining marks)
_PREFIX = ("mtqa.rules.", "mtqa.source.", "mtqa.normalise")


class LazyPattern:
    __slots__ = ("pattern", "flags", "_compiled", "_holders")

    def __init__(self, pattern, flags=0):
        self.pattern = pattern
        self.flags = flags
        self._compiled = None
        self._holders: list = []  # (module namespace, name) holding this pattern

    def compiled(self) -> re.Pattern:
        rx = self._compiled
        if rx is None:
            rx = self._compiled = _ORIGINAL_COMPILE(self.pattern, self.flags)
            for namespace, key in self._holders:  # rebind the rule modules' names
                if namespace.get(key) is self:
                    namespace[key] = rx
            self._holders = []
        return rx

    def __getattr__(self, name):  # search, finditer, sub, groups, ...: the compiled pattern's
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"


def _compile(pattern, flags=0):
    caller = sys._getframe(1).f_globals.get("__name__", "")
    if caller.startswith(_PREFIX) and isinstance(pattern, (str, bytes)):
        lazy = LazyPattern(pattern, flags)
        _PENDING.append(lazy)
        return lazy
    return _ORIGINAL_COMPILE(pattern, flags)


@contextmanager
def compiling_lazily():
    """While importing the rule modules: their `re.compile` calls return LazyPatterns."""
    re.compile = _compile
    try:
        yield
    finally:
        re.compile = _ORIGINAL_COMPILE
        # which module names hold each pattern (a module may import another's), found once
        for name, module in list(sys.modules.items()):
            if name.startswith(_PREFIX) and module is not None:
                namespace = module.__dict__
                for key, value in namespace.items():
                    if type(value) is LazyPattern:
                        if value._compiled is None:
                            value._holders.append((namespace, key))
                        else:  # already used while the modules loaded
                            namespace[key] = value._compiled


def compile_all() -> int:
    """Compile every pending pattern now; the number compiled."""
    pending = [p for p in _PENDING if p._compiled is None]
    for p in pending:
        p.compiled()
    return len(pending)
