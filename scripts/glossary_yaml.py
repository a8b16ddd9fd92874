"""Write glossary packs in the YAML format of docs/glossary-format.md (stdlib + PyYAML only).

Shared by the build scripts so that every generated pack has the same layout: a header
comment, then `pack`, `description`, `source` and `entries`, each entry's keys in the order
of the format document, empty keys left out and lists written on one line.
"""
import yaml

KEY_ORDER = ("name", "type", "country", "variants", "incorrect", "russian_forms",
             "exceptions", "accept", "note")


class _Dumper(yaml.SafeDumper):
    pass


class _Flow(list):
    """A list written in flow style ([a, b])."""


_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def ordered_entry(entry):
    """Entry with keys in format order; empty values dropped; lists in flow style."""
    out = {}
    for key in KEY_ORDER:
        value = entry.get(key)
        if value in (None, "", []):
            continue
        out[key] = _Flow(value) if isinstance(value, list) else value
    unknown = set(entry) - set(KEY_ORDER)
    if unknown:
        raise ValueError(f"{entry.get('name')}: unknown keys {sorted(unknown)}")
    return out


def dump_pack(pack, description, source, entries, header):
    """YAML text of a pack; `header` is a list of comment lines (without '# ')."""
    body = {
        "pack": pack,
        "description": description,
        "source": source,
        "entries": [ordered_entry(e) for e in entries],
    }
    text = yaml.dump(body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    comments = "".join(f"# {line}".rstrip() + "\n" for line in header)
    return comments + text


def dedupe(items):
    """Items in first-seen order without repeats."""
    seen, out = set(), []
    for item in items:
        key = item if isinstance(item, str) else repr(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
