"""The fast indented JSON writer gives json.dumps's bytes (hardening, issue 13: findings-heavy
inputs spent most of their time in the standard library's pure-Python indenting encoder)."""
import json
import math

from hypothesis import given, settings, strategies as st

from mtqa.formatters.indented_json import dumps

_LEAVES = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
           | st.text(alphabet=st.characters(blacklist_categories=("Cs",))) | st.just("\u2028\"\\\x00é"))
_VALUES = st.recursive(_LEAVES, lambda inner: st.lists(inner, max_size=4)
                       | st.tuples(inner, inner)
                       | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=30)


@settings(max_examples=200, deadline=None)
@given(_VALUES)
def test_same_bytes_as_json_dumps(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_unusual_values_fall_back_to_json_dumps():
    class Number(int):
        pass

    for value in [{"a": math.inf}, {1: "x"}, [Number(3)], {"n": math.nan, "b": [True, None]}]:
        assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
    assert dumps({"a": [1, {"b": []}, {}]}, indent=1) == \
        json.dumps({"a": [1, {"b": []}, {}]}, ensure_ascii=False, indent=1)
