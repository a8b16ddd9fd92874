"""`mtqa check --format sarif|github|gitlab`: valid, precise, and safe to feed to CI."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa.cli import main
from mtqa.formatters.github import command, escape_data, escape_property

FIXTURE_GLOSSARY = str(Path(__file__).parent / "fixtures" / "glossary.yaml")
SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sarif-schema-2.1.0.json"
# Non-BMP characters before the finding: code points and UTF-16 units differ here.
ARTICLE = "🇺🇦 Flags flew as Oktyrka met officials in Kiev.\nA quiet line.\n"


@pytest.fixture(autouse=True)
def no_bundled_packs(monkeypatch):
    monkeypatch.setattr("mtqa.glossary.bundled_pack_paths", lambda: {})


@pytest.fixture
def desk(tmp_path, monkeypatch):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "kyiv story.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"caf\xe9 in Kiev\n")  # not UTF-8
    monkeypatch.chdir(tmp_path)
    return folder


def check(*args, config=None):
    cmd = ["check", "--glossary", FIXTURE_GLOSSARY]
    cmd += ["--config", str(config)] if config else ["--no-config"]
    result = CliRunner().invoke(main, cmd + list(args))
    return result.exit_code, result.stdout, result.stderr


# ---- SARIF ----------------------------------------------------------------------------------

def sarif(*args, **kw):
    code, out, _ = check("--format", "sarif", *args, **kw)
    return code, json.loads(out)


@pytest.mark.skipif(not SARIF_SCHEMA.exists(),
                    reason=f"the SARIF 2.1.0 schema is not at {SARIF_SCHEMA} (../shared absent)")
def test_sarif_is_valid_against_the_official_schema(desk):
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    code, doc = sarif("desk")
    assert code == 2  # one unreadable file
    assert doc["runs"][0]["results"], "the document under test must hold results"
    assert doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    errors = sorted(validator(schema, format_checker=validator.FORMAT_CHECKER).iter_errors(doc),
                    key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_rules_metadata(desk):
    from mtqa.registry import get_rule

    _, doc = sarif("desk/kyiv story.txt")
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    near = rules["name-near-miss"]
    assert near["shortDescription"]["text"] == get_rule("name-near-miss").summary
    assert near["fullDescription"]["text"] == get_rule("name-near-miss").docs
    assert near["defaultConfiguration"]["level"] == "error"
    assert "mtqa explain name-near-miss" in near["help"]["text"]
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def _apply(text, region, inserted):
    """Apply a SARIF replacement whose columns count code points."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[:region["startLine"] - 1]) + region["startColumn"] - 1
    end = sum(len(line) + 1 for line in lines[:region["endLine"] - 1]) + region["endColumn"] - 1
    return text[:start] + inserted + text[end:]


def test_sarif_regions_count_code_points_and_fixes_apply(desk):
    _, doc = sarif("desk/kyiv story.txt")
    results = {r["ruleId"]: r for r in doc["runs"][0]["results"]}
    near = results["name-near-miss"]
    location = near["locations"][0]["physicalLocation"]
    region = location["region"]
    column = ARTICLE.index("Oktyrka") + 1  # the flag is two code points, four UTF-16 units
    assert region == {"startLine": 1, "startColumn": column, "endLine": 1,
                      "endColumn": column + len("Oktyrka"), "snippet": {"text": "Oktyrka"}}
    assert location["artifactLocation"] == {"uri": "desk/kyiv%20story.txt",
                                            "uriBaseId": "%SRCROOT%"}
    assert near["level"] == "error" and "Okhtyrka" in near["message"]["text"]
    fixed = ARTICLE
    for rule in ("name-incorrect", "name-near-miss"):  # right to left keeps columns valid
        (fix,) = results[rule]["fixes"]
        (replacement,) = fix["artifactChanges"][0]["replacements"]
        fixed = _apply(fixed, replacement["deletedRegion"], replacement["insertedContent"]["text"])
    assert fixed == "🇺🇦 Flags flew as Okhtyrka met officials in Kyiv.\nA quiet line.\n"
    assert doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_sarif_invocation_reports_unreadable_files_and_warnings(desk):
    (desk / "kyiv story.txt").write_text(ARTICLE + "Kiev. <!-- mtqa-disable-line nope -->\n",
                                         encoding="utf-8")
    _, doc = sarif("desk")
    invocation = doc["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = {(n["level"], n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
             for n in invocation["toolExecutionNotifications"]}
    assert notes == {("error", "desk/broken.txt"), ("warning", "desk/kyiv%20story.txt")}
    error = next(n for n in invocation["toolExecutionNotifications"] if n["level"] == "error")
    assert "not valid UTF-8" in error["message"]["text"]


def test_sarif_fingerprints_survive_moved_lines(desk):
    _, before = sarif("desk/kyiv story.txt")
    (desk / "kyiv story.txt").write_text("Editor's note added on top.\n\n" + ARTICLE,
                                         encoding="utf-8")
    _, after = sarif("desk/kyiv story.txt")

    def prints(doc):
        return {(r["ruleId"], r["partialFingerprints"]["mtqaFinding/v2"],
                 r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in doc["runs"][0]["results"]}

    assert {(a, b) for a, b, _ in prints(before)} == {(a, b) for a, b, _ in prints(after)}
    assert {line for *_, line in prints(after)} == {3}


def test_sarif_level_follows_configured_severity(desk, tmp_path):
    config = tmp_path / "mtqa.toml"
    config.write_text('[severity]\n"name-near-miss" = "minor"\n', encoding="utf-8")
    code, doc = sarif("desk/kyiv story.txt", config=config)
    levels = {r["ruleId"]: r["level"] for r in doc["runs"][0]["results"]}
    assert levels == {"name-near-miss": "warning", "name-incorrect": "error"}
    assert code == 1


# ---- GitHub workflow commands ---------------------------------------------------------------

def test_github_escaping():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert command("warning", "a: b, c", file="x,y:z.md", line=3, title="t") == \
        "::warning file=x%2Cy%3Az.md,line=3,title=t::a: b, c"


def test_github_annotations(desk, tmp_path):
    config = tmp_path / "mtqa.toml"
    config.write_text('[severity]\n"name-incorrect" = "minor"\n', encoding="utf-8")
    code, out, _ = check("--format", "github", "desk", config=config)
    lines = out.splitlines()
    col = ARTICLE.index("Oktyrka") + 1
    assert (f"::error file=desk/kyiv story.txt,line=1,col={col},endLine=1,endColumn={col + 7},"
            f"title=name-near-miss::“Oktyrka” is not in the glossary") in lines[0]
    assert lines[0].endswith("similarity 93%25) (suggestion: Okhtyrka)")
    assert lines[1].startswith("::warning file=desk/kyiv story.txt,line=1,")
    assert "title=name-incorrect::" in lines[1]
    assert lines[2].startswith("::error file=desk/broken.txt,title=mtqa%3A unreadable input::"
                               "not audited: not valid UTF-8")
    assert lines[-1].startswith("2 findings (1 major, 1 minor) in 1 article; 1 file not audited "
                                "[checked: ")
    assert code == 2


# ---- GitLab Code Quality --------------------------------------------------------------------

def test_gitlab_code_quality_report(desk):
    (desk / "kyiv story.txt").write_text(ARTICLE + "Oktyrka again.\n", encoding="utf-8")
    (desk / "broken.txt").unlink()
    code, out, _ = check("--format", "gitlab", "desk")
    issues = json.loads(out)
    assert code == 1
    assert [(i["check_name"], i["severity"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("name-near-miss", "major", 1), ("name-incorrect", "major", 1),
        ("name-near-miss", "major", 3)]
    assert all(i["location"]["path"] == "desk/kyiv story.txt" for i in issues)
    assert len({i["fingerprint"] for i in issues}) == 3  # GitLab drops duplicates
    assert issues[0]["description"].startswith("name-near-miss: “Oktyrka”")
    assert set(issues[0]) == {"type", "description", "check_name", "categories", "fingerprint",
                              "severity", "location"}


def test_text_format_is_unchanged_by_default(desk):
    code, out, err = check("desk/kyiv story.txt")
    assert out.splitlines()[0].startswith("desk/kyiv story.txt:1:")
    assert err == "" and code == 1
