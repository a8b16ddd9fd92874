import json

from mtqa.pipeline import audit_articles
from mtqa.engine import AuditOptions
from mtqa.formats import RecordOptions
from mtqa.pipeline import read
from mtqa.readers.jsonl import read_records

from tests.inputs.helpers import text_at

FEED = "\n".join([
    json.dumps({"id": "a1", "body": "The mayor of Kiev said “yes”.\nIn Kharkov it rained."}),
    json.dumps({"id": 2, "body": "Caf\u00e9 owners in Kiev \U0001F600 and Kharkov."}),
    "",
    "not json",
    json.dumps(["a list"]),
    json.dumps({"id": "a5", "headline": "no body"}),
    json.dumps({"id": "a6", "meta": {"text": "Kiev nested"}, "body": "Plain Kiev."},
               ensure_ascii=False),
]) + "\n"


def test_records_become_articles_and_bad_lines_errors_naming_the_line():
    articles, errors = read_records(FEED, "feed.jsonl", RecordOptions(), None)
    assert [a.record.id for a in articles] == ["a1", "2", "a6"]
    assert [a.record.line for a in articles] == [1, 2, 7]
    assert articles[0].original == "The mayor of Kiev said “yes”.\nIn Kharkov it rained."
    assert [e.path for e in errors] == ["feed.jsonl:4", "feed.jsonl:5", "feed.jsonl:6"]
    assert "choose the field with --field" in errors[2].message


def test_positions_point_into_the_raw_json_line(ctx):
    articles, _ = read_records(FEED, "feed.jsonl", RecordOptions(), None)
    findings = audit_articles(articles, ctx)
    seen = []
    for article, found in zip(articles, findings):
        for f in found:
            if f.rule != "name-incorrect":
                continue
            line, col = article.position(f.start)
            end_line, end_col = article.position(f.end)
            raw = text_at(FEED, line, col, end_line, end_col)
            # the raw slice is JSON string content: decoding it gives the flagged text
            assert json.loads(f'"{raw}"') == article.original[f.start:f.end]
            seen.append((line, raw))
    assert seen == [(1, "Kiev"), (1, "Kharkov"), (2, "Kiev"), (2, "Kharkov"), (7, "Kiev")]


def test_field_and_id_field_options_with_dotted_paths():
    articles, errors = read_records(FEED, "feed.jsonl", RecordOptions("meta.text", "id"), None)
    assert [(a.record.id, a.original) for a in articles] == [("a6", "Kiev nested")]
    line, col = articles[0].position(0)
    assert FEED.split("\n")[line - 1][col - 1:col + 10] == "Kiev nested"
    assert all("no field 'meta.text'" in e.message or "not" in e.message for e in errors)


def test_crlf_escapes_in_a_body_are_line_ends(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_text(json.dumps({"body": "One.\r\nKiev two."}) + "\n", encoding="utf-8")
    articles, errors = read(str(path), AuditOptions())
    assert not errors
    a = articles[0]
    assert a.original == "One.\nKiev two."
    assert a.position(a.original.index("Kiev")) == (1, 19)


def test_check_cli_names_record_in_text_and_json(tmp_path):
    from click.testing import CliRunner
    from mtqa.cli import main
    from tests.inputs.conftest import GLOSSARY

    path = tmp_path / "feed.jsonl"
    path.write_text(FEED, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(main, ["check", str(path), "--glossary", GLOSSARY, "--select", "name-incorrect"])
    assert out.exit_code == 2  # bad lines are errors; the good records are still audited
    assert f"{path}:1:36: major name-incorrect [a1] “Kiev”" in out.output
    assert f"{path}:4: error: not valid JSON" in out.output
    out = runner.invoke(main, ["check", str(path), "--glossary", GLOSSARY, "--format", "json",
                               "--select", "name-incorrect"])
    doc = json.loads(out.stdout)
    assert [f["record"] for f in doc["files"]] == [{"line": 1, "id": "a1"}, {"line": 2, "id": "2"},
                                                  {"line": 7, "id": "a6"}]
    assert doc["files"][0]["findings"][0]["column"] == 36
