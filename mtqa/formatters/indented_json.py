"""`json.dumps(value, ensure_ascii=False, indent=2)`, byte for byte, in a fraction of the time.

With `indent`, the standard library falls back to its pure-Python encoder, which passes every
piece of output up a chain of nested generators: with hundreds of thousands of findings the
JSON writers spent most of a run there (issue 13: a 1 MB input with 800,000 findings took
tens of seconds to print). This writer walks the value once, appending to one list, and
encodes strings with the same C function json uses. Anything it does not know (non-string
keys, subclasses, special floats, ...) goes to json.dumps itself, so the output is always
what json.dumps gives (tests/test_formats_speed.py checks it on random values).
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C implementation when available
from typing import Any, List

_SCALARS = {str, int, bool, type(None)}


def dumps(value: Any, indent: int = 2) -> str:
    """json.dumps(value, ensure_ascii=False, indent=indent)."""
    parts: List[str] = []
    try:
        _encode(value, parts, "\n", " " * indent)
    except _Unusual:
        return json.dumps(value, ensure_ascii=False, indent=indent)
    return "".join(parts)


class _Unusual(Exception):
    """A value json.dumps formats in its own way: let it."""


def _scalar(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if kind is float and value == value and value not in (float("inf"), float("-inf")):
        return float.__repr__(value)
    raise _Unusual


def _encode(value: Any, parts: List[str], newline: str, step: str) -> None:
    kind = type(value)
    if kind is dict:
        if not value:
            parts.append("{}")
            return
        inner = newline + step
        sep = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            item_kind = type(item)
            if item_kind in _SCALARS or item_kind is float:
                parts.append(f"{sep}{encode_basestring(key)}: {_scalar(item)}")
            else:
                parts.append(f"{sep}{encode_basestring(key)}: ")
                _encode(item, parts, inner, step)
            sep = "," + inner
        parts.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            parts.append("[]")
            return
        inner = newline + step
        sep = "[" + inner
        for item in value:
            item_kind = type(item)
            if item_kind in _SCALARS or item_kind is float:
                parts.append(sep + _scalar(item))
            else:
                parts.append(sep)
                _encode(item, parts, inner, step)
            sep = "," + inner
        parts.append(newline + "]")
    else:
        parts.append(_scalar(value))
