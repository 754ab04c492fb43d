"""The fast indented JSON writer gives exactly the standard library's text."""

from __future__ import annotations

import json
import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.report.jsontext import dumps

SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-(10**40))
           | st.floats() | st.sampled_from([math.nan, math.inf, -math.inf, 0.0, -0.0, 1e-7, 3.8e10])
           | st.text())
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=25,
)


def _standard(value: Any, level: int) -> str:
    text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    return text.replace("\n", "\n" + "  " * level)


@settings(derandomize=True, max_examples=600)
@given(JSON, st.integers(min_value=0, max_value=3))
def test_same_text_as_json_dumps(value: Any, level: int) -> None:
    assert dumps(value, level) == _standard(value, level)


def test_unusual_values_fall_back_to_the_standard_library() -> None:
    class Count(int):
        pass

    for value in ({1: "int key", 2: None}, {True: 1}, Count(3), [Count(4), "x"],
                  {"nested": {2.5: "float key"}}, "line\nbreak \u2028 \"quoted\" é"):
        assert dumps(value, 2) == _standard(value, 2)
