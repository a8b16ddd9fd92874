"""One test (at least) per promise of docs/security.md, each reproducing an attack of issue 13
first: report folders, symlinks, special files, bounded reads, unreadable folders, `fix`
scope. (Cache attacks: tests/test_security_cache.py.)"""
import json
import os
import stat
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa.cli import main
from mtqa.inputs import collect, read_bytes

FIXTURES = Path(__file__).parent / "fixtures"
GLOSSARY = ["--no-pack", "all", "--glossary", str(FIXTURES / "glossary.yaml")]
MT = "Shelling hit Kharkov on Monday.\n"
posix = pytest.mark.skipif(os.name != "posix", reason="POSIX symlinks, FIFOs and modes")


def run(*args, input=None):
    return CliRunner().invoke(main, [*args], input=input, catch_exceptions=False)


@pytest.fixture
def stories(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "story.md").write_text(MT, encoding="utf-8")
    (folder / "other.txt").write_text(MT, encoding="utf-8")
    return folder


# ---- report output folder ---------------------------------------------------------------------

def test_report_into_the_input_folder_is_refused_and_writes_nothing(stories):
    before = {p.name: p.read_bytes() for p in stories.iterdir()}
    r = run("report", *GLOSSARY, str(stories), "-o", str(stories))
    assert r.exit_code == 2 and "inside the input" in r.stderr
    assert {p.name: p.read_bytes() for p in stories.iterdir()} == before


def test_report_beside_a_named_file_is_refused(stories, monkeypatch):
    monkeypatch.chdir(stories)
    r = run("report", *GLOSSARY, "story.md", "-o", ".")
    assert r.exit_code == 2 and (stories / "story.md").read_text() == MT


def test_new_report_folder_inside_the_inputs_is_marked_and_not_audited_later(stories):
    out = stories / "reports"
    assert run("report", *GLOSSARY, str(stories), "-o", str(out)).exit_code == 0
    assert (out / ".mtqa-report.json").exists()
    files, errors = collect([str(stories)])
    assert sorted(Path(f).name for f in files) == ["other.txt", "story.md"] and not errors
    # a second run into the folder mtqa created is fine
    assert run("report", *GLOSSARY, str(stories), "-o", str(out)).exit_code == 0


@posix
def test_report_never_writes_through_a_planted_symlink(stories, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "reports"
    assert run("report", *GLOSSARY, str(stories / "other.txt"), "-o", str(out)).exit_code == 0
    page = out / "other.html"
    page.unlink()
    page.symlink_to(victim)  # a pull request adds reports/other.html -> ../victim.txt
    assert run("report", *GLOSSARY, str(stories / "other.txt"), "-o", str(out)).exit_code == 0
    assert victim.read_text() == "precious"
    assert not page.is_symlink() and "Kharkov" in page.read_text()


@posix
def test_report_folder_that_is_a_symlink_is_refused(stories, tmp_path):
    real = tmp_path / "elsewhere"
    real.mkdir()
    (tmp_path / "reports").symlink_to(real)
    r = run("report", *GLOSSARY, str(stories), "-o", str(tmp_path / "reports"))
    assert r.exit_code == 2 and "symlink" in r.stderr and list(real.iterdir()) == []


def test_report_folder_that_is_a_file_or_holds_foreign_files(stories, tmp_path):
    blocker = tmp_path / "out.txt"
    blocker.write_text("x")
    r = run("report", *GLOSSARY, str(stories), "-o", str(blocker))
    assert r.exit_code == 2 and "is a file" in r.stderr
    out = tmp_path / "out"
    out.mkdir()
    (out / "story.html").write_text("someone's page")
    r = run("report", *GLOSSARY, str(stories), "-o", str(out))
    assert r.exit_code == 2 and "not written by mtqa" in r.stderr
    assert (out / "story.html").read_text() == "someone's page"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_report_folder_is_a_clear_error(stories, tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(stat.S_IRUSR | stat.S_IXUSR)
    r = run("report", *GLOSSARY, str(stories), "-o", str(out))
    assert r.exit_code == 2 and "not writable" in r.stderr


def test_impossible_report_folder_is_a_clear_error(stories, tmp_path):
    r = run("report", *GLOSSARY, str(stories), "-o", str(tmp_path / ("x" * 300)))
    assert r.exit_code == 2 and "report folder" in r.stderr and "Traceback" not in r.output


def test_stale_pages_of_an_earlier_run_are_removed_but_nothing_else(stories, tmp_path):
    out = tmp_path / "reports"
    assert run("report", *GLOSSARY, str(stories), "-o", str(out)).exit_code == 0
    assert (out / "other.html").exists()
    (out / "keep.txt").write_text("mine")
    assert run("report", *GLOSSARY, str(stories / "story.md"), "-o", str(out)).exit_code == 0
    assert not (out / "other.html").exists() and (out / "story.html").exists()
    assert (out / "keep.txt").read_text() == "mine"


def test_forged_marker_cannot_point_outside(stories, tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (out / ".mtqa-report.json").write_text(json.dumps(
        {"tool": "mtqa", "files": ["../victim.txt", str(victim)]}))
    assert run("report", *GLOSSARY, str(stories), "-o", str(out)).exit_code == 0
    assert victim.read_text() == "precious"


def test_page_names_never_collide(tmp_path):
    root = tmp_path / "in"
    for rel in ("story.txt", "a/story.txt", "a/story-2.txt", "b/story.txt", "index.txt",
                "c/story.md", "x" * 247 + ".txt"):  # a 251-byte file name
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(MT + rel, encoding="utf-8")
    out = tmp_path / "out"
    assert run("report", *GLOSSARY, str(root), "-o", str(out)).exit_code == 0
    pages = sorted(p.name for p in out.glob("*.html"))
    assert len(pages) == 7 + 1 and "index.html" in pages
    index = (out / "index.html").read_text()
    texts = set()
    for page in pages:
        if page != "index.html":
            data = json.loads((out / page.replace(".html", ".json")).read_text())
            texts.add(data["path"])
            assert len(page.encode()) < 120
    assert len(texts) == 7
    # stable: the same inputs give the same names
    assert run("report", *GLOSSARY, str(root), "-o", str(out)).exit_code == 0
    assert sorted(p.name for p in out.glob("*.html")) == pages
    assert all(page in index for page in pages if page != "index.html")  # every page linked


# ---- symlinks and special files ------------------------------------------------------------

@posix
def test_walk_does_not_follow_symlinks_outside_the_root(tmp_path):
    secret = tmp_path / "secret.env"
    secret.write_text("API_KEY=hunter2 Kharkov")
    root = tmp_path / "articles"
    root.mkdir()
    (root / "a.txt").write_text(MT)
    (root / "notes.txt").symlink_to(secret)        # to a file outside
    (root / "inside.txt").symlink_to(root / "a.txt")  # to a file inside: fine
    (root / "outdir").symlink_to(tmp_path)         # folders: never entered
    files, errors = collect([str(root)])
    assert sorted(Path(f).name for f in files) == ["a.txt", "inside.txt"]
    assert [Path(e.path).name for e in errors] == ["notes.txt"]
    assert "outside" in errors[0].message
    out = tmp_path / "reports"
    r = run("report", *GLOSSARY, str(root), "-o", str(out))
    assert r.exit_code == 2 and "notes.txt" in r.stderr
    assert not any("hunter2" in p.read_text() for p in out.iterdir() if p.is_file())


@posix
def test_fix_does_not_write_through_a_symlink_outside_the_folder(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(MT)
    root = tmp_path / "articles"
    root.mkdir()
    (root / "a.txt").write_text(MT)
    (root / "b.txt").symlink_to(outside)
    r = run("fix", *GLOSSARY, str(root))
    assert r.exit_code == 2
    assert outside.read_text() == MT and "Kharkiv" in (root / "a.txt").read_text()


@posix
def test_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    result = {}

    def audit():
        result["r"] = run("check", *GLOSSARY, str(fifo))

    worker = threading.Thread(target=audit, daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "mtqa blocked on a FIFO"
    assert result["r"].exit_code == 2 and "not a regular file" in result["r"].stderr
    files, errors = collect([str(tmp_path)])
    assert files == [] and "not a regular file" in errors[0].message


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_device_behind_an_article_name_is_refused(tmp_path):
    link = tmp_path / "x.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(ValueError, match="not a regular file"):
        read_bytes(str(link))


def test_stdin_is_bounded_like_files(monkeypatch):
    monkeypatch.setenv("MTQA_MAX_INPUT_MB", "0.01")  # ~10 KB
    r = run("check", *GLOSSARY, "-", input="Kharkov was shelled. " * 2000)
    assert r.exit_code == 2 and "larger than" in r.stderr


def test_file_limit_is_configurable(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("Kharkov was shelled. " * 2000)
    monkeypatch.setenv("MTQA_MAX_INPUT_MB", "0.01")
    r = run("check", *GLOSSARY, str(big))
    assert r.exit_code == 2 and "larger than" in r.stderr


def test_default_article_limit_is_one_megabyte(tmp_path, monkeypatch):
    # 1 MB (~170,000 words) is 15 times the longest news feature; above it the 5-second
    # promise would not hold. The bytes of the limit are read; one byte more is refused,
    # naming the file and the limit, and the rest of the batch is still audited.
    monkeypatch.delenv("MTQA_MAX_INPUT_MB", raising=False)
    at_limit = tmp_path / "at-limit.txt"
    at_limit.write_bytes(b"a" * (1024 * 1024))
    assert len(read_bytes(str(at_limit))) == 1024 * 1024
    over = tmp_path / "over.txt"
    over.write_bytes(b"a" * (1024 * 1024 + 1))
    with pytest.raises(ValueError, match=r"larger than 1 MB"):
        read_bytes(str(over))
    small = tmp_path / "small.txt"
    small.write_text(MT)
    r = run("check", *GLOSSARY, "--format", "json", str(over), str(small))
    assert r.exit_code == 2 and "over.txt" in r.stderr and "larger than 1 MB" in r.stderr
    assert [f["path"] for f in json.loads(r.stdout)["files"]] == [str(small)]
    monkeypatch.setenv("MTQA_MAX_INPUT_MB", "2")  # users who accept slower runs raise it
    assert len(read_bytes(str(over))) == 1024 * 1024 + 1


def test_feed_record_is_bounded_like_a_file(tmp_path, monkeypatch):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "1", "body": "Kharkov. " * 3000}) + "\n"
                    + json.dumps({"id": "2", "body": MT}) + "\n")
    monkeypatch.setenv("MTQA_MAX_INPUT_MB", "0.01")
    r = run("check", *GLOSSARY, "--format", "json", str(feed))
    assert r.exit_code == 2 and "feed.jsonl:1" in r.stderr and "larger than" in r.stderr
    assert len(json.loads(r.stdout)["files"]) == 1


def test_unreadable_sub_folder_is_an_error(tmp_path, monkeypatch):
    root = tmp_path / "articles"
    (root / "locked").mkdir(parents=True)
    (root / "a.txt").write_text(MT)
    (root / "locked" / "b.txt").write_text(MT)
    real_scandir = os.scandir

    def scandir(path):  # as for chmod 000 (root would read it anyway)
        if str(path).rstrip(os.sep).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    r = run("check", *GLOSSARY, str(root))
    assert r.exit_code == 2 and "locked" in r.stderr and "permission denied" in r.stderr
    assert "a.txt" in r.stdout  # the rest is still audited


def test_fix_honours_the_configured_exclude(tmp_path, monkeypatch):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.txt").write_text(MT)
    (tmp_path / "a.txt").write_text(MT)
    (tmp_path / "mtqa.toml").write_text('exclude = ["drafts/**"]\n')
    monkeypatch.chdir(tmp_path)
    r = run("fix", *GLOSSARY, ".")
    assert r.exit_code == 0
    assert (tmp_path / "drafts" / "d.txt").read_text() == MT
    assert "Kharkiv" in (tmp_path / "a.txt").read_text()


# ---- crashes are per-file errors (exit 2), never exit 1 with a traceback -------------------

def test_deeply_nested_feed_record_is_one_error(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "1", "body": "Kiev.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
                    + json.dumps({"id": "2", "body": MT}) + "\n")
    r = run("check", *GLOSSARY, "--format", "json", str(feed))
    assert r.exit_code == 2 and "feed.jsonl:1" in r.stderr and "nested too deeply" in r.stderr
    assert len(json.loads(r.stdout)["files"]) == 1


def test_lone_surrogate_in_a_feed_body_is_printed_and_reported(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "1", "body": "Kharkov \\ud800 talks."}\n', encoding="utf-8")
    r = run("check", *GLOSSARY, "--format", "json", str(feed))
    assert r.exit_code == 1 and json.loads(r.stdout)["files"][0]["findings"]
    out = tmp_path / "out"
    r = run("report", *GLOSSARY, str(feed), "-o", str(out))
    assert r.exit_code == 0 and (out / "index.html").exists()


def test_unexpected_error_in_one_file_is_exit_2_and_the_rest_is_printed(tmp_path, monkeypatch):
    from mtqa import pipeline

    (tmp_path / "a.txt").write_text(MT)
    (tmp_path / "boom.txt").write_text(MT)
    real = pipeline.audit

    def audit(article, ctx, release=True):
        if article.path.endswith("boom.txt"):
            raise RuntimeError("rule exploded")
        return real(article, ctx, release)

    monkeypatch.setattr(pipeline, "audit", audit)
    r = run("check", *GLOSSARY, "--fail-on", "never", str(tmp_path))
    assert r.exit_code == 2 and "boom.txt" in r.stderr and "rule exploded" in r.stderr
    assert "a.txt" in r.stdout and "Traceback" not in r.output


def test_closed_stdin_is_an_error_not_a_crash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(ValueError, match="stdin is closed"):
        read_bytes("-")


@posix
def test_lost_worker_is_retried_in_process(tmp_path, monkeypatch):
    from mtqa import parallel, pipeline

    for i in range(70):
        (tmp_path / f"s{i:02}.txt").write_text(MT)
    parent = os.getpid()
    real = pipeline.process

    def process(item, ctx, release=True):
        if str(item).endswith("s33.txt") and os.getpid() != parent:
            os.kill(os.getpid(), 9)  # as the OOM killer would
        return real(item, ctx, release)

    monkeypatch.setattr(pipeline, "process", process)
    monkeypatch.setattr(parallel, "MIN_FILES_PER_JOB", 2)
    r = run("check", *GLOSSARY, "--jobs", "2", "--format", "json", str(tmp_path))
    assert r.exit_code == 1, r.stderr
    assert len(json.loads(r.stdout)["files"]) == 70


# ---- encodings -------------------------------------------------------------------------------

@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                       ("utf-32-le", b"\xff\xfe\x00\x00"),
                                       ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_utf16_and_utf32_with_bom_are_read_and_fixed_in_their_encoding(tmp_path, codec, bom):
    path = tmp_path / "story.txt"
    path.write_bytes(bom + MT.encode(codec))
    r = run("check", *GLOSSARY, "--format", "json", str(path))
    assert r.exit_code == 1 and json.loads(r.stdout)["files"][0]["findings"][0]["rule"] \
        == "name-incorrect"
    assert run("fix", *GLOSSARY, str(path)).exit_code == 0
    data = path.read_bytes()
    assert data.startswith(bom) and data[len(bom):].decode(codec) == MT.replace("Kharkov", "Kharkiv")


def test_utf16_without_bom_is_refused_naming_the_encoding(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(MT.encode("utf-16-le"))
    r = run("check", *GLOSSARY, str(path))
    assert r.exit_code == 2 and "UTF-16" in r.stderr


# ---- glossary fixes that contain their own wrong form ---------------------------------------

SELF_CONTAINING = """entries:
  - name: Kyiv
    type: place
    incorrect:
      - {form: Kiev, fix: "Kyiv (Kiev)"}
"""


def test_glossary_check_rejects_a_fix_containing_its_wrong_form(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text(SELF_CONTAINING)
    r = run("glossary", "check", str(path))
    assert r.exit_code == 2 and "contains the wrong form 'Kiev'" in r.stderr
    tsv = tmp_path / "house.tsv"
    tsv.write_text("name\ttype\tincorrect\nKyiv\tplace\tKiev=>Kyiv (Kiev)\n")
    assert run("glossary", "check", str(tsv)).exit_code == 2


def test_loader_refuses_such_a_fix_and_fix_writes_nothing(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text(SELF_CONTAINING)
    story = tmp_path / "story.txt"
    story.write_text("Talks in Kiev.\n")
    r = run("fix", "--no-pack", "all", "--glossary", str(path), str(story))
    assert r.exit_code == 2 and story.read_text() == "Talks in Kiev.\n"
    # a fix that merely resembles the form is fine
    path.write_text(SELF_CONTAINING.replace("Kyiv (Kiev)", "Kyiv (Kyivan)"))
    assert run("glossary", "check", str(path)).exit_code == 0


# ---- invisible characters inside names --------------------------------------------------------

def test_invisible_char_rule_examples():
    from mtqa.api import audit_articles
    from mtqa.article import Article
    from mtqa.engine import AuditOptions
    from mtqa.rules.text_invisible_char import InvisibleCharacter

    options = AuditOptions(select=["text-invisible-char"])
    for example in InvisibleCharacter.examples["flag"]:
        text = example["text"] if isinstance(example, dict) else example
        (result,) = audit_articles([Article(text, path="x.txt")], options)
        assert [f.rule for f in result.findings] == ["text-invisible-char"], text
        if isinstance(example, dict) and "fixed" in example:
            f = result.findings[0]
            fixed = text[:f.start] + f.suggestions[0] + text[f.end:]
            assert fixed == example["fixed"] and f.safe
    for text in InvisibleCharacter.examples["leave"]:
        (result,) = audit_articles([Article(text, path="x.txt")], options)
        assert result.findings == [], text


def test_zero_width_char_cannot_smuggle_a_wrong_name_through(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Shelling hit Khar\u200bkov on Monday.\n", encoding="utf-8")
    r = run("check", *GLOSSARY, "--format", "json", str(story))
    assert r.exit_code == 1
    # the name rule reads through the character (hardening: Article.name_views) and leads; the
    # character's own finding is the same problem, folded in as related evidence
    (finding,) = json.loads(r.stdout)["files"][0]["findings"]
    assert finding["rule"] == "name-incorrect" and finding["column"] == 14
    assert [r["rule"] for r in finding["related"]] == ["text-invisible-char"]
    assert run("fix", *GLOSSARY, str(story)).exit_code == 0
    assert story.read_text(encoding="utf-8") == "Shelling hit Kharkiv on Monday.\n"


@pytest.mark.parametrize("depth", [20, 60])
def test_deep_markdown_block_quote_is_audited(tmp_path, depth):
    story = tmp_path / "story.md"
    story.write_text("> " * depth + "Shelling hit Kharkov.\n")
    r = run("check", *GLOSSARY, "--format", "json", str(story))
    assert r.exit_code == 1 and json.loads(r.stdout)["files"][0]["findings"]


def test_markdown_too_deep_to_read_is_reported_not_skipped(tmp_path):
    story = tmp_path / "story.md"
    story.write_text("> " * 400 + "Shelling hit Kharkov.\n")
    r = run("check", *GLOSSARY, str(story))
    assert r.exit_code == 2 and "nested more than" in r.stderr and "not audited" in r.stderr


def test_existing_report_folder_beside_a_named_file_is_fine(stories, monkeypatch):
    monkeypatch.chdir(stories)
    (stories / "reports").mkdir()  # e.g. written by an older mtqa, no marker
    r = run("report", *GLOSSARY, "story.md")
    assert r.exit_code == 0 and (stories / "reports" / "story.html").exists()
    assert (stories / "story.md").read_text() == MT
