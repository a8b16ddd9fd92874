"""Builds the benchmark corpus: every MT system's output of every WMT23 document as an article
file (one segment per line, as MT news arrives), from ../shared/dev/wmt23/*.jsonl."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import List

from devdata import DEV, WmtDoc  # noqa: E402  (bench/ is on sys.path where this is used)

REPO = Path(__file__).resolve().parent.parent
WMT23 = DEV / "wmt23"


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name)


def mt_documents(source: Path = WMT23):
    """(file stem, document id, system, article text) for every system's output of every
    document; systems that produced nothing for a document are skipped."""
    for jsonl in sorted(source.glob("*.jsonl")):
        with open(jsonl, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                doc = WmtDoc(jsonl.stem, str(d["doc"]), d.get("domain", ""), d["src"],
                             d["ref"], d["hyps"])
                for system, segments in sorted(doc.hyps.items()):
                    if "".join(segments).strip():
                        yield (doc.pair, doc.doc, system,
                               "\n".join(s.strip() for s in segments) + "\n")


def write_corpus(out_dir: Path, copies: int = 1, source: Path = WMT23) -> List[Path]:
    """Write the articles under out_dir (copy-N/ subfolders when copies > 1); return the files."""
    articles = [(f"{stem}-{_safe(doc)}-{_safe(system)}.txt", text)
                for stem, doc, system, text in mt_documents(source)]
    if not articles:
        raise SystemExit(f"no documents found in {source}")
    files: List[Path] = []
    for copy in range(copies):
        folder = out_dir / f"copy-{copy + 1}" if copies > 1 else out_dir
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in articles:
            path = folder / name
            path.write_text(text, encoding="utf-8")
            files.append(path)
    return files


def jsonl_archive(out_path: Path, copies: int = 1, source: Path = WMT23) -> int:
    """The same corpus as one JSON Lines archive ({"path": ..., "text": ...} per line)."""
    n = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            for stem, doc, system, text in mt_documents(source):
                path = f"copy-{copy + 1}/{stem}-{doc}-{system}.txt"
                out.write(json.dumps({"path": path, "text": text}, ensure_ascii=False) + "\n")
                n += 1
    return n
