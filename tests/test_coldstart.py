"""Start-up shortcuts keep behaviour: the phrase packs come from the cache exactly as parsed,
an edited pack misses the cache, and plain-text input does not load the format readers."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtqa import formats
from mtqa.phrases import PhraseIndex, load_packs
from mtqa.rules import phrase as phrase_rules

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("MTQA_CACHE_DIR", str(folder))
    return folder


def _summary(packs, index):
    entries = [(p.name, p.language, p.default, e.rule_id, tuple(e.phrases), tuple(e.fixes),
                e.message, e.severity, e.enabled, dict(e.when.source), e.origin)
               for p in packs for e in p.entries]
    patterns = [(pat.entry.rule_id, pat.index, pat.words, pat.gaps) for pat in index.patterns()]
    return entries, patterns


def test_cached_phrase_packs_equal_freshly_parsed_ones(cache_dir, monkeypatch):
    fresh = load_packs(strict=False)
    expected = _summary(fresh, PhraseIndex([e for p in fresh for e in p.entries]))
    built = phrase_rules._load_bundled()
    assert len(list(cache_dir.glob("phrase-packs-*.mtqa-cache"))) == 1

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(phrase_rules, "load_packs", no_parsing)
    cached = phrase_rules._load_bundled()
    assert cached[0] is not built[0]
    assert _summary(*built) == expected
    assert _summary(*cached) == expected
    # the cached index matches as the fresh one does, `pattern:` entries included
    from mtqa.article import Article

    article = Article("\n".join(e.example for p in fresh for e in p.entries if e.example) + "\n")
    fresh_index = PhraseIndex([e for p in fresh for e in p.entries])

    def found(index):
        return sorted((m.entry.rule_id, m.start, m.end) for m in index.find(article))

    assert found(cached[1]) == found(fresh_index) and found(fresh_index)
    assert [e.rule_id for e in cached[1].pattern_entries] == \
        [e.rule_id for e in fresh_index.pattern_entries]
    # a context regex of a cached entry still compiles and matches
    with_context = [e for p in cached[0] for e in p.entries if e.when.preceded_by is not None]
    assert with_context


def test_cached_entries_read_their_text_fields_only_when_used(cache_dir):
    """A cached phrase entry equals the parsed one field for field, but parses its text fields
    (phrases, message, conditions, examples...) only when one is first read; the cached index
    builds a first word's branch only when an article has that word."""
    import pickle

    from mtqa.article import Article

    fresh = load_packs(strict=False)
    phrase_rules._load_bundled()
    packs, index = phrase_rules._load_bundled()  # from the cache
    cached = [e for p in packs for e in p.entries]
    parsed = [e for p in fresh for e in p.entries]
    assert all("_lazy" in e.__dict__ for e in cached)
    pickled = pickle.dumps(cached[:5])  # still lazy
    assert [(e.rule_id, e.brief) for e in cached] == \
        [(e.rule_id, (e.phrases[0], e.fixes[0], len(e.phrases))) for e in parsed]
    assert all("_lazy" in e.__dict__ for e in cached)  # rule_id and brief parsed nothing
    entry = next(e for e in cached if e.when.source_langs or e.when.followed_by_entity)
    assert "_lazy" not in entry.__dict__
    twin = next(e for e in parsed if e.rule_id == entry.rule_id)
    assert entry.when.source == twin.when.source
    assert entry.when.source_langs == twin.when.source_langs
    assert (entry.when.followed_by_entity, entry.when._where) == \
        (twin.when.followed_by_entity, twin.when._where)
    # every other field (Conditions compare by identity, so `when` is compared above)

    def fields(entries):
        return [[getattr(e, n) for n in e._fields if n not in ("when", "_regexes")]
                for e in entries]

    assert fields(cached) == fields(parsed)
    assert fields(pickle.loads(pickled)) == fields(parsed[:5])
    # branches: built on lookup, and the same forms as a freshly built index
    top = index._root[0]
    article = Article("Officials said the talks would go on in the current year.\n")
    words = {t.text.lower() for t in article.tokens}
    index.find(article)
    assert all(type(dict.__getitem__(top, w)) is bytes for w in top if w not in words)
    # ... and within a built branch, a second word's node only where the article has the pair
    pairs = {(a.text.lower(), b.text.lower()) for a, b in zip(article.tokens, article.tokens[1:])}
    twigs = dict.__getitem__(top, "in")[0]
    assert type(dict.__getitem__(twigs, "the")) is tuple
    assert all(type(dict.__getitem__(twigs, w)) is str for w in twigs if ("in", w) not in pairs)
    fresh_index = PhraseIndex(parsed)
    assert _summary(packs, index) == _summary(fresh, fresh_index)


def test_edited_pack_misses_the_cache(cache_dir, tmp_path, monkeypatch):
    packs_dir = tmp_path / "phrases"
    packs_dir.mkdir()
    for p in sorted(Path(phrase_rules.__file__).parent.parent.joinpath("data", "phrases")
                    .glob("*.yaml")):
        (packs_dir / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    import mtqa.phrases as phrases_module

    monkeypatch.setattr(phrases_module, "PACK_DIR", packs_dir)
    before = phrase_rules._load_bundled()[0]
    common = packs_dir / "common.yaml"
    common.write_text(common.read_text(encoding="utf-8").replace(
        "\nentries:\n", "\nentries:\n  - id: zz-test-entry\n    phrase: purple elephant parade\n"
        "    fix: parade\n    message: test entry\n    category: style/awkward\n"
        "    severity: minor\n    example: a purple elephant parade\n    source: test\n", 1),
        encoding="utf-8")
    after = phrase_rules._load_bundled()[0]
    ids = lambda packs: {e.rule_id for p in packs for e in p.entries}  # noqa: E731
    assert ids(after) - ids(before) == {"phrase-common-zz-test-entry"}
    assert len(list(cache_dir.glob("phrase-packs-*.mtqa-cache"))) == 2


def test_no_reader_claims_plain_text():
    import mtqa.readers  # noqa: F401

    claimed = set(formats.PROSE_VIEWS) | set(formats.RECORD_READERS)
    assert claimed, "readers registered nothing"
    assert not claimed & formats.PLAIN_TEXT_SUFFIXES


# modules a plain-text `check` must not import (start-up): the readers, the command modules,
# what only fix, reports, Dask or glossary import need, and dataclasses (AuditOptions is a
# Plain record, mtqa.plain)
_WATCHED = ("mtqa.readers", "mtqa.commands.", "mtqa.fix", "mtqa.dask", "mtqa.formatters.report",
            "mtqa.interchange", "mtqa.source.pairing", "dataclasses", "yaml")


def _modules_after_check(tmp_path, name, text, command="check"):
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    probe = ("import sys, json\n"
             "from mtqa.cli import main\n"
             "try:\n    main([" + repr(command) + ", " + repr(str(article)) + "])\n"
             "except SystemExit:\n    pass\n"
             "print(json.dumps(sorted(m for m in sys.modules if m.startswith(" + repr(_WATCHED)
             + "))), file=sys.stderr)\n")
    env = dict(os.environ, MTQA_CACHE_DIR=str(tmp_path / "cache"))
    for _ in range(2):  # the second run, as users' runs, finds the glossary in the cache
        proc = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=60)
    return proc.stdout, json.loads(proc.stderr.strip().splitlines()[-1])


def test_plain_text_check_skips_the_readers_but_markdown_uses_them(tmp_path):
    out, loaded = _modules_after_check(tmp_path, "one.txt", "The talks in Kyiv went on.\n")
    assert "1 article" in out
    assert loaded == []  # neither readers nor the command modules (fix, compare, ...) ...
    out, loaded = _modules_after_check(tmp_path, "one.md", "# Talks\n\nThe talks went on.\n")
    assert "1 article" in out
    assert "mtqa.readers.markdown" in loaded


def test_commands_in_their_own_modules_still_run_and_are_listed(tmp_path):
    from click.testing import CliRunner

    from mtqa.cli import main

    assert "fix" in CliRunner().invoke(main, ["--help"]).output
    assert "import" in CliRunner().invoke(main, ["glossary", "--help"]).output
    out, loaded = _modules_after_check(tmp_path, "one.txt", "The talks in Kyiv went on.\n",
                                       command="fix")
    assert "mtqa.commands.fix" in loaded


def test_sorted_word_table_answers_like_the_parsed_file(cache_dir):
    import pickle

    from mtqa import lexicon

    parsed = lexicon._parse()
    table = pickle.loads(pickle.dumps(lexicon.SortedWords(parsed)))
    assert len(table) == len(parsed)
    assert all(table.get(w) == z for w, z in parsed.items())
    for absent in ("", "Zelenskyy", "zzzzzzzzzzzz", "\uffff", "!"):
        assert table.get(absent) == 0 and table.get(absent, -1) == -1
    lexicon._table.cache_clear()
    assert lexicon.zipf("The") == parsed["the"] / 10
    assert list(cache_dir.glob("english-zipf-*.mtqa-cache"))


def test_world_names_come_back_from_the_cache(cache_dir):
    from mtqa import lexicon

    lexicon.world_names.cache_clear()
    first = lexicon.world_names()
    (entry,) = cache_dir.glob("world-names-*.mtqa-cache")
    lexicon.world_names.cache_clear()
    parsed = lexicon._parse_world_names()
    again = lexicon.world_names()
    assert again is not first and len(again) == len(first) == len(parsed)
    assert all(w in again for w in parsed)
    for absent in ("", "Zelenskyy", "zzzzzzzzzzzz", "\uffff"):
        assert (absent in again) == (absent in parsed)
    entry.write_bytes(b"junk")
    lexicon.world_names.cache_clear()
    assert len(lexicon.world_names()) == len(parsed) and "Kyiv" in lexicon.world_names()


def _glossary_summary(g):
    entry = lambda e: tuple(sorted((k, repr(v)) for k, v in e.__dict__.items()))  # noqa: E731
    return (
        [entry(e) for e in g.entries],
        {name: entry(e) for name, e in g.by_name.items()},
        {form: (kind, entry(e), fix) for form, (kind, e, fix) in g.forms.items()},
        g._phrases, g.known_words,
        {s: [entry(e) for e in people] for s, people in g.people_by_surname.items()},
        {w: entry(e) for w, e in g.name_words().items()},
        g.lowered_words(),
        [entry(e) for e in g.people()], g.accepted_forms(),
        {n: [entry(e) for e in people] for n, people in g.people_by_given_name().items()},
    )


def test_cached_glossary_equals_the_built_one(cache_dir):
    """The glossary's cache rows (Glossary.__getstate__) give back the same tables, the same
    entry objects shared between them, and a name index that answers alike."""
    from mtqa.glossary import load_glossary

    fixture = REPO / "tests" / "fixtures" / "glossary.yaml"
    built = load_glossary([fixture])
    assert len(list(cache_dir.glob("glossary-*.mtqa-cache"))) == 1
    cached = load_glossary([fixture])
    assert cached is not built
    assert _glossary_summary(cached) == _glossary_summary(built)
    # one object per entry, shared by every table (identity matters: rules compare entries)
    kyiv = cached.by_name["Kyiv"]
    assert any(e is kyiv for e in cached.entries)
    assert all(hit[1] is cached.by_name[hit[1].name] for hit in cached.forms.values())
    for word in ("Zelensky", "Kharkov", "Zelenskyy", "Okhtyrka", "Bakhmutt", "London"):
        assert [(w, score, e.name) for w, score, e in cached.index.candidates(word)] == \
            [(w, score, e.name) for w, score, e in built.index.candidates(word)]


def test_cached_glossary_builds_an_entry_when_a_table_first_reaches_it(cache_dir):
    """A cached glossary keeps its entries as stored rows: a table look-up builds the one
    entry it reaches, the same object from every table; a look-up with a default builds
    nothing and adds no key; counting entries builds none. by_name, name_words() and
    accepted_forms() are built when first used, equal to the built glossary's."""
    from mtqa import cache
    from mtqa.glossary import load_glossary

    fixture = REPO / "tests" / "fixtures" / "glossary.yaml"
    built = load_glossary([fixture])
    cached = load_glossary([fixture])
    rows = cached.__dict__["_entry_rows"]
    assert cached.entry_count() == len(built.entries) == len(rows)
    assert rows.built == [None] * len(rows)
    # tables a check may never read stay columns until first asked for
    assert {"by_name", "_name_words", "_accepted_forms"}.isdisjoint(cached.__dict__)
    other = load_glossary([fixture])
    again = cache.decode(cache.encode(other))  # stored again before they were built
    assert _glossary_summary(again) == _glossary_summary(built)
    kyiv = cached.by_name["Kyiv"]
    assert kyiv == built.by_name["Kyiv"]
    assert cached.forms["Kyiv"][1] is kyiv
    assert [e is not None for e in rows.built].count(True) == 1
    assert cached.people_by_surname.get("Nobodyknown", ()) == ()
    assert "Nobodyknown" not in cached.people_by_surname
    assert cached.by_name.get("Nowhereville", 0) == 0 and "Nowhereville" not in cached.by_name
    assert [e is not None for e in rows.built].count(True) == 1
    assert "entries" not in cached.__dict__  # (built on first use, below)
    assert [e is kyiv for e in cached.entries].count(True) == 1


def test_glossary_cache_columns_and_their_fallback(cache_dir, tmp_path):
    """The cache stores a glossary as columns of separated strings; a glossary whose strings
    hold a separator (or that has odd values) is stored as rows instead, and both read back
    equal to the built glossary."""
    from mtqa import cache
    from mtqa.glossary import Glossary, load_glossary

    fixture = REPO / "tests" / "fixtures" / "glossary.yaml"
    built = load_glossary([fixture])
    assert "columns" in built.__getstate__()
    odd = tmp_path / "odd.yaml"
    odd.write_text('entries:\n- name: Oddtown\n  type: place\n'
                   '  note: "a note\\x1e with\\x1f separators"\n'
                   '  variants: ["Odd\\x00town"]\n', encoding="utf-8")
    with_odd = load_glossary([fixture, odd], bundled=False)
    assert with_odd.by_name["Oddtown"].note == "a note\x1e with\x1f separators"
    assert "columns" not in with_odd.__getstate__()
    for glossary in (built, with_odd):
        again = cache.decode(cache.encode(glossary))
        assert isinstance(again, Glossary)
        assert _glossary_summary(again) == _glossary_summary(glossary)
        assert [e == f for e, f in zip(again.entries, glossary.entries)] == \
            [True] * len(glossary.entries)


def test_spelling_dictionary_comes_back_from_the_cache(cache_dir):
    from mtqa import spelling

    spelling.dictionary.cache_clear()
    first = spelling.dictionary()
    assert list(cache_dir.glob("english-spelling-*.mtqa-cache"))
    spelling.dictionary.cache_clear()
    again = spelling.dictionary()
    parsed = spelling._read_dictionary()
    assert again is not first
    assert again.words() == parsed.words() == first.words()
    assert again.words("zel") == parsed.words("zel")
    for word in ("the", "kyiv", "recieve", "colour", "", "zzzz"):
        assert (word in again) == (word in parsed)
    spelling.dictionary.cache_clear()


def test_rule_regexes_compile_on_first_use_and_all_compile():
    import re

    from mtqa import lazyre
    import mtqa.rules  # noqa: F401

    lazyre.compile_all()  # a bad regex in a rule module fails here
    assert lazyre._PENDING, "the rule modules' regexes were compiled at import"
    assert all(isinstance(p._compiled, re.Pattern) for p in lazyre._PENDING)
    # the rule modules now hold the compiled patterns themselves
    import sys

    held = [(name, key) for name, module in sys.modules.items()
            if name.startswith(lazyre._PREFIX) for key, value in vars(module).items()
            if isinstance(value, lazyre.LazyPattern)]
    assert held == []
    lazy = lazyre.LazyPattern(r"(\w+) (\w+)", re.I)
    assert lazy.pattern == r"(\w+) (\w+)" and lazy._compiled is None
    assert lazy.sub(r"\2 \1", "Hello World") == "World Hello" and lazy.groups == 2


def test_given_names_are_looked_up_like_a_search_of_the_file():
    """realnames.is_given_name bisects the sorted file instead of searching it whole."""
    from mtqa import realnames

    text = "\n" + (Path(realnames.__file__).parent / "data" / "given-names.tsv").read_text(
        encoding="utf-8")
    names = [line.split("\t")[0] for line in text.split("\n") if line and not
             line.startswith("#")]
    assert names == sorted(names), "given-names.tsv must stay sorted by name"
    assert any(not n.isascii() for n in names)  # (looked up as UTF-8 bytes: realnames)
    probes = names[::97] + names[-3:] + [n + "x" for n in names[::500]] + [
        "", "Natalia", "Zelenskyy", "Mariia", "a", "zzz", "\uffff", "A", "A-lian", "\ud800"]
    probes += [n for n in names if not n.isascii()][::50]
    for word in probes:
        found = f"\n{word}\t" in text
        assert (realnames._search_given_name_line(word) is not None) == found, word
        assert realnames.is_given_name(word) == found, word


def test_phrase_entries_are_rule_instances_checked_like_classes():
    """Phrase entries are PhraseRule instances (no class per entry), registered through the
    same checks as @register."""
    import pytest as _pytest

    from mtqa.registry import Rule, add_rule, all_rules, register
    from mtqa.rules.phrase import PhraseRule

    entries = [r for r in all_rules() if r.id.startswith("phrase-")]
    assert entries and all(type(r) is PhraseRule for r in entries)
    assert len({r.id for r in entries}) == len(entries)
    assert all(r.summary and r.docs and r.entry.rule_id == r.id for r in entries)

    class Nameless(Rule):
        summary = "no id"

    with _pytest.raises(ValueError, match="Nameless needs an id"):
        register(Nameless)
    with _pytest.raises(ValueError, match="duplicate rule id"):
        add_rule(entries[0])


def test_pyproject_without_mtqa_is_not_parsed_but_any_spelling_of_the_table_is(tmp_path):
    """find_config skips parsing a pyproject.toml whose text cannot hold [tool.mtqa]; every
    way of writing the table still names mtqa (or escapes it), so it is still found."""
    from mtqa.config import find_config

    skipped = tmp_path / "a"
    skipped.mkdir()
    # not even valid TOML: it is not parsed, so it is no error, and the search goes on upwards
    (skipped / "pyproject.toml").write_text('[project]\nname = "x"\n[[[broken\n')
    assert find_config(skipped) is None
    for body in ('[tool.mtqa]\nfail-on = "minor"\n',
                 '[tool]\nmtqa = { fail-on = "minor" }\n',
                 'tool.mtqa.fail-on = "minor"\n',
                 '[tool."\\u006dtqa"]\nfail-on = "minor"\n'):
        folder = tmp_path / f"b{abs(hash(body))}"
        folder.mkdir()
        (folder / "pyproject.toml").write_text(body)
        path, table, nested = find_config(folder)
        assert path == folder / "pyproject.toml" and table == {"fail-on": "minor"} and nested


def test_the_process_ends_early_but_prints_everything_and_keeps_its_exit_code(tmp_path):
    """`python -m mtqa` ends without Python's tear-down (cli._exit_now): the whole report
    still reaches a pipe, and the exit code is the command's."""
    articles = []
    for i in range(40):
        article = tmp_path / f"a{i}.txt"
        article.write_text("Officials in Kiev said the talks went on. Officials in Kiev agreed.\n"
                           * (i + 1), encoding="utf-8")
        articles.append(str(article))
    env = dict(os.environ, MTQA_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, "-m", "mtqa", "check", "--format", "json",
                           "--fail-on", "minor", *articles], cwd=REPO, env=env,
                          capture_output=True, timeout=120)
    report = json.loads(proc.stdout)  # complete: the buffered output was flushed
    assert len(report["files"]) == 40 and proc.returncode == 1
    assert all(f["findings"] for f in report["files"])
    missing = subprocess.run([sys.executable, "-m", "mtqa", "check", str(tmp_path / "none.txt")],
                             cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "none.txt" in missing.stderr


def test_configuration_file_parsed_once_then_read_from_the_cache(cache_dir, tmp_path,
                                                                  monkeypatch):
    from mtqa import config

    project = tmp_path / "project"
    project.mkdir()
    toml = project / "pyproject.toml"
    toml.write_text('[project]\nname = "x"\n\n[tool.mtqa]\nselect = ["name"]\n'
                    'fail-on = "major"\n', encoding="utf-8")
    first = config.find_config(project)
    assert first[1] == {"select": ["name"], "fail-on": "major"} and first[2] is True

    def no_parsing():
        raise AssertionError("parsed although cached")

    parser = config._tomllib
    monkeypatch.setattr(config, "_tomllib", no_parsing)
    assert config.find_config(project) == first
    toml.write_text('[tool.mtqa]\nselect = ["phrase"]\n', encoding="utf-8")  # edited: parsed
    with pytest.raises(AssertionError, match="parsed although cached"):
        config.find_config(project)
    monkeypatch.setattr(config, "_tomllib", parser)
    assert config.find_config(project)[1] == {"select": ["phrase"]}
    toml.write_text('[tool.mtqa]\nselect = [\n', encoding="utf-8")  # invalid: never cached
    for _ in range(2):
        with pytest.raises(config.ConfigError, match="not valid TOML"):
            config.find_config(project)


def test_cached_regex_code_gives_the_same_patterns(cache_dir):
    """The opcodes of the rule modules' regexes, kept in the cache, build patterns equal to
    re.compile's (same pattern, flags and code); damaged code falls back to re.compile."""
    import re

    import mtqa.rules  # noqa: F401  (registers the rule modules' lazy patterns)
    from mtqa import cache, lazyre

    # all of them: the entry is stored only when every pattern's code can be (a bytes or
    # re.DEBUG pattern would leave every start-up building them all again)
    fresh = [lazyre.LazyPattern(p.pattern, p.flags) for p in lazyre._PENDING]
    assert len(fresh) > 50
    lazyre._attach_codes(fresh)  # first: compiles every one and stores their code
    assert len(list(cache_dir.glob("regex-code-*.mtqa-cache"))) == 1
    again = [lazyre.LazyPattern(p.pattern, p.flags) for p in fresh]
    lazyre._attach_codes(again)  # now read from the cache
    assert all(p._code is not None for p in again)
    for p in again:
        assert p.compiled() == re.compile(p.pattern, p.flags), p.pattern
        assert p.compiled().groupindex == re.compile(p.pattern, p.flags).groupindex
    damaged = lazyre.LazyPattern(r"(?P<word>\w+)-(\d)")
    code = lazyre._sre_args(damaged.pattern, 0)
    code[1] = cache.array("I", [1, 2, 3])  # no valid program
    damaged._code = code
    assert damaged.compiled() == re.compile(r"(?P<word>\w+)-(\d)")
    assert damaged.search("a ab-1").group("word") == "ab"


def test_eager_regexes_come_from_cached_code(cache_dir, monkeypatch):
    """lazyre.precompiled (mtqa.article's patterns, needed before the rules load): compiled
    as usual and their code kept once the rule modules have loaded; then read from the cache,
    equal to re.compile's (pattern, flags, code, groups)."""
    import re

    from mtqa import lazyre

    monkeypatch.setattr(lazyre, "_EAGER_CODES", None)
    monkeypatch.setattr(lazyre, "_EAGER_NEW", {})
    monkeypatch.setattr(lazyre, "_rules_loaded", False)
    patterns = [(r"[^\W_]+(?:['’](?![sS]\b)[^\W_]+)*", 0), (r"(?P<w>\w+)-(\d)", re.I)]
    first = [lazyre.precompiled(p, f) for p, f in patterns]
    assert first == [re.compile(p, f) for p, f in patterns]
    assert len(lazyre._EAGER_NEW) == 2
    lazyre._attach_codes([])  # as after the rule modules load: the new codes are stored
    assert len(list(cache_dir.glob("eager-regex-code-*.mtqa-cache"))) == 1
    monkeypatch.setattr(lazyre, "_EAGER_CODES", None)
    again = [lazyre.precompiled(p, f) for p, f in patterns]
    assert not lazyre._EAGER_NEW  # every one from the cache
    for rx, (p, f) in zip(again, patterns):
        assert rx == re.compile(p, f) and rx.groupindex == re.compile(p, f).groupindex
    assert again[1].search("a AB-1").group("w") == "AB"
    # a module imported after the rules loaded: its new pattern is stored at once
    late = lazyre.precompiled(r"[A-Za-z]{2,3}-late")
    assert not lazyre._EAGER_NEW and late == re.compile(r"[A-Za-z]{2,3}-late")
    monkeypatch.setattr(lazyre, "_EAGER_CODES", None)
    lazyre.precompiled(r"[A-Za-z]{2,3}-late")
    assert not lazyre._EAGER_NEW


def test_cached_known_words_answer_as_the_built_set(cache_dir):
    """A cached glossary's known_words is searched in its sorted text (no set built for a
    one-file check) until many distinct words were asked, then a set: both answer as the
    built glossary's set."""
    from mtqa.glossary import load_glossary

    fixture = REPO / "tests" / "fixtures" / "glossary.yaml"
    built = load_glossary([fixture]).known_words
    known = load_glossary([fixture]).known_words
    words = sorted(built)
    probes = words[::50] + [w + "x" for w in words[::200]] + [w[:-1] for w in words[::200]] + [
        "", "a\nb", "Kyiv", "kyiv", "Zzzz", "\uffff", "A"]
    assert [w in known for w in probes] == [w in built for w in probes]
    assert not known._lookup.switched
    assert all(w in known for w in words) and known._lookup.switched  # (now as a set)
    assert [w in known for w in probes] == [w in built for w in probes]
    assert known == built and len(known) == len(built) and set(known) == built


def test_audit_options_is_a_plain_record_copied_with_replaced():
    """AuditOptions is a Plain record (start-up: no @dataclass): its fields, a copy with some
    changed (as dataclasses.replace, which fix and source pairing used), equality and repr."""
    from mtqa.engine import AuditOptions

    options = AuditOptions(select=("name",), source_lang="id_ID", severity={"name": "major"})
    assert options.source_lang == "id" and options.per_file_ignores == {}
    assert "source_plan" in AuditOptions._fields and "name_ledger" in AuditOptions._fields
    changed = options.replaced(source_plan="plan", source_lang="uk_UA")
    assert (changed.source_plan, changed.source_lang, changed.select) == ("plan", "uk", ("name",))
    assert changed.severity == {"name": "major"} and options.source_plan is None
    assert changed != options and options.replaced() == options
    assert AuditOptions() == AuditOptions() and AuditOptions().severity is not \
        AuditOptions().severity
    assert repr(options).startswith("AuditOptions(select=('name',), ignore=(), severity=")
