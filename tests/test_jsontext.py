"""The fast indented JSON writer gives exactly the standard library's text."""

from __future__ import annotations

import json
import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.report.jsontext import dumps

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**40))
    | st.floats()
    | st.sampled_from([math.nan, math.inf, -math.inf, 0.0, -0.0, 1e-7, 3.8e10])
    | st.text()
)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
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

    for value in (
        {1: "int key", 2: None},
        {True: 1},
        Count(3),
        [Count(4), "x"],
        {"nested": {2.5: "float key"}},
        'line\nbreak \u2028 "quoted" é',
    ):
        assert dumps(value, 2) == _standard(value, 2)


def test_source_entries_equal_the_model_dump() -> None:
    """The report's fast path for each claim's sources builds the model's JSON itself."""
    from factcheck import api
    from factcheck.results import source_claim_json, source_claim_out
    from tests.conftest import ROOT

    stories = [
        ([ROOT / "rules"], [ROOT / "seeds"]),
        ([ROOT / "examples" / "city-budget"], [ROOT / "examples" / "city-budget" / "sources"]),
    ]
    types, checked = set(), 0
    for rules, sources in stories:
        with api.run_check(rules, sources, spill_after=1) as run:
            for verdict in run.verdicts:
                for source in verdict.each_source():
                    assert source_claim_json(source) == source_claim_out(source).model_dump(
                        mode="json"
                    )
                    checked += 1
                    types.add(verdict.claim.type)
    assert checked > 80 and {"money", "date", "boolean", "text", "year"} <= types


def test_dicts_of_one_shape_keep_their_own_key_types() -> None:
    """Key orders are kept per shape: a shape seen with str keys does not stand for
    one whose keys only compare equal (1 and True), nor the reverse."""
    for value in (
        [{"b": 1, "a": [1, {"b": None}]}, {"b": "x", "a": 2.5}, {"a": 1, "b": 2}],
        [{1: "a"}, {True: "b"}, {"1": "c"}, {1: "d"}],
        {"z": {"y": {}, "x": []}, "y": ({"z": 1, "y": 2},)},
    ):
        for level in (0, 2):
            assert dumps(value, level) == _standard(value, level)


def test_a_silent_source_entry_is_written_as_its_dict_is_dumped() -> None:
    """The report writes silent sources from a template: the same text as the dict."""
    import io

    from factcheck.binding.evidence import SourceInfo
    from factcheck.reconcile.records import NO_EVIDENCE, SourceVerdict
    from factcheck.report.check.json import _source_writer
    from factcheck.results import source_claim_json

    for source_id in ("a00001", 'q"uote\\d', "café\u2028line", ""):
        silent = SourceVerdict(SourceInfo(source_id, "x.txt"), "silent", NO_EVIDENCE, None)
        for level in (0, 3, 5):
            written = io.StringIO()
            _source_writer(written)(silent, level)
            assert written.getvalue() == dumps(source_claim_json(silent), level)
            assert '"mentions": []' in written.getvalue()
