"""Safe writing of `mtqa report` output folders (docs/security.md).

A report folder is written by a tool that often runs in CI on files from a pull request, so it
must not become a way to overwrite other files:
- the folder is refused when it is a symlink, a file, not writable, or holds the inputs
  (`mtqa report DIR -o DIR` would write `story.md` over the article `story.md`), unless mtqa
  created it: a folder mtqa writes carries a marker file (MARKER) listing the pages it wrote;
- a page is written to a fresh temporary file and renamed into place, so a symlink planted
  under a page's name is replaced, never followed; a name that exists but is not one of
  mtqa's pages (per the marker) is left alone and the run refused; an input is never written;
- pages left by an earlier run that this run does not write again are deleted, but only
  those the marker lists (never a file mtqa did not write);
- page names are unique and stable (`page_stems`): the file stem when that alone is unique
  and safe, else the stem plus a hash of the input's path (and record), so `a/story.txt`,
  `b/story.txt` and `story-2.txt` never collide, and no article takes the index's name.
Folder walks (mtqa.inputs) skip folders carrying the marker, so reports are not audited as
articles.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

MARKER = ".mtqa-report.json"
INDEX_STEM = "index"  # reserved: the index page; no article page is given this stem
_MAX_STEM = 80        # file names stay far below the 255-byte limit of most file systems
_SAFE_STEM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class OutputError(Exception):
    """The report folder cannot (or must not) be written; the message says why."""


def _stem_source(result, headline=None) -> Tuple[str, str]:
    """(identity of the page: path plus record, readable stem) of a FileResult. A JSON Lines
    record's stem is the feed's stem, the record id (or line) and, given `headline`, the
    headline of the record (report pages are found by what the article is about)."""
    path = result.path
    record = result.article.record
    stem = Path(path).stem or "article"
    if record is None:
        return path, stem
    key = f"{path}#{record.line}"
    label = record.id if record.id else str(record.line)
    title = headline(result)[:40] if headline else ""
    return key, "-".join(p for p in (stem, label, title) if p)


def page_stems(results: Sequence, headline=None) -> Dict[int, str]:
    """A distinct, filesystem-safe, stable file stem per result (see the module docs);
    `headline(result)` names feed records' pages too."""
    sources = [_stem_source(r, headline) for r in results]
    readable = [re.sub(r"[^\w.-]+", "_", stem, flags=re.ASCII).strip("._-")[:_MAX_STEM] or "article"
                for _, stem in sources]
    counts: Dict[str, int] = {}
    for name in readable:
        counts[name.lower()] = counts.get(name.lower(), 0) + 1  # case-insensitive file systems
    out: Dict[int, str] = {}
    for i, ((key, stem), name) in enumerate(zip(sources, readable)):
        plain_ok = (counts[name.lower()] == 1 and name == stem and _SAFE_STEM.match(name)
                    and name.lower() != INDEX_STEM
                    and not re.search(r"-[0-9a-f]{8}$", name))  # cannot look like a hashed name
        if plain_ok:
            out[i] = name
        else:
            digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]
            out[i] = f"{name}-{digest}"
    taken: Set[str] = set()
    for i in out:  # a hash collision (astronomically rare): lengthen the hash
        if out[i].lower() in taken:
            digest = hashlib.sha256(sources[i][0].encode("utf-8", "surrogatepass")).hexdigest()
            out[i] = f"{readable[i]}-{digest[:32]}"
        taken.add(out[i].lower())
    return out


def _identity(path) -> Optional[Tuple[int, int]]:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _inside(child: Path, parent: Path) -> bool:
    try:
        child.relative_to(parent)
        return True
    except ValueError:
        return False


def _read_marker(folder: Path) -> Optional[List[str]]:
    """The page names the marker lists, or None without a (valid) marker."""
    path = folder / MARKER
    try:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > 16 * 1024 * 1024:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("tool") != "mtqa" \
            or not isinstance(data.get("files"), list):
        return None
    # only plain names in this folder: a marker cannot point mtqa at ../victim
    return [f for f in data["files"] if isinstance(f, str) and f == os.path.basename(f)
            and f not in ("", ".", "..", MARKER)]


def check_folder(out_dir: str, inputs: Iterable[str] = ()) -> None:
    """Refuse a report folder that must not be written (OutputError with the reason), before
    any article is audited."""
    out = Path(out_dir)
    try:
        st = os.lstat(out)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot use as the report folder ({exc.strerror})") from None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise OutputError(f"{out_dir}: is a symlink; name the real folder for the reports")
        if not stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{out_dir}: is a file, not a folder; choose another -o")
        if not os.access(out, os.W_OK | os.X_OK):
            raise OutputError(f"{out_dir}: the report folder is not writable")
    resolved = Path(os.path.realpath(out))
    owned = st is not None and _read_marker(out) is not None
    for raw in inputs:
        if raw == "-":
            continue
        named = Path(os.path.realpath(raw))
        if not os.path.exists(named):
            continue
        # a named folder is searched recursively: no report folder anywhere inside it; a
        # named file only has siblings at risk: not its own folder
        at_risk = _inside(resolved, named) if named.is_dir() else resolved == named.parent
        if at_risk and not owned and st is not None:
            raise OutputError(
                f"{out_dir}: is inside the input {raw}; reports written there would mix with "
                f"(and could overwrite) the articles. Choose a folder outside the inputs, or a "
                f"new one (mtqa marks the folders it creates with {MARKER})")
        if named.is_dir() and _inside(named, resolved) and not owned and st is not None:
            raise OutputError(f"{out_dir}: holds the input {raw}; choose a separate folder "
                              f"for the reports")


class ReportFolder:
    """Writes the pages of one report run into a checked folder (see the module docs)."""

    def __init__(self, out_dir: str, inputs: Iterable[str] = ()):
        check_folder(out_dir, ())
        self.path = Path(out_dir)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{out_dir}: cannot create the report folder "
                              f"({exc.strerror or exc})") from None
        check_folder(out_dir, ())  # again: it may have been created as something else meanwhile
        earlier = _read_marker(self.path)
        self.earlier: Set[str] = set(earlier or ())
        self.written: List[str] = []
        self.removed: List[str] = []
        self._inputs = {i for i in map(_identity, inputs) if i is not None}

    def check_names(self, names: Iterable[str]) -> None:
        """Refuse the run before writing anything if a page would replace a file mtqa did not
        write (or an input)."""
        for name in names:
            target = self.path / name
            try:
                st = os.lstat(target)
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise OutputError(f"{target}: cannot write ({exc.strerror})") from None
            if _identity(target) in self._inputs:
                raise OutputError(f"{target}: is one of the inputs; mtqa never writes over them")
            if name not in self.earlier and not stat.S_ISLNK(st.st_mode):
                raise OutputError(
                    f"{target}: exists and was not written by mtqa; move it away or choose "
                    f"another report folder")

    def write(self, name: str, content: str) -> Path:
        """Write one page: a new temporary file renamed over the name (a symlink there is
        replaced, never followed)."""
        if name != os.path.basename(name) or name in ("", ".", "..", MARKER):
            raise OutputError(f"{name!r}: not a page name")
        target = self.path / name
        if _identity(target) is not None and _identity(target) in self._inputs:
            raise OutputError(f"{target}: is one of the inputs; mtqa never writes over them")
        # a lone surrogate (from a feed's "\\ud800") cannot be UTF-8: written escaped
        self._write_atomic(target, content.encode("utf-8", "backslashreplace"))
        self.written.append(name)
        return target

    def _write_atomic(self, target: Path, data: bytes) -> None:
        from mtqa.atomic import replace_file

        try:
            replace_file(target, data, mode=0o644 & ~_umask())
        except OSError as exc:
            raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None

    def finish(self) -> List[str]:
        """Delete the pages of an earlier run that this run did not write (only names the
        marker lists, only regular files or symlinks, never following them), then record
        this run's pages in the marker. Returns the names removed."""
        for name in sorted(self.earlier - set(self.written)):
            target = self.path / name
            try:
                st = os.lstat(target)
                if stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode):
                    if _identity(target) not in self._inputs:
                        os.unlink(target)
                        self.removed.append(name)
            except OSError:
                continue
        marker = json.dumps({"tool": "mtqa", "note": "pages written by `mtqa report`; "
                             "mtqa replaces or deletes only these", "files": self.written},
                            indent=1)
        self._write_atomic(self.path / MARKER, marker.encode("utf-8"))
        return self.removed


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
