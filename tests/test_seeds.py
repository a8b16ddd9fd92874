"""The seed articles, scored by the shared seedcheck tool against what an editor marks."""
import shlex
import subprocess
import sys

import pytest

from tests.conftest import SHARED

SEEDCHECK = SHARED / "tools" / "seedcheck.py"
NAME_MUSTS = ["Mikhail Podolyak", "Zelskyy", "Azov Sea", "Oktyrka", "Governor Chernihiv"]
# calques (phrase packs), stray capitals and number agreement
ARTEFACT_MUSTS = ["on the heel of", "colleague", "Overall", "invasion to Ukraine",
                  "the life of 227 civilians", "Port City of Kherson", "hot power plants",
                  "North Ukraine", "the life of at least 22 civilians", "conglomerate"]

pytestmark = pytest.mark.skipif(not SEEDCHECK.exists(), reason="../shared/tools/seedcheck.py not present")


@pytest.fixture(scope="module")
def seedcheck():
    cmd = f"{shlex.quote(sys.executable)} -m mtqa check --format json"
    out = subprocess.run([sys.executable, str(SEEDCHECK), "--cmd", cmd], capture_output=True,
                         text=True, timeout=120)
    return out


@pytest.mark.parametrize("musts", [NAME_MUSTS, ARTEFACT_MUSTS], ids=["names", "artefacts"])
def test_must_artefacts_are_flagged_with_fixes(seedcheck, musts):
    lines = seedcheck.stdout.splitlines()
    for text in musts:
        rows = [ln for ln in lines if " must " in ln and repr(text) in ln]
        assert rows, f"{text} not in seedcheck output"
        for row in rows:
            assert row.startswith("ok") and "fix-offered" in row, row


def test_clean_items_stay_unflagged_and_podolyak_found(seedcheck):
    lines = seedcheck.stdout.splitlines()
    assert not [ln for ln in lines if ln.startswith("FLAG")]
    assert "cross-article Podolyak yes" in lines[-1]
