"""Durations: spans of time in days, never dates or counts."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.binding.binder import Binder
from factcheck.display import display
from factcheck.extract import extract_all
from factcheck.extract.durations import display_days
from factcheck.model import ExtractContext
from tests.conftest import make_rules

REF = ExtractContext(reference_date=date(2026, 4, 30))


@pytest.mark.parametrize(
    ("text", "span", "days"),
    [
        ("Over the next eight years, OpenAI will pay.", "eight years", 8 * 365.25),
        ("OpenAI signed a seven-year deal.", "seven-year", 7 * 365.25),
        ("The review runs for 18 months.", "18 months", 18 * 30.4375),
        ("A 90-day review.", "90-day", 90.0),
        ("It lasts two weeks.", "two weeks", 14.0),
    ],
)
def test_durations(text: str, span: str, days: float) -> None:
    found = [m for m in extract_all(text, REF) if m.kind == "duration"]
    assert [(m.text, m.value, m.unit) for m in found] == [(span, days, "day")]


@pytest.mark.parametrize(
    "text",
    ["It began three years ago.", "In two years it ends.", "He is 20 years old.", "For years."],
)
def test_time_points_and_ages_are_no_durations(text: str) -> None:
    assert not [m for m in extract_all(text, REF) if m.kind == "duration"]


def test_a_duration_claim_compares_in_days() -> None:
    rules = make_rules(
        """\
        claims:
          - id: term
            description: How long the deal runs.
            type: duration
            cues: [deal]
            expect: 84 months
        """
    )
    expect = rules.claims[0].expect
    assert expect is not None and display(expect) == "7 years"
    (binding,) = Binder(rules).bind_text("The seven-year deal was signed.")
    assert binding.value.value == pytest.approx(7 * 365.25)


def test_display_picks_the_largest_whole_unit() -> None:
    assert [display_days(d) for d in (2922.0, 547.875, 14.0, 3.0, 1.0)] == [
        "8 years", "18 months", "2 weeks", "3 days", "1 day",
    ]  # fmt: skip
