"""Results and evidence pickle as calls with their fields, and load as the same objects."""

from __future__ import annotations

import copyreg
import pickle
from datetime import date

from factcheck.binding.evidence import DocumentResult, Evidence, SourceInfo, Unresolved
from factcheck.model import DateInterval, Location, Notice, NumberRange
from factcheck.values import ClaimValue


def _result() -> DocumentResult:
    interval = DateInterval(date(2025, 11, 1), date(2025, 11, 30))
    every_field = Evidence(
        "deal",
        ClaimValue(NumberRange(1.5, None, False, True), "USD", "more_than"),
        "more than $1.5 billion",
        10,
        32,
        2,
        5,
        "…a quote",
        "deal",
        (0, 40),
        (3, 7),
        "Deal",
        0.75,
        "other",
        3,
        interval,
    )
    defaults = Evidence("date", ClaimValue(interval), "November", 1, 9, 1, 2, "q", None)
    source = SourceInfo("a", "a.txt", "T", "O", "2025-11-03", None, "u", "au", "en", "pdf")
    notice = Notice(Location("a.txt", 1, 2), "bad date", "write ISO")
    return DocumentResult(
        source, (every_field, defaults), (Unresolved("today", 1, 1),), (notice,), (1, 2, 3)
    )


def test_round_trip_gives_equal_objects_of_the_same_types() -> None:
    result = _result()
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        loaded = pickle.loads(pickle.dumps(result, protocol))
        assert loaded == result
        assert type(loaded.evidence[0].value.value) is NumberRange
        assert loaded.evidence[0].as_of == result.evidence[0].as_of


def test_state_pickled_by_the_default_reduction_still_loads() -> None:
    """A result kept by an earlier version (``__setstate__``) loads as before."""
    result = _result()
    kinds = [DocumentResult, SourceInfo, Evidence, Unresolved, ClaimValue, DateInterval]
    kinds += [NumberRange, Notice]
    saved = {kind: copyreg.dispatch_table.pop(kind) for kind in kinds}
    try:
        old = pickle.dumps(result, pickle.HIGHEST_PROTOCOL)
    finally:
        copyreg.dispatch_table.update(saved)
    new = pickle.dumps(result, pickle.HIGHEST_PROTOCOL)
    assert old != new and len(new) < len(old)
    assert pickle.loads(old) == pickle.loads(new) == result
