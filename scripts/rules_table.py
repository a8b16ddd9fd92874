#!/usr/bin/env python3
"""Print the Markdown table of every registered rule (pasted into README.md's Rules section)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mtqa.registry import all_rules  # noqa: E402


def main():
    print("| rule | severity | category | what it flags | default |")
    print("|---|---|---|---|---|")
    for r in all_rules():
        print(f"| `{r.id}` | {r.severity} | {r.category} | {r.summary} | "
              f"{'on' if r.default_enabled else 'off'} |")


if __name__ == "__main__":
    main()
