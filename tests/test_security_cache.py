"""Attacks on the on-disk cache (issue 13, item 1): a planted entry must never run code, an
unsafe folder is not used, the folder is bounded and can be cleared. docs/security.md."""
import json
import os
import pickle
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa import cache
from mtqa.cli import main
from mtqa.glossary import load_glossary

FIXTURES = Path(__file__).parent / "fixtures"
posix_user = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX owners and modes")


class _RunsCode:
    """What an attacker pickles: unpickling it calls a function of their choice."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (Path.write_text, (Path(self.marker), "pwned"))


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("MTQA_CACHE_DIR", str(folder))
    return folder


def _glossary(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text((FIXTURES / "glossary.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _glossary_key(path):
    from mtqa import glossary as g

    return cache.file_key([Path(path)] + g._CACHE_SHAPING_CODE)


def test_planted_pickle_under_the_entry_name_never_runs(cache_dir, tmp_path):
    path = _glossary(tmp_path)
    marker = tmp_path / "marker"
    cache_dir.mkdir(mode=0o700)
    key = _glossary_key(path)
    payload = pickle.dumps(_RunsCode(marker))
    # the name the old versions read, and the name this version reads
    (cache_dir / f"glossary-{key}.pickle").write_bytes(payload)
    (cache_dir / f"glossary-{key}{cache.SUFFIX}").write_bytes(payload)
    assert load_glossary([path], bundled=False).lookup("Kiev")[0] == "incorrect"
    assert not marker.exists()


@pytest.mark.parametrize("name", ["os:system", "mtqa.cache:os.system", "builtins:eval",
                                  "mtqa.cache:FormatError", "mtqa.cache:Path"])
def test_entry_naming_a_function_or_foreign_class_is_refused(name, tmp_path):
    names = json.dumps([name]).encode()
    body = json.dumps({"$": "o", "c": 0, "n": 0, "s": {"cmd": "touch x"}}).encode()
    data = (cache.MAGIC + len(names).to_bytes(4, "little") + names
            + len(body).to_bytes(8, "little") + body)
    with pytest.raises((cache.FormatError, AttributeError)):
        cache.decode(data)


def test_entry_format_round_trips_the_glossary_without_pickle(cache_dir, tmp_path):
    path = _glossary(tmp_path)
    first = load_glossary([path], bundled=False)
    (entry,) = cache_dir.glob(f"glossary-*{cache.SUFFIX}")
    data = entry.read_bytes()
    assert data.startswith(cache.MAGIC) and b"\x80\x04" not in data[:2]
    second = cache.decode(data)
    assert second.forms.keys() == first.forms.keys()
    kind, entry_obj, _ = second.forms["Kiev"]
    assert kind == "incorrect" and entry_obj is second.by_name[entry_obj.name]  # shared, not copied
    assert [c[0] for c in second.index.candidates("Zelskyy", cutoff=85)] == ["Zelenskyy"]


@posix_user
def test_folder_is_created_private(cache_dir, tmp_path):
    load_glossary([_glossary(tmp_path)], bundled=False)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700


@posix_user
@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722])
def test_group_or_world_writable_folder_is_not_used(cache_dir, tmp_path, mode):
    path = _glossary(tmp_path)
    cache_dir.mkdir()
    cache_dir.chmod(mode)
    assert cache.store("thing", "k", {"a": 1}) is False
    assert list(cache_dir.iterdir()) == []
    # an entry planted there is not read either
    cache_dir.chmod(0o700)
    assert cache.store("thing", "k", {"a": 1})
    cache_dir.chmod(mode)
    assert cache.load("thing", "k") is None
    assert load_glossary([path], bundled=False).lookup("Kiev")[0] == "incorrect"
    out = CliRunner().invoke(main, ["cache", "info"])
    assert "NOT USED" in out.output and "writable by group or others" in out.output


@posix_user
def test_symlinked_or_foreign_entry_is_not_read(cache_dir, tmp_path):
    assert cache.store("thing", "k", {"a": 1})
    entry = cache_dir / f"thing-k{cache.SUFFIX}"
    elsewhere = tmp_path / "elsewhere"
    os.replace(entry, elsewhere)
    entry.symlink_to(elsewhere)
    assert cache.load("thing", "k") is None
    entry.unlink()
    os.replace(elsewhere, entry)
    entry.chmod(0o666)
    assert cache.load("thing", "k") is None
    entry.chmod(0o600)
    assert cache.load("thing", "k") == {"a": 1}


def test_folder_size_is_bounded(cache_dir, monkeypatch):
    monkeypatch.setenv("MTQA_CACHE_MAX_MB", "0.05")  # ~52 KB
    for i in range(6):
        assert cache.store(f"kind{i}", "k", "x" * 20_000)
    total = sum(p.stat().st_size for p in cache_dir.iterdir())
    assert total <= 0.05 * 1024 * 1024
    assert cache.load("kind5", "k") == "x" * 20_000  # the newest stays


def test_old_pickles_are_pruned(cache_dir):
    cache_dir.mkdir(mode=0o700)
    old = cache_dir / ("glossary-" + "0" * 40 + ".pickle")
    old.write_bytes(b"old")
    assert cache.store("thing", "k", 1)
    assert not old.exists()


def test_cache_clear_deletes_only_mtqa_entries(cache_dir):
    assert cache.store("thing", "k", 1) and cache.store("other", "k2", [1, 2])
    stranger = cache_dir / "notes.txt"
    stranger.write_text("not mtqa's")
    result = CliRunner().invoke(main, ["cache", "clear"])
    assert result.exit_code == 0 and "deleted 2 entries" in result.output
    assert [p.name for p in cache_dir.iterdir()] == ["notes.txt"]
    info = CliRunner().invoke(main, ["cache", "info"])
    assert str(cache_dir) in info.output and "entries: 0" in info.output
