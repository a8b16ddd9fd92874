"""Path patterns of `exclude` and `per-file-ignores` (mtqa.globs)."""
import pytest

from mtqa.globs import match


@pytest.mark.parametrize("pattern, path, expected", [
    # no "/": any part of the path
    ("drafts", "desk/drafts/a.md", True),
    ("drafts", "desk/drafted/a.md", False),
    ("*.draft.md", "desk/2024/kyiv.draft.md", True),
    ("*.draft.md", "desk/2024/kyiv.md", False),
    # with "/": anchored at the root; * stays inside one folder, ** crosses folders
    ("desk/*.md", "desk/a.md", True),
    ("desk/*.md", "desk/sub/a.md", False),
    ("desk/**/*.md", "desk/sub/deeper/a.md", True),
    ("desk/**/*.md", "desk/a.md", True),
    ("wire/*.md", "desk/wire/a.md", False),
    ("**/wire/*.md", "desk/wire/a.md", True),
    # a folder pattern covers everything inside it
    ("archive/2019", "archive/2019/jan/a.txt", True),
    ("archive/2019/", "archive/2019/a.txt", True),
    ("archive/2019", "archive/2019-old/a.txt", False),
    ("./desk/a.md", "desk/a.md", True),
    ("desk/[ab].md", "desk/b.md", True),
    ("desk/[!ab].md", "desk/b.md", False),
    ("desk/?.md", "desk/ab.md", False),
])
def test_pattern_semantics(pattern, path, expected):
    assert match(path, pattern) is expected


def test_paths_are_taken_relative_to_the_root(tmp_path):
    root = tmp_path / "project"
    article = root / "desk" / "wire" / "a.md"
    assert match(article, "desk/wire/*.md", root=root)
    assert not match(article, "wire/*.md", root=root)
    # a path outside the root is matched as given
    assert match("elsewhere/wire/a.md", "**/wire/*.md", root=root)
