"""Throughput of the dask engine on a LocalCluster with 1 and 2 workers.

    pip install "mtqa[dask]"
    python bench/dask_throughput.py [--workers 1,2] [--repeat 3] [--copies 1]

Writes the WMT23 corpus (bench/_corpus.py) as one JSON Lines archive, audits it with
`mtqa.dask.check_paths_dask` on a local cluster of N single-threaded worker processes, and
prints the median wall time, articles/s and words/s (cluster start-up reported apart: a real
cluster is already running). The JSON must equal a local single-process run of the same
archive (checked).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from _corpus import REPO, jsonl_archive  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--glossary", action="append", default=None)
    args = ap.parse_args(argv)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SystemExit('needs the dask extra: pip install "mtqa[dask]"') from None
    from mtqa import pipeline
    from mtqa.dask import check_paths_dask
    from mtqa.engine import AuditOptions
    from mtqa.formatters import jsonout

    glossaries = args.glossary if args.glossary is not None else [
        str(REPO / "tests" / "fixtures" / "glossary.yaml")]
    # the archive is a JSON Lines feed of {path, text} records
    options = AuditOptions(glossaries=glossaries, record_field="text", record_id_field="path")
    with tempfile.TemporaryDirectory(prefix="mtqa-dask-bench-") as tmp:
        archive = Path(tmp) / "corpus.jsonl"
        n = jsonl_archive(archive, copies=args.copies)
        start = time.perf_counter()
        local = pipeline.run([str(archive)], options)
        local_s = time.perf_counter() - start
        reference = jsonout.render(local)
        words = sum(r.words for r in local.files)
        print(f"{n:,} articles, {words:,} words in one archive; load average "
              f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        print(f"local, one process (reference): {local_s:.2f} s, "
              f"{n / local_s:,.0f} articles/s")
        print(f"{'workers':>7} {'start s':>7} {'wall s':>7} {'articles/s':>10} {'words/s':>9}  runs")
        for workers in [int(w) for w in args.workers.split(",")]:
            start = time.perf_counter()
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
            started = time.perf_counter() - start
            walls = []
            try:
                for _ in range(args.repeat):
                    start = time.perf_counter()
                    batch = check_paths_dask([str(archive)], options, client=client)
                    walls.append(time.perf_counter() - start)
                    if jsonout.render(batch) != reference:
                        raise SystemExit(f"dask output with {workers} workers differs")
            finally:
                client.close()
                cluster.close()
            wall = statistics.median(walls)
            print(f"{workers:>7} {started:>7.2f} {wall:>7.2f} {n / wall:>10,.0f} "
                  f"{words / wall:>9,.0f}  {' '.join(f'{w:.2f}' for w in walls)}")
    print("output identical to the local run for every worker count")
    return 0


if __name__ == "__main__":
    sys.exit(main())
