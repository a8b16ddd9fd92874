"""Regenerate reports/screenshot-report.png (the README picture of an HTML report).

Audits tests/fixtures/browser/kyiv-talks.txt with the test glossary (as desk/kyiv-talks.txt,
so the page shows a newsroom-like path) and photographs the page with headless Chromium.

    python scripts/screenshot_report.py [--out reports/screenshot-report.png]

Needs chromium (Debian: apt-get install -y chromium). No network.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "tests" / "fixtures" / "browser" / "kyiv-talks.txt"
GLOSSARY = REPO / "tests" / "fixtures" / "glossary.yaml"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "reports" / "screenshot-report.png"))
    parser.add_argument("--size", default="1280,1215", help="window width,height in pixels")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("chromium not found (apt-get install -y chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "desk").mkdir()
        shutil.copy(ARTICLE, work / "desk" / ARTICLE.name)
        env = dict(os.environ, PYTHONPATH=str(REPO))
        subprocess.run([sys.executable, "-m", "mtqa", "report", "--no-config", "--glossary",
                        str(GLOSSARY), "desk", "-o", "out"], cwd=work, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        page = work / "out" / f"{ARTICLE.stem}.html"
        subprocess.run([chromium, *FLAGS, f"--user-data-dir={work / 'profile'}",
                        f"--window-size={args.size}", f"--screenshot={Path(args.out).resolve()}",
                        page.as_uri()], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
