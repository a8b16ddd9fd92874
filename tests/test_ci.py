"""CI behaviour: --fail-on never, mtqa's own output never audited, --force-exclude."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa.cli import main
from mtqa.excludes import EMPTY_INPUT_MESSAGES, is_empty_input
from mtqa import pipeline
from mtqa.engine import AuditOptions
from mtqa.inputs import collect

FIXTURE_GLOSSARY = str(Path(__file__).parent / "fixtures" / "glossary.yaml")


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("mtqa.glossary.bundled_pack_paths", lambda: {})
    Path("desk").mkdir()
    Path("desk/story.md").write_text("Officials met in Kiev.\n", encoding="utf-8")
    return tmp_path


def check(*args):
    r = CliRunner().invoke(main, ["check", "--glossary", FIXTURE_GLOSSARY, *args])
    return r.exit_code, r.stdout, r.stderr


def test_empty_input_messages_are_the_ones_inputs_gives(tmp_path):
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "nothing").mkdir()
    _, (empty,) = pipeline.read(str(tmp_path / "empty.md"), AuditOptions())
    _, (folder,) = collect([str(tmp_path / "nothing")])
    assert is_empty_input(empty) and is_empty_input(folder)
    assert len(EMPTY_INPUT_MESSAGES) == 2


def test_fail_on_never_exits_0_for_findings_and_empty_inputs(desk):
    Path("empty").mkdir()
    Path("placeholder.md").write_text("\n", encoding="utf-8")
    code, out, err = check("--no-config", "--fail-on", "never", "desk", "empty",
                           "placeholder.md")
    assert code == 0, err
    assert "name-incorrect" in out
    assert "empty: warning: folder has no article files" in err
    assert "placeholder.md: warning: file is empty" in err
    # without never, an empty input is an error as documented
    code, _, err = check("--no-config", "desk", "placeholder.md")
    assert code == 2 and "placeholder.md: error: file is empty" in err


def test_fail_on_never_still_exits_2_for_unreadable_files(desk):
    Path("desk/broken.txt").write_bytes(b"caf\xe9\n")
    code, _, err = check("--no-config", "--fail-on", "never", "desk")
    assert code == 2 and "desk/broken.txt: error: not valid UTF-8" in err


def test_own_reports_are_not_audited_when_expanding_folders(desk):
    r = CliRunner().invoke(main, ["report", "--no-config", "--glossary", FIXTURE_GLOSSARY,
                                  "desk", "-o", "desk/reports"])
    assert r.exit_code == 0, r.output
    assert Path("desk/reports/story.md").exists()  # the report is Markdown: an input suffix
    code, out, _ = check("--no-config", "--format", "json", ".")

    assert [f["path"] for f in json.loads(out)["files"]] == ["desk/story.md"]
    # named explicitly, a report folder is audited: that was asked for
    code, out, _ = check("--no-config", "--format", "json", "desk/reports")
    assert {f["path"] for f in json.loads(out)["files"]} == {
        "desk/reports/index.html", "desk/reports/story.html", "desk/reports/story.md"}


def test_force_exclude_applies_exclude_to_named_files(desk):
    Path("mtqa.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    Path("drafts").mkdir()
    Path("drafts/a.md").write_text("Kiev draft.\n", encoding="utf-8")
    code, out, _ = check("drafts/a.md", "desk/story.md")
    assert out.count("name-incorrect") == 2
    code, out, _ = check("--force-exclude", "drafts/a.md", "desk/story.md")
    assert out.count("name-incorrect") == 1 and "drafts/a.md" not in out
    assert code == 1
    code, out, _ = check("--force-exclude", "drafts/a.md")
    assert code == 0 and "0 findings in 0 articles" in out
