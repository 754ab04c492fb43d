"""Money extractor, tests as data: see `cases/money.yaml`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.extract import money
from factcheck.model import ExtractContext, NumberRange

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "money.yaml").read_text(encoding="utf-8")
)


def _value(raw: Any) -> Any:
    return NumberRange(*raw) if isinstance(raw, list) else raw


def _expected(text: str, rows: list[list[Any]]) -> list[tuple[Any, ...]]:
    """(start, end, span, value, unit, detail) for each row, spans located in order."""
    out, pos = [], 0
    for row in rows:
        start = text.index(row[0], pos)
        pos = start + len(row[0])
        out.append((start, pos, row[0], _value(row[1]), row[2], row[3] if len(row) > 3 else None))
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_money(case: dict[str, Any]) -> None:
    text = case["text"]
    found = list(money.extract(text, ExtractContext()))
    for m in found:
        assert m.kind == "money"
        assert text[m.start:m.end] == m.text
    got = [(m.start, m.end, m.text, m.value, m.unit, m.detail) for m in found]
    want = _expected(text, case["expect"])
    assert len(got) == len(want), got
    for g, w in zip(got, want, strict=True):
        assert g[:3] == w[:3]
        assert g[3] == (pytest.approx(w[3]) if isinstance(w[3], float) else w[3])
        assert g[4:] == w[4:]
