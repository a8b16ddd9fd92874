"""Builds marks.jsonl from the marker's reading notes (marks.txt), finding every span by text
search in the canonical document text so the offsets are right, and checks them.

marks.txt format -- one document block per `# doc <id>` line, then one mark a line:
    category | context with the [[marked span]] inside it | fix | note (optional)
The context (the text with the brackets removed) must occur exactly once in the document; it
only disambiguates, the mark is the bracketed part. `\\n` in a context stands for a line break.
An omission is marked on the MT words where the missing content belongs. `category+all`
marks a form wrong consistently through the document as one replace-all fix: the mark sits on
the first occurrence and "also" lists the others' offsets.

    python bench/editor_marks/mark.py          # rebuild marks.jsonl and print counts
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from documents import load  # noqa: E402

HERE = Path(__file__).resolve().parent
NOTES = HERE / "marks.txt"
MARKS = HERE / "marks.jsonl"
CATEGORIES = ("name", "name-inconsistent", "terminology", "calque", "grammar", "spelling",
              "untranslated", "number", "omission", "addition", "mistranslation", "punctuation",
              "locale", "style")


def parse(notes_path: Path = NOTES):
    texts = {d["id"]: d["text"] for d in load()}
    marks, errors, doc = [], [], None
    for n, raw in enumerate(notes_path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# doc "):
            doc = line[6:].strip()
            if doc not in texts:
                errors.append(f"line {n}: unknown document {doc}")
            continue
        if line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) < 3 or doc not in texts:
            errors.append(f"line {n}: malformed or outside a document: {line}")
            continue
        category, context, fix = parts[:3]
        every = category.endswith("+all")
        category = category[:-4] if every else category
        note = parts[3] if len(parts) > 3 else ""
        if category not in CATEGORIES:
            errors.append(f"line {n}: unknown category {category}")
            continue
        context = context.replace("\\n", "\n")
        if context.count("[[") != 1 or context.count("]]") != 1:
            errors.append(f"line {n}: the context needs one [[span]]")
            continue
        before, rest = context.split("[[")
        span, after = rest.split("]]")
        plain = before + span + after
        text = texts[doc]
        where = text.find(plain)
        if where < 0 or text.find(plain, where + 1) >= 0 or not span:
            errors.append(f"line {n}: context {'not found' if where < 0 else 'not unique'}: "
                          f"{plain!r}")
            continue
        start = where + len(before)
        end = start + len(span)
        assert text[start:end] == span
        mark = {"doc": doc, "start": start, "end": end, "text": span, "category": category,
                "fix": fix}
        if every:  # one replace-all fix: the other occurrences of the same span text
            others, at = [], text.find(span)
            while at >= 0:
                if at != start:
                    others.append([at, at + len(span)])
                at = text.find(span, at + 1)
            mark["also"] = others
        if note:
            mark["note"] = note
        marks.append(mark)
    return marks, errors


def main() -> int:
    marks, errors = parse()
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        return 1
    with open(MARKS, "w", encoding="utf-8") as out:
        for m in marks:
            out.write(json.dumps(m, ensure_ascii=False) + "\n")
    per_doc = Counter(m["doc"] for m in marks)
    print(f"{len(marks)} marks in {len(per_doc)} documents")
    for cat, n in Counter(m["category"] for m in marks).most_common():
        print(f"  {cat:18} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
