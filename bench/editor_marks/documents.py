"""The documents the editor marks were made on: a deterministic selection from the WMT23 dev
data in ../shared, and the one canonical way an MT document is joined into text.

Selection rule (regenerate with `python bench/editor_marks/documents.py --write`):
  * pairs uk-en (12 documents) and ru-en (13 documents), news domain only (mtqa audits news);
  * documents whose professional reference has 150-600 words (moderate length, readable in one
    sitting beside the reference);
  * candidates ordered by sha1("<pair>:<doc id>") -- a fixed shuffle that favours no outlet;
  * the k-th chosen document of a pair is read in the output of system number k (round-robin)
    in the pair's alphabetically sorted system list, skipping a system whose output for that
    document is empty -- so every system of the pair appears once or twice.

Canonical MT text: the system's segments, each stripped, joined with "\\n", plus a final "\\n"
(the same text bench/_corpus.py writes as an article file). Mark offsets index this string.
documents.jsonl stores each text with its sha256 so a change in ../shared is noticed.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Dict, List

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
WMT23 = REPO.parent / "shared" / "dev" / "wmt23"
DOCUMENTS = HERE / "documents.jsonl"

QUOTA = {"uk-en": 12, "ru-en": 13}
SOURCE_LANG = {"uk-en": "uk", "ru-en": "ru"}
MIN_WORDS, MAX_WORDS = 150, 600


def join_segments(segments: List[str]) -> str:
    """The canonical article text of a list of MT (or reference) segments."""
    return "\n".join(s.strip() for s in segments) + "\n"


def doc_id(pair: str, doc: str, system: str) -> str:
    return f"{pair}/{doc}/{system}"


def select(wmt23: Path = WMT23) -> List[Dict]:
    """The selected documents, each {id, pair, source_lang, doc, system, text, ref, src,
    sha256}."""
    chosen: List[Dict] = []
    for pair, quota in QUOTA.items():
        with open(wmt23 / f"{pair}.jsonl", encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        candidates = [r for r in rows if r["domain"] == "news"
                      and MIN_WORDS <= sum(len(s.split()) for s in r["ref"]) <= MAX_WORDS]
        candidates.sort(key=lambda r: hashlib.sha1(f"{pair}:{r['doc']}".encode()).hexdigest())
        systems = sorted({s for r in rows for s in r["hyps"]})
        k = 0
        for row in candidates[:quota]:
            while not "".join(row["hyps"].get(systems[k % len(systems)], [])).strip():
                k += 1
            system = systems[k % len(systems)]
            k += 1
            text = join_segments(row["hyps"][system])
            chosen.append({
                "id": doc_id(pair, str(row["doc"]), system), "pair": pair,
                "source_lang": SOURCE_LANG[pair], "doc": str(row["doc"]), "system": system,
                "text": text, "ref": join_segments(row["ref"]), "src": join_segments(row["src"]),
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            })
    return chosen


def load() -> List[Dict]:
    """The stored documents (id, pair, source_lang, doc, system, text, sha256)."""
    with open(DOCUMENTS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def write() -> None:
    with open(DOCUMENTS, "w", encoding="utf-8") as out:
        for d in select():
            keep = {k: d[k] for k in ("id", "pair", "source_lang", "doc", "system", "sha256",
                                      "text")}
            out.write(json.dumps(keep, ensure_ascii=False) + "\n")


def verify() -> int:
    """Regenerate from ../shared and compare with the stored texts; the number of mismatches."""
    stored = {d["id"]: d for d in load()}
    fresh = {d["id"]: d for d in select()}
    bad = 0
    for key in sorted(set(stored) | set(fresh)):
        if key not in stored or key not in fresh or stored[key]["sha256"] != fresh[key]["sha256"]:
            print(f"mismatch: {key}")
            bad += 1
        elif hashlib.sha256(stored[key]["text"].encode()).hexdigest() != stored[key]["sha256"]:
            print(f"stored text altered: {key}")
            bad += 1
    return bad


if __name__ == "__main__":
    if "--write" in sys.argv:
        write()
    if "--verify" in sys.argv:
        sys.exit(1 if verify() else 0)
    for d in load() if DOCUMENTS.exists() else select():
        print(d["id"], len(d["text"].split()), "words")
