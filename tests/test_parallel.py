"""--jobs N gives exactly the output of one process, in the same order, batch rules included."""
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa import parallel
from mtqa.api import check_paths
from mtqa.cli import main
from mtqa.engine import AuditOptions

FIXTURES = Path(__file__).parent / "fixtures"
GLOSSARY = str(FIXTURES / "glossary.yaml")

ARTICLES = [
    "Mikhail Podolyak said the talks in Kiev were over. Zelskyy agreed.",
    "Mykhailo Podolyak, an adviser, met Governor Chernihiv on Monday.",
    "Troops left Gostomel and Hostomel airport. Bucha and Buchi were shelled.",
    "Shelling in Kharkov and Oktyrka continued, officials in Kyiv said.",
    "Mykhailo Podolyak spoke again about Kherson.",
    "The weather in Austria and Australia was fine.",
]


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    # small batches normally run in one process; make every file count as a job's worth
    monkeypatch.setattr(parallel, "MIN_FILES_PER_JOB", 1)
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(40):
        (folder / f"a{i:02d}.txt").write_text(ARTICLES[i % len(ARTICLES)] + f"\nItem {i}.\n",
                                             encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Caf\xe9 in Kiev".encode("latin-1"))
    return folder


def _json(batch):
    from mtqa.formatters import jsonout

    return jsonout.render(batch)


@pytest.mark.parametrize("jobs", [2, 3])
def test_jobs_output_identical_to_one_process(corpus, jobs):
    options = AuditOptions(glossaries=[GLOSSARY])
    single = check_paths([str(corpus)], options, jobs=1)
    multi = check_paths([str(corpus)], options, jobs=jobs)
    assert _json(multi) == _json(single)
    doc = json.loads(_json(single))
    # (a finding folded into another on the same problem is kept in "related": mtqa.merge)
    rules = {g["rule"] for file in doc["files"] for f in file["findings"]
             for g in [f, *f.get("related", [])]}
    # the batch rule ran over articles audited in different workers
    assert "name-inconsistent-batch" in rules and "name-incorrect" in rules
    assert [e["path"] for e in doc["errors"]] == [str(corpus / "empty.txt"),
                                                  str(corpus / "latin1.txt")]


def test_parallel_run_really_uses_workers(corpus, tmp_path, monkeypatch):
    from mtqa import pipeline

    seen = tmp_path / "pids"
    original = pipeline.process

    def spy(item, ctx, release=True):
        with open(seen, "a") as fh:  # workers are other processes: they report via a file
            fh.write(f"{os.getpid()}\n")
        return original(item, ctx, release)

    monkeypatch.setattr(pipeline, "process", spy)
    files = sorted(str(p) for p in corpus.glob("a*.txt"))
    batch = pipeline.run(files, AuditOptions(glossaries=[GLOSSARY]), executor=parallel.pool(2))
    pids = set(seen.read_text().split())
    assert len(batch.files) == 40 and not batch.errors
    assert pids and str(os.getpid()) not in pids


def test_cli_jobs_same_output_and_exit_code(corpus):
    runner = CliRunner()
    args = ["check", "--format", "json", "--glossary", GLOSSARY, str(corpus)]
    one = runner.invoke(main, args + ["--jobs", "1"])
    two = runner.invoke(main, args + ["--jobs", "2"])
    assert one.exit_code == two.exit_code == 2  # two unreadable files
    assert one.stdout == two.stdout


def test_report_jobs_writes_same_reports(corpus, tmp_path):
    runner = CliRunner()
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"reports-{jobs}"
        result = runner.invoke(main, ["report", "--glossary", GLOSSARY, "--jobs", jobs,
                                      "-o", str(out), str(corpus)])
        assert result.exit_code == 2, result.output
        outs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert outs[0] == outs[1] and len(outs[0]) == 40 * 3 + 2  # pages, index, mtqa.outdir marker


def test_stdin_in_a_parallel_batch(corpus, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Shelling in Kiev.")))
    options = AuditOptions(glossaries=[GLOSSARY])
    batch = check_paths(["-", str(corpus)], options, jobs=2)
    assert batch.files[0].path == "<stdin>"
    assert [f.rule for f in batch.files[0].findings] == ["name-incorrect"]


def test_glossary_error_is_reported_by_the_parent(corpus, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - {name: X, type: nonsense}\n", encoding="utf-8")
    from mtqa.glossary import GlossaryError

    with pytest.raises(GlossaryError) as exc:
        check_paths([str(corpus)], AuditOptions(glossaries=[str(bad)]), jobs=2)
    assert any("bad.yaml" in p for p in exc.value.problems)


def test_small_batches_stay_in_one_process():
    assert parallel.effective_jobs(8, 10) == 1
    assert parallel.effective_jobs(2, 10_000) == 2
    assert parallel.effective_jobs(0, 10_000) == parallel.default_jobs()
