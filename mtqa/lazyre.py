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

Both kinds of pattern can skip Python's regex compiler: a lazy pattern's opcodes and those of
the few patterns modules need at import (`precompiled`: mtqa.article, mtqa.lang,
mtqa.suppress) are kept in the on-disk cache (sections below).
"""
from __future__ import annotations

import re
import sys
from array import array
from contextlib import contextmanager
from typing import List, Optional

import _sre

_ORIGINAL_COMPILE = re.compile
_PENDING: List["LazyPattern"] = []
# the rule modules, and helpers they import whose regexes most articles never reach:
# mtqa.source.* (only articles checked against a source), mtqa.normalise (only text holding
# format characters or combining marks)
_PREFIX = ("mtqa.rules.", "mtqa.source.", "mtqa.normalise")


class LazyPattern:
    __slots__ = ("pattern", "flags", "_compiled", "_holders", "_code")

    def __init__(self, pattern, flags=0):
        self.pattern = pattern
        self.flags = flags
        self._compiled = None
        self._holders: list = []  # (module namespace, name) holding this pattern
        # the cached output of Python's regex compiler (see _sre_args), or, read from the
        # cache, (the packed entry, this pattern's number) to unpack on first use (_unpacked)
        self._code = None

    def compiled(self) -> re.Pattern:
        rx = self._compiled
        if rx is None:
            code = self._code
            if type(code) is tuple:  # (the cache entry's columns, this pattern's number)
                code = _unpacked(*code)
            if code is not None:
                rx = _from_code(self.pattern, code)
            if rx is None:
                rx = _ORIGINAL_COMPILE(self.pattern, self.flags)
            self._compiled = rx
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
        _attach_codes([p for p in _PENDING if p._compiled is None and p._code is None])


# ---- compiled code kept in the cache ----------------------------------------------------------
# Python compiles a regex in pure Python (re._parser, re._compiler) and hands the resulting
# list of opcodes to the C engine (_sre.compile). The opcodes of every lazy pattern are kept in
# mtqa's cache, keyed by the patterns and the exact Python version, so a later run hands them
# to _sre.compile directly: the ~25 patterns a one-file check reaches cost ~1 ms instead of
# ~10 (start-up, docs/scale.md "Cold start"). _sre.compile validates the code it is given;
# a pattern whose cached code is refused is compiled as usual.

def _sre_args(pattern, flags) -> Optional[list]:
    """What re.compile passes to _sre.compile for this pattern (re._compiler.compile)."""
    from re import _compiler, _parser

    flags = int(flags)
    if not isinstance(pattern, str) or flags & re.DEBUG:
        return None
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    indexgroup = [None] * p.state.groups
    for name, i in p.state.groupdict.items():
        indexgroup[i] = name
    return [flags | p.state.flags, array("I", code), p.state.groups - 1,
            dict(p.state.groupdict), indexgroup]


def _usable(code) -> bool:
    """Whether a cached entry has the shape `_sre_args` gives (the cache may hold anything)."""
    return type(code) is list and len(code) == 5 and type(code[1]) is array


def _from_code(pattern: str, code: list) -> Optional[re.Pattern]:
    """The compiled pattern from cached `_sre_args` output, or None when _sre refuses it."""
    try:
        return _sre.compile(pattern, code[0], code[1].tolist(), code[2], code[3], tuple(code[4]))
    except Exception:  # noqa: BLE001 - a damaged entry: the caller compiles as usual
        return None


def _attach_codes(patterns: List["LazyPattern"]) -> None:
    from mtqa import cache

    if cache.cache_dir() is None:
        return
    _store_eager_codes()  # (after the rules load: every check gets here once)
    if not patterns:
        return
    key = cache.content_key(["regex-code 2", sys.version, str(_sre.MAGIC),
                             repr([(p.pattern, int(p.flags)) for p in patterns])])
    packed = cache.load("regex-code", key)
    if not _usable_packed(packed, len(patterns)):
        if not cache.writable():  # (building them all would then cost every run)
            return
        codes = [_sre_args(p.pattern, p.flags) for p in patterns]
        if all(map(_usable, codes)):  # (tests/test_coldstart.py: true of the rule modules')
            cache.store("regex-code", key, _packed(codes))
        for p, code in zip(patterns, codes):
            if _usable(code):
                p._code = code
    else:
        for i, p in enumerate(patterns):
            p._code = (packed, i)  # unpacked when the pattern is first used


# The entry holds the codes as columns: each pattern's flags and group count, and all their
# opcodes in one int array (with where each pattern's opcodes end); named groups as lists. A list of
# per-pattern lists, arrays and dicts took a JSON parser hook call for each array and dict:
# ~2 M instructions of every start-up for ~250 patterns a check mostly never compiles.

def _packed(codes: List[list]) -> list:
    ends, opcodes = array("I"), array("I")
    for code in codes:
        opcodes.extend(code[1])
        ends.append(len(opcodes))
    return [array("q", [c[0] for c in codes]), array("q", [c[2] for c in codes]), ends, opcodes,
            [[list(c[3].items()), c[4]] if c[3] else None for c in codes]]


def _usable_packed(packed, count: int) -> bool:
    return (type(packed) is list and len(packed) == 5
            and all(type(column) is array for column in packed[:4])
            and len(packed[0]) == len(packed[1]) == len(packed[2]) == count
            and type(packed[4]) is list and len(packed[4]) == count)


def _unpacked(packed: list, i: int) -> Optional[list]:
    """Pattern i's `_sre_args` output from the packed entry (None if it is damaged)."""
    flags, groups, ends, opcodes, names = packed
    named = names[i]
    try:
        groupdict, indexgroup = ({}, [None] * (groups[i] + 1)) if named is None else \
            (dict(named[0]), named[1])
        return [flags[i], opcodes[ends[i - 1] if i else 0:ends[i]], groups[i], groupdict,
                indexgroup]
    except (TypeError, ValueError, IndexError):
        return None


# ---- regexes every check compiles (mtqa.article's tokenizer, ...) ------------------------------
# Modules every check imports (article.py before the rules, lang.py and suppress.py after)
# need their patterns at once: `precompiled` compiles them from opcodes kept in one cache
# entry (pattern and flags -> code), keyed by the Python version, and compiles as usual what
# the entry lacks; the entry is rewritten with the new codes when the rule modules have
# loaded (_attach_codes), or at once for a module imported after that. The code
# for a given pattern, flags and Python version is always the same, so an entry can be old
# but never wrong.
_EAGER_CODES: Optional[dict] = None
_EAGER_NEW: dict = {}
_rules_loaded = False


def _eager_key() -> str:
    from mtqa import cache

    return cache.content_key(["eager-regex-code 1", sys.version, str(_sre.MAGIC)])


def precompiled(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), from the cached opcodes when the cache has them."""
    global _EAGER_CODES
    if _EAGER_CODES is None:
        from mtqa import cache

        loaded = cache.load("eager-regex-code", _eager_key()) \
            if cache.cache_dir() is not None else None
        _EAGER_CODES = loaded if type(loaded) is dict else {}
    name = f"{int(flags)}:{pattern}"
    code = _EAGER_CODES.get(name)
    if _usable(code):
        rx = _from_code(pattern, code)
        if rx is not None:
            return rx
    code = _sre_args(pattern, flags)
    if code is not None:
        _EAGER_NEW[name] = code
        if _rules_loaded:  # (a module imported after the rules: stored now, once)
            _store_eager_codes()
    return _ORIGINAL_COMPILE(pattern, flags)


def _store_eager_codes() -> None:
    global _EAGER_CODES, _rules_loaded
    from mtqa import cache

    _rules_loaded = True
    if _EAGER_NEW and cache.writable():
        _EAGER_CODES = {**(_EAGER_CODES or {}), **_EAGER_NEW}
        cache.store("eager-regex-code", _eager_key(), _EAGER_CODES)
    _EAGER_NEW.clear()


def compile_all() -> int:
    """Compile every pending pattern now; the number compiled."""
    pending = [p for p in _PENDING if p._compiled is None]
    for p in pending:
        p.compiled()
    return len(pending)
