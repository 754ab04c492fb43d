"""Year extractor, tests as data: (text, expected [(span text, year)])."""

from __future__ import annotations

import pytest

from factcheck.extract import years
from factcheck.model import ExtractContext

CASES: list[tuple[str, list[tuple[str, int]]]] = [
    ("founded in 2016", [("2016", 2016)]),
    ("a contract running through 2030", [("2030", 2030)]),
    ("profitable since 2019", [("2019", 2019)]),
    ("2025's results beat forecasts", [("2025", 2025)]),
    ("from 2014-2018", [("2014", 2014), ("2018", 2018)]),
    ("the Act of 1848", [("1848", 1848)]),
    ("by 2100.", [("2100", 2100)]),
    ("(2024)", [("2024", 2024)]),
    ("in November 2025", [("2025", 2025)]),  # the registry lets the date win
    ("FY2025 guidance", [("FY2025", 2025)]),
    ("FY 2026 and FY25", [("FY 2026", 2026), ("FY25", 2025)]),
    # not years
    ("it costs $2025", []),
    ("a total of 2,025 votes", []),
    ("rose 2025.5 points", []),
    ("up 2025%", []),
    ("up 2025 percent", []),
    ("hired 2025 employees", []),
    ("in the 1990s", []),
    ("ID 12025 and 20251", []),
    ("years 1799 and 2200", []),
    ("call No. 2025", []),
    ("at 17:20 UTC", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_years(text: str, expected: list[tuple[str, int]]) -> None:
    found = list(years.extract(text, ExtractContext()))
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
        assert mention.kind == "year"
        assert isinstance(mention.value, int)
    assert [(m.text, m.value) for m in found] == expected


def test_fiscal_detail() -> None:
    (mention,) = years.extract("FY2025", ExtractContext())
    assert mention.detail == "fiscal"
