"""Inline suppression comments (mtqa.suppress) and how bad ones are reported."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa.api import audit_articles
from mtqa.article import Article
from mtqa.cli import main
from mtqa.engine import AuditContext, AuditOptions

FIXTURE_GLOSSARY = str(Path(__file__).parent / "fixtures" / "glossary.yaml")
OPTIONS = AuditOptions(glossaries=[FIXTURE_GLOSSARY])


@pytest.fixture(autouse=True)
def no_bundled_packs(monkeypatch):
    monkeypatch.setattr("mtqa.glossary.bundled_pack_paths", lambda: {})


def audit(text, path="a.md"):
    """[(line, rule, flagged text)] and the warnings [(line, message)]."""
    ctx = AuditContext(OPTIONS)
    result = audit_articles([Article(text, path=path)], ctx=ctx)[0]
    found = [(result.article.position(f.start)[0], f.rule, text[f.start:f.end])
             for f in result.findings]
    return found, [(n.line, n.message) for n in ctx.notices]


def test_without_comments_everything_is_reported():
    found, warnings = audit("Oktyrka met officials in Kiev.\n")
    assert found == [(1, "name-near-miss", "Oktyrka"), (1, "name-incorrect", "Kiev")]
    assert warnings == []


def test_region_with_rule_id():
    found, warnings = audit("<!-- mtqa-disable name-near-miss -->\n"
                            "Oktyrka met officials in Kiev.\n"
                            "<!-- mtqa-enable -->\n"
                            "Oktyrka left.\n")
    assert found == [(2, "name-incorrect", "Kiev"), (4, "name-near-miss", "Oktyrka")]
    assert warnings == []


def test_region_without_ids_disables_every_rule_until_the_end():
    found, _ = audit("Kiev first.\n<!-- mtqa-disable -->\nOktyrka met officials in Kiev.\n")
    assert found == [(1, "name-incorrect", "Kiev")]


def test_region_inside_a_line():
    text = ("Oktyrka and <!-- mtqa-disable name -->Oktyrka<!-- mtqa-enable name --> "
            "and Oktyrka.\n")
    result = audit_articles([Article(text, path="a.md")], OPTIONS)[0]
    # the first and last occurrences are reported, the one between the comments is not
    assert [f.start for f in result.findings] == [0, text.rindex("Oktyrka")]


def test_enable_with_ids_re_enables_only_those():
    found, _ = audit("<!-- mtqa-disable -->\n<!-- mtqa-enable name-incorrect -->\n"
                     "Oktyrka met officials in Kiev.\n")
    assert found == [(3, "name-incorrect", "Kiev")]


def test_next_line_skips_blank_lines_and_covers_one_line_only():
    found, _ = audit("<!-- mtqa-disable-next-line name-near-miss, name-incorrect -->\n\n"
                     "Oktyrka met officials in Kiev.\n"
                     "Oktyrka left Kiev.\n")
    assert found == [(4, "name-near-miss", "Oktyrka"), (4, "name-incorrect", "Kiev")]


def test_disable_line_covers_its_own_line():
    found, _ = audit("Oktyrka met officials in Kiev. <!-- mtqa-disable-line name-incorrect -->\n"
                     "Officials in Kiev.\n")
    assert found == [(1, "name-near-miss", "Oktyrka"), (2, "name-incorrect", "Kiev")]


def test_prefix_all_and_reason():
    found, _ = audit("Oktyrka met officials in Kiev. <!-- mtqa-disable-line name -- agency copy -->\n"
                     "Oktyrka in Kiev. <!-- mtqa-disable-line all -->\n")
    assert found == []


def test_plain_text_files_use_the_same_comments():
    found, _ = audit("Oktyrka in Kiev. <!-- mtqa-disable-line -->\nOktyrka.\n", path="a.txt")
    assert found == [(2, "name-near-miss", "Oktyrka")]


def test_unknown_rule_is_a_warning_and_suppresses_nothing():
    found, warnings = audit("Oktyrka met officials in Kiev. <!-- mtqa-disable-line name-nearmiss -->\n")
    assert [f[1] for f in found] == ["name-near-miss", "name-incorrect"]
    assert warnings == [(1, "unknown rule 'name-nearmiss' in mtqa-disable-line comment "
                            "(see `mtqa rules`)")]


def test_known_and_unknown_ids_together_suppress_the_known_ones():
    found, warnings = audit("Oktyrka in Kiev. <!-- mtqa-disable-line name-incorrect, typo-x -->\n")
    assert [f[1] for f in found] == ["name-near-miss"]
    assert [w[0] for w in warnings] == [1]


def test_unknown_directive_and_stray_enable_are_warnings():
    found, warnings = audit("Intro.\n<!-- mtqa-disabel name -->\nOktyrka.\n<!-- mtqa-enable -->\n")
    assert [f[1] for f in found] == ["name-near-miss"]
    assert [w[0] for w in warnings] == [2, 4]
    assert "unknown directive 'mtqa-disabel'" in warnings[0][1]
    assert "without a preceding mtqa-disable" in warnings[1][1]


def test_suppression_applies_to_batch_rules_too():
    articles = [Article("Interior Minister Ihor Klymenko spoke.\n", path="a.txt"),
                Article("Minister Igor Klymenko said. <!-- mtqa-disable-line name-inconsistent-batch -->\n",
                        path="b.txt")]
    results = audit_articles(articles, OPTIONS)
    assert [f.rule for f in results[1].findings] == ["name-russian-form"]


def test_cli_reports_warnings_with_file_and_line(tmp_path):
    article = tmp_path / "story.md"
    article.write_text("Title\n\nOktyrka spoke. <!-- mtqa-disable-line nmae -->\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-config", "--glossary", FIXTURE_GLOSSARY,
                                       "--format", "json", str(article)])
    assert result.exit_code == 1  # a warning does not change the exit status; the finding does
    assert (f"{article}:3: warning: unknown rule 'nmae' in mtqa-disable-line comment"
            in result.stderr)
    doc = json.loads(result.stdout)
    assert doc["warnings"] == [{"path": str(article), "line": 3, "message":
                                "unknown rule 'nmae' in mtqa-disable-line comment "
                                "(see `mtqa rules`)"}]
