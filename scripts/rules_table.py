#!/usr/bin/env python3
"""Print the Markdown table of every registered rule (pasted into README.md's Rules section)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mtqa.registry import all_rules  # noqa: E402


def main():
    """Phrase-pack entries are summarised as one row per pack (`mtqa rules` lists them all)."""
    print("| rule | severity | category | what it flags | default |")
    print("|---|---|---|---|---|")
    packs = {}
    for r in all_rules():
        if r.id.startswith("phrase-"):
            packs.setdefault(r.id.split("-")[1], []).append(r)
            continue
        print(f"| `{r.id}` | {r.severity} | {r.category} | {r.summary} | "
              f"{'on' if r.default_enabled else 'off'} |")
    for pack, rules in sorted(packs.items()):
        on = sum(r.default_enabled for r in rules)
        severities = "/".join(sorted({r.severity for r in rules}))
        print(f"| `phrase-{pack}-*` | {severities} | calques, odd phrases | {len(rules)} entries "
              f"of the {pack} pack (attested in MT or citing published knowledge), each with its fix (`mtqa phrases list --pack {pack}`) "
              f"| {on} of {len(rules)} on |")


if __name__ == "__main__":
    main()
