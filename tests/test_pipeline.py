"""One pipeline: every executor gives the same answer, and articles are built complete once."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa import parallel, pipeline
from mtqa.cli import main
from mtqa.engine import AuditContext, AuditOptions
from mtqa.lang import LanguageError, normalise_language

GLOSSARY = str(Path(__file__).parent / "fixtures" / "glossary.yaml")

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="{lang}" target-language="en-US" datatype="plaintext" original="a.txt">
    <body>
      <trans-unit id="1"><source>x</source><target>{target}</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def _mixed_folder(root: Path) -> Path:
    """Every input kind, an excluded file, a bad suppression comment, configured thresholds."""
    folder = root / "in"
    (folder / "drafts").mkdir(parents=True)
    (folder / "a.txt").write_text(
        "The mayor of Kiev said Zelskyy met Mikhail Podolyak in Kharkov.\n"
        "<!-- mtqa-disabel name-incorrect -->\nTroops left Gostomel on Monday.\n")
    (folder / "b.md").write_text("# Talks in Kiev\n\nMykhailo Podolyak spoke. `Kiev` is code.\n")
    (folder / "c.html").write_text("<html><body><h1>Kiev</h1><p>Shelling in Kharkov &amp; "
                                   "Bucha.</p><!-- mtqa-disable-next-line nosuchrule --></body>"
                                   "</html>\n")
    (folder / "d.xlf").write_text(XLIFF.format(lang="uk-UA", target="Governor Chernihiv spoke "
                                                                     "in Kiev."))
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"path": "wire/1.txt", "text": "Kiev was quiet. Zelskyy spoke."},
        {"path": "wire/2.txt", "text": "Mikhail Podolyak left Kharkov."},
    ]) + "\nnot json\n")
    (folder / "drafts" / "skip.txt").write_text("Kiev Kiev Kiev.\n")
    (root / "mtqa.toml").write_text(
        'exclude = ["in/drafts/*"]\npublish-at = 99\nreview-below = 40\n'
        f'glossaries = ["{GLOSSARY}"]\n')
    return folder


def test_every_executor_gives_byte_identical_json(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    _mixed_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    # the process pool only starts workers for batches worth it: make this one worth it
    monkeypatch.setattr(parallel, "MIN_FILES_PER_JOB", 1)
    base = ["check", "--format", "json", "--field", "text", "--id-field", "path", "in"]
    runner = CliRunner()
    one = runner.invoke(main, base + ["-j1"])
    two = runner.invoke(main, base + ["-j2"])
    dask = runner.invoke(main, base + ["--engine", "dask"])
    assert one.exit_code == two.exit_code == dask.exit_code == 2  # the bad feed line
    assert one.stdout == two.stdout == dask.stdout
    doc = json.loads(one.stdout)
    paths = [f["path"] for f in doc["files"]]
    assert "in/drafts/skip.txt" not in paths  # exclude
    assert paths == ["in/a.txt", "in/b.md", "in/c.html", "in/d.xlf", "in/feed.jsonl",
                     "in/feed.jsonl"]
    assert [f["record"]["id"] for f in doc["files"] if "record" in f] == ["wire/1.txt",
                                                                          "wire/2.txt"]
    assert doc["errors"] == [{"path": "in/feed.jsonl:3", "message": doc["errors"][0]["message"],
                              "audited": False}]  # a bad record is not audited
    assert {w["path"] for w in doc["warnings"]} == {"in/a.txt", "in/c.html"}  # suppressions
    # thresholds from the configuration: nothing with findings reaches publish-at 99
    assert {f["verdict"] for f in doc["files"] if f["findings"]} <= {"review", "hold"}


def test_executors_agree_in_the_library(tmp_path):
    folder = _mixed_folder(tmp_path)
    options = AuditOptions(glossaries=[GLOSSARY], record_field="text", record_id_field="path",
                           exclude=("in/drafts/*",), root=str(tmp_path))
    from mtqa.formatters import jsonout

    serial = jsonout.render(pipeline.run([str(folder)], options))
    parallel.MIN_FILES_PER_JOB, saved = 1, parallel.MIN_FILES_PER_JOB
    try:
        pooled = jsonout.render(pipeline.run([str(folder)], options, executor=parallel.pool(2)))
    finally:
        parallel.MIN_FILES_PER_JOB = saved
    assert pooled == serial


@pytest.mark.parametrize("tag, primary", [("id", "id"), ("id_ID", "id"), ("id-ID", "id"),
                                          ("ID", "id"), ("ind", "id"), ("zh-Hans-CN", "zh"),
                                          ("uk", "uk"), ("RU", "ru")])
def test_language_codes_are_normalised_once(tag, primary):
    assert normalise_language(tag) == primary
    assert AuditOptions(source_lang=tag).source_lang == primary


def test_unknown_language_is_an_error_naming_the_flag_or_the_file(tmp_path):
    with pytest.raises(LanguageError, match="--source-lang.*'xx'"):
        AuditOptions(source_lang="xx")
    out = CliRunner().invoke(main, ["check", "--source-lang", "klingon", str(tmp_path)])
    assert out.exit_code == 2 and "--source-lang" in out.output
    bad = tmp_path / "bad.xlf"
    bad.write_text(XLIFF.format(lang="qq-QQ", target="Kiev."))
    articles, errors = pipeline.read(str(bad), AuditOptions())
    assert not articles and errors[0].path == str(bad) and "'qq-QQ'" in errors[0].message


def test_source_lang_of_a_region_tag_runs_what_the_primary_runs():
    from mtqa.rules.phrase import packs

    text = "\n".join(e.example for p in packs() if p.language == "id" for e in p.entries) + "\n"

    def rules(lang):
        options = AuditOptions(source_lang=lang, select=("phrase",))
        articles, _ = pipeline.read_text(text, "a.txt", options)
        return sorted(f.rule for f in pipeline.audit_articles(articles, AuditContext(options))[0])

    assert rules("id_ID") == rules("id") == rules("ID")
    assert any(r.startswith("phrase-id-") for r in rules("id"))


def test_an_xliff_declaring_russian_runs_the_russian_packs_only(tmp_path):
    target = "Thousands of net friends praised the scenic spot. They moved in the city."
    options = AuditOptions(select=("phrase",))
    ru = pipeline.make_article(XLIFF.format(lang="ru-RU", target=target), "a.xlf")
    plain = pipeline.make_article(target + "\n", "a.txt")
    assert ru.source_lang == "ru" and plain.source_lang is None
    ctx = AuditContext(options)
    found_ru, found_plain = pipeline.audit_articles([ru, plain], ctx)
    assert any(f.rule.startswith("phrase-zh-") for f in found_plain)  # no language: defaults
    assert not any(f.rule.startswith(("phrase-zh-", "phrase-id-")) for f in found_ru)


def test_articles_are_complete_and_typed():
    xliff = pipeline.make_article(XLIFF.format(lang="uk", target="Kiev."), "a.xlf")
    assert xliff.record is None and xliff.origin.path == "a.xlf"
    assert xliff.segments and xliff.prose_runs and xliff.source is None
    articles, _ = pipeline.read_text(json.dumps({"id": 7, "body": "Kiev."}) + "\n", "f.jsonl",
                                     AuditOptions(source_lang="uk_UA"))
    record = articles[0].record
    assert (record.path, record.line, record.id) == ("f.jsonl", 1, "7")
    assert articles[0].source_lang == "uk"
