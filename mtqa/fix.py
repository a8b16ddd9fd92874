"""`mtqa fix`: apply the fixes that findings suggest (docs/fix.md).

Only findings marked `safe` (a glossary-certain spelling, a certain punctuation repair) are
applied, unless `unsafe` is asked for, which also applies the first suggestion of the others.
Edits go into the original file text, only where the prose view shows that text verbatim
(never inside markup, code, a link target or a character reference). Overlapping fixes are
chosen deterministically: earliest start, then the longest span, then the rule id; a fix that
overlaps one already chosen waits for the next pass. The text is audited and fixed again until
nothing changes (at most MAX_PASSES passes), so a second run changes nothing.

Writing is atomic (a temporary file in the same folder, fsync, os.replace) and keeps the
file's permissions, byte-order mark and line endings; a file is never left half written.
"""
from __future__ import annotations

import difflib
import os
import re
import stat
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from mtqa.article import Article
from mtqa.engine import AuditContext, audit_batch
from mtqa.finding import Finding
from mtqa.inputs import (InputError, RecordOptions, decode, load_readers, make_article,
                         read_bytes, suffix_of, RECORD_READERS, MAX_BYTES,
                         MAX_RECORD_FILE_BYTES)

MAX_PASSES = 10
_MARKUP_SUFFIXES = (".html", ".htm", ".xlf", ".xliff")


@dataclass
class Edit:
    start: int
    end: int
    new: str
    finding: Finding


@dataclass
class AppliedFix:
    rule: str
    line: int
    column: int
    old: str
    new: str
    safe: bool
    record: Optional[str] = None


@dataclass
class FixResult:
    path: str
    before: str                       # the decoded text (line ends as \n)
    after: str
    applied: List[AppliedFix] = field(default_factory=list)
    remaining: int = 0                # findings left after fixing
    converged: bool = True

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def counts(self) -> Counter:
        return Counter(a.rule for a in self.applied)


# ---- choosing and applying edits --------------------------------------------------------------

def _escape(text: str, suffix: str) -> str:
    if suffix in _MARKUP_SUFFIXES:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def choose_edits(article: Article, findings: Sequence[Finding], unsafe: bool = False,
                 suffix: str = "") -> List[Edit]:
    """The edits to apply to `article.original`, non-overlapping, in a fixed order."""
    candidates = []
    for f in findings:
        if not f.suggestions or not (f.safe or unsafe):
            continue
        if not article.is_prose(f.start, f.end):
            continue  # never edit markup, code or a character reference
        new = _escape(f.suggestions[0], suffix)
        if article.original[f.start:f.end] == new:
            continue
        candidates.append(Edit(f.start, f.end, new, f))
    candidates.sort(key=lambda e: (e.start, -(e.end - e.start), e.finding.rule, e.new))
    chosen: List[Edit] = []
    for edit in candidates:
        if not any(_overlaps(edit, c) for c in chosen):
            chosen.append(edit)
    return chosen


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos:e.start])
        out.append(e.new)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def _to_first_pass(offset: int, history: List[List[Edit]]) -> int:
    """Map an offset of a later pass's text back to the text as read."""
    for edits in reversed(history):
        shift = 0
        for e in sorted(edits, key=lambda e: e.start):
            new_start = e.start + shift
            if offset < new_start:
                break
            if offset < new_start + len(e.new):
                offset = new_start  # inside an earlier fix: its start
                break
            shift += len(e.new) - (e.end - e.start)
        offset -= shift if offset >= 0 else 0
    return max(offset, 0)


def fix_article_text(text: str, make, ctx: AuditContext, unsafe: bool, suffix: str,
                     first: Article) -> Tuple[str, List[AppliedFix], int, bool]:
    """Fix one article's text until stable. `make(text)` builds an Article of a text; `first`
    is the article as read (for positions). Returns (text, fixes, findings left, converged)."""
    applied: List[AppliedFix] = []
    history: List[List[Edit]] = []
    seen = {text}
    article = first
    record = getattr(first, "record_id", None)
    for _ in range(MAX_PASSES):
        findings = audit_batch([article], ctx)[0]
        edits = choose_edits(article, findings, unsafe, suffix)
        if not edits:
            return text, applied, len(findings), True
        for e in edits:
            line, col = first.position(_to_first_pass(e.start, history))
            applied.append(AppliedFix(e.finding.rule, line, col, text[e.start:e.end], e.new,
                                      e.finding.safe, record))
        history.append(edits)
        text = apply_edits(text, edits)
        if text in seen:  # the fixes undo each other: stop rather than loop
            break
        seen.add(text)
        article = make(text)
    findings = audit_batch([article], ctx)[0]
    return text, applied, len(findings), False


# ---- files ------------------------------------------------------------------------------------

def fix_text(text: str, name: str, ctx: AuditContext, unsafe: bool = False,
             records: Optional[RecordOptions] = None) -> Tuple[FixResult, List[InputError]]:
    """Fix decoded file text (any supported format). Raises ValueError for unreadable input."""
    suffix = suffix_of(name)
    source_lang = ctx.options.source_lang
    load_readers(suffix)
    if suffix in RECORD_READERS:
        return _fix_records(text, name, ctx, unsafe, records or RecordOptions())

    def make(t: str) -> Article:
        article = make_article(t, name, source_lang)
        if ctx.options.source_plan is not None:  # mtqa.source: the same source every pass
            from mtqa.source.pairing import with_source

            article, _ = with_source(article, ctx.options)
        return article

    fixed, applied, remaining, converged = fix_article_text(text, make, ctx, unsafe, suffix,
                                                            make(text))
    return FixResult(name, text, fixed, applied, remaining, converged), []


def _fix_records(text, name, ctx, unsafe, records) -> Tuple[FixResult, List[InputError]]:
    articles, errors = RECORD_READERS[suffix_of(name)](text, name, records, ctx.options.source_lang)
    lines = text.split("\n")
    result = FixResult(name, text, text)
    for art in articles:
        if ctx.options.source_plan is not None:  # mtqa.source: --source-field
            from mtqa.source.pairing import with_source

            with_source(art, ctx.options)

        def make(t: str, _art=art) -> Article:
            article = Article(t, path=name, source_lang=_art.source_lang)
            if hasattr(_art, "source"):
                article.source = _art.source
            return article

        body, applied, remaining, converged = fix_article_text(art.original, make, ctx, unsafe,
                                                               "", art)
        result.applied += applied
        result.remaining += remaining
        result.converged &= converged
        if body != art.original:
            line = lines[art.record_line - 1]
            start, end = art.literal
            lines[art.record_line - 1] = line[:start] + art.encode(body) + line[end:]
    result.after = "\n".join(lines)
    return result, errors


def restore_bytes(raw: bytes, text: str) -> bytes:
    """Encode fixed text the way the file was written: its byte-order mark and each line's
    own line ending (CRLF, CR or LF)."""
    decoded = raw.decode("utf-8")
    bom = decoded.startswith("\ufeff")
    if bom:
        decoded = decoded[1:]
    endings = re.findall(r"\r\n|\r|\n", decoded)
    lines = text.split("\n")
    if len(lines) - 1 == len(endings):
        parts = []
        for line, ending in zip(lines, endings + [""]):
            parts.append(line + ending)
        out = "".join(parts)
    else:
        dominant = Counter(endings).most_common(1)[0][0] if endings else "\n"
        out = dominant.join(lines)
    return (("\ufeff" if bom else "") + out).encode("utf-8")


def write_atomic(path: str, data: bytes, expect: Optional[os.stat_result] = None) -> None:
    """Replace a file's content in one step: temporary file beside it, fsync, os.replace.
    Keeps the mode (and owner where allowed); a symlink's target is written, not the link.
    With `expect`, refuses when the file changed since it was read."""
    target = os.path.realpath(path)
    st = os.stat(target)
    if expect is not None and (st.st_mtime_ns, st.st_size) != (expect.st_mtime_ns,
                                                                expect.st_size):
        raise ValueError("the file changed while it was being fixed; not written")
    folder = os.path.dirname(target)
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", suffix=".mtqa-tmp",
                               dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except (AttributeError, OSError):
            pass  # not the owner: the file keeps our ownership, as any editor's save would
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def fix_file(path: str, ctx: AuditContext, unsafe: bool = False, write: bool = True,
             records: Optional[RecordOptions] = None, name: Optional[str] = None
             ) -> Tuple[Optional[FixResult], List[InputError], bytes]:
    """Fix one file ('-' is stdin, named `name`). Returns the result (None when unreadable),
    problems, and the fixed bytes. Writes the file when `write` and something changed."""
    display = name or ("<stdin>" if path == "-" else path)
    try:
        if path != "-" and write and os.path.exists(path) and (
                not os.access(path, os.W_OK) or not os.stat(path).st_mode & 0o222):
            raise ValueError("file is read-only; not fixed")  # even for root
        before = None if path == "-" else os.stat(os.path.realpath(path))
        load_readers(suffix_of(display))
        limit = MAX_RECORD_FILE_BYTES if suffix_of(display) in RECORD_READERS else MAX_BYTES
        raw = read_bytes(path, limit)
        text = decode(raw, display)
        result, problems = fix_text(text, display, ctx, unsafe, records)
        data = restore_bytes(raw, result.after) if result.changed else raw
        if write and path != "-" and result.changed:
            write_atomic(path, data, before)
    except ValueError as exc:
        return None, [InputError(display, str(exc))], b""
    except OSError as exc:
        return None, [InputError(display, f"cannot write: {exc.strerror or exc}")], b""
    return result, problems, data


def unified_diff(result: FixResult) -> str:
    a = result.before.splitlines(keepends=True)
    b = result.after.splitlines(keepends=True)
    for lines in (a, b):
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n\\ No newline at end of file\n"
    if os.path.isabs(result.path) or result.path.startswith("<"):
        names = (result.path, result.path)
    else:  # git-style names: the diff applies with `git apply` or `patch -p1`
        names = (f"a/{result.path}", f"b/{result.path}")
    return "".join(difflib.unified_diff(a, b, *names))


def summarise(counts: Dict[str, int]) -> str:
    return ", ".join(f"{rule} ×{n}" if n > 1 else rule for rule, n in sorted(counts.items()))
