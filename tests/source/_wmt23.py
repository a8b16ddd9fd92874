"""The WMT23 dev documents (../shared/dev/wmt23), read one way by the source tests on real
lines: each document a dict (doc, src, ref, hyps: system -> segments)."""
import json
from pathlib import Path

WMT23 = Path(__file__).resolve().parents[3] / "shared" / "dev" / "wmt23"


def documents(lang):
    """Every WMT23 `lang`-en document, in the file's order."""
    with open(WMT23 / f"{lang}-en.jsonl", encoding="utf-8") as fh:
        yield from map(json.loads, fh)


def as_text(segments):
    """Segments as an article's text: one paragraph a line, spaces collapsed."""
    return "\n".join(" ".join(s.split()) for s in segments) + "\n"


def translations_of(lang, document):
    """One document's source segments and its translations (the reference, then every system
    in name order), spaces collapsed; only translations with every segment."""
    doc = next(d for d in documents(lang) if d["doc"] == document)
    sources = [" ".join(s.split()) for s in doc["src"]]
    translations = [[" ".join(s.split()) for s in doc["ref"]]] + [
        [" ".join(s.split()) for s in doc["hyps"][system]] for system in sorted(doc["hyps"])]
    return sources, [t for t in translations if all(t) and len(t) == len(sources)]
