"""Money, percent and number extractors, tests as data: one generic runner.

Each `cases/<kind>.yaml` holds texts and the mentions they must yield, in order:
``[span, value, unit, detail]`` for money, ``[span, value, detail]`` for percent
(unit "%", or "points" when the detail is "points") and number (no unit). A list value ``[low, high, ...]`` is a
:class:`NumberRange`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.extract import EXTRACTORS
from factcheck.model import ExtractContext, NumberRange

CASES_DIR = Path(__file__).parent / "cases"
FIXED_UNIT = {"percent": "%", "number": None}  # kinds whose rows carry no unit column
KINDS = ("money", "percent", "number")


def _load(kind: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load(
        (CASES_DIR / f"{kind}.yaml").read_text(encoding="utf-8")
    )
    return cases


CASES = [(kind, case) for kind in KINDS for case in _load(kind)]


def _value(raw: Any) -> Any:
    return NumberRange(*raw) if isinstance(raw, list) else raw


def _row(kind: str, row: list[Any]) -> tuple[Any, Any, Any]:
    """(value, unit, detail) of one expected row."""
    if kind in FIXED_UNIT:
        detail = row[2] if len(row) > 2 else None
        unit = "points" if kind == "percent" and detail == "points" else FIXED_UNIT[kind]
        unit = row[3] if len(row) > 3 else unit  # a points range: [span, value, range, points]
        return _value(row[1]), unit, detail
    return _value(row[1]), row[2], row[3] if len(row) > 3 else None


def _expected(kind: str, text: str, rows: list[list[Any]]) -> list[tuple[Any, ...]]:
    """(start, end, span, value, unit, detail) for each row, spans located in order."""
    out, pos = [], 0
    for row in rows:
        start = text.index(row[0], pos)
        pos = start + len(row[0])
        out.append((start, pos, row[0], *_row(kind, row)))
    return out


@pytest.mark.parametrize(
    ("kind", "case"), CASES, ids=[f"{kind}:{case['text'][:50]}" for kind, case in CASES]
)
def test_extractor_table(kind: str, case: dict[str, Any]) -> None:
    text = case["text"]
    found = list(EXTRACTORS[kind](text, ExtractContext()))
    for m in found:
        assert m.kind == kind
        assert text[m.start : m.end] == m.text
    got = [(m.start, m.end, m.text, m.value, m.unit, m.detail) for m in found]
    want = _expected(kind, text, case["expect"])
    assert len(got) == len(want), got
    for g, w in zip(got, want, strict=True):
        assert g[:3] == w[:3]
        assert g[3] == (pytest.approx(w[3]) if isinstance(w[3], float) else w[3])
        assert g[4:] == w[4:]
