"""Writing a whole file in one step: a temporary file in the target's folder, then os.replace,
so a reader never sees half a file and a symlink planted at the target is replaced, not
followed. Used for report pages (mtqa.outdir) and cache entries (mtqa.cache); `mtqa fix`
keeps its own writer (mtqa.fix.write_atomic), which also keeps an existing file's mode and
owner and fsyncs."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Optional


def replace_file(target: Path, data: bytes, mode: Optional[int] = None,
                 prefix: str = ".mtqa-") -> None:
    """Write `data` as `target` (OSError on failure; no temporary file is left behind)."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
