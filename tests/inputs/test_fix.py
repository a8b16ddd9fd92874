import os
import stat

from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings, strategies as st

from mtqa.article import Article
from mtqa.cli import main
from mtqa.finding import SAFE, UNSAFE, Finding, Fix
from mtqa.fix import apply_edits, choose_edits, fix_file, fix_text, restore_bytes

from tests.inputs.conftest import GLOSSARY


def _finding(start, end, new, rule="r-a", safe=True):
    return Finding(rule, "fluency/spelling", "minor", start, end, "m", [new],
                   Fix.replace(start, end, new, SAFE if safe else UNSAFE))


def test_safe_fixes_keep_letter_case_and_exceptions(ctx):
    text = "Kiev is big. KIEV! Kiev's mayor met Chicken Kiev fans in Kharkov.\n"
    result = fix_text(text, "a.txt", ctx)
    assert result.after == "Kyiv is big. KYIV! Kyiv's mayor met Chicken Kiev fans in Kharkiv.\n"
    assert [(a.line, a.column, a.old, a.new) for a in result.applied] == [
        (1, 1, "Kiev", "Kyiv"), (1, 14, "KIEV", "KYIV"), (1, 20, "Kiev", "Kyiv"),
        (1, 58, "Kharkov", "Kharkiv")]


def test_unsafe_fixes_only_when_asked(ctx):
    text = "Bucha was shelled. People in Bucha hid. Buchi is far.\n"
    safe = fix_text(text, "a.txt", ctx)
    assert safe.after == text and safe.remaining >= 1
    unsafe = fix_text(text, "a.txt", ctx, unsafe=True)
    assert unsafe.after == "Bucha was shelled. People in Bucha hid. Bucha is far.\n"
    assert not unsafe.applied[0].safe


def test_overlapping_fixes_earliest_then_longest_then_rule():
    a = Article("abcdefgh")
    edits = choose_edits(a, [_finding(2, 4, "X", "r-b"), _finding(0, 3, "Y", "r-c"),
                             _finding(0, 2, "Z", "r-a"), _finding(4, 6, "W", "r-b"),
                             _finding(4, 6, "V", "r-a"), _finding(6, 6, "!", "r-a"),
                             _finding(7, 7, "?", "r-a")])
    assert [(e.start, e.end, e.new) for e in edits] == [(0, 3, "Y"), (4, 6, "V"), (6, 6, "!"),
                                                        (7, 7, "?")]
    assert apply_edits(a.original, edits) == "YdV!g?h"


def test_replacements_are_escaped_in_markup_files():
    a = Article("AT and T")
    edits = choose_edits(a, [_finding(0, 8, "AT&T <x>")], suffix=".html")
    assert edits[0].new == "AT&amp;T &lt;x&gt;"


# Texts built from glossary forms, case variants, punctuation and exception phrases.
_PIECES = st.sampled_from(["Kiev", "KIEV", "Kyiv", "kiev", "Kharkov", "Chicken Kiev",
                           "Kievan Rus'", "Kiev's", "Azov Sea", "Bucha", "Buchi", "mayor",
                           "said", ",", ".", "“", "”", "the", "Mikhail Podolyak", "Hostomel",
                           "Gostomel", "Ukraine", "\n"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PIECES, min_size=1, max_size=25), st.sampled_from(["a.txt", "a.md"]),
       st.booleans())
# found by Hypothesis with a random seed: the first run withdrew "kiev kiev" -> "kiev" because,
# beside the not yet fixed "Kiev", it made "kiev Kiev"; a second run applied it (fix_article
# now runs afresh from its result until that is a fixed point)
@example(["kiev", "kiev", "Kiev", "kiev"], "a.txt", True)
@example(["kiev", "kiev", "Kiev", "kiev"], "a.md", True)
def test_a_second_run_changes_nothing(ctx, pieces, name, unsafe):
    text = " ".join(pieces) + "\n"
    first = fix_text(text, name, ctx, unsafe=unsafe)
    second = fix_text(first.after, name, ctx, unsafe=unsafe)
    assert first.converged
    assert second.after == first.after and not second.applied


def test_line_endings_and_bom_survive():
    raw = "\ufeffOne Kiev.\r\nTwo.\nThree.\r\n".encode("utf-8")
    assert restore_bytes(raw, "One Kyiv.\nTwo.\nThree.\n") == \
        "\ufeffOne Kyiv.\r\nTwo.\nThree.\r\n".encode("utf-8")


def test_write_is_atomic_and_keeps_permissions(tmp_path, ctx):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Kiev today.\r\n")
    os.chmod(path, 0o640)
    result, errors, _ = fix_file(str(path), ctx)
    assert not errors and result.changed
    assert path.read_bytes() == b"Kyiv today.\r\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert os.listdir(tmp_path) == ["a.txt"]


def test_failed_replace_leaves_the_file_whole_and_no_temp_file(tmp_path, ctx, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("Kiev today.\n")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result, errors, _ = fix_file(str(path), ctx)
    assert result is None and "No space left on device" in errors[0].message
    assert path.read_text() == "Kiev today.\n"
    assert os.listdir(tmp_path) == ["a.txt"]


def _run(args, input=None):
    return CliRunner().invoke(main, ["fix", "--glossary", GLOSSARY] + args, input=input)


def test_cli_fixes_files_reports_them_and_goes_on_after_errors(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("# Kiev\n\nIn Kharkov, `Kiev` stays.\n")
    clean = tmp_path / "clean.txt"
    clean.write_text("Nothing to fix here.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe bad bytes")
    out = _run([str(bad), str(good), str(clean), str(tmp_path / "missing.txt")])
    assert out.exit_code == 2
    assert good.read_text() == "# Kyiv\n\nIn Kharkiv, `Kiev` stays.\n"
    assert f"{good}:1:3: fixed name-incorrect: “Kiev” → “Kyiv”" in out.output
    assert f"{good}:3:4: fixed name-incorrect: “Kharkov” → “Kharkiv”" in out.output
    assert f"{bad}: error: not valid UTF-8" in out.output
    assert "missing.txt: error: no such file" in out.output
    assert "Fixed 2 problems in 1 of 3 files" in out.output


def test_cli_read_only_file_is_an_error_and_unchanged(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kiev.\n")
    os.chmod(path, 0o444)
    out = _run([str(path)])
    assert out.exit_code == 2 and "read-only" in out.output
    assert path.read_text() == "Kiev.\n"


def test_cli_diff_changes_nothing_and_exits_1_when_something_would_change(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kiev and Kharkov.\n")
    out = _run(["--diff", str(path)])
    assert out.exit_code == 1
    assert "-Kiev and Kharkov.\n+Kyiv and Kharkiv.\n" in out.stdout
    assert path.read_text() == "Kiev and Kharkov.\n"
    assert "Would fix 2 problems in 1 of 1 file" in out.stderr
    _run([str(path)])
    out = _run(["--diff", str(path)])
    assert out.exit_code == 0 and out.stdout == ""


def test_cli_stdin_writes_fixed_text_to_stdout():
    out = _run(["-"], input="Kiev and `Kiev`\n")
    assert out.exit_code == 0
    assert out.stdout == "Kyiv and `Kiev`\n"  # inline code is never fixed, in any format
    out = _run(["-", "--stdin-filename", "x.md"], input="Kiev and `Kiev`\n")
    assert out.stdout == "Kyiv and `Kiev`\n"


def test_cli_fixes_json_lines_records_in_place(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": 1, "body": "Kiev \\u00e9t\\u00e9", "x": "Kiev"}\n'
                    '{"id": 2, "body": "Calm."}\n')
    out = _run([str(path)])
    assert out.exit_code == 0, out.output
    assert path.read_text() == ('{"id": 1, "body": "Kyiv \\u00e9t\\u00e9", "x": "Kiev"}\n'
                                '{"id": 2, "body": "Calm."}\n')
    assert f"{path}:1:20: fixed name-incorrect [1]: “Kiev” → “Kyiv”" in out.output


def test_cli_fixes_xliff_targets_only(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text('<xliff version="1.2"><file source-language="uk" target-language="en">'
                    '<body><trans-unit id="1"><source>Kiev</source><target>Kiev &amp; '
                    'Kharkov</target></trans-unit></body></file></xliff>\n')
    out = _run([str(path)])
    assert out.exit_code == 0, out.output
    assert "<source>Kiev</source><target>Kyiv &amp; Kharkiv</target>" in path.read_text()
