"""Rule modules. Importing this package registers every rule (one check per module).

Start-up (docs/scale.md, "Cold start"): the modules' own module-level regexes compile on first
use (mtqa.lazyre), since most serve branches a given article never reaches; and the cyclic
garbage collector pauses while they load, after which everything loaded so far (modules,
classes, the phrase packs) is frozen: it lives as long as the process, and later collections
then skip it instead of scanning it again and again."""
import gc
import importlib
import os

from mtqa.lazyre import compiling_lazily

_gc_was_on = gc.isenabled()
gc.disable()
try:
    with compiling_lazily():
        # every rules/*.py not starting with "_", in name order (as pkgutil.iter_modules
        # lists them; listed here without importing pkgutil: start-up)
        for _name in sorted({f[:-3] for path in __path__ for f in os.listdir(path)
                             if f.endswith(".py") and f[:1] not in "_."}):
            importlib.import_module(f"{__name__}.{_name}")
finally:
    gc.freeze()
    if _gc_was_on:
        gc.enable()
