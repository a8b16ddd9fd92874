"""The pre-commit hook definition at the repository root (.pre-commit-hooks.yaml)."""
import sys
from pathlib import Path

import yaml

from mtqa.cli import main

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]


def test_hook_runs_mtqa_check_on_articles():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    # the keys pre-commit requires, and nothing it would reject
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert set(hook) <= {"id", "name", "entry", "language", "description", "types_or",
                         "require_serial", "files", "exclude", "args", "pass_filenames"}
    assert hook["id"] == "mtqa" and hook["language"] == "python"
    program, command = hook["entry"].split()
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts[program] == "mtqa.cli:main"
    assert command in main.commands
    # identify's tags for .md and .txt files
    assert hook["types_or"] == ["markdown", "plain-text"]
    # one process, so the cross-article rules see every staged file at once
    assert hook["require_serial"] is True
