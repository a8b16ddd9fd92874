"""The cyclic garbage collector paused around one article's work (hardening2, issue 13).

Auditing an article, or building its report's name ledger, makes many small objects that live
until the work ends (tokens, glossary matches, findings) and almost no reference cycles. Full
collections kept rescanning all of them: a quarter of the time of `check` on 1 MB of names.
Reference counting still frees everything else at once, and the collector runs again as soon
as the work is done, so cycles made meanwhile wait at most one article."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
