"""Reading the YAML files users write (glossaries, phrase packs), once for both: every mapping
records its 1-based line as "__line__" so problems can name it, and a syntax error becomes a
"path:line: not valid YAML: ..." problem. PyYAML is imported on first use only (a start-up
that finds parsed packs in the cache never needs it); its C parser is used when present."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional, Tuple

LINE_KEY = "__line__"


@lru_cache(maxsize=None)
def _line_loader():
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # ~10x faster when PyYAML has it

    class LineLoader(base):
        """Records the 1-based line of every mapping."""

    def construct_mapping(loader, node, deep=False):
        mapping = yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return LineLoader


def load_with_lines(text: str, path: object) -> Tuple[Any, Optional[str]]:
    """(data, None), or (None, "path:line: not valid YAML: ...")."""
    import yaml

    try:
        return yaml.load(text, Loader=_line_loader()), None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        return None, f"{path}{line}: not valid YAML: {getattr(exc, 'problem', exc)}"
