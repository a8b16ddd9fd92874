"""--source end to end: pairing rule, language from the script, bad sources, outputs."""
import json

from click.testing import CliRunner

from mtqa.cli import main
from mtqa.source.align import align_sentences
from mtqa.source.language import detect
from mtqa.source.pairing import plan

UK_SOURCE = "Російські війська залишили Гостомель у березні.\nУ 2022 році в місті загинули 45 людей.\n"
MT = "Russian troops left Gostomel in March.\nIn 2022, 54 people were killed in the city.\n"


def _tree(tmp_path, source_name="desk/a.uk.txt", source=UK_SOURCE):
    mt = tmp_path / "mt" / "desk"
    mt.mkdir(parents=True)
    (mt / "a.txt").write_text(MT, encoding="utf-8")
    (mt / "b.txt").write_text("Nothing to compare here.\n", encoding="utf-8")
    src = tmp_path / "src" / source_name
    src.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(source, bytes):
        src.write_bytes(source)
    else:
        src.write_text(source, encoding="utf-8")
    return tmp_path / "mt", tmp_path / "src", src


def _check(*args):
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "json",
                                       "--select", "source", *map(str, args)])
    return result, json.loads(result.stdout) if result.stdout.strip().startswith("{") else None


def test_language_from_the_script():
    assert detect("Київ і Харків")[0] == "uk"
    assert detect("Москва и Санкт-Петербург объявили подъём")[0] == "ru"
    assert detect("北京")[0] == "zh"
    assert detect("Jakarta hari ini")[0] is None
    assert detect("Київ", "ru") == ("ru", "--source-lang")


def test_pairing_by_relative_path_and_stem(tmp_path):
    mt, src, source_file = _tree(tmp_path)
    (src / "desk" / "orphan.txt").write_text("Сирота.\n", encoding="utf-8")
    targets = [str(mt / "desk" / "a.txt"), str(mt / "desk" / "b.txt")]
    kept, result = plan([str(mt)], targets, str(src))
    assert kept == targets
    assert result.pairs == {targets[0]: str(source_file)}
    assert result.problems[targets[1]] == "source not available"
    assert [p for p, _ in result.warnings] == [str(src / "desk" / "orphan.txt")]


def test_ambiguous_sources_pair_with_nothing(tmp_path):
    mt, src, _ = _tree(tmp_path)
    (src / "desk" / "a.ru.txt").write_text("Другой.\n", encoding="utf-8")
    target = str(mt / "desk" / "a.txt")
    _, result = plan([str(mt)], [target], str(src))
    assert target not in result.pairs and "several sources" in result.problems[target]


def test_check_with_a_source_folder(tmp_path):
    mt, src, source_file = _tree(tmp_path)
    result, doc = _check("--source", src, mt)
    assert result.exit_code == 1
    a, b = doc["files"]
    assert a["source"].startswith(str(source_file)) and "uk (script" in a["source"]
    assert b["source"] == "source not available"
    rules = {f["rule"]: f for f in a["findings"]}
    assert rules["source-name"]["suggestions"] == ["Hostomel"]
    assert rules["source-name"]["source"]["text"] == "Гостомель"
    assert rules["source-name"]["source"]["path"] == str(source_file)
    assert (rules["source-name"]["source"]["line"], rules["source-name"]["source"]["column"]) == (1, 28)
    assert rules["source-number"]["source"]["line"] == 2
    assert not (tmp_path / "src" / "desk").joinpath("a.txt").exists()  # nothing written


def test_without_source_the_output_has_no_source_fields(tmp_path):
    mt, _, _ = _tree(tmp_path)
    result, doc = _check(mt)
    assert all("source" not in f for f in doc["files"])
    assert all(not g["rule"].startswith("source-") for f in doc["files"] for g in f["findings"])


def test_sarif_related_location(tmp_path):
    mt, src, source_file = _tree(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-config", "--format", "sarif", "--select",
                                       "source", "--source", str(src), str(mt)])
    doc = json.loads(result.stdout)
    related = [r["relatedLocations"][0] for r in doc["runs"][0]["results"]
               if r.get("relatedLocations")]
    assert related and related[0]["physicalLocation"]["artifactLocation"]["uri"].endswith("a.uk.txt")


def test_unreadable_source_names_both_files_and_exits_2(tmp_path):
    mt, src, source_file = _tree(tmp_path, source=b"\xff\xfe\x00binary\x00")
    result, doc = _check("--source", src, mt)
    assert result.exit_code == 2
    assert str(source_file) in result.stderr and "a.txt" in result.stderr
    a = doc["files"][0]
    assert a["source"].startswith("source not available")
    assert a["words"] > 0  # the target was still audited
    # ... so no output counts it as "not audited": the error says its article was audited
    assert [e["audited"] for e in doc["errors"]] == [True]
    text = CliRunner().invoke(main, ["check", "--no-config", "--select", "source",
                                     "--source", str(src), str(mt)])
    summary = text.stdout.strip().splitlines()[-1]
    assert "1 source not read" in summary and "not audited" not in summary
    github = CliRunner().invoke(main, ["check", "--no-config", "--format", "github",
                                       "--select", "source", "--source", str(src), str(mt)])
    assert "audited without its source: source " in github.stdout


def test_an_unreadable_target_is_still_not_audited(tmp_path):
    mt, src, _ = _tree(tmp_path)
    (mt / "desk" / "c.txt").write_bytes(b"caf\xe9\n")
    result, doc = _check("--source", src, mt)
    assert result.exit_code == 2
    assert [(e["path"].endswith("c.txt"), e["audited"]) for e in doc["errors"]] == [(True, False)]


def test_empty_source_and_paragraph_mismatch_warn_and_go_on(tmp_path):
    mt, src, source_file = _tree(tmp_path, source="   \n")
    result, doc = _check("--source", src, mt)
    assert result.exit_code == 0 and "empty" in doc["files"][0]["source"]
    mt2, src2, source2 = _tree(tmp_path / "two", source="Один абзац про Гостомель.\n")
    result, doc = _check("--source", src2, mt2)
    assert result.exit_code == 0
    assert "paragraph count differs" in doc["files"][0]["source"]
    assert str(source2) in result.stderr


def test_single_source_file_with_one_target(tmp_path):
    mt, src, source_file = _tree(tmp_path)
    result, doc = _check("--source", source_file, mt / "desk" / "a.txt")
    assert any(f["rule"] == "source-name" for f in doc["files"][0]["findings"])


def test_jsonl_source_field(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "1", "text": MT, "src": UK_SOURCE}, ensure_ascii=False)
                    + "\n", encoding="utf-8")
    result, doc = _check("--source-field", "src", feed)
    rules = [f["rule"] for f in doc["files"][0]["findings"]]
    assert "source-name" in rules and "source-number" in rules


def test_config_source_key(tmp_path, monkeypatch):
    mt, src, _ = _tree(tmp_path)
    (tmp_path / "mtqa.toml").write_text('source = "src"\nselect = ["source"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json", "mt"])
    doc = json.loads(result.stdout)
    assert any(f["rule"] == "source-name" for f in doc["files"][0]["findings"])


def test_alignment_pairs_sentences_and_shows_a_dropped_one():
    src = "Перше речення тут. Друге речення набагато довше за перше і має багато слів. Третє."
    spans_src = [(0, 18), (19, 75), (76, len(src))]
    model = {"c": 1.07, "s2": 2.0}
    full = "The first sentence here. The second sentence is much longer than the first one. Third."
    beads = align_sentences(spans_src, [(0, 24), (25, 80), (81, len(full))], src, full, model)
    assert [(b.n_source, b.n_target) for b in beads] == [(1, 1), (1, 1), (1, 1)]
    assert all(b.confident for b in beads)
    # the long second sentence dropped: its bead is far too short for its source
    short = "The first sentence here. Third."
    beads = align_sentences(spans_src, [(0, 24), (25, len(short))], src, short, model)
    assert sum(b.n_source for b in beads) == 3
    assert min(b.z for b in beads) < -3


def test_fix_applies_the_source_name(tmp_path):
    mt, src, _ = _tree(tmp_path)
    result = CliRunner().invoke(main, ["fix", "--no-config", "--unsafe", "--select",
                                       "source-name", "--source", str(src), str(mt)])
    assert result.exit_code == 0, result.output
    assert "Hostomel" in (mt / "desk" / "a.txt").read_text(encoding="utf-8")


def _many_pairs(tmp_path, n=70):
    """n targets, each paired with its source: enough files for --jobs 2 to start workers."""
    mt, src = tmp_path / "mt", tmp_path / "src"
    mt.mkdir()
    src.mkdir()
    for i in range(n):
        (mt / f"a{i:02d}.txt").write_text(MT, encoding="utf-8")
        (src / f"a{i:02d}.uk.txt").write_text(UK_SOURCE, encoding="utf-8")
    return mt, src


def test_workers_see_the_source_as_one_process_does(tmp_path):
    # the pairing is made once per run and the read step attaches each source, in whichever
    # process reads the target (mtqa.pipeline.read_text)
    from mtqa.parallel import effective_jobs

    mt, src = _many_pairs(tmp_path)
    assert effective_jobs(2, 70) == 2
    serial, one = _check("--jobs", "1", "--source", src, mt)
    pooled, two = _check("--jobs", "2", "--source", src, mt)
    assert serial.stdout == pooled.stdout
    assert all({"source-name", "source-number"} <= {f["rule"] for f in f_["findings"]}
               for f_ in two["files"])
