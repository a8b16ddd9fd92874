"""docs/api.md's examples are doctests: the library does what its documentation shows."""
import doctest
from pathlib import Path

import mtqa.api

DOC = Path(__file__).resolve().parent.parent / "docs" / "api.md"


def test_docs_api_examples_run():
    result = doctest.testfile(str(DOC), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 8 and result.failed == 0


def test_module_docstring_example_runs():
    assert doctest.testmod(mtqa.api).failed == 0
