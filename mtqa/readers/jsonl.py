"""JSON Lines news feeds (.jsonl): one JSON object per line, one article per object.

The article text is the string in `--field` (default: "body", else "text"; a dotted path such
as `article.body` reaches into nested objects); `--id-field` (default: "id" when present) names
the record in the output. Positions point into the file itself: the line is the record's line
and the column is the character of the JSON string literal where the flagged text begins, so
`feed.jsonl:12:345` opens at the right place in any editor even when the body holds escapes
(\\n, \\u00e9, \\"). A line that is not a JSON object, or lacks the field, is an error naming
the file and line; the other records are still audited.
"""
from __future__ import annotations

import json
from json.decoder import scanstring
from typing import List, Optional, Sequence, Tuple

from mtqa.article import Article, RecordOrigin
from mtqa.formats import RECORD_READERS, InputError, RecordOptions

DEFAULT_FIELDS = ("body", "text")
DEFAULT_ID_FIELDS = ("id",)
_WS = " \t\n\r"


def _skip_ws(s: str, i: int) -> int:
    while i < len(s) and s[i] in _WS:
        i += 1
    return i


def value_span(line: str, keys: Sequence[str], start: int = 0) -> Optional[Tuple[int, int]]:
    """Raw (start, end) of the value at `keys` in a JSON object text (the last one when a key
    repeats, as json.loads does), or None."""
    decoder = json.JSONDecoder()
    i = _skip_ws(line, start)
    if i >= len(line) or line[i] != "{":
        return None
    i = _skip_ws(line, i + 1)
    found = None
    while i < len(line) and line[i] != "}":
        key, i = scanstring(line, i + 1)
        i = _skip_ws(line, i)
        i = _skip_ws(line, i + 1)  # past ':'
        _, end = decoder.raw_decode(line, i)
        if key == keys[0]:
            found = (i, end) if len(keys) == 1 else value_span(line, keys[1:], i)
        i = _skip_ws(line, end)
        if i < len(line) and line[i] == ",":
            i = _skip_ws(line, i + 1)
    return found


def decode_literal(line: str, start: int, end: int) -> Tuple[str, List[int], bool, bool]:
    """Decode a JSON string literal char by char: (text with CRLF as LF, raw index of each
    character plus one for the end, non-ASCII was escaped, the text had CRLF)."""
    chars: List[str] = []
    where: List[int] = []
    ascii_escaped = False
    i = start + 1
    stop = end - 1
    while i < stop:
        if line[i] == "\\":
            n = 6 if line[i + 1] == "u" else 2
            if n == 6 and 0xD800 <= int(line[i + 2:i + 6], 16) < 0xDC00 \
                    and line[i + 6:i + 8] == "\\u":
                n = 12
            ch = json.loads('"' + line[i:i + n] + '"')
            if n >= 6 and any(ord(c) > 127 for c in ch):
                ascii_escaped = True
        else:
            n, ch = 1, line[i]
        chars.append(ch)
        where.append(i)
        i += n
    where.append(stop)
    text = "".join(chars)
    crlf = "\r\n" in text
    if "\r" in text:
        keep = [k for k, c in enumerate(chars)
                if not (c == "\r" and k + 1 < len(chars) and chars[k + 1] == "\n")]
        chars = ["\n" if chars[k] == "\r" else chars[k] for k in keep]
        where = [where[k] for k in keep] + [where[-1]]
        text = "".join(chars)
    return text, where, ascii_escaped, crlf


def _lookup(record, keys: Sequence[str]):
    value = record
    for k in keys:
        if not isinstance(value, dict) or k not in value:
            return None
        value = value[k]
    return value


def read_records(text: str, path: str, options: RecordOptions, source_lang: Optional[str]
                 ) -> Tuple[List[Article], List[InputError]]:
    articles: List[Article] = []
    errors: List[InputError] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(InputError(where, f"not valid JSON ({exc.msg}, column {exc.colno})"))
            continue
        except RecursionError:  # (security) a record nested thousands deep
            errors.append(InputError(where, "JSON nested too deeply; record not read"))
            continue
        if not isinstance(record, dict):
            errors.append(InputError(where, "not a JSON object (one article object per line)"))
            continue
        candidates = [options.field] if options.field else DEFAULT_FIELDS
        field = next((f for f in candidates if _lookup(record, f.split(".")) is not None), None)
        if field is None:
            fields = ", ".join(sorted(record)) or "none"
            hint = "" if options.field else " (choose the field with --field)"
            errors.append(InputError(where, f"no field {' or '.join(map(repr, candidates))}"
                                            f"{hint}; fields: {fields}"))
            continue
        value = _lookup(record, field.split("."))
        if not isinstance(value, str):
            errors.append(InputError(where, f"field {field!r} is not a string"))
            continue
        if not value.strip():
            errors.append(InputError(where, f"field {field!r} is empty"))
            continue
        record_id = None
        for id_field in ([options.id_field] if options.id_field else DEFAULT_ID_FIELDS):
            found = _lookup(record, id_field.split("."))
            if found is not None and not isinstance(found, (dict, list)):
                record_id = str(found)
                break
        if options.id_field and record_id is None:
            errors.append(InputError(where, f"no id field {options.id_field!r}; "
                                            f"fields: {', '.join(sorted(record))}"))
            continue
        start, end = value_span(line, field.split("."))
        body, raw_columns, ascii_escaped, crlf = decode_literal(line, start, end)
        origin = RecordOrigin(path, number, record_id, field, (start, end), raw_columns,
                              ascii_escaped, crlf)
        articles.append(Article(body, source_lang=source_lang, origin=origin))
    if not articles and not errors:
        errors.append(InputError(path, "no records (empty JSON Lines file)"))
    return articles, errors


RECORD_READERS[".jsonl"] = read_records
