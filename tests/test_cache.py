"""The on-disk cache: hits, content-keyed misses, and silent fallback when it is damaged or
cannot be written. It never writes outside its folder."""
import os
import stat
from pathlib import Path

import pytest

from mtqa import cache
from mtqa.glossary import Glossary, load_glossary

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("MTQA_CACHE_DIR", str(folder))
    return folder


def _glossary_copy(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text((FIXTURES / "glossary.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_glossary_is_cached_and_reused(cache_dir, tmp_path, monkeypatch):
    path = _glossary_copy(tmp_path)
    first = load_glossary([path], bundled=False)
    entries = list(cache_dir.glob("glossary-*.mtqa-cache"))
    assert len(entries) == 1
    import mtqa.glossary as glossary_module

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(glossary_module, "load_file", no_parsing)
    second = load_glossary([path], bundled=False)
    assert isinstance(second, Glossary) and second is not first
    assert second.lookup("Kiev")[0] == "incorrect"
    assert [c[0] for c in second.index.candidates("Zelskyy", cutoff=85)] == ["Zelenskyy"]


def test_edited_glossary_misses_the_cache(cache_dir, tmp_path):
    path = _glossary_copy(tmp_path)
    assert load_glossary([path], bundled=False).lookup("Lviv") is None
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("  - {name: Lviv, type: place, country: UA, incorrect: [Lvov]}\n")
    assert load_glossary([path], bundled=False).lookup("Lvov")[0] == "incorrect"
    assert len(list(cache_dir.glob("glossary-*.mtqa-cache"))) == 2


@pytest.mark.parametrize("damage", [b"", b"not an entry", b"MTQA-CACHE-2\n\xff\xff"])
def test_corrupt_entry_is_rebuilt(cache_dir, tmp_path, damage):
    path = _glossary_copy(tmp_path)
    load_glossary([path], bundled=False)
    (entry,) = cache_dir.glob("glossary-*.mtqa-cache")
    entry.write_bytes(damage)
    assert load_glossary([path], bundled=False).lookup("Kharkov")[0] == "incorrect"
    assert entry.read_bytes() != damage  # rewritten


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs a non-root POSIX user for a read-only folder")
def test_unwritable_cache_folder_is_ignored(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("MTQA_CACHE_DIR", str(folder / "cache"))
    assert load_glossary([_glossary_copy(tmp_path)], bundled=False).lookup("Kiev")


def test_cache_path_that_is_a_file_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("MTQA_CACHE_DIR", str(blocker / "cache"))
    assert not cache.store("thing", "k", {"a": 1})
    assert cache.cached("thing", "k", lambda: 7) == 7
    assert load_glossary([_glossary_copy(tmp_path)], bundled=False).lookup("Kiev")


def test_cache_can_be_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv("MTQA_CACHE_DIR", "")
    assert cache.cache_dir() is None
    assert cache.cached("thing", "k", lambda: 7) == 7
    assert load_glossary([_glossary_copy(tmp_path)], bundled=False).lookup("Kiev")


def _files_under(folder):
    return {p.relative_to(folder) for p in folder.rglob("*")}


def test_nothing_written_beside_articles_or_glossaries(cache_dir, tmp_path):
    from mtqa.api import check_paths
    from mtqa.engine import AuditOptions

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Shelling in Kiev and Oktyrka.", encoding="utf-8")
    path = _glossary_copy(tmp_path)
    before = _files_under(tmp_path)
    check_paths([str(articles)], AuditOptions(glossaries=[str(path)]))
    # Every new file is in the cache folder, and the run did write there: the house glossary
    # is keyed by its path, so it is stored whatever earlier tests left in the process (which
    # tables are already loaded decides what else is written, so only the folder is checked).
    written = _files_under(tmp_path) - before
    folder = cache_dir.relative_to(tmp_path)
    assert written and all(p == folder or folder in p.parents for p in written), written
    assert list(cache_dir.glob("glossary-*.mtqa-cache"))
    assert _files_under(articles) == {Path("a.txt")}


def test_default_folder_follows_platform_conventions(monkeypatch, tmp_path):
    monkeypatch.delenv("MTQA_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if os.name == "posix" and not str(cache.cache_dir()).startswith(str(Path.home() / "Library")):
        assert cache.cache_dir() == tmp_path / "mtqa"


def test_old_entries_are_pruned(cache_dir):
    for i in range(cache.KEEP_PER_KIND + 5):
        assert cache.store("thing", f"key{i}", i)
    assert len(list(cache_dir.glob("thing-*.mtqa-cache"))) == cache.KEEP_PER_KIND
    assert cache.load("thing", f"key{cache.KEEP_PER_KIND + 4}") == cache.KEEP_PER_KIND + 4


@pytest.fixture
def cold_word_table():
    """The English word table is memoised for the process (lexicon._table). A test that must
    see it written to and read from its own cache folder starts without it, and leaves
    without it: the next test must not get a table read from a folder about to be deleted,
    nor depend on whether an earlier test loaded one."""
    from mtqa import lexicon

    lexicon._table.cache_clear()
    yield lexicon
    lexicon._table.cache_clear()


def test_word_frequencies_survive_a_corrupt_cache(cache_dir, cold_word_table):
    lexicon = cold_word_table
    assert lexicon.zipf("the") > 7
    (entry,) = cache_dir.glob("english-zipf-*.mtqa-cache")
    entry.write_bytes(b"junk")
    lexicon._table.cache_clear()
    assert lexicon.zipf("the") > 7 and lexicon.zipf("Zelenskyy") < 3
