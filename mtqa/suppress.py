"""Suppressions, applied in one place after the rules have run (pipeline.finish):

1. inline comments in the article (any input format; they are HTML comments, invisible in
   rendered Markdown and HTML):
     <!-- mtqa-disable name-near-miss -->  ...  <!-- mtqa-enable -->   a region
     <!-- mtqa-disable-next-line name-near-miss -->                     the next non-blank line
     <!-- mtqa-disable-line name-near-miss -->                          the comment's own line
   Rule ids may be prefixes ("name") and are separated by spaces or commas; no ids means every
   rule; text after " -- " is a free reason. `mtqa-enable` with ids re-enables only those.
2. `per-file-ignores` of the configuration (glob -> rules);
3. the glossary's `accept` lists: an accepted form is never flagged, by any rule.

A comment naming no known rule, or an unknown directive (mtqa-disabel), is reported as a
warning naming file and line; it never stops the run. See docs/suppressions.md.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Dict, List, Optional, Sequence, Tuple

from mtqa.article import TOKEN_RE, Article
from mtqa.lazyre import precompiled  # (cached regex code: start-up)
from mtqa.finding import Finding
from mtqa.registry import matches
from mtqa.plain import Plain

DIRECTIVES = ("disable", "enable", "disable-line", "disable-next-line")
_OPENER_RE = precompiled(r"<!--\s*mtqa-")
_NAME_RE = precompiled(r"[A-Za-z-]*")


def _comments(text: str):
    """(start, end, directive, body) of every mtqa comment, in linear time: a comment ends
    at the first "-->" after its opener. (A lazy regex "<!--...(.*?)-->" scanned to the end
    of the text from every unclosed "<!--mtqa-": 220 KB of them took 55 s.) Each "-->" is
    searched for once, and an opener with none after it ends the search: no later one has."""
    pos = 0
    while True:
        m = _OPENER_RE.search(text, pos)
        if m is None:
            return
        close = text.find("-->", m.end())
        if close < 0:
            return
        name = _NAME_RE.match(text, m.end(), close).group()
        yield m.start(), close + 3, name, text[m.end() + len(name):close]
        pos = close + 3


class Notice(Plain):  # not @dataclass (start-up: mtqa/plain.py)
    """A warning about the input that does not stop the run."""
    path: str
    line: Optional[int]
    message: str

    def __init__(self, path: str, line: Optional[int], message: str):
        self.path = path
        self.line = line
        self.message = message


class Directive(Plain):  # not @dataclass (start-up: mtqa/plain.py)
    kind: str
    rules: Optional[Tuple[str, ...]]  # None: every rule
    start: int                        # offset of "<!--"
    end: int                          # offset after "-->"
    line: int                         # 1-based line of the comment

    def __init__(self, kind: str, rules: Optional[Tuple[str, ...]], start: int, end: int,
                     line: int):
        self.kind = kind
        self.rules = rules
        self.start = start
        self.end = end
        self.line = line

    def covers(self, rule: str) -> bool:
        return self.rules is None or matches(rule, self.rules)


def parse_directives(article: Article, known_ids: Sequence[str]
                     ) -> Tuple[List[Directive], List[Notice]]:
    directives: List[Directive] = []
    notices: List[Notice] = []
    known_cache: Dict[str, bool] = {}

    def is_known(selector: str) -> bool:
        # once per distinct selector: a file of 30,000 comments looked each up among every
        # rule id (hardening, issue 13)
        found = known_cache.get(selector)
        if found is None:
            found = known_cache[selector] = any(matches(r, [selector]) for r in known_ids)
        return found

    for start, end, name, body in _comments(article.original):
        line = article.position(start)[0]
        kind = name.rstrip("-").lower()
        body = body.split(" -- ", 1)[0]
        if kind not in DIRECTIVES:
            notices.append(Notice(article.path, line,
                                  f"unknown directive 'mtqa-{name}' (use "
                                  f"{', '.join('mtqa-' + d for d in DIRECTIVES)})"))
            continue
        ids = tuple(i for i in re.split(r"[\s,]+", body.strip()) if i)
        unknown = [i for i in ids if i != "all" and not is_known(i)]
        for i in unknown:
            notices.append(Notice(article.path, line,
                                  f"unknown rule '{i}' in mtqa-{kind} comment (see `mtqa rules`)"))
        known = tuple(i for i in ids if i not in unknown)
        if ids and not known:
            continue  # only unknown ids: suppress nothing rather than everything
        rules = None if not known or "all" in known else known
        directives.append(Directive(kind, rules, start, end, line))
    return directives, notices


def _next_content_line(article: Article, line: int) -> int:
    total = len(article.line_starts)
    n = line + 1
    while n <= total and not article.line_text(n).strip():
        n += 1
    return n


def _inline_filter(article: Article, directives: List[Directive], notices: List[Notice]):
    """A predicate: is this finding switched off by a comment?"""
    lines: List[Tuple[int, Directive]] = []
    regions: List[Directive] = []
    disabled_before = False  # (a flag, not a look back over every region: linear; #13)
    for d in directives:
        if d.kind == "disable-line":
            lines.append((d.line, d))
        elif d.kind == "disable-next-line":
            lines.append((_next_content_line(article, d.line), d))
        else:
            if d.kind == "enable" and not disabled_before:
                notices.append(Notice(article.path, d.line,
                                      "mtqa-enable without a preceding mtqa-disable"))
            disabled_before = disabled_before or d.kind == "disable"
            regions.append(d)

    # line -> its directives; rule -> (ends, states) of the regions covering it, so a finding
    # costs a bisection, not a walk over every comment (linear in findings x comments before)
    by_line: Dict[int, List[Directive]] = {}
    for n, d in lines:
        by_line.setdefault(n, []).append(d)
    per_rule: Dict[str, Tuple[List[int], List[bool]]] = {}

    def region_states(rule: str) -> Tuple[List[int], List[bool]]:
        found = per_rule.get(rule)
        if found is None:
            covering = [d for d in regions if d.covers(rule)]
            found = per_rule[rule] = ([d.end for d in covering],
                                      [d.kind == "disable" for d in covering])
        return found

    def suppressed(f: Finding) -> bool:
        line = article.position(f.start)[0]
        if any(d.covers(f.rule) for d in by_line.get(line, ())):
            return True
        ends, states = region_states(f.rule)
        # the last covering region that ends at or before the finding decides
        k = bisect_right(ends, f.start)
        return states[k - 1] if k else False

    return suppressed


def _accepted(article: Article, f: Finding, accepted) -> bool:
    """The flagged text is an accepted form, or the words a suggestion would change are."""
    text = article.text[f.start:f.end]
    if text in accepted:
        return True
    for s in f.suggestions[:1]:
        old, new = TOKEN_RE.findall(text), TOKEN_RE.findall(s)
        if old and len(old) == len(new):
            changed = [a for a, b in zip(old, new) if a != b]
            return bool(changed) and all(w in accepted for w in changed)
    return False


def apply(article: Article, findings: List[Finding], ctx) -> List[Finding]:
    """The findings that survive every suppression; warnings go to ctx.notices."""
    if not findings and "mtqa-" not in article.original:
        return findings
    from mtqa.globs import match

    options = ctx.options
    ignored: List[str] = []
    for pattern, rules in (options.per_file_ignores or {}).items():
        if article.path not in ("<stdin>", "<text>") and match(article.path, pattern,
                                                               options.root):
            ignored.extend(rules)
    out = [f for f in findings if not matches(f.rule, ignored)] if ignored else findings
    if "mtqa-" in article.original:
        from mtqa.registry import all_rules

        directives, notices = parse_directives(article, [r.id for r in all_rules()])
        suppressed = _inline_filter(article, directives, notices)
        ctx.notices.extend(notices)
        out = [f for f in out if not suppressed(f)]
    if out:
        accepted = ctx.accepted_forms
        if accepted:
            out = [f for f in out if not _accepted(article, f, accepted)]
    return out
