"""The dask engine writes the same JSON as a local run (on a LocalCluster)."""
import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed", reason="the dask extra is not installed "
                                          '(pip install "mtqa[dask]")')

from mtqa.api import check_paths  # noqa: E402
from mtqa.cli import main  # noqa: E402
from mtqa.dask import check_paths_dask, read_archive  # noqa: E402
from mtqa.engine import AuditOptions  # noqa: E402
from mtqa.formatters import jsonout  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
GLOSSARY = str(FIXTURES / "glossary.yaml")
TEXTS = [
    "Mikhail Podolyak said the talks in Kiev were over. Zelskyy agreed.",
    "Mykhailo Podolyak, an adviser, met Governor Chernihiv on Monday.",
    "Troops left Gostomel. Bucha and Buchi were shelled; Oktyrka too.",
    "Mykhailo Podolyak spoke again about Kherson and Kharkov.",
]


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # relative paths, as an archive records them
    folder = Path("articles")
    folder.mkdir()
    for i in range(30):
        (folder / f"a{i:02d}.txt").write_text(TEXTS[i % len(TEXTS)] + f"\nItem {i}.\n",
                                             encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_same_json_as_a_local_run(client, corpus):
    options = AuditOptions(glossaries=[GLOSSARY])
    local = jsonout.render(check_paths([str(corpus)], options, jobs=1))
    remote = jsonout.render(check_paths_dask([str(corpus)], options, client=client, chunk=4))
    assert remote == local
    rules = {f["rule"] for file in json.loads(local)["files"] for f in file["findings"]}
    assert {"name-inconsistent-batch", "name-incorrect", "name-near-miss"} <= rules


def test_archive_gives_the_json_of_its_files(client, corpus, tmp_path):
    archive = tmp_path / "batch.jsonl"
    files = sorted(p for p in corpus.glob("*.txt") if p.stat().st_size)
    with open(archive, "w", encoding="utf-8") as fh:
        for p in files:
            fh.write(json.dumps({"path": str(p), "text": p.read_text(encoding="utf-8")}) + "\n")
        fh.write("not json\n")
        fh.write(json.dumps({"path": "x.txt"}) + "\n")
    options = AuditOptions(glossaries=[GLOSSARY])
    remote = json.loads(jsonout.render(check_paths_dask([str(archive)], options, client=client)))
    local = json.loads(jsonout.render(check_paths([str(p) for p in files], options, jobs=1)))
    assert remote["files"] == local["files"]
    # paths are shown relative to the working folder when inside it (issue 12)
    from mtqa.formatters.common import shown_path

    assert [e["path"] for e in remote["errors"]] == [shown_path(f"{archive}:{len(files) + 1}"),
                                                     shown_path(f"{archive}:{len(files) + 2}")]


def test_read_archive_reports_bad_lines(tmp_path):
    archive = tmp_path / "a.jsonl"
    archive.write_text('{"path": "a.txt", "text": "Kyiv."}\n\n[1, 2]\n{"path": "b.txt", '
                       '"text": "  "}\n', encoding="utf-8")
    articles, errors = read_archive(str(archive))
    assert [a.path for a in articles] == ["a.txt"]
    assert [(e.path, e.message) for e in errors] == [
        (f"{archive}:3", 'each line needs "path" and "text" strings'),
        ("b.txt", "file is empty")]


def test_cli_with_a_scheduler_address(client, corpus):
    runner = CliRunner()
    args = ["check", "--format", "json", "--glossary", GLOSSARY, str(corpus)]
    local = runner.invoke(main, args)
    remote = runner.invoke(main, args + ["--engine", "dask", "--scheduler",
                                         client.scheduler.address])
    assert remote.exit_code == local.exit_code == 2  # the empty file
    assert remote.stdout == local.stdout


def test_unreachable_scheduler_is_a_clear_error(corpus):
    import dask

    with socket.socket() as s:  # a free local port: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(main, ["check", "--engine", "dask", "--scheduler",
                                           f"tcp://127.0.0.1:{port}", "--glossary", GLOSSARY,
                                           str(corpus)])
    assert result.exit_code == 2 and "dask engine" in result.stderr


def test_scheduler_needs_the_dask_engine(corpus):
    result = CliRunner().invoke(main, ["check", "--scheduler", "tcp://x:1", str(corpus)])
    assert result.exit_code == 2 and "--engine dask" in result.output


def test_repeated_runs_on_one_client(client, corpus):
    # each run scatters its own glossary: one run releasing its copy must not cancel the next
    options = AuditOptions(glossaries=[GLOSSARY])
    outputs = {jsonout.render(check_paths_dask([str(corpus)], options, client=client, chunk=3))
               for _ in range(4)}
    assert len(outputs) == 1
