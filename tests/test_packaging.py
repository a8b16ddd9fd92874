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


def test_license_file_matches_the_declared_licence_and_ships_in_the_wheel_metadata():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in text
    # what the build backend made of it for the installed mtqa (editable or not)
    from importlib.metadata import distribution

    meta = distribution("mtqa").metadata
    if meta.get("License-Expression") is None:  # pragma: no cover
        import pytest

        pytest.skip("the installed mtqa predates the LICENSE (reinstall: pip install -e .)")
    assert meta["License-Expression"] == "MIT"
    assert "LICENSE" in meta.get_all("License-File")


def test_sacrebleu_is_the_compare_extra_and_the_tests_install_it():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert not any(d.startswith("sacrebleu") for d in project["dependencies"])
    extras = project["optional-dependencies"]
    assert any(d.startswith("sacrebleu") for d in extras["compare"])
    assert any(d.startswith("sacrebleu") for d in extras["test"])


def test_compare_without_sacrebleu_names_the_extra(tmp_path, monkeypatch):
    import sys

    from click.testing import CliRunner

    from mtqa.cli import main

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Talks in Kiev.\n", encoding="utf-8")
    b.write_text("Talks in Kyiv.\n", encoding="utf-8")
    for name in [m for m in sys.modules if m == "sacrebleu" or m.startswith("sacrebleu.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "sacrebleu", None)  # import sacrebleu -> ImportError
    r = CliRunner().invoke(main, ["compare", "--no-config", str(a), str(b)])
    assert r.exit_code == 2
    assert "pip install 'mtqa[compare]'" in r.stderr and "Traceback" not in r.output
