"""News-style extraction table: see `news_cases.yaml`.

One parametrised test runs every case through :func:`factcheck.extract.extract_all`
(all extractors, overlaps resolved, hedges attached) and compares the value
mentions (names are not checked) with the expected ones, in order: kind, exact
span, value, unit, qualifier, and detail when the case gives one. A case marked
``xfail`` must fail (strict): when it starts passing, drop the mark.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.extract import extract_all
from factcheck.model import DateInterval, ExtractContext, Mention, NumberRange

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "news_cases.yaml").read_text(encoding="utf-8")
)
_CHECKED_KINDS = frozenset({"money", "percent", "number", "duration", "date", "year"})


def _expected_value(row: dict[str, Any]) -> Any:
    if "range" in row:
        low, high = row["range"]
        return NumberRange(low, high)
    if "interval" in row:
        if row["interval"] is None:
            return None
        first, last = row["interval"]
        return DateInterval(first, last)
    return row["value"]


def _same_value(got: Any, want: Any) -> bool:
    if isinstance(want, NumberRange) and isinstance(got, NumberRange):
        return got.low == pytest.approx(want.low) and got.high == pytest.approx(want.high)
    if isinstance(want, int | float) and isinstance(got, int | float):
        return bool(got == pytest.approx(want, rel=1e-3))
    return bool(got == want)


def _row(m: Mention) -> dict[str, Any]:
    return {
        "kind": m.kind,
        "text": m.text,
        "value": m.value,
        "unit": m.unit,
        "qualifier": m.qualifier,
        "detail": m.detail,
        "direction": m.direction,
        "previous": m.previous,
        "steps": list(m.steps),
    }


def _params() -> list[Any]:
    out = []
    for i, case in enumerate(CASES):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        out.append(pytest.param(case, id=f"{i:03d}-{case['text'][:40]}", marks=marks))
    return out


@pytest.mark.parametrize("case", _params())
def test_news_case(case: dict[str, Any]) -> None:
    text = case["text"]
    published = case.get("published")
    assert published is None or isinstance(published, date)
    found = [
        m
        for m in extract_all(text, ExtractContext(reference_date=published))
        if m.kind in _CHECKED_KINDS
    ]
    for m in found:
        assert text[m.start : m.end] == m.text
    got = [_row(m) for m in found]
    want = case["expect"]
    assert [(g["kind"], g["text"]) for g in got] == [(w["kind"], w["text"]) for w in want], got
    for g, w in zip(got, want, strict=True):
        assert _same_value(g["value"], _expected_value(w)), (g, w)
        unit = w.get("unit", "%" if w["kind"] == "percent" else None)
        assert g["unit"] == unit, (g, w)
        assert g["qualifier"] == w.get("qualifier"), (g, w)
        for optional in ("detail", "direction", "previous", "steps"):
            if optional in w:
                assert g[optional] == w[optional], (g, w)


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 150
