"""The command line: JSON contract, exit codes, bad input, reports."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
GLOSSARY = ["--no-pack", "all", "--glossary", str(FIXTURES / "glossary.yaml")]
MT = "Shelling hit Kharkov on Monday.\nPresident Volodymyr Zelskyy visited the city.\n"
CLEAN = "Shelling hit Kharkiv on Monday.\n"


def run(*args, input=None):
    return CliRunner().invoke(main, [*args], input=input, catch_exceptions=False)


@pytest.fixture
def articles(tmp_path):
    tmp_path = tmp_path / "articles"
    tmp_path.mkdir()
    (tmp_path / "mt.txt").write_text(MT, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not an article", encoding="utf-8")
    return tmp_path


def test_json_contract(articles):
    r = run("check", "--format", "json", *GLOSSARY, str(articles))
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert set(doc) >= {"version", "files", "errors"}
    assert [Path(f["path"]).name for f in doc["files"]] == ["clean.md", "mt.txt"]
    mt = doc["files"][1]
    assert mt["words"] == 11 and 0 <= mt["score"] <= 100
    first = mt["findings"][0]
    assert set(first) >= {"rule", "category", "severity", "line", "column", "end_line",
                          "end_column", "message", "suggestions", "safe"}
    assert (first["rule"], first["line"], first["column"], first["end_column"]) == \
        ("name-incorrect", 1, 14, 21)
    assert first["suggestions"] == ["Kharkiv"] and first["safe"] is True
    # end exclusive, 1-based, in characters: the span is the flagged word
    line = MT.split("\n")[first["line"] - 1]
    assert line[first["column"] - 1:first["end_column"] - 1] == "Kharkov"
    assert doc["errors"] == []


def test_text_output_and_fail_on(articles):
    r = run("check", *GLOSSARY, str(articles / "mt.txt"))
    assert r.exit_code == 1
    assert f"{articles / 'mt.txt'}:1:14: major name-incorrect" in r.stdout
    assert "(suggestion: Kharkiv)" in r.stdout
    summary = r.stdout.strip().splitlines()[-1]
    assert summary.startswith("2 findings (2 major) in 1 article [checked: names vs glossary")
    # the summary says what was not checked, too (mtqa.coverage)
    assert "not checked: meaning, fluency" in summary
    assert run("check", "--fail-on", "critical", *GLOSSARY, str(articles / "mt.txt")).exit_code == 0
    assert run("check", *GLOSSARY, str(articles / "clean.md")).exit_code == 0
    quiet = run("check", "-q", *GLOSSARY, str(articles / "mt.txt"))
    assert quiet.stdout.strip().splitlines() == [summary]
    clean = run("check", *GLOSSARY, str(articles / "clean.md")).stdout.strip().splitlines()[-1]
    assert clean.startswith("0 findings in 1 article — no artefacts found by the checks run [")


def test_stdin(articles):
    r = run("check", "--format", "json", *GLOSSARY, "-", input=MT)
    doc = json.loads(r.stdout)
    assert doc["files"][0]["path"] == "<stdin>" and len(doc["files"][0]["findings"]) == 2


@pytest.mark.parametrize("content,message", [
    (b"", "file is empty"),
    (b"\x00\x01binary", "binary file"),
    (b"Kharkov \xff\xfe bad", "not valid UTF-8"),
])
def test_bad_files_are_reported_and_batch_goes_on(articles, content, message):
    bad = articles / "bad.txt"
    bad.write_bytes(content)
    r = CliRunner().invoke(main, ["check", "--format", "json", *GLOSSARY, str(articles)])
    assert r.exit_code == 2
    doc = json.loads(r.stdout)
    assert [e["path"] for e in doc["errors"]] == [str(bad)]
    assert message in doc["errors"][0]["message"]
    assert len(doc["files"]) == 2  # the others were audited
    assert f"{bad}: error: {message}" in r.stderr


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    r = CliRunner().invoke(main, ["check", *GLOSSARY, str(tmp_path / "nope.txt"),
                                  str(tmp_path / "empty")])
    assert r.exit_code == 2
    assert "nope.txt: error: no such file or folder" in r.stderr
    assert "folder has no article files" in r.stderr


def test_broken_glossary_is_a_clear_error(articles, tmp_path):
    g = tmp_path / "house.yaml"
    g.write_text("entries:\n  - name: Kyiv\n    type: cty\n  - {type: place}\n")
    r = CliRunner().invoke(main, ["check", "--glossary", str(g), str(articles / "mt.txt")])
    assert r.exit_code == 2
    assert f"{g}:2: Kyiv: 'type' must be one of" in r.stderr
    assert f"{g}:4: entry needs a non-empty 'name'" in r.stderr


def test_glossary_check_command(tmp_path):
    good = FIXTURES / "glossary.yaml"
    r = run("glossary", "check", str(good))
    assert r.exit_code == 0 and "ok: pack 'test'" in r.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries: [ {name: X, type: place\n")
    r = CliRunner().invoke(main, ["glossary", "check", str(bad)])
    assert r.exit_code == 2 and f"{bad}:" in r.stderr and "not valid YAML" in r.stderr


def test_tsv_glossary(tmp_path, articles):
    g = tmp_path / "names.tsv"
    g.write_text("# pack: desk\nname\ttype\tcountry\tincorrect\n"
                 "Mariupol\tplace\tUA\tMariupolis|Mariupul=>Mariupol\n", encoding="utf-8")
    (articles / "m.txt").write_text("Fighting in Mariupolis went on.")
    r = run("check", "--format", "json", "--no-pack", "all", "--glossary", str(g),
            str(articles / "m.txt"))
    doc = json.loads(r.stdout)
    assert [f["suggestions"] for f in doc["files"][0]["findings"]] == [["Mariupol"]]


def test_unknown_rule_selector_is_usage_error(articles):
    r = CliRunner().invoke(main, ["check", "--select", "nonsense", str(articles)])
    assert r.exit_code == 2 and "no rule matches 'nonsense'" in r.output


def test_rules_and_explain():
    r = run("rules")
    assert "name-near-miss" in r.stdout and "major" in r.stdout
    r = run("explain", "name-russian-form")
    assert r.exit_code == 0 and "Context decides" in r.stdout
    assert CliRunner().invoke(main, ["explain", "nope"]).exit_code == 2


def test_report_writes_only_to_output_folder(articles, tmp_path):
    out = tmp_path / "out"
    before = sorted(p.name for p in articles.iterdir())
    r = run("report", *GLOSSARY, "-o", str(out), str(articles / "mt.txt"),
            str(articles / "clean.md"))
    assert r.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        ".mtqa-report.json", "clean.html", "clean.json", "clean.md", "index.html", "mt.html", "mt.json", "mt.md"]
    assert sorted(p.name for p in articles.iterdir()) == before
    html = (out / "mt.html").read_text()
    assert "<mark class=\"major\"" in html and "Kharkiv" in html
    md = (out / "mt.md").read_text()
    assert "| 1 | 1:14 | major | `name-incorrect` | Kharkov | Kharkiv |" in md
    index = (out / "index.html").read_text()
    assert index.index("mt.txt") < index.index("clean.md")  # worst first
    data = json.loads((out / "mt.json").read_text())
    assert data["verdict"] in ("publish", "review", "hold")


def test_report_escapes_article_html(tmp_path):
    art = tmp_path / "x.txt"
    art.write_text("<script>alert(1)</script> Kharkov & <b>bold</b>.\n")
    run("report", *GLOSSARY, "-o", str(tmp_path / "out"), str(art))
    html = (tmp_path / "out" / "x.html").read_text()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
