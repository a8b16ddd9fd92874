"""Safe XML parsing for the formats mtqa reads (XLIFF, TBX), on the standard library's expat.

The same guards as defusedxml, without the dependency: a document may carry a DOCTYPE (old
XLIFF 1.2 tools write one) but may not declare entities (no "billion laughs"), and nothing
external is ever fetched or read (no external entities, no external DTD). Errors are
ValueError with the line and column, for messages that name the file.
"""
from __future__ import annotations

from typing import Callable, Optional
from xml.etree.ElementTree import Element, TreeBuilder
from xml.parsers import expat


def make_parser(namespaces: bool = True):
    parser = expat.ParserCreate(namespace_separator="}" if namespaces else None)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_entity(name, *_):
        raise ValueError(f"the document declares an entity ({name}); mtqa does not read "
                         f"documents with entity declarations")

    def refuse_external(*_):
        raise ValueError("the document refers to an external entity; mtqa does not read it")

    parser.EntityDeclHandler = refuse_entity
    parser.UnparsedEntityDeclHandler = refuse_entity
    parser.ExternalEntityRefHandler = refuse_external
    return parser


def run(parser, text: str) -> None:
    """Parse `text`, turning expat's errors into ValueError naming line and column."""
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        raise ValueError(f"not well-formed XML: {expat.ErrorString(exc.code)} "
                         f"(line {exc.lineno}, column {exc.offset + 1})") from None


def parse(text: str, on_start: Optional[Callable] = None) -> Element:
    """An ElementTree of `text`; names are '{namespace}local' as in xml.etree."""
    builder = TreeBuilder()
    parser = make_parser()

    def qualify(name: str) -> str:
        return "{" + name if "}" in name else name

    def start(name, attrs):
        builder.start(qualify(name), {qualify(k): v for k, v in attrs.items()})

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: builder.end(qualify(name))
    parser.CharacterDataHandler = builder.data
    parser.ordered_attributes = False
    run(parser, text)
    return builder.close()


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
