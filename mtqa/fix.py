"""`mtqa fix`: apply the fixes findings carry (docs/fix.md).

A finding's fix (mtqa.finding.Fix) has edits and an applicability: `safe` fixes (a
glossary-certain spelling, a certain punctuation repair) are applied; `unsafe` ones only with
`unsafe=True` (--unsafe); `display-only` ones (a gloss, an explanation) never. Edits go into
the original file text, only where the prose view shows that text verbatim (never inside
markup, code, a link target or a character reference) and never inside a URL, domain, e-mail
address, path or inline code (Article.literal_spans), in any format.

The loop, per article: audit (the pipeline's read and audit, so suppressions and the
configuration count), choose non-overlapping fixes (earliest start, then the longest span,
then the rule id), apply them, read and audit the new text, and keep the invariant:

- a fix whose own finding (same rule) reappears at its replacement is withdrawn;
- a fix that makes a finding of any rule appear that was not there is withdrawn;

withdrawn fixes are undone (the text keeps its last good state) and not tried again. When a
new finding cannot be traced to one fix, the pass's fixes are tried one at a time. Until
nothing is left to apply, at most MAX_PASSES passes: a text that does not settle is not written
(FixResult.converged is False, `unsettled` names the rules) and `mtqa fix` exits 1.

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
from typing import Dict, List, Optional, Sequence, Set, Tuple

from mtqa import pipeline
from mtqa.article import Article
from mtqa.engine import AuditContext
from mtqa.finding import SAFE, UNSAFE, Finding
from mtqa.formats import RECORD_READERS, InputError, RecordOptions
from mtqa.inputs import MAX_RECORD_FILE_BYTES, decode, max_bytes, read_bytes

MAX_PASSES = 10
MAX_ROUNDS = 4  # fresh runs from the result until it is a fixed point (fix_article)
_MARKUP_SUFFIXES = (".html", ".htm", ".xlf", ".xliff")


@dataclass
class Edit:
    """One fix planned for this pass: its finding and its edits (content escaped for the
    file's format), in the current text's offsets."""
    finding: Finding
    edits: Tuple[Tuple[int, int, str], ...]

    @property
    def start(self) -> int:
        return self.edits[0][0]

    @property
    def end(self) -> int:
        return self.edits[-1][1]

    @property
    def new(self) -> str:
        return self.edits[0][2]

    def key(self, text: str) -> Tuple[str, Tuple[Tuple[str, str], ...]]:
        """What identifies this fix across passes: its rule and what it changes into what."""
        return self.finding.rule, tuple((text[s:e], c) for s, e, c in self.edits)


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
    """What `mtqa fix` did to one file (nothing is written unless `converged`)."""
    path: str
    before: str                       # the decoded text (line ends as \n)
    after: str
    applied: List[AppliedFix] = field(default_factory=list)
    remaining: int = 0                # findings left after fixing
    converged: bool = True
    withdrawn: List[AppliedFix] = field(default_factory=list)  # undone: they broke the text
    unsettled: List[str] = field(default_factory=list)  # rules still fixing when we gave up
    errors: List[InputError] = field(default_factory=list)  # unreadable records of a feed

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


def _spans_overlap(a: Tuple[int, int], b: Tuple[int, int]) -> bool:
    (as_, ae), (bs, be) = a, b
    if as_ == ae and bs == be:
        return as_ == bs
    if as_ == ae:
        return bs < as_ < be
    if bs == be:
        return as_ < bs < ae
    return as_ < be and bs < ae


def _overlaps(a: Edit, b: Edit) -> bool:
    return any(_spans_overlap(x[:2], y[:2]) for x in a.edits for y in b.edits)


def _in_literal(article: Article, start: int, end: int) -> bool:
    return any(s < end and start < e if start < end else s < start < e
               for s, e in article.literal_spans)


def applies(f: Finding, unsafe: bool) -> bool:
    """Is this finding's fix one to apply? Display-only fixes never are."""
    if f.fix is None:
        return False
    return f.fix.applicability == SAFE or (unsafe and f.fix.applicability == UNSAFE)


def choose_edits(article: Article, findings: Sequence[Finding], unsafe: bool = False,
                 suffix: str = "", withdrawn: Set = frozenset()) -> List[Edit]:
    """The fixes to apply to `article.original`, non-overlapping, in a fixed order."""
    candidates = []
    for f in findings:
        if not applies(f, unsafe):
            continue
        edits = tuple(sorted((e.start, e.end, _escape(e.content, suffix)) for e in f.fix.edits))
        if any(not article.is_prose(s, e) or _in_literal(article, s, e) for s, e, _ in edits):
            continue  # never edit markup, code, a URL, a path or a character reference
        if all(article.original[s:e] == c for s, e, c in edits):
            continue
        edit = Edit(f, edits)
        if edit.key(article.original) in withdrawn:
            continue
        candidates.append(edit)
    candidates.sort(key=lambda e: (e.start, -(e.end - e.start), e.finding.rule, e.new))
    chosen: List[Edit] = []
    for edit in candidates:
        if not any(_overlaps(edit, c) for c in chosen):
            chosen.append(edit)
    return chosen


def _flat(edits: Sequence[Edit]) -> List[Tuple[int, int, str]]:
    return sorted((x for e in edits for x in e.edits), key=lambda x: (x[0], x[1]))


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    out = []
    pos = 0
    for start, end, new in _flat(edits):
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)


class _Shift:
    """Offsets of a text before some edits -> offsets after them."""

    def __init__(self, edits: Sequence[Edit]):
        self.flat = _flat(edits)

    def point(self, offset: int, side: str = "start") -> Tuple[int, bool]:
        """(new offset, inside an edit): an offset inside a replaced span goes to the
        replacement's start (or end, for side="end")."""
        delta = 0
        for s, e, c in self.flat:
            if offset < s or (offset == s and s < e and side == "start"):
                break
            if offset < e or (offset == e and side == "start" and s == e):
                return (s + delta + (len(c) if side == "end" else 0)), True
            delta += len(c) - (e - s)
        return offset + delta, False

    def replacement_spans(self, edits: Sequence[Edit]) -> Dict[int, List[Tuple[int, int]]]:
        """Per fix (by id), where its replacements are in the new text."""
        spans: Dict[int, List[Tuple[int, int]]] = {}
        delta = 0
        owner = {x: id(e) for e in edits for x in e.edits}
        for s, e, c in self.flat:
            spans.setdefault(owner[(s, e, c)], []).append((s + delta, s + delta + len(c)))
            delta += len(c) - (e - s)
        return spans


def _touches(f: Finding, span: Tuple[int, int]) -> bool:
    s, e = span
    return f.start <= e and s <= f.end if s == e or f.start == f.end else \
        f.start < e and s < f.end


def _blame(edits: Sequence[Edit], before: Sequence[Finding], after: Sequence[Finding]
           ) -> Tuple[Set[int], bool]:
    """Which fixes of a pass break the invariant (ids), and whether some new finding could not
    be traced to a fix (then the fixes must be tried one at a time)."""
    from mtqa.engine import FindingLimit

    shift = _Shift(edits)
    replaced = shift.replacement_spans(edits)
    bad: Set[int] = set()
    # a rule past its limit of findings per article (engine.MAX_FINDINGS_PER_RULE) hid the
    # ones after its limit finding: once fixes are made they show, and they are not new
    hidden_from = {f.rule: shift.point(f.start, "start")[0] for f in before
                   if isinstance(f, FindingLimit)}
    after = [f for f in after if not isinstance(f, FindingLimit)
             and not (f.rule in hidden_from and f.start >= hidden_from[f.rule])]
    before = [f for f in before if not isinstance(f, FindingLimit)]
    # 1. a fix's own finding reappears at its replacement
    for e in edits:
        spans = replaced.get(id(e), [])
        if any(f.rule == e.finding.rule and any(_touches(f, sp) for sp in spans) for f in after):
            bad.add(id(e))
    # 2. a finding appears that was not there: not a finding of the same rule at the same
    # (shifted) place, nor one whose old span was edited and now overlaps the new text there
    exact = set()
    loose: Dict[str, List[Tuple[int, int]]] = {}
    for f in before:
        s, s_in = shift.point(f.start, "start")
        e, e_in = shift.point(f.end, "end")
        if not (s_in or e_in or any(_spans_overlap((f.start, f.end), x[:2])
                                    for x in shift.flat)):
            exact.add((f.rule, s, e))
        else:
            # only a finding an edit reshaped may turn up elsewhere near its old place; an
            # untouched one must stay where it was (else a fix that makes a second "Kyiv
            # Kyiv" beside an old one would pass on a second run and not on the first)
            loose.setdefault(f.rule, []).append((s, e))
    untraced = False
    for f in after:
        if (f.rule, f.start, f.end) in exact:
            continue
        if any(_touches(f, sp) for sp in loose.get(f.rule, ())):
            continue  # the same rule's finding, moved or reshaped by an edit it overlapped
        culprits = [e for e in edits if any(_touches(f, sp) for sp in replaced.get(id(e), []))]
        if culprits:
            bad.update(id(e) for e in culprits)
        else:
            untraced = True
    return bad, untraced


def _to_first_pass(offset: int, history: List[List[Edit]]) -> int:
    """Map an offset of a later pass's text back to the text as read."""
    for edits in reversed(history):
        shift = 0
        for s, e, c in _flat(edits):
            new_start = s + shift
            if offset < new_start:
                break
            if offset < new_start + len(c):
                offset = new_start  # inside an earlier fix: its start
                break
            shift += len(c) - (e - s)
        offset -= shift if offset >= 0 else 0
    return max(offset, 0)


@dataclass
class _State:
    """The last good state of an article being fixed."""
    article: Article
    findings: List[Finding]


def _audit(article: Article, ctx: AuditContext) -> List[Finding]:
    return pipeline.audit_articles([article], ctx)[0]


def fix_article(first: Article, ctx: AuditContext, unsafe: bool = False, suffix: str = ""
                ) -> Tuple[str, List[AppliedFix], List[AppliedFix], int, List[str]]:
    """Fix one article until stable, keeping the invariant (module docs). Returns (text,
    applied, withdrawn, findings left, rules that did not settle: empty when it settled).

    The result is a fixed point: fixing it again changes nothing. A fix is withdrawn for what
    it did to the text *of its pass*, and later fixes can change that text (the repeated
    "kiev kiev" beside a "Kiev" is withdrawn while the pair reads "kiev Kiev", and is fine once
    "Kiev" became "Kyiv"), so the withdrawals of one round are history, not a property of the
    final text. Whenever a round withdrew something and changed the text, the next round starts
    afresh from its result, exactly as a second `mtqa fix` run would; the text is settled when
    a round changes nothing or withdraws nothing."""
    record = first.record.id if first.record is not None else None
    applied: List[AppliedFix] = []
    withdrawn_fixes: List[AppliedFix] = []
    history: List[List[Edit]] = []
    state = _State(first, _audit(first, ctx))

    def note(edits: Sequence[Edit], into: List[AppliedFix]) -> None:
        text = state.article.original
        for e in edits:
            line, col = first.position(_to_first_pass(e.start, history))
            into.append(AppliedFix(e.finding.rule, line, col, text[e.start:e.end], e.new,
                                   e.finding.safe, record))

    def attempt(edits: List[Edit]) -> Tuple[Optional[_State], Set[int], bool]:
        text = apply_edits(state.article.original, edits)
        article = pipeline.reread(state.article, text)
        findings = _audit(article, ctx)
        bad, untraced = _blame(edits, state.findings, findings)
        return _State(article, findings), bad, untraced

    def one_round(withdrawn: Set) -> bool:
        """One fix run from the current state (what a fresh `mtqa fix` does); True when it
        settled within MAX_PASSES passes."""
        nonlocal state

        def withdraw(edits: Sequence[Edit]) -> None:
            for e in edits:
                withdrawn.add(e.key(state.article.original))
            note(edits, withdrawn_fixes)

        for _ in range(MAX_PASSES):
            edits = choose_edits(state.article, state.findings, unsafe, suffix, withdrawn)
            if not edits:
                return True
            new, bad, untraced = attempt(edits)
            while bad and not untraced:  # drop the culprits, retry the rest together
                withdraw([e for e in edits if id(e) in bad])
                edits = [e for e in edits if id(e) not in bad]
                if not edits:
                    break
                new, bad, untraced = attempt(edits)
            if not edits:
                continue
            if untraced:  # one at a time: every new finding is then the one fix's doing
                delta = 0  # what the fixes kept so far moved the later ones by
                for e in edits:
                    e = Edit(e.finding, tuple((s + delta, t + delta, c) for s, t, c in e.edits))
                    one, bad, untraced = attempt([e])
                    if bad or untraced:
                        withdraw([e])
                        continue
                    note([e], applied)
                    history.append([e])
                    delta += sum(len(c) - (t - s) for s, t, c in e.edits)
                    state = one
                continue
            note(edits, applied)
            history.append(edits)
            state = new
        return not choose_edits(state.article, state.findings, unsafe, suffix, withdrawn)

    withdrawn: Set = set()
    for _ in range(MAX_ROUNDS):
        withdrawn = set()
        withdrawn_fixes.clear()  # only the last round's withdrawals describe the result
        start = state.article.original
        if not one_round(withdrawn):
            break
        if not withdrawn or state.article.original == start:
            return state.article.original, applied, withdrawn_fixes, len(state.findings), []
    pending = choose_edits(state.article, state.findings, unsafe, suffix, withdrawn) or \
        choose_edits(state.article, state.findings, unsafe, suffix)
    return (state.article.original, applied, withdrawn_fixes, len(state.findings),
            sorted({e.finding.rule for e in pending}))


# ---- files ------------------------------------------------------------------------------------

def fix_text(text: str, name: str, ctx: AuditContext, unsafe: bool = False,
             records: Optional[RecordOptions] = None) -> FixResult:
    """Fix decoded file text (any supported format, by `name`'s suffix), read by the
    pipeline's reader. Raises ValueError when a single-article file cannot be read; a feed's
    unreadable records are `FixResult.errors`."""
    suffix = pipeline.suffix_of(name)
    pipeline.load_readers(suffix)
    options = ctx.options
    if records is not None:
        options = options.replaced(record_field=records.field, record_id_field=records.id_field)
    articles, errors = pipeline.read_text(text, name, options)
    if suffix not in RECORD_READERS:
        if errors:
            raise ValueError(errors[0].message)
        fixed, applied, withdrawn, remaining, unsettled = fix_article(articles[0], ctx, unsafe,
                                                                      suffix)
        return FixResult(name, text, fixed, applied, remaining, not unsettled, withdrawn,
                         unsettled)
    return _fix_records(text, name, articles, errors, ctx, unsafe)


def _fix_records(text: str, name: str, articles: List[Article], errors: List[InputError],
                 ctx: AuditContext, unsafe: bool) -> FixResult:
    lines = text.split("\n")
    result = FixResult(name, text, text, errors=list(errors))
    unsettled: Set[str] = set()
    for art in articles:
        body, applied, withdrawn, remaining, rules = fix_article(art, ctx, unsafe)
        result.applied += applied
        result.withdrawn += withdrawn
        result.remaining += remaining
        unsettled.update(rules)
        record = art.record
        if body != art.original and record is not None:
            line = lines[record.line - 1]
            start, end = record.literal
            lines[record.line - 1] = line[:start] + record.encode(body) + line[end:]
    result.unsettled = sorted(unsettled)
    result.converged = not unsettled
    result.after = "\n".join(lines)
    return result


def restore_bytes(raw: bytes, text: str) -> bytes:
    """Encode fixed text the way the file was written: its byte-order mark and each line's
    own line ending (CRLF, CR or LF)."""
    from mtqa.inputs import bom_encoding  # (security) UTF-16/32 files keep their encoding

    wide = bom_encoding(raw)
    codec = wide[1] if wide else "utf-8"
    decoded = raw[len(wide[0]):].decode(codec) if wide else raw.decode("utf-8")
    bom = wide is not None or decoded.startswith("\ufeff")
    if bom and not wide:
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
    if wide:
        return wide[0] + out.encode(codec)
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
        pipeline.load_readers(pipeline.suffix_of(display))
        limit = MAX_RECORD_FILE_BYTES if pipeline.suffix_of(display) in RECORD_READERS \
            else max_bytes()
        raw = read_bytes(path, limit)
        text = decode(raw, display)
        result = fix_text(text, display, ctx, unsafe, records)
        problems = result.errors
        # a text that did not settle is not written: the caller reports the rules
        data = restore_bytes(raw, result.after) if result.changed and result.converged else raw
        if write and path != "-" and result.changed and result.converged:
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
