"""Folder expansion with os.scandir gives the same files, in the same order, as the pathlib
definition (rglob, no hidden parts, no symlinked folders)."""
import os
from pathlib import Path

import pytest

from mtqa.inputs import ARTICLE_SUFFIXES, collect


def reference(raw):
    p = Path(raw)
    return sorted(str(f) for f in p.rglob("*")
                  if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                  and not any(part.startswith(".") for part in f.relative_to(p).parts))


@pytest.fixture
def tree(tmp_path):
    for d in ("a/b", ".hidden", "c.txt", "a/.git"):
        (tmp_path / d).mkdir(parents=True)
    for f in ("x.txt", "a/y.MD", "a/b/z.txt", ".hidden/h.txt", "a/.h.txt", "a/b/w.TXT",
              "n.md.bak", "a/b/q.txt", "a/.git/g.md", "notes"):
        (tmp_path / f).write_text("text", encoding="utf-8")
    if hasattr(os, "symlink"):
        os.symlink(tmp_path / "a", tmp_path / "linked-folder")
        os.symlink(tmp_path / "x.txt", tmp_path / "linked-file.txt")
        os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    return tmp_path


def test_walk_matches_pathlib_definition(tree, monkeypatch):
    for raw in (str(tree), str(tree) + os.sep, str(tree / "a")):
        files, errors = collect([raw])
        assert files == reference(raw) and not errors
    monkeypatch.chdir(tree)
    assert collect(["."])[0] == reference(".")
    assert collect(["a"])[0] == reference("a") == ["a/b/q.txt", "a/b/w.TXT", "a/b/z.txt",
                                                   "a/y.MD"]


def test_folder_without_articles_is_an_error(tmp_path):
    (tmp_path / "readme.rst").write_text("x")
    files, errors = collect([str(tmp_path)])
    assert files == [] and "no article files" in errors[0].message
