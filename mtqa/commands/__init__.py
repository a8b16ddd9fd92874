"""Commands that live in modules of their own (fix, compare, config, ...). Each module defines
its click command(s) on `mtqa.cli.main` at import; heavy imports stay inside the functions so
that start-up stays fast."""
import importlib
import pkgutil


def load_all() -> None:
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")
