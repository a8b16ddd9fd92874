"""Near-miss lookups against a glossary of a million names.

    python bench/glossary_scale.py                  # 1,000,000 names, 5,000 queries
    python bench/glossary_scale.py --names 100000   # smaller, quicker

Generates name words (bench/_names.py: realistic syllables, varied lengths and first letters),
builds the near-miss index (mtqa.nameindex) once and keeps it in the mtqa cache folder
($MTQA_CACHE_DIR or ~/.cache/mtqa), then, in a fresh process, loads it and prints the load
time, the memory it takes (RSS growth) and the lookup time per candidate word: misspellings of
glossary names (MT-style: dropped, added, swapped letters) and unrelated names, half each.
Finally a sample of queries is checked against a brute-force scan of all names (same cut-off,
same ranking): the index must not change recall or suggestions.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _index_path(names: int, seed: int) -> Path:
    from mtqa import cache

    key = cache.file_key([REPO / "mtqa" / "nameindex.py", HERE / "_names.py"],
                         f"names={names} seed={seed}")
    folder = cache.cache_dir() or Path(os.environ.get("TMPDIR", "/tmp")) / "mtqa-bench"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"nameindex-bench-{key}.bin"


def build(names: int, seed: int) -> Path:
    from _names import name_words

    from mtqa.nameindex import NameIndex

    path = _index_path(names, seed)
    if path.exists():
        print(f"index: cached at {path} ({path.stat().st_size / 1e6:.0f} MB)")
        return path
    start = time.perf_counter()
    words = name_words(names, seed=seed)
    generated = time.perf_counter()
    index = NameIndex({w: i for i, w in enumerate(words)})
    built = time.perf_counter()
    tmp = path.with_suffix(".tmp")
    index.save(tmp)
    os.replace(tmp, path)
    # keep the two newest benchmark indexes (e.g. 100k and 1M names); older versions go
    older = sorted(path.parent.glob("nameindex-bench-*.bin"), key=lambda p: p.stat().st_mtime,
                   reverse=True)[2:]
    for old in older:
        old.unlink()
    print(f"index: {names:,} names generated in {generated - start:.1f} s, built in "
          f"{built - generated:.1f} s (once; kept in the cache), "
          f"{path.stat().st_size / 1e6:.0f} MB on disk")
    return path


def measure(path: str, names: int, seed: int, queries: int, check: int) -> dict:
    """Runs in a fresh process: load, memory, lookups, exactness."""
    import random

    before = _rss_mb()
    from rapidfuzz import fuzz  # imported before measuring: part of any mtqa process

    from _names import misspell, name_words

    from mtqa.nameindex import MAX_LENGTH_GAP, MIN_LENGTH, NameIndex, first_class

    base = _rss_mb()
    start = time.perf_counter()
    index = NameIndex.load(path)
    load_s = time.perf_counter() - start
    loaded = _rss_mb()
    rng = random.Random(seed + 1)
    qs = [misspell(index.word(rng.randrange(len(index))), rng) for _ in range(queries // 2)]
    qs += name_words(queries - len(qs), seed=seed + 7919)
    rng.shuffle(qs)
    times, by_length, found = [], {}, 0
    for q in qs:
        t = time.perf_counter()
        hits = index._candidates(q, 85.0, 5)  # uncached: every lookup is measured
        dt = time.perf_counter() - t
        times.append(dt)
        by_length.setdefault(len(q), []).append(dt)
        found += bool(hits)
    after = _rss_mb()
    # exactness on a sample: brute force over every name
    by_class = {}
    for i, w in enumerate(index.words()):
        by_class.setdefault(first_class(w), []).append((i, w))
    mismatches = 0
    for q in qs[:check]:
        hits = []
        for i, w in by_class.get(first_class(q), ()):
            if len(w) >= MIN_LENGTH and abs(len(w) - len(q)) <= MAX_LENGTH_GAP:
                s = fuzz.ratio(q, w)
                if s >= 85.0:
                    hits.append((-s, len(w), i, w, s))
        expected = [(w, s) for *_, w, s in sorted(hits)[:5]]
        got = [(w, s) for w, s, _ in index.candidates(q, 85.0)]
        mismatches += got != expected
    return {"names": len(index), "load_s": load_s, "rss_base_mb": base - before + before,
            "index_mb": loaded - base, "rss_after_mb": after, "times": times,
            "by_length": {k: statistics.median(v) for k, v in sorted(by_length.items())},
            "found": found, "queries": len(qs), "checked": min(check, len(qs)),
            "mismatches": mismatches, "file_mb": os.path.getsize(path) / 1e6}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--names", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=5000)
    ap.add_argument("--check", type=int, default=200,
                    help="queries compared with a brute-force scan (default 200)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.names, args.seed, args.queries,
                                 args.check)))
        return 0
    path = build(args.names, args.seed)
    out = subprocess.run([sys.executable, __file__, "--measure", str(path), "--names",
                          str(args.names), "--queries", str(args.queries), "--check",
                          str(args.check), "--seed", str(args.seed)],
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"measuring failed:\n{out.stderr}")
    r = json.loads(out.stdout.strip().splitlines()[-1])
    t = sorted(r["times"])
    us = 1e6
    print(f"machine: load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"names indexed           {r['names']:,}")
    print(f"index load (from cache) {r['load_s']:.3f} s   (file {r['file_mb']:.0f} MB)")
    print(f"index memory (RSS)      {r['index_mb']:.0f} MB   (process total "
          f"{r['rss_after_mb']:.0f} MB after the queries)")
    print(f"lookup per candidate    median {statistics.median(t) * us:.1f} µs, "
          f"mean {statistics.mean(t) * us:.1f} µs, p90 {t[int(0.9 * len(t))] * us:.1f} µs, "
          f"p99 {t[int(0.99 * len(t))] * us:.1f} µs   ({r['queries']:,} queries, "
          f"{r['found']:,} with a candidate)")
    print("median by query length  " + "  ".join(
        f"{k}:{v * us:.0f}" for k, v in r["by_length"].items()))
    print(f"exactness               {r['checked'] - r['mismatches']}/{r['checked']} queries "
          f"identical to a brute-force scan")
    return 1 if r["mismatches"] else 0


if __name__ == "__main__":
    sys.exit(main())
