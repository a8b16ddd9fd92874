"""Rule selection like ruff (ALL, prefixes, --extend-select/--extend-ignore), --statistics,
--show-source, colour, --stdin-filename."""
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa.cli import main
from mtqa.config import load_settings
from mtqa.registry import all_rules, select_rules

FIXTURE_GLOSSARY = str(Path(__file__).parent / "fixtures" / "glossary.yaml")


def ids(select=(), ignore=()):
    return {r.id for r in select_rules(select, ignore)}


def on_by_default():
    return {r.id for r in all_rules() if r.default_enabled}


def off_by_default():
    return {r.id for r in all_rules() if not r.default_enabled}


def test_a_prefix_selects_only_the_rules_that_are_on_by_default():
    off = off_by_default()
    assert "punct-unbalanced" in off  # the symptom of issue 12
    punct = ids(["punct"])
    assert punct == {i for i in on_by_default() if i.startswith("punct-")}
    assert not punct & off


def test_an_off_by_default_rule_runs_when_named_exactly_or_with_ALL():
    assert "punct-unbalanced" in ids(["punct-unbalanced"])
    assert ids(["ALL"]) == {r.id for r in all_rules()}
    assert ids(["all"]) == on_by_default()  # lower case: the default set, as documented


def test_the_most_specific_selector_wins_and_ignore_wins_ties():
    assert ids(["name"], ["name"]) == set()
    assert ids(["name-incorrect"], ["name"]) == {"name-incorrect"}
    assert "name-incorrect" not in ids(["name"], ["name-incorrect"])
    assert ids(["ALL"], ["ALL"]) == set()


def test_extend_select_adds_to_the_defaults_and_extend_ignore_to_ignore():
    settings = load_settings({"extend-select": ("punct-unbalanced",),
                              "extend-ignore": ("name-near-miss",)}, use_config=False)
    options = settings.audit_options()
    chosen = ids(options.select, options.ignore)
    assert chosen == (on_by_default() | {"punct-unbalanced"}) - {"name-near-miss"}


def test_config_extend_keys_add_to_the_command_line_and_select_starts_afresh(tmp_path):
    cfg = tmp_path / "mtqa.toml"
    cfg.write_text('extend-select = ["punct-unbalanced"]\nextend-ignore = ["locale"]\n',
                   encoding="utf-8")
    both = load_settings({"extend-select": ("punct-repeated-sentence",)}, str(cfg))
    assert both["extend-select"] == ("punct-unbalanced", "punct-repeated-sentence")
    afresh = load_settings({"select": ("name",)}, str(cfg))
    options = afresh.audit_options()
    assert ids(options.select, options.ignore) == ids(["name"])
    assert afresh["extend-ignore"] == ("locale",)


def run(*args, input=None):
    result = CliRunner().invoke(main, ["check", "--no-config", "--glossary", FIXTURE_GLOSSARY,
                                       *args], input=input)
    return result.exit_code, result.stdout, result.stderr


STORY = "Officials met in Kiev. Then in Kiev again.\nAnd in Kharkov ( briefly ).\n"


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("mtqa.glossary.bundled_pack_paths", lambda: {})
    Path("story.txt").write_text(STORY, encoding="utf-8")
    return "story.txt"


def test_cli_accepts_ALL_and_extend_options(story):
    code, out, err = run("--select", "ALL", "--extend-ignore", "punct", story)
    assert code == 1, err
    assert "name-incorrect" in out and "punct-" not in out
    code, out, _ = run("--select", "name-near-miss", "--extend-select", "name-incorrect", story)
    assert out.count("name-incorrect") == 3
    code, _, err = run("--extend-select", "no-such-rule", story)
    assert code == 2 and "no rule matches 'no-such-rule'" in err


def test_statistics_counts_findings_per_rule(story):
    _, plain, _ = run(story)
    _, stats, _ = run("--statistics", story)
    counted = {}
    for line in plain.splitlines()[:-1]:
        rule = line.split()[2]
        counted[rule] = counted.get(rule, 0) + 1
    rows = {m.group(2): int(m.group(1))
            for m in re.finditer(r"^\s*(\d+)\s+(\S+)\s", stats.strip().rsplit("\n", 1)[0], re.M)}
    assert rows == counted and rows["name-incorrect"] == 3
    assert stats.splitlines()[-1] == plain.splitlines()[-1]  # the summary line stays


def test_show_source_puts_carets_under_the_span(story):
    _, out, _ = run("--show-source", "--select", "name-incorrect", story)
    lines = out.splitlines()
    first = lines.index("1 | Officials met in Kiev. Then in Kiev again.")
    carets = lines[first + 1]
    assert carets == "  | " + " " * len("Officials met in ") + "^^^^"
    assert "2 | And in Kharkov ( briefly )." in lines


def test_colour_only_when_asked_or_on_a_terminal(story, monkeypatch):
    _, plain, _ = run(story)
    assert "\033[" not in plain  # CliRunner's stdout is no terminal
    _, coloured, _ = run("--color", "always", story)
    assert "\033[" in coloured
    assert re.sub(r"\033\[[0-9;]*m", "", coloured) == plain
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    from mtqa.cli import _use_color

    monkeypatch.setenv("NO_COLOR", "1")
    assert _use_color("auto") is False and _use_color("always") is True
    monkeypatch.delenv("NO_COLOR")
    assert _use_color("never") is False


MARKDOWN = "# Kyiv\n\n```\ncode about Kiev\n```\n\nTalks in Kiev.\n"


def test_stdin_filename_picks_the_reader_by_suffix(story):
    code, out, _ = run("--select", "name-incorrect", "--stdin-filename", "desk/story.md",
                       input=MARKDOWN)
    assert code == 1
    # Markdown reader: the fenced code is skipped; the path is the given name
    assert out.splitlines()[0].startswith("desk/story.md:7:10: major name-incorrect")
    assert out.count("name-incorrect") == 1
    _, as_text, _ = run("--select", "name-incorrect", "-", input=MARKDOWN)
    assert as_text.count("name-incorrect") == 2  # plain text: the code is prose


def test_stdin_filename_feeds_per_file_ignores_and_force_exclude(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("mtqa.toml").write_text('exclude = ["drafts"]\n'
                                 '[per-file-ignores]\n"wire/*.md" = ["name-incorrect"]\n',
                                 encoding="utf-8")
    runner = CliRunner()
    base = ["check", "--glossary", FIXTURE_GLOSSARY, "--select", "name-incorrect"]
    r = runner.invoke(main, base + ["--stdin-filename", "wire/a.md"], input=MARKDOWN)
    assert r.exit_code == 0 and "0 findings in 1 article" in r.stdout
    r = runner.invoke(main, base + ["--force-exclude", "--stdin-filename", "drafts/a.md"],
                      input=MARKDOWN)
    assert r.exit_code == 0 and "0 findings in 0 articles" in r.stdout
