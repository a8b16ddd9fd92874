"""`mtqa compare`: metrics, changed lines, acted-on findings, folder pairing and bad input."""
import json

from click.testing import CliRunner

from mtqa.cli import main
from mtqa.commands.compare import Alignment, pair_paths

MT = ("Kyiv , Ukraine was shelled on Thursday.Second round talks began.\n"
      "\n"
      "The the minister said 280.000 people fled.\n"
      "Nothing changed here at all, said the the mayor.\n")
EDITED = ("Kyiv, Ukraine, was shelled on Thursday. Second round talks began.\n"
          "\n"
          "The minister said 280,000 people fled.\n"
          "Nothing changed here at all, said the the mayor.\n")


def run(*args):
    result = CliRunner().invoke(main, ["compare", *args])
    return result


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_compare_two_files_json_reports_metrics_lines_and_acted_on(tmp_path):
    mt = write(tmp_path / "mt.txt", MT)
    ed = write(tmp_path / "ed.txt", EDITED)
    result = run(mt, ed, "--format", "json", "--select", "punct", "--select", "locale")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    pair = doc["pairs"][0]
    assert set(pair["scores"]) == {"BLEU", "chrF", "TER"}
    assert 0 < pair["scores"]["BLEU"] < 100 and pair["scores"]["TER"] > 0
    assert all("version:" in sig for sig in doc["signatures"].values())
    acted = {(f["rule"], f["line"], f["text"]): f["acted_on"] for f in pair["findings"]}
    assert acted[("punct-space-before", 1, " ,")] is True
    assert acted[("punct-missing-space", 1, ".")] is True
    assert acted[("punct-repeated-word", 3, "The the")] is True
    assert acted[("locale-thousands-dot", 3, "280.000")] is True
    # the editor left the second "the the" alone
    assert acted[("punct-repeated-word", 4, "the the")] is False
    assert pair["changed_lines"][0]["line"] == 3
    assert pair["changed_lines"][0]["edited"] == "The minister said 280,000 people fled."
    assert all(c["line"] != 4 for c in pair["changed_lines"])  # unchanged line


def test_compare_identical_files_scores_perfectly_and_acts_on_nothing(tmp_path):
    mt = write(tmp_path / "mt.txt", MT)
    ed = write(tmp_path / "ed.txt", MT)
    doc = json.loads(run(mt, ed, "--format", "json", "--select", "punct").output)
    pair = doc["pairs"][0]
    assert pair["scores"]["BLEU"] == 100.0 and pair["scores"]["TER"] == 0.0
    assert pair["findings"] and not any(f["acted_on"] for f in pair["findings"])
    assert pair["changed_lines"] == [] and pair["changed_words"] == 0


def test_compare_folders_pairs_by_name_prints_rule_table_and_reports_unpaired(tmp_path):
    write(tmp_path / "mt" / "a.txt", MT)
    write(tmp_path / "ed" / "a.txt", EDITED)
    write(tmp_path / "mt" / "sub" / "b.txt", MT)
    write(tmp_path / "ed" / "sub" / "b.txt", MT)
    write(tmp_path / "mt" / "only-mt.txt", MT)
    write(tmp_path / "ed" / "only-edited.txt", EDITED)
    result = run(str(tmp_path / "mt"), str(tmp_path / "ed"), "--select", "punct-repeated-word")
    assert result.exit_code == 2
    out = result.output
    assert "all pairs: BLEU" in out and "signatures:" in out
    # 2 findings per pair; in a.txt one acted on, in b.txt none: 1 of 4
    assert "punct-repeated-word" in out and "25%" in out
    assert "only-mt.txt: error: no edited counterpart" in out
    assert "only-edited.txt: error: no MT counterpart" in out


def test_compare_bad_input_is_reported_and_the_rest_compared(tmp_path):
    write(tmp_path / "mt" / "a.txt", MT)
    write(tmp_path / "ed" / "a.txt", EDITED)
    write(tmp_path / "mt" / "b.txt", MT)
    (tmp_path / "ed" / "b.txt").write_bytes(b"caf\xe9\n")
    result = run(str(tmp_path / "mt"), str(tmp_path / "ed"), "--format", "json")
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert [p["mt"].rsplit("/", 1)[-1] for p in doc["pairs"]] == ["a.txt"]
    assert "not valid UTF-8" in doc["errors"][0]["message"]
    assert doc["errors"][0]["path"].endswith("b.txt")


def test_compare_rejects_a_file_with_a_folder_and_missing_paths(tmp_path):
    f = write(tmp_path / "a.txt", MT)
    result = run(f, str(tmp_path))
    assert result.exit_code == 2 and "two files or two folders" in result.output
    result = run(f, str(tmp_path / "missing.txt"))
    assert result.exit_code == 2 and "no such file or folder" in result.output


def test_alignment_survival_of_words_and_punctuation():
    a = Alignment("He met Zelskyy on Thursday.Second talks.", "He met Zelenskyy on Thursday. "
                  "Second talks.")
    mt = "He met Zelskyy on Thursday.Second talks."
    assert not a.survives(mt.index("Zelskyy"), mt.index("Zelskyy") + 7)
    assert a.survives(mt.index("He"), mt.index("He") + 2)
    dot = mt.index(".Second")
    assert not a.survives(dot, dot + 1)  # a space was inserted after it


def test_pair_paths_pairs_files_directly(tmp_path):
    a = write(tmp_path / "x.txt", MT)
    b = write(tmp_path / "y.md", EDITED)
    assert pair_paths(a, b) == ([(a, b)], [])


def test_compare_refuses_json_lines_with_a_clear_message(tmp_path):
    mt = write(tmp_path / "mt.jsonl", '{"body": "Kyiv , Ukraine."}\n')
    ed = write(tmp_path / "ed.jsonl", '{"body": "Kyiv, Ukraine."}\n')
    result = run(mt, ed)
    assert result.exit_code == 2 and "one file per article" in result.output
