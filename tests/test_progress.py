"""The progress bar: drawn on a terminal for long batches, silent everywhere else."""
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtqa.progress import MIN_FILES, Progress

REPO = Path(__file__).resolve().parents[1]
FIXTURE_GLOSSARY = str(REPO / "tests" / "fixtures" / "glossary.yaml")


class FakeTerminal(io.StringIO):
    encoding = "utf-8"

    def isatty(self):
        return True


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def run_batch(stream, total, clock=None):
    bar = Progress(stream, clock=clock or Clock())
    bar.start(total)
    for i in range(total):
        bar.advance(f"desk/article-{i}.txt")
        if clock:
            clock.now += 1.0
    bar.finish()
    return stream.getvalue()


def test_bar_on_a_terminal_for_a_long_batch(monkeypatch):
    monkeypatch.setenv("TERM", "xterm")
    out = run_batch(FakeTerminal(), MIN_FILES + 5, clock=Clock())
    frames = out.split("\r")
    assert f"{MIN_FILES + 5}/{MIN_FILES + 5} articles 100%" in out
    assert "0/25 articles   0%" in out
    assert "2/25 articles   8%  desk/article-1.txt" in out
    assert "█" in out and "\n" not in out  # redrawn in place, never a new line
    assert frames[-1] == "" and frames[-2].strip() == ""  # erased at the end


def test_redraws_are_throttled(monkeypatch):
    monkeypatch.setenv("TERM", "xterm")
    clock = Clock()  # time stands still: only the first and the last frame are drawn
    bar = Progress(FakeTerminal(), clock=clock)
    bar.start(100)
    for i in range(100):
        bar.advance("a.txt")
    assert bar.stream.getvalue().count("/100 articles") == 2


@pytest.mark.parametrize("stream, total, term", [
    (io.StringIO(), 100, "xterm"),            # a pipe or a CI log
    (FakeTerminal(), MIN_FILES, "xterm"),     # a short batch
    (FakeTerminal(), 100, "dumb"),            # a terminal that cannot redraw
])
def test_silent_otherwise(monkeypatch, stream, total, term):
    monkeypatch.setenv("TERM", term)
    assert run_batch(stream, total) == ""


def test_ascii_terminal_gets_ascii_glyphs(monkeypatch):
    monkeypatch.setenv("TERM", "xterm")

    class AsciiTerminal(FakeTerminal):
        encoding = "ascii"

    out = run_batch(AsciiTerminal(), 30, clock=Clock())
    assert "#" in out and "█" not in out
    out.encode("ascii")


# ---- end to end: a real pseudo-terminal, and a pipe -----------------------------------------

def _corpus(tmp_path, n):
    folder = tmp_path / "desk"
    folder.mkdir()
    for i in range(n):
        (folder / f"story-{i:02}.txt").write_text(f"Story {i}: officials met in Kiev.\n",
                                                  encoding="utf-8")
    return folder


def _env():
    env = dict(os.environ, TERM="xterm", PYTHONPATH=str(REPO), COLUMNS="100")
    env.pop("CI", None)
    return env


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")
def test_cli_draws_on_a_tty_and_not_in_a_pipe(tmp_path):
    import pty

    folder = _corpus(tmp_path, MIN_FILES + 5)
    cmd = [sys.executable, "-m", "mtqa", "check", "--no-config", "--glossary",
           FIXTURE_GLOSSARY, "--quiet", str(folder)]
    master, slave = pty.openpty()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=slave, env=_env(), cwd=tmp_path,
                              timeout=120)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the terminal's other end is closed and drained
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    on_tty = b"".join(chunks).decode("utf-8")
    assert f"{MIN_FILES + 5}/{MIN_FILES + 5} articles 100%" in on_tty
    assert "in 25 articles [checked: " in proc.stdout.decode().strip().splitlines()[-1]

    piped = subprocess.run(cmd, capture_output=True, env=_env(), cwd=tmp_path, timeout=120)
    assert piped.stderr == b""
    assert piped.stdout == proc.stdout
