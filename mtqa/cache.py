"""A small on-disk cache for data that is slow to build and rarely changes: the parsed glossary
with its name index, the phrase packs and their index, the English word-frequency table, parsed
configuration files.

Entries are keyed by a content hash of their inputs plus the mtqa and Python versions, so an
edited glossary or an upgrade simply misses the cache. The cache lives in `$MTQA_CACHE_DIR`, or
the platform's user cache folder (`~/.cache/mtqa` on Linux, `~/Library/Caches/mtqa` on macOS,
`%LOCALAPPDATA%\\mtqa\\Cache` on Windows); `MTQA_CACHE_DIR=` (empty) switches it off. It is never
written next to the user's articles or glossaries. A missing, corrupt, unsafe or unwritable
cache is not an error: the data is built as if there were no cache, and the run goes on.

Security (docs/security.md). A cache folder can be shared or planted, so loading an entry must
never run code: entries are NOT pickles but a plain data format (`encode`/`decode` below: a
JSON document plus raw byte blobs), whose only objects are mtqa's own data classes rebuilt
field by field (`object.__new__` + their `__dict__`, or their own `__setstate__`), never a
callable named by the file. On top of that the folder is created 0700 and is not used at all
when it is not a folder owned by this user or is writable by group or others; entries are
opened without following symlinks and must be regular files owned by the user. The folder is
bounded (`MAX_BYTES`, `KEEP_PER_KIND`): older entries are pruned after each write, and
`mtqa cache clear` empties it.
"""
from __future__ import annotations

import gc
import importlib
import json
import os
import re
import stat
import sys
from array import array
from pathlib import Path, PurePath
from typing import Callable, Dict, Iterable, List, Optional, Tuple, TypeVar, Union

from mtqa import __version__
from mtqa.lazyre import LazyPattern

T = TypeVar("T")
# entries kept per kind; older ones (other glossary versions) are pruned when writing
KEEP_PER_KIND = 8
# the whole folder is kept under this size (oldest entries go first); MTQA_CACHE_MAX_MB overrides
MAX_BYTES = 64 * 1024 * 1024
SUFFIX = ".mtqa-cache"
# names of entries this module writes (and of the pickles older versions wrote): `clear` and
# pruning delete only these, never a stranger's file that happens to sit in the folder
# (compiled on first use: only listing and pruning read them, not a run that finds its entries)
_ENTRY_NAME = LazyPattern(r"^[a-z0-9][a-z0-9-]*-[0-9A-Za-z_]{1,64}(?:\.mtqa-cache|\.pickle)$")
_TMP_NAME = LazyPattern(r"^\.[a-z0-9][a-z0-9-]*-.*\.tmp$")


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


def max_bytes() -> int:
    raw = os.environ.get("MTQA_CACHE_MAX_MB", "").strip()
    try:
        return max(0, int(float(raw) * 1024 * 1024)) if raw else MAX_BYTES
    except ValueError:
        return MAX_BYTES


def folder_problem(folder: Path) -> Optional[str]:
    """Why the folder must not be used as a cache (None: it is safe). A folder another user
    owns or can write could hold planted entries."""
    try:
        st = os.stat(folder)
    except FileNotFoundError:
        return "does not exist"
    except OSError as exc:
        return exc.strerror or str(exc)
    if not stat.S_ISDIR(st.st_mode):
        return "is not a folder"
    if hasattr(os, "geteuid"):
        if st.st_uid != os.geteuid():
            return f"is owned by another user (uid {st.st_uid})"
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return f"is writable by group or others (mode {stat.S_IMODE(st.st_mode):o})"
    return None


def _usable_dir(create: bool) -> Optional[Path]:
    folder = cache_dir()
    if folder is None:
        return None
    if create and not folder.exists():
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            folder.mkdir(mode=0o700)
        except OSError:
            return None
    return folder if folder_problem(folder) is None else None


def writable() -> bool:
    """Can entries be stored (a cache folder is set, exists or can be made, and is safe)?"""
    return _usable_dir(create=True) is not None


try:  # CPython's built-in SHA-256: the same digests as hashlib's, without loading OpenSSL
    from _sha256 import sha256 as _sha256  # (which costs a few ms of every start-up)
except ImportError:  # pragma: no cover - other Pythons, or 3.12+ where it is _sha2
    try:
        from _sha2 import sha256 as _sha256
    except ImportError:
        from hashlib import sha256 as _sha256


def content_key(parts: Iterable[Union[str, bytes]]) -> str:
    """A hash of the given inputs and of the versions that shape the cached objects."""
    h = _sha256(f"mtqa {__version__} python {sys.version_info[:2]} format 2".encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:40]


# Files shipped with mtqa (the package and, in a source checkout, the glossaries/ folder beside
# it): trusted like the code, and keyed by name, size and modification time instead of their
# contents. Hashing the ~4 MB of bundled data at every start-up cost a one-file check ~15 ms;
# an edit changes the modification time (and an upgrade the version in every key).
_SHIPPED = tuple(str(d) + os.sep for d in (Path(__file__).resolve().parent,
                                            Path(__file__).resolve().parent.parent / "glossaries"))


def file_key(paths: Iterable[Union[str, Path]], *extra: str) -> str:
    """Key from files' names and contents, or for files shipped with mtqa their names, sizes
    and modification times (raises OSError if one cannot be read)."""
    parts = list(extra)
    for p in paths:
        parts.append(str(p))
        resolved = os.path.realpath(p)
        if resolved.startswith(_SHIPPED):
            st = os.stat(resolved)
            parts.append(f"shipped {st.st_size} {st.st_mtime_ns}")
        else:
            parts.append(Path(p).read_bytes())
    return content_key(parts)


def _entry_name(kind: str, key: str) -> str:
    return f"{kind}-{key}{SUFFIX}"


def load(kind: str, key: str):
    """The cached object, or None when absent, unreadable, unsafe or not a valid entry."""
    folder = _usable_dir(create=False)
    if folder is None:
        return None
    try:
        data = _read_entry(folder / _entry_name(kind, key))
    except OSError:
        return None
    if data is None:
        return None
    # Decoding creates many objects at once; the cyclic GC would scan them repeatedly for
    # nothing, so it pauses meanwhile.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        value = decode(data)
    except Exception:  # noqa: BLE001 - a damaged cache entry is rebuilt, never fatal
        value = None
    else:
        # ... and then moves them out of its sight (gc.freeze, as mtqa.rules does after the
        # rule modules load): these tables live for the whole run, and the collections that
        # follow would otherwise scan them again and again, tens of millions of instructions
        # in a one-file check. Frozen objects are still freed by reference counting.
        gc.freeze()
    finally:
        if gc_was_on:
            gc.enable()
    return value


def _read_entry(path: Path) -> Optional[bytes]:
    """The entry's bytes, if it is a regular file of this user's that no one else can write
    (opened without following a symlink)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > max(max_bytes(), 1 << 20):
            return None
        if hasattr(os, "geteuid") and (st.st_uid != os.geteuid()
                                       or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
            return None
        return fh.read()


def store(kind: str, key: str, value) -> bool:
    """Write an entry atomically; False (silently) if the cache cannot be written or the value
    holds something the format cannot store."""
    folder = _usable_dir(create=True)
    if folder is None:
        return False
    try:
        data = encode(value)
        if len(data) > max_bytes():
            return False
        path = folder / _entry_name(kind, key)
        from mtqa.atomic import replace_file  # (tempfile: only when writing)

        replace_file(path, data, prefix=f".{kind}-")
        prune(folder, keep=path)
        return True
    except Exception:  # noqa: BLE001 - read-only home, full disk, unstorable value: run uncached
        return False


def entries(folder: Optional[Path] = None) -> List[Tuple[Path, os.stat_result]]:
    """The cache entries (and leftovers of interrupted writes) mtqa wrote in the folder,
    newest first."""
    folder = folder or cache_dir()
    found = []
    try:
        with os.scandir(folder) as it:
            for e in it:
                if (_ENTRY_NAME.match(e.name) or _TMP_NAME.match(e.name)) \
                        and e.is_file(follow_symlinks=False):
                    found.append((Path(e.path), e.stat(follow_symlinks=False)))
    except (OSError, TypeError):
        return []
    found.sort(key=lambda pe: pe[1].st_mtime, reverse=True)
    return found


def _kind_of(name: str) -> str:
    """"glossary" of "glossary-<key>.mtqa-cache"."""
    return name.split(".", 1)[0].rsplit("-", 1)[0]


def prune(folder: Path, keep: Optional[Path] = None) -> int:
    """Delete old entries: pickles of older mtqa versions (never read again), entries beyond
    KEEP_PER_KIND of a kind, then the oldest until the folder fits in max_bytes().
    Returns the number of files deleted."""
    limit = max_bytes()
    per_kind: Dict[str, int] = {}
    total = 0
    doomed = []
    for path, st in entries(folder):
        name = path.name
        if path == keep:
            total += st.st_size
            per_kind[_kind_of(name)] = per_kind.get(_kind_of(name), 0) + 1
            continue
        if name.endswith(".pickle") or name.startswith("."):
            doomed.append(path)
            continue
        kind = _kind_of(name)
        per_kind[kind] = per_kind.get(kind, 0) + 1
        if per_kind[kind] > KEEP_PER_KIND or total + st.st_size > limit:
            doomed.append(path)
            continue
        total += st.st_size
    deleted = 0
    for path in doomed:
        if path.name.startswith(".") and keep is not None:
            continue  # another process may be writing it right now
        try:
            path.unlink()
            deleted += 1
        except OSError:
            pass
    return deleted


def clear() -> Tuple[int, int]:
    """Delete every entry mtqa wrote in the cache folder: (files, bytes) deleted."""
    folder = cache_dir()
    if folder is None:
        return 0, 0
    files = size = 0
    for path, st in entries(folder):
        try:
            path.unlink()
            files += 1
            size += st.st_size
        except OSError:
            pass
    return files, size


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


def cached_for_files(kind: str, paths: Iterable[Union[str, Path]], build: Callable[[], T],
                     expected: type) -> T:
    """cached() keyed by file_key(paths): built without the cache when a file cannot be read,
    and built again when the entry holds something other than an `expected` instance."""
    try:
        key: Optional[str] = file_key(paths)
    except OSError:
        key = None
    value = cached(kind, key, build)
    return value if isinstance(value, expected) else build()


# ---- the entry format ---------------------------------------------------------------------
#
#   MAGIC, 4-byte length + JSON list of class names ("mtqa.module:Qualname"),
#   8-byte length + JSON body, then raw blobs (long strings, bytes, arrays) the body points at.
#
# The body is plain JSON; containers JSON cannot tell apart are objects tagged by a "$" key:
# {"$": "t", "v": [...]} tuple, "s"/"f" set/frozenset, "D" dict with non-string keys (or a "$"
# key), "u"/"b"/"a" string/bytes/array blob (offset "o", length "n"), "P" path, "R" regex
# (source and flags, compiled again), "F" non-finite float, "o" an instance of class "c"
# (number "n", state "s"), "r" a second reference to instance "n". Decoding builds instances
# only of classes defined in mtqa modules (checked after resolving the name), without calling
# their constructor; nothing in an entry names a function.

MAGIC = b"MTQA-CACHE-2\n"
_BLOB_MIN = 2048  # longer strings go to a blob: JSON escapes (newlines) are slow to decode


class FormatError(ValueError):
    pass


def _has_setstate(cls) -> bool:
    return any("__setstate__" in c.__dict__ for c in cls.__mro__[:-1])


def encode(value) -> bytes:
    """The value as an entry (FormatError if it holds something the format cannot store)."""
    memo: Dict[int, int] = {}
    alive = []  # keeps encoded instances alive, so their id()s stay unique
    class_ids: Dict[str, int] = {}
    class_names: List[str] = []
    blobs: List[bytes] = []
    offset = [0]

    def blob(data: bytes) -> dict:
        pos = offset[0]
        blobs.append(data)
        offset[0] += len(data)
        return {"o": pos, "n": len(data)}

    def enc(v):
        t = type(v)
        if t is str:
            if len(v) >= _BLOB_MIN:
                return {"$": "u", **blob(v.encode("utf-8", "surrogatepass"))}
            return v
        if t is int or t is bool or v is None:
            return v
        if t is float:
            return v if v == v and v not in (float("inf"), float("-inf")) \
                else {"$": "F", "v": repr(v)}
        if t is list:
            return [enc(x) for x in v]
        if t is tuple:
            return {"$": "t", "v": [enc(x) for x in v]}
        if t is dict:
            if "$" not in v and all(type(k) is str for k in v):
                return {k: enc(x) for k, x in v.items()}
            return {"$": "D", "v": [enc(x) for kv in v.items() for x in kv]}
        if t is set or t is frozenset:
            return {"$": "s" if t is set else "f", "v": [enc(x) for x in v]}
        if t is bytes:
            return {"$": "b", **blob(v)}
        if t is array:
            return {"$": "a", "c": v.typecode, **blob(v.tobytes())}
        if isinstance(v, PurePath):
            return {"$": "P", "v": str(v)}
        if isinstance(v, re.Pattern):
            return {"$": "R", "v": v.pattern, "f": v.flags}
        module = getattr(t, "__module__", "") or ""
        if isinstance(v, tuple) and hasattr(t, "_fields") and module.startswith("mtqa."):
            # a named tuple of mtqa (the phrase index's patterns): rebuilt by its fields
            name = f"{module}:{t.__qualname__}"
            if name not in class_ids:
                class_ids[name] = len(class_names)
                class_names.append(name)
            return {"$": "n", "c": class_ids[name], "v": [enc(x) for x in v]}
        ref = memo.get(id(v))
        if ref is not None:
            return {"$": "r", "n": ref}
        if not module.startswith("mtqa.") or isinstance(v, BaseException):
            raise FormatError(f"cannot store a {module}.{t.__qualname__}")
        name = f"{module}:{t.__qualname__}"
        if name not in class_ids:
            class_ids[name] = len(class_names)
            class_names.append(name)
        number = memo[id(v)] = len(memo)
        alive.append(v)
        if _has_setstate(t):
            state = v.__getstate__()
        elif hasattr(v, "__dict__"):
            state = v.__dict__
        else:
            raise FormatError(f"cannot store a {name}")
        return {"$": "o", "c": class_ids[name], "n": number, "s": enc(state)}

    body = json.dumps(enc(value), ensure_ascii=False, separators=(",", ":"))
    names = json.dumps(class_names).encode("utf-8")
    body_bytes = body.encode("utf-8", "surrogatepass")
    return b"".join([MAGIC, len(names).to_bytes(4, "little"), names,
                     len(body_bytes).to_bytes(8, "little"), body_bytes] + blobs)


def _resolve(name) -> type:
    """A data class of mtqa by "module:Qualname"; anything else is refused."""
    if not isinstance(name, str):
        raise FormatError("bad class name")
    module_name, _, qualname = name.partition(":")
    if not module_name.startswith("mtqa.") or not qualname:
        raise FormatError(f"{name!r} is not an mtqa class")
    module = sys.modules.get(module_name) or importlib.import_module(module_name)
    obj = module
    for part in qualname.split("."):
        obj = getattr(obj, part)
    if (not isinstance(obj, type) or obj.__module__ != module_name
            or issubclass(obj, BaseException)):
        raise FormatError(f"{name!r} is not a data class of mtqa")
    return obj


def decode(data: bytes):
    """The value an entry holds (FormatError, ValueError, KeyError... if it is damaged)."""
    if not data.startswith(MAGIC):
        raise FormatError("not a cache entry of this version")
    pos = len(MAGIC)
    names_len = int.from_bytes(data[pos:pos + 4], "little")
    names = json.loads(data[pos + 4:pos + 4 + names_len])
    pos += 4 + names_len
    body_len = int.from_bytes(data[pos:pos + 8], "little")
    body_start = pos + 8
    base = body_start + body_len
    if base > len(data) or not isinstance(names, list):
        raise FormatError("truncated entry")
    view = memoryview(data)
    classes = [_resolve(n) for n in names]
    setstates = [_has_setstate(c) for c in classes]
    instances: Dict[int, object] = {}

    def blob(d) -> memoryview:
        start, length = d["o"], d["n"]
        if type(start) is not int or type(length) is not int or start < 0 or length < 0 \
                or base + start + length > len(data):
            raise FormatError("blob out of range")
        return view[base + start:base + start + length]

    def hook(d):  # called by the JSON parser for every object, innermost first
        tag = d.get("$")
        if tag is None:
            return d
        # the most frequent tags first: this runs tens of thousands of times per glossary
        if tag == "t":
            return tuple(d["v"])
        if tag == "r":
            return instances[d["n"]]
        if tag == "o":
            c = d["c"]
            obj = object.__new__(classes[c])
            if setstates[c]:
                obj.__setstate__(d["s"])
            else:
                obj.__dict__.update(d["s"])
            instances[d["n"]] = obj
            return obj
        if tag == "n":
            cls = classes[d["c"]]
            if not hasattr(cls, "_make"):
                raise FormatError("not a named tuple class")
            return cls._make(d["v"])
        if tag == "D":
            v = d["v"]
            return dict(zip(v[::2], v[1::2]))
        if tag == "s":
            return set(d["v"])
        if tag == "f":
            return frozenset(d["v"])
        if tag == "u":
            return str(blob(d), "utf-8", "surrogatepass")
        if tag == "b":
            return bytes(blob(d))
        if tag == "a":
            arr = array(d["c"])
            arr.frombytes(blob(d))
            return arr
        if tag == "P":
            return Path(d["v"])
        if tag == "R":
            return re.compile(d["v"], d["f"])
        if tag == "F":
            return float(d["v"])
        raise FormatError(f"unknown tag {tag!r}")

    return json.loads(str(view[body_start:base], "utf-8", "surrogatepass"), object_hook=hook)
