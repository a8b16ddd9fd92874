"""Every `mtqa …` command shown in README.md and docs/*.md runs as documented.

Commands are taken from fenced code blocks marked sh/bash/shell/console, and from `$ mtqa …`
lines of unmarked blocks (terminal transcripts); `a && b` chains are split. Each runs
in-process through the CLI in a temporary folder holding a copy of examples/ (also as
articles/) and small fixtures for the other file names the docs use. A command fails the
test when it exits 2 (usage error, unreadable input) or raises; exit 1 (findings) is fine.
"""
import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL_BLOCKS = ("sh", "bash", "shell", "console")

# Commands that cannot run here, with the reason. Keep this short.
SKIP = {
    # needs a running Dask scheduler on the network (tests/test_dask.py covers the engine
    # with a local cluster)
    "mtqa check --engine dask --scheduler tcp://scheduler:8786 --format json articles/":
        "needs a Dask scheduler at tcp://scheduler:8786",
    "mtqa check --engine dask --scheduler tcp://scheduler:8786 --format json batch.jsonl":
        "needs a Dask scheduler at tcp://scheduler:8786",
    "mtqa check --engine dask --scheduler tcp://scheduler:8786 --format json --field text "
    "--id-field path batch.jsonl": "needs a Dask scheduler at tcp://scheduler:8786",
}


def documented_commands():
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for lang, body in re.findall(r"^```(\w*)[^\n]*\n(.*?)^```", text, re.S | re.M):
            body = re.sub(r"\\\n\s*", " ", body)  # shell line continuations
            for line in body.splitlines():
                line = line.strip()
                transcript = line.startswith("$ ")
                if lang not in SHELL_BLOCKS and not transcript:
                    continue
                if transcript:
                    line = line[2:]
                for part in line.split("&&"):
                    command = _strip(part)
                    if command:
                        found.append(pytest.param(command, id=f"{doc.name}: {command}"))
    return found


def _strip(part: str):
    """`.venv/bin/mtqa report examples/  # comment > x` -> `mtqa report examples/`."""
    part = part.strip()
    if not re.match(r"^(?:\S*/)?mtqa(?:\s|$)", part):
        return None
    words = shlex.split(part, comments=True)
    if ">" in words:  # output redirection: the test reads stdout itself
        words = words[:words.index(">")]
    words[0] = "mtqa"
    return " ".join(shlex.quote(w) for w in words)


FEED = "\n".join(json.dumps({"guid": f"g{i}", "body": body}) for i, body in enumerate(
    ["Officials met in Kiev on Monday.", "The mayor of Kharkov said no."])) + "\n"
GLOSSARY = ("pack: house\nentries:\n  - {name: Kyiv, type: place, country: UA, "
            "incorrect: [Kiev]}\n")


@pytest.fixture
def desk(tmp_path, monkeypatch):
    examples = sorted((ROOT / "examples").glob("*.txt"))
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / "examples", tmp_path / "articles")
    first = examples[0].read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Talks\n\n" + examples[1].read_text(encoding="utf-8"),
                                   encoding="utf-8")
    (tmp_path / "story.md").write_text("# Talks\n\nOfficials met in Kiev.\n", encoding="utf-8")
    for name in ("house.yaml", "newsroom.yaml"):
        (tmp_path / name).write_text(GLOSSARY, encoding="utf-8")
    shutil.copy(ROOT / "tests" / "fixtures" / "interchange" / "basic2008.tbx",
                tmp_path / "termbase.tbx")
    (tmp_path / "names.csv").write_text("name,type,incorrect\nKyiv,city,Kiev\n",
                                        encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(FEED, encoding="utf-8")
    (tmp_path / "batch.jsonl").write_text(FEED, encoding="utf-8")
    for folder, text in (("mt", "Officials met in Kiev.\n"), ("edited", "Officials met in Kyiv.\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


COMMANDS = documented_commands()


def test_the_docs_show_commands():
    # the extraction itself must keep working: the README alone shows a dozen commands
    assert len(COMMANDS) >= 15


@pytest.mark.parametrize("command", COMMANDS)
def test_documented_command_runs(desk, command):
    if command in SKIP:
        pytest.skip(SKIP[command])
    args = shlex.split(command)[1:]
    result = CliRunner().invoke(main, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"`{command}` raised") from result.exception
    assert result.exit_code in (0, 1), (
        f"`{command}` exited {result.exit_code}\n{result.stdout}\n{result.stderr}")
    assert "Traceback" not in result.stderr
