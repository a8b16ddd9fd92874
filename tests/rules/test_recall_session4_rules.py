"""Behaviour of the MT-artefact rule added for issue 9 recall in session 4,
case-lowercase-start, on real WMT23 MT lines (its `examples` run in tests/test_rule_examples.py)."""
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_article
from mtqa.fix import fix_text

RULE = "case-lowercase-start"

# Real WMT23 MT output (ru-en, uk-en): lines that start in lower case after a finished sentence,
# one with the first letters of its word cut off, and lines that must be left.
MT_TEXT = """Cigarettes and lighters are banned on board the ferry.
weapons ( including knives), drugs ( drugs), cigarettes and alcohol.
The fire lord started a bloody war and subjugated his neighbors.
ng Aang will be able to stop him, only if he learns to control all the elements.
Maria has 12 years of teaching experience
and holds a diploma in education from the university.
We waited for the results...
and then the sirens started again in the evening.
"""


def findings(text):
    ctx = AuditContext(AuditOptions(select=[RULE]))
    return [f for f in audit_article(Article(text), ctx) if f.rule == RULE]


def test_lower_case_line_after_a_sentence_is_flagged_and_a_continuation_is_not():
    found = findings(MT_TEXT)
    assert [MT_TEXT[f.start:f.end] for f in found] == ["weapons", "ng"]
    weapons, cut = found
    assert weapons.suggestions == ["Weapons"] and weapons.fix is not None
    # a word MT cut short gets no capital (it would not mend it), only the message
    assert cut.fix is None and "cut off" in cut.message


def test_fix_loop_capitalises_and_leaves_the_cut_word_reported():
    result = fix_text(MT_TEXT, "mt.txt", AuditContext(AuditOptions(select=[RULE])), unsafe=True)
    assert result.converged and not result.withdrawn
    assert "\nWeapons ( including knives)" in result.after
    assert [result.after[f.start:f.end] for f in findings(result.after)] == ["ng"]


def test_brand_names_lists_and_headings_are_left():
    text = ("Apple reported its results on Thursday.\n"
            "iPhone sales rose by five percent this year.\n"
            "Ingredients:\nflour, sugar and two eggs.\n"
            "The list is short.\nbread and milk\n")
    assert findings(text) == []


def test_double_space_between_words_is_flagged_in_plain_text_only():
    # Real WMT23 uk-en MT (NLLB): the source's dash was dropped, both spaces kept.
    rule = "punct-double-space"
    ctx = AuditContext(AuditOptions(select=[rule]))
    mt = ("Ukraine has deposits of the best grade of coal  anthracite, the carbon content of "
          "which reaches 95%. The war is over.  A new era begins.\nName      Age\n")
    found = [f for f in audit_article(Article(mt), ctx) if f.rule == rule]
    assert [(mt[f.start - 4:f.start], mt[f.end:f.end + 4]) for f in found] == [("coal",
                                                                                  "anth")]
    assert found[0].fix.applicability == "display-only"  # which mark was lost needs the source
    # HTML collapses spaces: two spaces there are not visible, so not an error
    html = Article("<p>coal  anthracite is mined here</p>", path="a.html",
                   text="   coal  anthracite is mined here    ", prose_runs=[(3, 33)])
    assert [f for f in audit_article(html, ctx) if f.rule == rule] == []


def test_paragraph_opening_with_a_mark_is_flagged_but_not_a_smiley_or_markdown_colon():
    rule = "punct-paragraph-start"
    ctx = AuditContext(AuditOptions(select=[rule]))
    # Real WMT23 ru-en MT (Lan-BridgeMT): the words before the mark were dropped.
    mt = ("The number of wounded exceeds 80 thousand.\n"
          ", it is noted that the earthquake is the strongest since 1939.\n"
          "A drama by Steve McQueen.\n"
          ": Michael Fassbender, Olga Kurylenko, Dominic West.\n"
          "Thanks!\n:) See you tomorrow.\n")
    found = [f for f in audit_article(Article(mt), ctx) if f.rule == rule]
    assert [mt[f.start:f.end + 5] for f in found] == [", it i", ": Mich"]
    assert all(f.fix is None for f in found)  # the lost words are in the source
    md = Article("Term\n: a definition of the term.\n", path="a.md",
                 text="Term\n: a definition of the term.\n", prose_runs=[(0, 33)])
    assert [f for f in audit_article(md, ctx) if f.rule == rule] == []


def test_split_contraction_is_closed_and_quotes_are_left():
    # Real WMT23 MT (ZengHuiMT, ONLINE-G): detokenisation left spaces around the apostrophe.
    rule = "punct-split-contraction"
    ctx = AuditContext(AuditOptions(select=[rule]))
    mt = ("It’ s a no brainer, and we’ re not to blame.\n"
          "Also, the channel 's live broadcast is blocked.\n"
          "‘Yes,’ said the guard. Press the 'd' key.\n")
    found = [f for f in audit_article(Article(mt), ctx) if f.rule == rule]
    assert len(found) == 3 and all(f.fix.applicability == "safe" for f in found)
    result = fix_text(mt, "mt.txt", ctx, unsafe=False)
    assert result.converged and not result.withdrawn
    assert result.after.startswith("It’s a no brainer, and we’re not to blame.\n"
                                    "Also, the channel's live broadcast")
    assert "‘Yes,’ said the guard. Press the 'd' key." in result.after


def test_c1_control_becomes_the_windows_1252_character():
    # Real WMT23 uk-en MT (Lan-BridgeMT): a Windows-1252 en dash read as Latin-1.
    rule = "text-c1-control"
    ctx = AuditContext(AuditOptions(select=[rule]))
    mt = "Two of the many martyr cities \x96 through Bucha and Irpin.\nSeñor Øresund\x81.\n"
    found = [f for f in audit_article(Article(mt), ctx) if f.rule == rule]
    assert [f.suggestions for f in found] == [["–"], [""]]  # 0x81 is unused in cp1252
    result = fix_text(mt, "mt.txt", ctx, unsafe=False)
    assert result.after == "Two of the many martyr cities – through Bucha and Irpin.\nSeñor Øresund.\n"
