from click.testing import CliRunner

from pathlib import Path

from mtqa.cli import main

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "glossary.yaml"


def test_rules_lists_pack_entries_and_explain_shows_attestation():
    runner = CliRunner()
    listing = runner.invoke(main, ["rules"]).output
    assert "phrase-common-hot-power-plant" in listing
    assert "case-stray-capital-word" in listing and "(off by default)" in listing
    out = runner.invoke(main, ["explain", "phrase-common-hot-power-plant"])
    assert out.exit_code == 0
    assert "thermal power plants" in out.output and "Attested:" in out.output


def test_phrases_check_reports_an_entry_that_never_fires(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text("""pack: mine
language: any
entries:
  - id: hot-power
    phrase: hot power plant
    fix: thermal power plant
    message: calque
    category: terminology/name
    severity: minor
    example: the warm power plant
    source: seed
""", encoding="utf-8")
    result = CliRunner().invoke(main, ["phrases", "check", str(pack)])
    assert result.exit_code == 2
    assert "does not fire on its example 'the warm power plant'" in result.output


def test_phrases_check_reports_a_leave_text_that_fires_and_expands_form_groups(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text("""pack: mine
language: any
entries:
  - id: hot-power
    phrase: hot power plant{,s}
    fix: thermal power plant{,s}
    message: calque
    category: terminology/name
    severity: minor
    examples: [two hot power plants were hit]
    leave: [a hot power plant]
    cites: a thermal-engineering glossary
""", encoding="utf-8")
    result = CliRunner().invoke(main, ["phrases", "check", str(pack)])
    assert result.exit_code == 2
    assert "fires on 'a hot power plant', which it must leave alone" in result.output
    assert "does not fire" not in result.output


def test_phrases_check_accepts_the_bundled_packs():
    # entries that need a place or person after the phrase find it in the glossary
    result = CliRunner().invoke(main, ["phrases", "check", "--glossary", str(FIXTURE)])
    assert result.exit_code == 0, result.output


def test_ignore_by_pack_prefix_on_the_command_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Missiles hit the city hot power plants. We have air anxiety again.\n",
                       encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(main, ["check", "--select", "phrase", "--fail-on", "never", str(article)])
    assert "phrase-uk-air-anxiety" in out.output and "phrase-common-hot-power-plant" in out.output
    out = runner.invoke(main, ["check", "--select", "phrase", "--ignore", "phrase-uk",
                               "--fail-on", "never", str(article)])
    assert "phrase-uk-air-anxiety" not in out.output
    assert "phrase-common-hot-power-plant" in out.output
