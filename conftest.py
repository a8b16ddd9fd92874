"""Test-session setup shared by every test folder."""
import os
import shutil
import tempfile

_made_cache = None


def pytest_configure(config):
    # Tests never read or write the user's ~/.cache/mtqa: a private cache for the session
    # (set before any fixture loads a glossary).
    global _made_cache
    if "MTQA_CACHE_DIR" not in os.environ:
        _made_cache = tempfile.mkdtemp(prefix="mtqa-test-cache-")
        os.environ["MTQA_CACHE_DIR"] = _made_cache


def pytest_unconfigure(config):
    if _made_cache:
        os.environ.pop("MTQA_CACHE_DIR", None)
        shutil.rmtree(_made_cache, ignore_errors=True)
