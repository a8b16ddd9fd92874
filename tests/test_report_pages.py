"""The report's pieces of text (mtqa.formatters.report.pieces) without a browser: every finding
gets an anchor where it starts and a footnote where it ends, overlapping ones included, and an
empty-span finding (an insertion point) gets a caret."""
from mtqa.api import FileResult
from mtqa.article import Article, RecordOrigin
from mtqa.finding import Finding
from mtqa.formatters.report import blocks, page_stems, pieces


def result(text, *spans):
    findings = [Finding(f"r{i}", "fluency/grammar", "minor", s, e, "m") for i, (s, e) in
                enumerate(spans)]
    return FileResult(Article(text), findings)


def test_overlapping_and_empty_spans_all_get_anchors_and_links():
    text = "Port City of Kharkov said"
    r = result(text, (0, 20), (13, 20), (25, 25), (4, 4))
    ps = pieces(r, 0, len(text))
    anchors = sorted(n for p in ps for n in p["starts"])
    links = sorted(n for p in ps for n in p["ends"] + p["carets"])
    assert anchors == [1, 2, 3, 4] and links == [1, 2, 3, 4]
    shared = [p for p in ps if len(p["covering"]) == 2]
    assert [p["text"] for p in shared] == ["Kharkov"] and shared[0]["ends"] == [1, 2]
    assert "".join(p["text"] for p in ps) == text


def test_paragraphs_and_headings_of_plain_text():
    r = result("Kharkov under fire\n\nThe mayor spoke on Monday, officials said.\n")
    kinds = [b.kind for b in blocks(r)]
    assert kinds == ["h", "p"]


def test_records_are_named_by_id_and_headline_and_names_never_collide():
    a = Article("Kharkov under fire\nThe mayor spoke.",
                origin=RecordOrigin("feed.jsonl", line=1, id="x/1", field="text"))
    b = Article("Kharkov under fire\nThe mayor spoke.",
                origin=RecordOrigin("feed.jsonl", line=2, id="x/1", field="text"))
    c = Article("Text.", path="one/story.txt")
    d = Article("Text.", path="two/story.txt")
    stems = page_stems([FileResult(x, []) for x in (a, b, c, d)])
    # two records with one id: both named by id and headline, told apart by a path hash
    assert stems[0].startswith("feed-x_1-Kharkov_under_fire")
    assert len(set(stems.values())) == 4


def test_a_finding_starting_between_paragraphs_still_has_an_anchor():
    text = "First paragraph here.\n\nSecond one."
    r = result(text, (21, 27))  # starts on the newline, runs into the second paragraph
    anchors = [n for b in blocks(r) for p in b.pieces for n in p["starts"]]
    assert anchors == [1]
