"""pyproject.toml lists packages explicitly (glossaries/ installs as mtqa.glossaries), so a new
subpackage that is not listed would be missing from a plain `pip install .`."""
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_installed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "mtqa").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert config["package-dir"]["mtqa.glossaries"] == "glossaries"
    assert (ROOT / "glossaries" / "__init__.py").exists()
