"""SARIF partialFingerprints and GitLab fingerprints: one per finding (also across the records
of a JSON Lines feed) and unchanged when lines move; paths relative to the working folder."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa.cli import main

FIXTURE_GLOSSARY = str(Path(__file__).parent / "fixtures" / "glossary.yaml")


@pytest.fixture(autouse=True)
def no_bundled_packs(monkeypatch):
    monkeypatch.setattr("mtqa.glossary.bundled_pack_paths", lambda: {})


def feed_lines(records):
    return "\n".join(json.dumps({"id": rid, "body": body}) for rid, body in records) + "\n"


RECORDS = [("r1", "Officials met in Kiev on Monday."),
           ("r2", "Officials met in Kiev on Tuesday."),
           ("r3", "Kiev and Kiev again.")]


def run(fmt, *paths):
    result = CliRunner().invoke(main, ["check", "--no-config", "--glossary", FIXTURE_GLOSSARY,
                                       "--select", "name-incorrect", "--format", fmt, *paths])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def sarif_prints(doc):
    return [(r["ruleId"], r["partialFingerprints"]["mtqaFinding/v2"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in doc["runs"][0]["results"]]


def gitlab_prints(doc):
    return [(i["check_name"], i["fingerprint"], i["location"]["lines"]["begin"]) for i in doc]


@pytest.mark.parametrize("fmt,prints", [("sarif", sarif_prints), ("gitlab", gitlab_prints)])
def test_feed_records_with_the_same_text_get_distinct_fingerprints(tmp_path, monkeypatch, fmt,
                                                                   prints):
    monkeypatch.chdir(tmp_path)
    Path("feed.jsonl").write_text(feed_lines(RECORDS), encoding="utf-8")
    found = prints(run(fmt, "feed.jsonl"))
    # four "Kiev"s in three records: four findings, four fingerprints
    assert len(found) == 4
    assert len({p for _, p, _ in found}) == 4


@pytest.mark.parametrize("fmt,prints", [("sarif", sarif_prints), ("gitlab", gitlab_prints)])
def test_feed_fingerprints_survive_moved_lines(tmp_path, monkeypatch, fmt, prints):
    monkeypatch.chdir(tmp_path)
    Path("feed.jsonl").write_text(feed_lines(RECORDS), encoding="utf-8")
    before = prints(run(fmt, "feed.jsonl"))
    # new records on top and the old ones in another order: every line moves
    moved = [("n1", "Nothing to see."), ("n2", "Calm day.")] + list(reversed(RECORDS))
    Path("feed.jsonl").write_text(feed_lines(moved), encoding="utf-8")
    after = prints(run(fmt, "feed.jsonl"))
    assert {p for _, p, _ in before} == {p for _, p, _ in after}
    assert {line for *_, line in before} == {1, 2, 3}
    assert {line for *_, line in after} == {3, 4, 5}


@pytest.mark.parametrize("fmt,prints", [("sarif", sarif_prints), ("gitlab", gitlab_prints)])
def test_article_fingerprints_survive_moved_lines_and_stay_distinct(tmp_path, monkeypatch,
                                                                    fmt, prints):
    monkeypatch.chdir(tmp_path)
    story = Path("story.md")
    story.write_text("Kiev.\n\nMore Kiev.\n", encoding="utf-8")
    before = prints(run(fmt, "story.md"))
    story.write_text("# Headline\n\nA new lead paragraph.\n\nKiev.\n\nMore Kiev.\n",
                     encoding="utf-8")
    after = prints(run(fmt, "story.md"))
    assert len({p for _, p, _ in before}) == 2
    assert [p for _, p, _ in before] == [p for _, p, _ in after]
    assert [line for *_, line in after] == [5, 7]


def test_paths_are_relative_to_the_working_folder_in_every_format(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("desk").mkdir()
    Path("desk/a.txt").write_text("Officials met in Kiev.\n", encoding="utf-8")
    absolute = str(tmp_path / "desk" / "a.txt")
    dotted = "./desk/a.txt"
    for given in (absolute, dotted):
        doc = run("sarif", given)
        loc = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "desk/a.txt", "uriBaseId": "%SRCROOT%"}
        assert run("gitlab", given)[0]["location"]["path"] == "desk/a.txt"
        assert run("json", given)["files"][0]["path"] == "desk/a.txt"
        for fmt, prefix in (("github", "::error file=desk/a.txt,"), ("text", "desk/a.txt:1:18:")):
            out = CliRunner().invoke(main, ["check", "--no-config", "--glossary",
                                            FIXTURE_GLOSSARY, "--format", fmt, given]).stdout
            assert out.splitlines()[0].startswith(prefix), out
