"""punct-unbalanced's pairing (mtqa.rules.punct_unbalanced._unbalanced_marks, read by
punct-unbalanced and punct-stray-bracket) gives exactly what the mark-by-mark stack of
session 5 gave: that stack is kept below as the reference, and Hypothesis compares the two on
random strings of marks, words, list markers, emoticons, inch marks and paragraph breaks
(quotations continued over paragraphs, marks falling out of REACH). Session 6 pairs each
paragraph's marks of one kind in C-level passes instead (issue 13)."""
import re
from collections import deque

from hypothesis import given, settings, strategies as st

from mtqa.article import Article
from mtqa.rules.punct_unbalanced import REACH, _innocent_close, _straight_role, _unbalanced_marks

_OPEN = {"(": "paren", "[": "bracket", "“": "curly", "«": "guillemet"}
_CLOSE = {")": "paren", "]": "bracket", "”": "curly", "»": "guillemet"}
_MARK = re.compile('\\[[^(\\[“«)\\]”»"]*\\]|\\([^(\\[“«)\\]”»"]*\\)|[(\\[“«)\\]”»"]')


def reference_marks(article):
    """The pairing as written until session 5: one Python step per mark, with an entry
    [kind, offset, paragraph, open?] per open mark in a queue (for the reach) and in a stack
    per kind."""
    text = article.text
    order = deque()
    by_kind = {}
    out = []

    def latest(kind):
        stack = by_kind.get(kind)
        while stack and not stack[-1][3]:
            stack.pop()
        return stack[-1] if stack else None

    for index, (ps, pe) in enumerate(article.paragraphs):
        while order and (not order[0][3] or index - order[0][2] > REACH):
            entry = order.popleft()
            if entry[3]:
                entry[3] = False
                out.append((entry[0], entry[1], "unclosed"))
        first_mark = True
        for mark in _MARK.finditer(text, ps, pe):
            pos = mark.start()
            if mark.end() - pos > 1:
                first_mark = False
                continue
            ch = text[pos]
            kind = role = None
            if ch in _OPEN:
                kind, role = _OPEN[ch], "open"
            elif ch in _CLOSE:
                kind, role = _CLOSE[ch], "close"
            elif ch == '"':
                kind, role = "straight", _straight_role(text, pos, ps, pe)
            if role is None:
                continue
            at_start = first_mark and not text[ps:pos].strip()
            first_mark = False
            if role == "open":
                if at_start and kind in ("curly", "guillemet", "straight"):
                    stack = by_kind.get(kind) or []
                    k = 0
                    while k < len(stack) and (not stack[k][3] or stack[k][2] < index):
                        stack[k][3] = False
                        k += 1
                    del stack[:k]
                entry = [kind, pos, index, True]
                order.append(entry)
                by_kind.setdefault(kind, []).append(entry)
                continue
            entry = latest(kind)
            if entry is not None:
                entry[3] = False
                by_kind[kind].pop()
            elif not (kind == "paren" and _innocent_close(text, ps, pos)):
                out.append((kind, pos, "unopened"))
    out.extend((e[0], e[1], "unclosed") for e in order if e[3])
    return sorted(out, key=lambda x: x[1])


# pieces that matter to the pairing: every mark, words, digits (inch marks, "1)"), emoticons,
# list markers, spaces, and line breaks (a non-empty line is a paragraph)
_PIECES = st.sampled_from(["(", ")", "[", "]", "“", "”", "«", "»", '"', "word", "a", "iv",
                           "1", "27", ":", ";-", "-", " ", " ", "  ", "\n", "\n\n", "\n \n",
                           ".", ",", "/", "—"])
_TEXTS = st.lists(_PIECES, max_size=80).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
def test_same_marks_as_the_mark_by_mark_stack(text):
    article = Article(text, path="x.txt")
    assert _unbalanced_marks(article) == reference_marks(article)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TEXTS, st.integers(1, 400)), max_size=6))
def test_same_marks_on_long_runs(runs):
    # long runs of one piece: thousands of marks in one paragraph, or many paragraphs
    text = "".join(piece * (count if len(piece) < 6 else 1) for piece, count in runs)
    article = Article(text, path="x.txt")
    assert _unbalanced_marks(article) == reference_marks(article)


def test_examples_the_rules_rely_on():
    cases = {
        "(a [b “c” d] e) f)": [],
        "(a [b) c": [("bracket", 3, "unclosed")],
        "“One.\n\n“Two.\n\n“Three.”": [],  # a quotation over three paragraphs
        "(open\n\na\n\nb\n\nc\n\ndone)": [("paren", 0, "unclosed"), ("paren", 20, "unopened")],
        'He is 6\'2" tall, 1) first, 2) second :-)': [],
        "[a](" * 5: [("paren", 3 + 4 * k, "unclosed") for k in range(5)],
    }
    for text, expected in cases.items():
        assert _unbalanced_marks(Article(text, path="x.txt")) == expected, text
