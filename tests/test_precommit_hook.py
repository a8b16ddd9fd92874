"""The pre-commit hooks (.pre-commit-hooks.yaml) and the configuration docs/ci.md documents,
run for real by pre-commit on a throwaway git repository.

pre-commit builds a `language: python` hook's environment by pip-installing mtqa and its
dependencies, which needs the network; the test suite runs without it. So the run test uses
the `repo: local` / `language: system` configuration that docs/ci.md documents (mtqa already
installed, as here), and the shipped manifest is validated with `pre-commit
validate-manifest` and checked to hold the same hooks."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mtqa.cli import main
from mtqa.inputs import ARTICLE_SUFFIXES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")
needs_pre_commit = pytest.mark.skipif(
    PRE_COMMIT is None or shutil.which("git") is None,
    reason="pre-commit (test extra) or git is not installed")


def manifest():
    return yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def documented_local_config() -> str:
    """The `repo: local` block of docs/ci.md, verbatim."""
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    (local,) = [b for b in blocks if "repo: local" in b]
    return local


def test_hooks_run_mtqa_on_every_suffix_it_reads():
    hooks = {h["id"]: h for h in manifest()}
    assert set(hooks) == {"mtqa", "mtqa-fix"}
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    for hook in hooks.values():
        program, command, *flags = hook["entry"].split()
        assert scripts[program] == "mtqa.cli:main"
        main.get_command(None, command)  # loads the command modules
        assert command in main.commands
        assert flags == ["--force-exclude"]  # pre-commit names files: exclude must apply
        assert hook["require_serial"] is True
        files = re.compile(hook["files"])
        for suffix in ARTICLE_SUFFIXES:
            assert files.search(f"desk/story{suffix}") and files.search(f"STORY{suffix.upper()}")
        assert not files.search("desk/story.json") and not files.search("story.md.bak")
    # the documented local variant holds the same hooks
    local = yaml.safe_load(documented_local_config())["repos"][0]["hooks"]
    for hook in local:
        assert hook["entry"] == hooks[hook["id"]]["entry"]
        assert hook["files"] == hooks[hook["id"]]["files"]


@needs_pre_commit
def test_manifest_and_documented_config_validate(tmp_path):
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"))
    r = subprocess.run([PRE_COMMIT, "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(documented_local_config(), encoding="utf-8")
    r = subprocess.run([PRE_COMMIT, "validate-config", str(config)], capture_output=True,
                       text=True, env=env)
    assert r.returncode == 0, r.stdout + r.stderr


STORIES = {
    "desk/story.md": "# Talks\n\nOfficials met in Kiev on Monday.\n",
    "desk/story.html": "<html><body><p>Officials met in Kiev on Monday.</p></body></html>\n",
    "desk/story.txt": "Officials met in Kiev on Monday.\n",
    "drafts/draft.md": "Officials met in Kiev, says the draft.\n",
    "notes.json": '{"text": "Kiev"}\n',
}


@needs_pre_commit
def test_documented_local_config_runs_under_pre_commit(tmp_path):
    repo = tmp_path / "newsroom"
    for name, text in STORIES.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    (repo / "mtqa.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(documented_local_config(), encoding="utf-8")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), NO_COLOR="1",
               PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")

    def git(*args):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)

    git("init", "-q")
    git("add", "-A")

    def pre_commit(hook):
        return subprocess.run([PRE_COMMIT, "run", hook, "--all-files", "--color", "never"],
                              cwd=repo, capture_output=True, text=True, env=env)

    # the check hook fails on "Kiev" in the .md, .html and .txt stories, not in drafts/
    r = pre_commit("mtqa")
    assert r.returncode == 1, r.stdout + r.stderr
    flagged = set(re.findall(r"^(\S+?):\d+:\d+: major name-incorrect", r.stdout, re.M))
    assert flagged == {"desk/story.md", "desk/story.html", "desk/story.txt"}, r.stdout
    # the fix hook fixes them (pre-commit fails a hook that changes files), then all is clean
    r = pre_commit("mtqa-fix")
    assert r.returncode == 1 and "files were modified by this hook" in r.stdout, r.stdout
    for name in ("desk/story.md", "desk/story.html", "desk/story.txt"):
        assert "Kyiv" in (repo / name).read_text(encoding="utf-8")
    assert "Kiev" in (repo / "drafts/draft.md").read_text(encoding="utf-8")  # excluded
    git("add", "-A")
    r = pre_commit("mtqa")
    assert r.returncode == 0, r.stdout + r.stderr
