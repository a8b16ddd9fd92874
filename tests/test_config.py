"""Configuration files: discovery, validation, precedence, and their effect on check/report."""
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa.cli import main
from mtqa.config import ConfigError, find_config, load_settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FIXTURE_GLOSSARY = Path(__file__).parent / "fixtures" / "glossary.yaml"
# "Oktyrka" is a near miss (major), "Kiev" a known incorrect form (major).
ARTICLE = "Oktyrka spoke to reporters in Kiev on Monday.\n"


@pytest.fixture(autouse=True)
def no_bundled_packs(monkeypatch):
    """Tests must not depend on the bundled packs' content."""
    monkeypatch.setattr("mtqa.glossary.bundled_pack_paths", lambda: {})


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A newsroom repository: house glossary, articles, working folder at its root."""
    root = tmp_path / "newsroom"
    (root / "articles").mkdir(parents=True)
    (root / "house.yaml").write_text(FIXTURE_GLOSSARY.read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (root / "articles" / "kyiv.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args):
    """(exit status, stdout, stderr) of `mtqa ARGS`."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def findings(output: str):
    return [(f["rule"], f["severity"]) for doc in [json.loads(output)] for r in doc["files"]
            for f in r["findings"]]


# ---- discovery ------------------------------------------------------------------------------

def test_pyproject_found_from_a_subfolder_and_paths_resolved_against_it(project, monkeypatch):
    write(project / "pyproject.toml", '[project]\nname = "x"\n\n[tool.mtqa]\n'
                                      'glossaries = ["house.yaml"]\n')
    monkeypatch.chdir(project / "articles")
    code, out, _ = run("check", "--format", "json", "kyiv.txt")
    assert ("name-incorrect", "major") in findings(out)
    assert code == 1


def test_without_configuration_the_house_glossary_is_not_used(project):
    code, out, _ = run("check", "--format", "json", "articles")
    assert findings(out) == []
    assert code == 0


def test_pyproject_without_mtqa_table_does_not_stop_the_search(project, monkeypatch):
    write(project / "mtqa.toml", 'glossaries = ["house.yaml"]\n')
    write(project / "articles" / "pyproject.toml", '[project]\nname = "articles"\n')
    monkeypatch.chdir(project / "articles")
    assert find_config()[0] == project / "mtqa.toml"


def test_nearest_folder_wins_and_mtqa_toml_beats_pyproject(project, monkeypatch):
    write(project / "pyproject.toml", '[tool.mtqa]\nfail-on = "minor"\n')
    write(project / "articles" / "pyproject.toml", '[tool.mtqa]\nfail-on = "critical"\n')
    monkeypatch.chdir(project / "articles")
    assert load_settings()["fail-on"] == "critical"
    write(project / "articles" / "mtqa.toml", 'fail-on = "never"\n')
    settings = load_settings()
    assert settings["fail-on"] == "never"
    assert settings.path == project / "articles" / "mtqa.toml"


def test_config_option_names_the_file_and_no_config_ignores_files(project):
    write(project / "mtqa.toml", 'glossaries = ["house.yaml"]\n')
    write(project / "other" / "strict.toml", 'glossaries = ["../house.yaml"]\n'
                                             'fail-on = "never"\n')
    code, out, _ = run("check", "--format", "json", "--config", "other/strict.toml", "articles")
    assert ("name-incorrect", "major") in findings(out) and code == 0
    code, out, _ = run("check", "--format", "json", "--no-config", "articles")
    assert findings(out) == [] and code == 0
    code, _, _ = run("check", "--config", "other/strict.toml", "--no-config", "articles")
    assert code == 2


def test_a_tool_mtqa_table_in_a_named_file_is_read(project):
    write(project / "ci.toml", '[tool.mtqa]\nfail-on = "critical"\n')
    settings = load_settings(config_file="ci.toml")
    assert settings["fail-on"] == "critical" and settings.nested


# ---- validation -----------------------------------------------------------------------------

@pytest.mark.parametrize("body, key, message", [
    ('fail_on = "major"', "fail_on", "did you mean 'fail-on'"),
    ('colour = "red"', "colour", "unknown key"),
    ('fail-on = "serious"', "fail-on", "must be one of minor, major, critical, never"),
    ('select = "name"', "select", "must be a list"),
    ('ignore = ["name-nearmiss"]', "ignore", "no rule matches 'name-nearmiss'"),
    ('glossaries = ["missing.yaml"]', "glossaries", "no such glossary file: missing.yaml"),
    ('publish-at = 120', "publish-at", "from 0 to 100"),
    ('review-below = 95', "review-below", "above publish-at 90"),
    ('source-lang = "Ukrainian"', "source-lang", "language code"),
    ('severity = {"name-near-miss" = "low"}', "severity", "must be one of minor, major, critical"),
    ('per-file-ignores = {"wire/*" = ["nope"]}', "per-file-ignores", "no rule matches 'nope'"),
    ('disabled-packs = ["atlantis"]', "disabled-packs", "no bundled pack named 'atlantis'"),
])
def test_bad_configuration_names_file_and_key_and_exits_2(project, body, key, message):
    cfg = write(project / "pyproject.toml", f"[tool.mtqa]\n{body}\n")
    code, _, err = run("check", "articles")
    assert code == 2
    assert f"mtqa: configuration error: {cfg}: tool.mtqa.{key}:" in err
    assert message in err


def test_every_problem_is_reported_at_once(project):
    cfg = write(project / "mtqa.toml", 'fail-on = "x"\nselct = ["name"]\n')
    with pytest.raises(ConfigError) as exc:
        load_settings()
    assert exc.value.problems == [
        f"{cfg}: fail-on: must be one of minor, major, critical, never, not 'x'",
        f"{cfg}: selct: unknown key (did you mean 'select'?)",
    ]


def test_invalid_toml_is_an_error_naming_the_file(project):
    cfg = write(project / "mtqa.toml", 'fail-on = \n')
    code, _, err = run("check", "articles")
    assert code == 2 and f"{cfg}: not valid TOML" in err


def test_tool_table_inside_mtqa_toml(project):
    # a file holding only [tool.mtqa] is read as such (a pasted pyproject section) ...
    write(project / "mtqa.toml", '[tool.mtqa]\nfail-on = "minor"\n')
    assert load_settings()["fail-on"] == "minor"
    # ... but mixed with top-level keys it is a mistake, with a hint
    write(project / "mtqa.toml", 'select = ["name"]\n[tool.mtqa]\nfail-on = "minor"\n')
    code, _, err = run("check", "articles")
    assert code == 2 and "mtqa.toml: tool: unknown key" in err and "keys are top-level" in err


# ---- precedence and effect ------------------------------------------------------------------

def test_command_line_overrides_the_file(project):
    write(project / "mtqa.toml", 'glossaries = ["house.yaml"]\nfail-on = "critical"\n'
                                 'select = ["name-near-miss"]\n')
    code, out, _ = run("check", "--format", "json", "articles")
    assert findings(out) == [("name-near-miss", "major")]
    assert code == 0  # fail-on critical from the file
    code, out, _ = run("check", "--format", "json", "--fail-on", "major",
                       "--select", "name-incorrect", "articles")
    assert findings(out) == [("name-incorrect", "major")]
    assert code == 1


def test_severity_table_and_ignore(project):
    write(project / "mtqa.toml", 'glossaries = ["house.yaml"]\nignore = ["name-incorrect"]\n'
                                 '[severity]\n"name-near-miss" = "minor"\n')
    code, out, _ = run("check", "--format", "json", "articles")
    assert findings(out) == [("name-near-miss", "minor")]
    assert code == 0  # minor does not reach the default fail-on (major)


def test_exclude_skips_files_found_in_folders_but_not_named_ones(project):
    write(project / "articles" / "drafts" / "d.txt", ARTICLE)
    write(project / "articles" / "x.draft.txt", ARTICLE)
    write(project / "mtqa.toml", 'glossaries = ["house.yaml"]\n'
                                 'exclude = ["drafts", "articles/*.draft.txt"]\n')
    _, out, _ = run("check", "--format", "json", "articles")
    assert [f["path"] for f in json.loads(out)["files"]] == [str(Path("articles/kyiv.txt"))]
    _, out, _ = run("check", "--format", "json", "articles/drafts/d.txt")
    assert [f["path"] for f in json.loads(out)["files"]] == ["articles/drafts/d.txt"]


def test_exclude_that_empties_a_folder_is_not_an_error(project):
    write(project / "mtqa.toml", 'exclude = ["articles"]\n')
    code, out, _ = run("check", "articles")
    assert code == 0 and "0 findings in 0 articles" in out


def test_per_file_ignores(project):
    write(project / "articles" / "wire" / "agency.txt", ARTICLE)
    write(project / "mtqa.toml", 'glossaries = ["house.yaml"]\n'
                                 '[per-file-ignores]\n"articles/wire/*" = ["name-near-miss"]\n')
    _, out, _ = run("check", "--format", "json", "articles")
    by_file = {r["path"]: [f["rule"] for f in r["findings"]] for r in json.loads(out)["files"]}
    assert by_file[str(Path("articles/wire/agency.txt"))] == ["name-incorrect"]
    assert sorted(by_file[str(Path("articles/kyiv.txt"))]) == ["name-incorrect", "name-near-miss"]


def test_score_thresholds_change_the_verdict(project):
    long_article = ("The minister spoke at length about the harvest and the weather. " * 60
                    + "Oktyrka was there.\n")
    write(project / "articles" / "kyiv.txt", long_article)
    write(project / "mtqa.toml", 'glossaries = ["house.yaml"]\n')
    _, out, _ = run("check", "--format", "json", "articles")
    doc = json.loads(out)["files"][0]
    # one major finding in a long article: a high score, but a major finding is to review
    assert 90 <= doc["score"] < 100 and doc["verdict"] == "review"
    write(project / "mtqa.toml", 'glossaries = ["house.yaml"]\npublish-at = 99.5\n'
                                 'review-below = 99\n')
    _, out, _ = run("check", "--format", "json", "articles")
    assert json.loads(out)["files"][0]["verdict"] == "hold"


def test_report_uses_the_configuration(project, tmp_path):
    write(project / "mtqa.toml", 'glossaries = ["house.yaml"]\nselect = ["name-incorrect"]\n')
    code, out, _ = run("report", "articles", "-o", str(tmp_path / "out"))
    assert code == 0
    data = json.loads((tmp_path / "out" / "kyiv.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in data["findings"]] == ["name-incorrect"]


def test_source_lang_reaches_the_audit_options(project):
    write(project / "mtqa.toml", 'source-lang = "uk"\n')
    assert load_settings().audit_options().source_lang == "uk"
    cli = load_settings({"source-lang": "ru"})
    assert cli.audit_options().source_lang == "ru" and cli.origins["source-lang"] == "command line"


# ---- mtqa config ----------------------------------------------------------------------------

def test_config_command_prints_valid_toml_with_origins(project):
    cfg = write(project / "pyproject.toml",
                '[tool.mtqa]\nglossaries = ["house.yaml"]\nfail-on = "critical"\n'
                '[tool.mtqa.severity]\n"name-near-miss" = "minor"\n'
                '[tool.mtqa.per-file-ignores]\n"wire/*.md" = ["name"]\n')
    code, out, _ = run("config", "--select", "name")
    assert code == 0
    printed = tomllib.loads(out)
    assert printed["glossaries"] == [str(project / "house.yaml")]
    assert printed["fail-on"] == "critical" and printed["select"] == ["name"]
    assert printed["severity"] == {"name-near-miss": "minor"}
    assert printed["per-file-ignores"] == {"wire/*.md": ["name"]}
    assert printed["publish-at"] == 90.0
    lines = out.splitlines()
    assert f'fail-on = "critical"  # {cfg}' in lines
    assert 'select = ["name"]  # command line' in lines
    assert "review-below = 80.0  # default" in lines
    # the printed configuration is itself a valid mtqa.toml with the same meaning
    write(project / "elsewhere" / "mtqa.toml", out)
    again = load_settings(config_file=str(project / "elsewhere" / "mtqa.toml"))
    assert again["severity"] == {"name-near-miss": "minor"}
    assert again["glossaries"] == (str(project / "house.yaml"),)
