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
from mtqa.dask import check_paths_dask  # noqa: E402
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
    # (a finding folded into another on the same problem is kept in "related": mtqa.merge)
    rules = {g["rule"] for file in json.loads(local)["files"] for f in file["findings"]
             for g in [f, *f.get("related", [])]}
    assert {"name-inconsistent-batch", "name-incorrect", "name-near-miss"} <= rules


def test_archive_is_a_feed_read_as_locally(client, corpus, tmp_path):
    # a {path, text} archive is a JSON Lines feed: --field text --id-field path
    archive = tmp_path / "batch.jsonl"
    files = sorted(p for p in corpus.glob("*.txt") if p.stat().st_size)
    with open(archive, "w", encoding="utf-8") as fh:
        for p in files:
            fh.write(json.dumps({"path": str(p), "text": p.read_text(encoding="utf-8")}) + "\n")
        fh.write("not json\n")
        fh.write(json.dumps({"path": "x.txt"}) + "\n")
    options = AuditOptions(glossaries=[GLOSSARY], record_field="text", record_id_field="path")
    remote = jsonout.render(check_paths_dask([str(archive)], options, client=client))
    assert remote == jsonout.render(check_paths([str(archive)], options, jobs=1))
    doc = json.loads(remote)
    assert [f["record"]["id"] for f in doc["files"]] == [str(p) for p in files]
    from mtqa.formatters.common import shown_path  # paths shown relative (issue 12)

    assert [e["path"] for e in doc["errors"]] == [shown_path(f"{archive}:{len(files) + 1}"),
                                                  shown_path(f"{archive}:{len(files) + 2}")]
    # each record's findings are those of the file it holds
    per_file = json.loads(jsonout.render(check_paths([str(p) for p in files],
                                                     AuditOptions(glossaries=[GLOSSARY]))))
    assert [[f["rule"] for f in r["findings"]] for r in doc["files"]] == \
        [[f["rule"] for f in r["findings"]] for r in per_file["files"]]


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


def test_sources_are_paired_as_locally(client, tmp_path):
    # the client reads (and pairs) the targets: workers get articles with their source attached
    mt, src = tmp_path / "mt", tmp_path / "src"
    mt.mkdir()
    src.mkdir()
    for i in range(6):
        (mt / f"a{i}.txt").write_text("Russian troops left Gostomel in March.\n",
                                      encoding="utf-8")
        (src / f"a{i}.uk.txt").write_text("Російські війська залишили Гостомель у березні.\n",
                                          encoding="utf-8")
    options = AuditOptions(select=["source"], source=str(src))
    local = jsonout.render(check_paths([str(mt)], options, jobs=1))
    remote = jsonout.render(check_paths_dask([str(mt)], options, client=client, chunk=2))
    assert remote == local
    files = json.loads(local)["files"]
    assert len(files) == 6
    assert all([f["rule"] for f in file["findings"]] == ["source-name"] for file in files)
