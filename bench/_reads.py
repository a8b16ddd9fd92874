"""Read samples: findings a person read and judged, and the precision they give.

A judged sample is a TSV file (bench/reads/, bench/data/) with one finding a line: the columns
that identify the finding (its key), a verdict column, sometimes a reason. The scripts that
draw a sample and print its precision share the two steps here: `read_verdicts` (key ->
verdict) and `read_precision` (real findings among those read).
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Iterable, NamedTuple, Optional


def read_verdicts(path: Path, key: slice, verdict: int, header: bool) -> Dict[str, str]:
    """{key: verdict} of a judged TSV file: the key is the columns `key` joined by tabs, the
    verdict the column `verdict`. Blank lines and "#" comment lines are skipped, and the first
    other line too when the file has a `header` naming its columns. A missing file has none."""
    judged: Dict[str, str] = {}
    if not path.exists():
        return judged
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    for columns in rows[1:] if header else rows:
        judged["\t".join(columns[key])] = columns[verdict]
    return judged


class ReadPrecision(NamedTuple):
    real: int   # verdicts saying the finding is right
    read: int   # verdicts saying right or false alarm (the rest is not read yet)

    @property
    def value(self) -> float:
        return self.real / max(self.read, 1)

    def __str__(self) -> str:
        return f"precision {self.value:.2f} ({self.real} of {self.read} read)"


def read_precision(verdicts: Iterable[Optional[str]], real: str = "1",
                   false: str = "0") -> ReadPrecision:
    """Precision of a sample from its findings' verdicts (None or any other value: not read)."""
    read = [v for v in verdicts if v in (real, false)]
    return ReadPrecision(sum(v == real for v in read), len(read))
