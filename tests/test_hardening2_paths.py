"""The fast paths of hardening2 (issue 13) answer exactly as the slow ones they replace: the
name views built in bulk, the glossary matches the report's ledger reuses after the audit, the
foreign-phrase neighbour check without its regex when no blank precedes the word, and the
Markdown bracket pairs found by jumping between special characters."""
import types

from hypothesis import given, settings, strategies as st

from mtqa.article import Article
from mtqa.glossary import load_glossary
from mtqa.normalise import NormalisedView, unmarked, visible
from mtqa.readers.markdown import _Inline
from mtqa.rules.spell_unknown_word import _NEIGHBOUR_BEFORE, _in_foreign_phrase

# letters, blanks, format characters, combining marks (Latin and not), a NUL, a singleton
# (U+212B) and precomposed letters: every branch of the view's construction
_CHARS = st.sampled_from(["a", "e", "K", "v", " ", "\n", "\u200b", "\u00ad", "\ufeff",
                          "\u0301", "\u0308", "\u0327", "\u0951", "\u212b", "\x00", "é", "ö"])


def _slow_view(text, clean):
    view = NormalisedView("", clean)  # an empty view, then the piece-by-piece construction
    view.identity = False
    view._build_slowly(text, clean)
    return view


@settings(max_examples=400)
@given(st.lists(_CHARS, max_size=30).map("".join))
def test_the_view_built_in_bulk_is_the_view_built_piece_by_piece(text):
    for clean in (visible, unmarked):
        bulk = NormalisedView(text, clean)
        if bulk.identity:
            continue
        slow = _slow_view(text, clean)
        assert bulk.text == slow.text
        for offset in range(len(bulk.text) + 1):
            assert bulk.start(offset) == slow.start(offset)
            assert bulk.end(offset) == slow.end(offset)
        for offset in range(len(text) + 1):
            for side in ("start", "end"):
                assert bulk.view_offset(offset, side) == slow.view_offset(offset, side)


def test_a_nul_inside_a_cluster_is_cleaned_one_cluster_at_a_time():
    # the clusters are cleaned joined by NULs; a NUL of the text's own must not split them
    text = "\x00\u200bKi\u200bev \x00\u0301x"
    view = NormalisedView(text, unmarked)
    assert view.text == "\x00Kiev \x00x"
    assert text[slice(*view.span(1, 5))] == "Ki\u200bev"


def test_glossary_matches_survive_release_and_are_not_found_again():
    glossary = load_glossary()
    article = Article("Kiev said Kiev.\nThe mayor of Kharkov spoke.\n")
    found = glossary.find(article)
    assert [m.form for m in found] == ["Kiev", "Kiev", "Kharkov"]
    article.release()
    assert "tokens" not in article.__dict__
    assert glossary.find(article) == found  # read from the kept matches...
    assert "tokens" not in article.__dict__  # ...without tokenising the article again


def _regex_only(text, start, end):
    before = _NEIGHBOUR_BEFORE.search(text, max(0, start - 40), start)
    from mtqa.rules.spell_unknown_word import _FOREIGN_LETTER, _NEIGHBOUR_AFTER

    after = _NEIGHBOUR_AFTER.match(text, end, end + 40)
    return any(m and _FOREIGN_LETTER.search(m.group(1)) for m in (before, after))


@settings(max_examples=600)
@given(st.lists(st.sampled_from(["a", "é", "ß", " ", "\t", "\n", "-", "\r", "\xa0"]),
                max_size=50).map("".join), st.data())
def test_the_foreign_phrase_check_agrees_with_its_regex(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _in_foreign_phrase(text, start, end) == _regex_only(text, start, end)


def test_the_word_before_is_still_read_across_a_line_end():
    text = "pièce \nresistance"
    assert _in_foreign_phrase(text, 7, len(text))
    assert not _in_foreign_phrase("piece-resistance", 6, 16)


@settings(max_examples=400)
@given(st.lists(st.sampled_from(["[", "]", "`", "``", "\\", "a", " ", "("]),
                max_size=30).map("".join))
def test_markdown_bracket_pairs_are_the_pairs_scanned_from_each_opener(block):
    inline = types.SimpleNamespace(s=block)
    pairs = _Inline._bracket_pairs(inline)
    for opener, close in pairs.items():
        assert block[opener] == "["
        assert close == _Inline._scan_brackets(inline, opener)


def test_the_collector_is_paused_during_the_work_and_restored_after_it():
    import gc

    import pytest

    from mtqa.gcpause import collector_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("a rule failing mid-article")
    assert gc.isenabled()  # restored on error too
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # left as it was: off stays off
    finally:
        gc.enable()


def test_an_audit_leaves_the_collector_on():
    import gc

    from mtqa.engine import AuditContext, AuditOptions
    from mtqa.pipeline import audit

    assert gc.isenabled()
    outcome = audit(Article("Kiev said so.\n"), AuditContext(AuditOptions()))
    assert any(f.rule == "name-incorrect" for f in outcome.findings)
    assert gc.isenabled()
