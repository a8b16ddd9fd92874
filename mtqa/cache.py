"""A small on-disk cache for data that is slow to build and rarely changes: the parsed glossary
with its name index, the English word-frequency table.

Entries are keyed by a content hash of their inputs plus the mtqa and Python versions, so an
edited glossary or an upgrade simply misses the cache. The cache lives in `$MTQA_CACHE_DIR`, or
the platform's user cache folder (`~/.cache/mtqa` on Linux, `~/Library/Caches/mtqa` on macOS,
`%LOCALAPPDATA%\\mtqa\\Cache` on Windows); `MTQA_CACHE_DIR=` (empty) switches it off. It is never
written next to the user's articles or glossaries. A missing, corrupt or unwritable cache is not
an error: the data is built as if there were no cache, and the run goes on.

Entries are pickles, so the folder must be private to the user (it is created with mode 0700).
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Optional, TypeVar, Union

from mtqa import __version__

T = TypeVar("T")
# entries kept per kind; older ones (other glossary versions) are pruned when writing
KEEP_PER_KIND = 8


def cache_dir() -> Optional[Path]:
    """The cache folder, or None when caching is switched off."""
    configured = os.environ.get("MTQA_CACHE_DIR")
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "mtqa" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "mtqa"
    base = os.environ.get("XDG_CACHE_HOME") or ""
    return (Path(base) if base.strip() else Path.home() / ".cache") / "mtqa"


def content_key(parts: Iterable[Union[str, bytes]]) -> str:
    """A hash of the given inputs and of the versions that shape the cached objects."""
    h = hashlib.sha256(f"mtqa {__version__} python {sys.version_info[:2]}".encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:40]


def file_key(paths: Iterable[Union[str, Path]], *extra: str) -> str:
    """Key from files' names and contents (raises OSError if one cannot be read)."""
    parts = list(extra)
    for p in paths:
        parts.append(str(p))
        parts.append(Path(p).read_bytes())
    return content_key(parts)


def _path(kind: str, key: str) -> Optional[Path]:
    folder = cache_dir()
    return folder / f"{kind}-{key}.pickle" if folder else None


def load(kind: str, key: str):
    """The cached object, or None when absent or unreadable."""
    path = _path(kind, key)
    if path is None:
        return None
    # Unpickling creates many objects at once; the cyclic GC would scan them repeatedly for
    # nothing (~40% of the load time of a large glossary), so it pauses meanwhile.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # noqa: BLE001 - a damaged cache entry is rebuilt, never fatal
        return None
    finally:
        if gc_was_on:
            gc.enable()


def store(kind: str, key: str, value) -> bool:
    """Write an entry atomically; False (silently) if the cache cannot be written."""
    path = _path(kind, key)
    if path is None:
        return False
    tmp = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        _prune(path.parent, kind, keep=path)
        return True
    except Exception:  # noqa: BLE001 - read-only home, full disk, unpicklable: run uncached
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(folder: Path, kind: str, keep: Path) -> None:
    try:
        entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime,
                         reverse=True)
        for old in [p for p in entries if p != keep][KEEP_PER_KIND - 1:]:
            old.unlink()
    except OSError:
        pass


def cached(kind: str, key: Optional[str], build: Callable[[], T]) -> T:
    """The object for key from the cache, else build() it and store it (best effort)."""
    if key is not None:
        value = load(kind, key)
        if value is not None:
            return value
    value = build()
    if key is not None:
        store(kind, key, value)
    return value
