"""Project configuration: `[tool.mtqa]` in pyproject.toml or top-level keys in mtqa.toml.

The file is found by walking up from the working directory; the first folder with mtqa
configuration wins, and in one folder mtqa.toml beats pyproject.toml (a pyproject.toml without
a `[tool.mtqa]` table does not count). `--config FILE` names the file, `--no-config` ignores
files. Command-line options override the file key by key (an option given on the command line
replaces the file's value, it does not add to it). Every value remembers where it came from,
for `mtqa config`. The reference is docs/config.md.
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Sequence, Tuple


from mtqa.problems import ProblemsError
from mtqa.finding import SEVERITIES
from mtqa.plain import FrozenPlain, Plain

CONFIG_NAMES = ("mtqa.toml", "pyproject.toml")
# keys whose command-line values add to the file's instead of replacing them
EXTENDING_KEYS = ("extend-select", "extend-ignore")
DEFAULT_ORIGIN = "default"
CLI_ORIGIN = "command line"


class ConfigError(ProblemsError):
    """The configuration cannot be used; `problems` are "file: key: message" strings."""


# ---- value checks: each returns the normalised value or raises ValueError(message) ----------

class _Where(Plain):  # not @dataclass (start-up: mtqa/plain.py)
    """What a check needs to know about the file a value comes from."""
    folder: Path

    def __init__(self, folder: Path):
        self.folder = folder


def _string_list(value, where) -> Tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list) or \
            not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("must be a list of non-empty strings, e.g. [\"a\", \"b\"]")
    return tuple(v.strip() for v in value)


def _known_selectors(selectors: Sequence[str]) -> None:
    from mtqa.registry import all_rules, known_selector

    ids = [r.id for r in all_rules()]
    for s in selectors:
        if not known_selector(s, ids):
            import difflib  # only for a mistake (start-up)

            close = difflib.get_close_matches(s, ids, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else " (see `mtqa rules`)"
            raise ValueError(f"no rule matches {s!r}{hint}")


def _rule_list(value, where) -> Tuple[str, ...]:
    selectors = _string_list(value, where)
    _known_selectors(selectors)
    return selectors


def _files(value, where, what: str) -> Tuple[str, ...]:
    """Paths of existing files, relative ones resolved from the configuration file's folder."""
    out = []
    for p in _string_list(value, where):
        path = Path(p).expanduser()
        path = path if path.is_absolute() else where.folder / path
        if not path.is_file():
            raise ValueError(f"no such {what}: {p} (looked for {path})")
        out.append(os.path.normpath(str(path)))
    return tuple(out)


def _glossaries(value, where) -> Tuple[str, ...]:
    return _files(value, where, "glossary file")


class _Problems(ValueError):
    """Problems that already name their file and line (a house phrase pack's)."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def _phrase_packs(value, where) -> Tuple[str, ...]:
    """House phrase packs: resolved like glossaries, then loaded and registered as rules now,
    so that select/ignore/severity can name their entries (mtqa.rules.phrase)."""
    out = _files(value, where, "phrase pack")
    from mtqa.phrases import PhrasePackError
    from mtqa.rules.phrase import register_house_packs

    try:
        register_house_packs(out)
    except PhrasePackError as exc:
        raise _Problems(exc.problems) from None
    return out


def _packs(value, where) -> Tuple[str, ...]:
    from mtqa.glossary import bundled_pack_paths

    packs = _string_list(value, where)
    available = list(bundled_pack_paths())
    for p in packs:
        if p not in available:
            raise ValueError(f"no bundled pack named {p!r} "
                             f"(bundled: {', '.join(available) or 'none'})")
    return packs


def _severity_table(value, where) -> Dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError('must be a table of rule -> severity, e.g. "name-near-miss" = "minor"')
    _known_selectors(list(value))
    for rule, sev in value.items():
        if sev not in SEVERITIES:
            raise ValueError(f"{rule}: severity must be one of {', '.join(SEVERITIES)}, "
                             f"not {sev!r}")
    return dict(value)


def _fail_on(value, where) -> str:
    choices = list(SEVERITIES) + ["never"]
    if value not in choices:
        raise ValueError(f"must be one of {', '.join(choices)}, not {value!r}")
    return value


def _source_lang(value, where) -> str:
    # normalised once, to a BCP 47 primary subtag (mtqa.lang; id_ID -> id)
    from mtqa.lang import normalise_language

    if not isinstance(value, str):
        raise ValueError(f"must be a language code such as \"uk\", \"id\" or \"zh\", not {value!r}")
    return normalise_language(value, None)


def _source_path(value, where) -> str:
    # source articles (mtqa.source): a file or folder, relative to the configuration file;
    # a missing one is reported by the run (targets are still audited), not here
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a path to the source file or folder")
    path = Path(value).expanduser()
    return os.path.normpath(str(path if path.is_absolute() else where.folder / path))


def _globs(value, where) -> Tuple[str, ...]:
    return _string_list(value, where)


def _per_file_ignores(value, where) -> Dict[str, Tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ValueError('must be a table of glob -> rules, e.g. "wire/*.md" = ["name-near-miss"]')
    out = {}
    for pattern, rules in value.items():
        try:
            out[pattern] = _rule_list(rules, where)
        except ValueError as exc:
            raise ValueError(f"{pattern!r}: {exc}") from None
    return out


def _score(value, where) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise ValueError(f"must be a number from 0 to 100, not {value!r}")
    return float(value)


class Key(FrozenPlain):  # not @dataclass (start-up: mtqa/plain.py)
    name: str
    default: Any
    check: Callable[[Any, _Where], Any]
    help: str

    def __init__(self, name: str, default: Any, check: Callable[[Any, _Where], Any], help: str):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "default", default)
        object.__setattr__(self, "check", check)
        object.__setattr__(self, "help", help)


KEYS: Dict[str, Key] = {k.name: k for k in (
    Key("glossaries", (), _glossaries,
        "extra glossary files, relative to the configuration file"),
    Key("disabled-packs", (), _packs, "bundled glossary packs to switch off"),
    Key("phrase-packs", (), _phrase_packs,
        "house phrase packs (YAML, the bundled packs' format), relative to the file"),
    Key("select", (), _rule_list, "run only these rules (ids or prefixes)"),
    Key("ignore", (), _rule_list, "skip these rules (ids or prefixes)"),
    Key("extend-select", (), _rule_list, "run these rules too, on top of select"),
    Key("extend-ignore", (), _rule_list, "skip these rules too, on top of ignore"),
    Key("severity", {}, _severity_table, "severity per rule id or prefix"),
    Key("fail-on", "major", _fail_on, "`mtqa check` exits 1 at this severity or worse"),
    Key("source-lang", None, _source_lang, "language the articles were translated from"),
    Key("source", None, _source_path,
        "source articles (file or folder) to compare with, relative to the configuration file"),
    Key("exclude", (), _globs, "paths skipped when expanding folders"),
    Key("per-file-ignores", {}, _per_file_ignores, "glob -> rules not reported in those files"),
    Key("publish-at", 90.0, _score,
        "score at or above which an article with only minor findings is \"minor\""),
    Key("review-below", 80.0, _score, "score below which the verdict is hold"),
    # issue 9 (recall-spell): the house word list of spell-unknown-word
    Key("spelling-words", (), _string_list,
        "words spell-unknown-word accepts besides the dictionary (house terms)"),
)}


# ---- finding and reading the file -----------------------------------------------------------

def _tomllib():
    # imported when a file is parsed, not at start-up (about 10 M instructions of cold start)
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python < 3.11 only
        import tomli as tomllib
    return tomllib


def _read_toml(path: Path) -> dict:
    """The parsed file. A file parsed before comes from mtqa's cache (keyed by its bytes):
    importing tomllib and parsing cost ~40 M instructions, an eighth of a one-file check
    run in a project whose pyproject.toml holds [tool.mtqa] (docs/scale.md, "Cold start")."""
    from mtqa import cache

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ConfigError([f"{path}: cannot read ({exc.strerror or exc})"]) from None
    key = cache.content_key(["toml", data])
    parsed = cache.load("config-toml", key)
    if isinstance(parsed, dict):
        return parsed
    tomllib = _tomllib()
    try:
        parsed = tomllib.loads(data.decode())  # (as tomllib.load does)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{path}: not valid TOML: {exc}"]) from None
    cache.store("config-toml", key, parsed)  # (not stored when it holds dates: not plain data)
    return parsed


def _mtqa_table(path: Path, data: dict) -> Optional[Tuple[dict, bool]]:
    """The mtqa part of a parsed file: `[tool.mtqa]` of a pyproject.toml (None when it has
    none); the top level of any other file, or its `[tool.mtqa]` when that is all it holds.
    The flag says the table is a [tool.mtqa] one (for messages)."""
    tool = data.get("tool")
    nested = isinstance(tool, dict) and "mtqa" in tool and (path.name == "pyproject.toml"
                                                            or set(data) == {"tool"})
    if path.name == "pyproject.toml" and not nested:
        return None
    if not nested:
        return data, False
    if not isinstance(tool["mtqa"], dict):
        raise ConfigError([f"{path}: tool.mtqa: must be a table ([tool.mtqa])"])
    return tool["mtqa"], True


def _may_hold_mtqa(path: Path) -> bool:
    """Can this pyproject.toml hold a [tool.mtqa] table? Not when the text has no "mtqa" and
    no escape that could spell it in a quoted key: then it is not parsed at all (parsing the
    project's pyproject.toml at every start-up costs a few ms of cold start), and, as before,
    the search goes on upwards. Unreadable files are left to _read_toml's error."""
    try:
        data = path.read_bytes()
    except OSError:
        return True
    return b"mtqa" in data or b"\\u" in data or b"\\U" in data


def find_config(start: Optional[Path] = None) -> Optional[Tuple[Path, dict, bool]]:
    """The first configuration found walking up from `start` (default: the working folder)."""
    folder = Path(os.path.abspath(start or os.getcwd()))
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _may_hold_mtqa(candidate):
                    continue
                found = _mtqa_table(candidate, _read_toml(candidate))
                if found is not None:
                    return (candidate, *found)
    return None


def read_config_file(path) -> Tuple[Path, dict, bool]:
    """An explicitly named configuration file (--config)."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError([f"{path}: no such configuration file"])
    found = _mtqa_table(path, _read_toml(path))
    if found is None:
        raise ConfigError([f"{path}: has no [tool.mtqa] table"])
    return (Path(os.path.abspath(path)), *found)


def parse(path: Path, table: dict, nested: bool = False) -> Dict[str, Any]:
    """Check and normalise a configuration table; ConfigError lists every problem."""
    problems = []
    values = {}
    prefix = "tool.mtqa." if nested else ""
    where = _Where(path.parent)
    # house phrase packs first: their entries are rules that select/ignore may name
    ordered = sorted(table.items(), key=lambda kv: kv[0] != "phrase-packs")
    for key, raw in ordered:
        spec = KEYS.get(key)
        if spec is None:
            import difflib  # only for a mistake (start-up)

            close = difflib.get_close_matches(key.replace("_", "-"), list(KEYS), n=1)
            if key == "tool" and not prefix:
                hint = " (in mtqa.toml the keys are top-level, without [tool.mtqa])"
            elif close:
                hint = f" (did you mean {close[0]!r}?)"
            else:
                hint = f" (known keys: {', '.join(KEYS)})"
            problems.append(f"{path}: {prefix}{key}: unknown key{hint}")
            continue
        try:
            values[key] = spec.check(raw, where)
        except _Problems as exc:
            problems += [f"{path}: {prefix}{key}: {p}" for p in exc.problems]
        except ValueError as exc:
            problems.append(f"{path}: {prefix}{key}: {exc}")
    publish = values.get("publish-at", KEYS["publish-at"].default)
    review = values.get("review-below", KEYS["review-below"].default)
    if review > publish:
        problems.append(f"{path}: {prefix}review-below: {review:g} is above publish-at "
                        f"{publish:g}")
    if problems:
        raise ConfigError(problems)
    return values


# ---- the merged settings --------------------------------------------------------------------

class Settings(Plain):  # not @dataclass (start-up: mtqa/plain.py)
    """Defaults, then the file, then the command line; `origins` says which one each value is
    from."""

    values: Dict[str, Any]
    origins: Dict[str, str]
    path: Optional[Path] = None
    nested: bool = False  # the file's configuration is its [tool.mtqa] table
    # JSON Lines input (--field, --id-field): per run, never from the file
    record_fields: Tuple[Optional[str], Optional[str]] = (None, None)
    source_field: Optional[str] = None  # JSON Lines field holding the source (--source-field)

    def __init__(self, values: Optional[Dict[str, Any]] = None,
                     origins: Optional[Dict[str, str]] = None, path: Optional[Path] = None,
                     nested: bool = False,
                     record_fields: Tuple[Optional[str], Optional[str]] = (None, None),
                     source_field: Optional[str] = None):
        self.values = {} if values is None else values
        self.origins = {} if origins is None else origins
        self.path = path
        self.nested = nested
        self.record_fields = record_fields
        self.source_field = source_field

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def root(self) -> str:
        """The folder `exclude` and `per-file-ignores` patterns are relative to."""
        return str(self.path.parent) if self.path else os.getcwd()

    def audit_options(self):
        from mtqa.engine import AuditOptions

        from mtqa.registry import effective_selection

        v = self.values
        select, ignore = effective_selection(v["select"], v["ignore"], v["extend-select"],
                                             v["extend-ignore"])
        return AuditOptions(select=select, ignore=ignore, severity=dict(v["severity"]),
                            source_lang=v["source-lang"], glossaries=v["glossaries"],
                            disabled_packs=v["disabled-packs"], exclude=v["exclude"],
                            per_file_ignores=dict(v["per-file-ignores"]), root=self.root,
                            record_field=self.record_fields[0],
                            record_id_field=self.record_fields[1],
                            spelling_words=v["spelling-words"],
                            source=v["source"], source_field=self.source_field)

    def thresholds(self):
        from mtqa.score import Thresholds

        return Thresholds(publish_at=self.values["publish-at"],
                          review_below=self.values["review-below"])

    def to_toml(self) -> str:
        """The merged configuration as TOML (valid as an mtqa.toml), one comment per value
        saying where it came from."""
        if self.path:
            where = f"{self.path}{' [tool.mtqa]' if self.nested else ''}"
        else:
            where = "none (defaults and command line only)"
        lines = ["# mtqa configuration, merged: defaults < configuration file < command line",
                 f"# configuration file: {where}", ""]
        tables = []
        for key in KEYS:
            value = self.values[key]
            if isinstance(value, dict):
                tables.append(key)
                continue
            if value is None:
                lines.append(f"# {key} is not set  ({self.origins[key]})")
            else:
                lines.append(f"{key} = {_toml_value(value)}  # {self.origins[key]}")
        for key in tables:
            lines += ["", f"[{key}]  # {self.origins[key]}"]
            for k, v in self.values[key].items():
                lines.append(f"{_toml_key(k)} = {_toml_value(v)}")
        return "\n".join(lines) + "\n"


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _given(value) -> bool:
    return value is not None and value != () and value != []


def load_settings(cli: Optional[Dict[str, Any]] = None, config_file: Optional[str] = None,
                  use_config: bool = True, start: Optional[Path] = None) -> Settings:
    """Merge defaults, the configuration file and command-line values (keyed like the file;
    None or an empty tuple means "not given")."""
    settings = Settings()
    for key, spec in KEYS.items():
        settings.values[key] = spec.default
        settings.origins[key] = DEFAULT_ORIGIN
    found = None
    if config_file:
        found = read_config_file(config_file)
    elif use_config:
        found = find_config(start)
    if found:
        path, table, nested = found
        settings.path, settings.nested = path, nested
        for key, value in parse(path, table, nested).items():
            settings.values[key] = value
            settings.origins[key] = f"{path}"
    cli = cli or {}
    if _given(cli.get("select")) and settings.origins["extend-select"] != DEFAULT_ORIGIN:
        # --select on the command line starts the selection afresh (ruff's layering): the
        # file's extend-select no longer applies
        settings.values["extend-select"] = ()
        settings.origins["extend-select"] = DEFAULT_ORIGIN
    for key, value in cli.items():
        if key not in KEYS:
            raise KeyError(key)
        if not _given(value):
            continue
        value = tuple(value) if isinstance(value, list) else value
        if key in EXTENDING_KEYS and settings.origins[key] != DEFAULT_ORIGIN:
            # as in ruff, --extend-select adds to the file's extend-select
            value = tuple(settings.values[key]) + tuple(value)
            settings.origins[key] = f"{settings.origins[key]} + {CLI_ORIGIN}"
        else:
            settings.origins[key] = CLI_ORIGIN
        settings.values[key] = value
    return settings
