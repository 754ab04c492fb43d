"""Minimal inputs of the crashes and insane values the fuzz suites found.

Each test calls the core directly with one minimal input. Those marked
``xfail(strict=True)`` are bugs in modules owned by other work (the numeral
scanner, the date extractors): when a fix lands the test passes, strict
xfail turns that into a failure, and the mark (and the matching exclusion in
``test_fuzz.py``) should go.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from factcheck.binding.binder import Binder
from factcheck.extract import extract_all
from factcheck.model import DateInterval, ExtractContext, NumberRange
from factcheck.rules.ruleset import RuleSet
from tests.test_fuzz import RULE_PATHS, check_mentions


def _values(text: str, reference: date | None = None) -> list[object]:
    found = extract_all(text, ExtractContext(reference))
    check_mentions(text, found, resolved=True)
    return [m.value for m in found]


def _finite(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, NumberRange):
        return all(v is None or math.isfinite(v) for v in (value.low, value.high))
    return True


# --- the numeral scanner (factcheck/extract/numerals.py) -----------------------------


# _digit_numerals computes 'base ** power' for a caret power: it overflows
# (OverflowError) or divides by zero (ZeroDivisionError) instead of skipping the numeral.
@pytest.mark.parametrize("text", ["10^400", "0^-1", "$10^400"])
def test_caret_power_never_raises(text: str) -> None:
    _values(text)


# A numeral beyond a float's range is extracted as an infinite money, number or
# percent value; it should be skipped (or kept unresolved), never infinite.
@pytest.mark.parametrize(
    "text",
    [
        "$1e308 billion",  # money: 1e308 x 1e9
        "€1.7976931348623157e308 trillion",
        "9" * 400 + " people",  # number
        "1e309",  # number
        "9" * 400 + "%",  # percent
        "1 × 10^400",  # number, through the 'x 10^n' form
    ],
)
def test_huge_numerals_are_never_infinite(text: str) -> None:
    assert all(_finite(value) for value in _values(text))


def test_large_but_finite_numerals_keep_their_value() -> None:
    """What the fuzz suite's huge numbers should look like: finite, right magnitude."""
    assert _values("$999999999999999999999 trillion") == [pytest.approx(1e33)]
    assert _values("2 x 10^-400") == [0.0]


# --- the date extractors at the ends of the calendar (factcheck/extract/dates*.py) ---

FIRST, LAST = date(1, 1, 1), date(9999, 12, 31)


# Resolving against a publication date at the ends of the calendar (0001-01-01 or
# 9999-12-31, both valid in sources.yaml) builds a date outside 1..9999 and raises;
# the date should stay unresolved instead.
@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("June 10", LAST),  # dates_calendar.occurrence: ref + lookahead
        ("December 31", LAST),
        ("FIRST QUARTER", FIRST),  # dates_calendar.quarter_interval, years ref-4 .. ref+4
        ("Q1", LAST),
        ("last year", FIRST),  # dates_calendar: year arithmetic
        ("next month", LAST),
        ("late last year", FIRST),
        ("the past year", FIRST),
        ("next decade", LAST),
        ("yesterday", FIRST),  # dates_relative: day arithmetic
        ("tomorrow", LAST),
        ("on Tuesday", FIRST),  # dates_named: weekday arithmetic
        ("last week", FIRST),
        ("Christmas", FIRST),  # dates_holidays
        ("Easter", LAST),
    ],
)
def test_relative_dates_at_the_ends_of_the_calendar(text: str, reference: date) -> None:
    for value in _values(text, reference):
        assert value is None or isinstance(value, DateInterval)


# --- long input stays linear enough ---------------------------------------------------


def test_a_very_long_line_binds(seed_rules: RuleSet) -> None:
    """200,000 characters without a newline or a full stop: one huge 'sentence'."""
    text = "OpenAI signed a $38 billion deal with AWS, " * 4_500
    bound = Binder(seed_rules).bind_text(text)
    assert [b.claim for b in bound] == ["aws-deal-value"]  # one value per claim per sentence
    assert bound[0].mention.text == "$38 billion"


def test_every_extractor_survives_all_the_rules_files_at_once() -> None:
    """The fuzz suite's rule set loads (both example stories together)."""
    from factcheck.rules.ruleset import load_rules

    assert len(load_rules(RULE_PATHS).claims) > 20


@pytest.mark.parametrize("text", ["ſome 5 units", "5 or leſs", "UP TO 5", "K 5"])
def test_look_alike_letters_in_hedges_never_raise(text: str) -> None:
    from factcheck.extract import extract_all

    found = extract_all(text)
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "Zoë fell",  # detected as UTF-16 without a BOM
        "über Zoë",
        "São Paulo is The",  # detected as a CJK code page
        "it’s is",
        "‘hi’ “quoted” € per cent",  # the euro sign read as Cyrillic Ђ (cp1251)
        "“quoted” €38 —",
        "€ … 2026",  # no letters at all
        "café Zoë € …",
    ],
)
def test_short_cp1252_text_found_by_the_fuzzer_decodes(text: str) -> None:
    from factcheck.sources.corpus import decode

    assert decode(text.encode("cp1252")) == text
