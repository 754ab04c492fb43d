"""Date extractor, tests as data: (text, reference date, expected mentions).

Each expected mention is (span text, first day, last day); ``None`` days mean
"emitted but unresolved". Expected values are written by hand. The reference
date R is Thursday 2026-04-30 unless a case says otherwise.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from factcheck.extract.dates import extractor as dates
from factcheck.extract.dates import scan as dates_scan
from factcheck.model import DateInterval, ExtractContext

R = date(2026, 4, 30)
Expected = tuple[str, str | None, str | None]

CASES: list[tuple[str, date | None, list[Expected]]] = [
    # --- absolute dates, any granularity
    (
        "the $38 billion deal with AWS, which began in November 2025",
        R,
        [("November 2025", "2025-11-01", "2025-11-30")],
    ),
    (
        "the UK's decision to drop its probe ... in March 2025",
        R,
        [("March 2025", "2025-03-01", "2025-03-31")],
    ),
    ("signed on April 13, 2026.", None, [("April 13, 2026", "2026-04-13", "2026-04-13")]),
    ("Published Apr 30, 2026", None, [("Apr 30, 2026", "2026-04-30", "2026-04-30")]),
    ("Updated Sept. 30, 2025", None, [("Sept. 30, 2025", "2025-09-30", "2025-09-30")]),
    ("on 13 April 2026 it closed", None, [("13 April 2026", "2026-04-13", "2026-04-13")]),
    ("the 4th of July 1995", None, [("4th of July 1995", "1995-07-04", "1995-07-04")]),
    ("Tuesday, April 14, 2026", None, [("Tuesday, April 14, 2026", "2026-04-14", "2026-04-14")]),
    ("dated 30/04/2026", None, [("30/04/2026", "2026-04-30", "2026-04-30")]),
    ("dated 04/30/2026", None, [("04/30/2026", "2026-04-30", "2026-04-30")]),
    # ambiguous slash dates are read month first (US English news); dotted ones day first
    ("dated 04/05/2026", None, [("04/05/2026", "2026-04-05", "2026-04-05")]),
    ("dated 4-5-2026", None, [("4-5-2026", "2026-04-05", "2026-04-05")]),
    ("dated 1.2.2026", None, [("1.2.2026", "2026-02-01", "2026-02-01")]),
    ("filed 2026-04-13 in court", None, [("2026-04-13", "2026-04-13", "2026-04-13")]),
    ("at 2026-04-13T17:20:00Z", None, [("2026-04-13T17:20:00Z", "2026-04-13", "2026-04-13")]),
    ("early 2026", None, [("early 2026", "2026-01-01", "2026-04-30")]),
    ("since mid-2025", None, [("mid-2025", "2025-05-01", "2025-08-31")]),
    ("in late 2025", None, [("late 2025", "2025-09-01", "2025-12-31")]),
    ("by the end of 2027", None, [("the end of 2027", "2027-09-01", "2027-12-31")]),
    ("mid-November 2025", None, [("mid-November 2025", "2025-11-11", "2025-11-20")]),
    (
        "in the first quarter of 2026",
        None,
        [("the first quarter of 2026", "2026-01-01", "2026-03-31")],
    ),
    ("Q1 2026 revenue", None, [("Q1 2026", "2026-01-01", "2026-03-31")]),
    ("in Q4 2025", None, [("Q4 2025", "2025-10-01", "2025-12-31")]),
    (
        "during the first half of 2025",
        None,
        [("the first half of 2025", "2025-01-01", "2025-06-30")],
    ),
    ("2019 H2", None, [("2019 H2", "2019-07-01", "2019-12-31")]),
    ("spring 2025", None, [("spring 2025", "2025-03-01", "2025-05-31")]),
    ("in the 1990s", None, [("the 1990s", "1990-01-01", "1999-12-31")]),
    ("as recently as April 2026", R, [("April 2026", "2026-04-01", "2026-04-30")]),
    # ranges become one interval
    ("The April 9-11, 2026 summit", None, [("April 9-11, 2026", "2026-04-09", "2026-04-11")]),
    ("from March to May 2025", None, [("March to May 2025", "2025-03-01", "2025-05-31")]),
    ("Nov 18 - Dec 19, 2015", None, [("Nov 18 - Dec 19, 2015", "2015-11-18", "2015-12-19")]),
    (
        "between March 2024 and June 2025",
        None,
        [("March 2024 and June 2025", "2024-03-01", "2025-06-30")],
    ),
    ("from 2014 to 2018", None, [("2014 to 2018", "2014-01-01", "2018-12-31")]),
    ("between Jan 2019 and now", R, [("Jan 2019 and now", "2019-01-01", "2026-04-30")]),
    ("between Jan 2019 and now", None, [("Jan 2019 and now", None, None)]),
    ("on January first 2000", None, [("January first 2000", "2000-01-01", "2000-01-01")]),
    (
        "the last week of July 2025",
        None,
        [("the last week of July 2025", "2025-07-28", "2025-08-03")],
    ),
    (
        "two weeks after April 13, 2026",
        None,
        [("two weeks after April 13, 2026", "2026-04-27", "2026-04-27")],
    ),
    (
        "the week of April 15, 2026",
        None,
        [("the week of April 15, 2026", "2026-04-13", "2026-04-19")],
    ),
    # page furniture: the clock time is included in the span
    (
        "April 13, 2026 at 05:05 PMBy AlphaScala",
        None,
        [("April 13, 2026 at 05:05 PM", "2026-04-13", "2026-04-13")],
    ),
    ("Apr 30, 2026 17:20 UTC", None, [("Apr 30, 2026 17:20 UTC", "2026-04-30", "2026-04-30")]),
    # --- relative phrases, resolved against R
    (
        "Late last year, OpenAI committed significant resources to AWS.",
        R,
        [("Late last year", "2025-09-01", "2025-12-31")],
    ),
    (
        "Late last year, OpenAI committed significant resources to AWS.",
        None,
        [("Late last year", None, None)],
    ),
    ("earlier this year", R, [("earlier this year", "2026-01-01", "2026-04-30")]),
    ("later this month", R, [("later this month", "2026-04-30", "2026-04-30")]),
    ("at the end of last year", R, [("the end of last year", "2025-09-01", "2025-12-31")]),
    ("early next year", R, [("early next year", "2027-01-01", "2027-04-30")]),
    ("last month", R, [("last month", "2026-03-01", "2026-03-31")]),
    ("last month", None, [("last month", None, None)]),
    ("last week", R, [("last week", "2026-04-20", "2026-04-26")]),
    ("this week", R, [("this week", "2026-04-27", "2026-05-03")]),
    ("yesterday", R, [("yesterday", "2026-04-29", "2026-04-29")]),
    ("today", R, [("today", "2026-04-30", "2026-04-30")]),
    ("tomorrow", R, [("tomorrow", "2026-05-01", "2026-05-01")]),
    ("last year", R, [("last year", "2025-01-01", "2025-12-31")]),
    ("this year", R, [("this year", "2026-01-01", "2026-12-31")]),
    ("next year", R, [("next year", "2027-01-01", "2027-12-31")]),
    ("next month", R, [("next month", "2026-05-01", "2026-05-31")]),
    ("last quarter", R, [("last quarter", "2026-01-01", "2026-03-31")]),
    ("in two weeks", R, [("in two weeks", "2026-05-14", "2026-05-14")]),
    ("in two weeks", None, [("in two weeks", None, None)]),
    ("three days ago", R, [("three days ago", "2026-04-27", "2026-04-27")]),
    ("two months ago", R, [("two months ago", "2026-02-01", "2026-02-28")]),
    ("a year ago", R, [("a year ago", "2025-01-01", "2025-12-31")]),
    ("over the past year", R, [("the past year", "2025-04-30", "2026-04-30")]),
    ("over the past three years", R, [("the past three years", "2023-04-30", "2026-04-30")]),
    ("in the next 5 days", R, [("the next 5 days", "2026-05-01", "2026-05-05")]),
    ("the past two quarters", R, [("the past two quarters", "2025-10-01", "2026-03-31")]),
    ("within the next 3 months", R, [("within the next 3 months", "2026-04-30", "2026-07-30")]),
    ("in the next fortnight", R, [("next fortnight", "2026-05-01", "2026-05-14")]),
    ("last night", R, [("last night", "2026-04-29", "2026-04-29")]),
    ("next week on Tuesday", R, [("next week on Tuesday", "2026-05-05", "2026-05-05")]),
    (
        "the first quarter of last year",
        R,
        [("the first quarter of last year", "2025-01-01", "2025-03-31")],
    ),
    ("fourth-quarter results", date(2026, 1, 20), [("fourth-quarter", "2025-10-01", "2025-12-31")]),
    ("They met on Monday.", R, [("Monday", "2026-04-27", "2026-04-27")]),
    ("They will meet again on Friday.", R, [("Friday", "2026-05-01", "2026-05-01")]),
    ("last Friday", R, [("last Friday", "2026-04-24", "2026-04-24")]),
    ("next Tuesday", R, [("next Tuesday", "2026-05-05", "2026-05-05")]),
    ("The deal closed in November.", R, [("November", "2025-11-01", "2025-11-30")]),
    ("The launch will happen in November.", R, [("November", "2026-11-01", "2026-11-30")]),
    ("last November", R, [("last November", "2025-11-01", "2025-11-30")]),
    ("signed on April 13 in Paris", R, [("April 13", "2026-04-13", "2026-04-13")]),
    ("signed on April 13 in Paris", None, [("April 13", None, None)]),
    ("on Dec. 28 the board met", date(2026, 1, 5), [("Dec. 28", "2025-12-28", "2025-12-28")]),
    # parts of periods
    (
        "Revenue in the first nine months of 2025 rose.",
        R,
        [("the first nine months of 2025", "2025-01-01", "2025-09-30")],
    ),
    (
        "in the last three months of the year",
        R,
        [("the last three months of the year", "2026-10-01", "2026-12-31")],
    ),
    (
        "the first two weeks of 2021",
        R,
        [("the first two weeks of 2021", "2021-01-04", "2021-01-17")],
    ),
    (
        "the last 3 weeks of this year",
        R,
        [("the last 3 weeks of this year", "2026-12-14", "2027-01-03")],
    ),
    (
        "first ten days of last year",
        R,
        [("first ten days of last year", "2025-01-01", "2025-01-10")],
    ),
    (
        "the first two quarters of 2024",
        R,
        [("the first two quarters of 2024", "2024-01-01", "2024-06-30")],
    ),
    ("the third month of 2021", R, [("the third month of 2021", "2021-03-01", "2021-03-31")]),
    (
        "on the 15th day of next month",
        R,
        [("the 15th day of next month", "2026-05-15", "2026-05-15")],
    ),
    ("the last day of 2025", None, [("the last day of 2025", "2025-12-31", "2025-12-31")]),
    ("the first six months", R, []),
    # holidays and their weekends
    ("over the Labor Day weekend", R, [("Labor Day weekend", "2025-08-30", "2025-09-01")]),
    (
        "Thanksgiving weekend 2023 sales",
        R,
        [("Thanksgiving weekend 2023", "2023-11-23", "2023-11-26")],
    ),
    (
        "the weekend of Halloween 2021",
        R,
        [("the weekend of Halloween 2021", "2021-10-30", "2021-10-31")],
    ),
    ("Christmas shopping", R, []),
    # yearless month ranges, and a weekday range
    ("from Sep to Nov", R, [("Sep to Nov", "2025-09-01", "2025-11-30")]),
    ("from Nov to March", R, [("Nov to March", "2025-11-01", "2026-03-31")]),
    ("between March and May", R, [("March and May", "2026-03-01", "2026-05-31")]),
    (
        "The talks happened between March and May.",
        R,
        [("March and May", "2025-03-01", "2025-05-31")],
    ),
    (
        "The talks will run from next Monday to Friday.",
        R,
        [("next Monday to Friday", "2026-05-04", "2026-05-08")],
    ),
    # scheduled events in the present tense look ahead
    ("The rule takes effect on Jan. 1.", R, [("Jan. 1", "2027-01-01", "2027-01-01")]),
    ("The rule took effect on Jan. 1.", R, [("Jan. 1", "2026-01-01", "2026-01-01")]),
    ("Shares are up 20% year to date.", R, [("year to date", "2026-01-01", "2026-04-30")]),
    ("up 4% YTD", R, [("YTD", "2026-01-01", "2026-04-30")]),
    # case and offsets: matching runs on a lower-cased copy
    ("TUESDAY, APRIL 14, 2026", None, [("TUESDAY, APRIL 14, 2026", "2026-04-14", "2026-04-14")]),
    ("\u0130stanbul, April 13, 2026", None, [("April 13, 2026", "2026-04-13", "2026-04-13")]),
    # --- not dates
    ("He talked to Jan about it; they flew to Mar-a-Lago.", R, []),
    ("at 17:20 UTC", R, []),
    ("recently, in recent months, for years, in the coming weeks", R, []),
    ("in 2016 and through 2030", R, []),
    ("it may 5 times march on", R, []),
    ("version 1.2.3 and score 3/4", R, []),
    ("Feb 30, 2026", R, []),
    ("sales fell the previous year", R, []),
    ("the Sunday Times and Black Friday deals", R, []),
]


def _interval(first: str | None, last: str | None) -> DateInterval | None:
    if first is None or last is None:
        return None
    return DateInterval(date.fromisoformat(first), date.fromisoformat(last))


@pytest.mark.parametrize(("text", "ref", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_dates(text: str, ref: date | None, expected: list[Expected]) -> None:
    found = list(dates.extract(text, ExtractContext(reference_date=ref)))
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
        assert mention.kind == "date"
    got = [(m.text, m.value) for m in found]
    assert got == [(span, _interval(first, last)) for span, first, last in expected]


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        ("last week", True),
        ("three days ago", True),
        ("April 13", True),
        ("April 13, 2026", False),
        ("late 2025", False),
    ],
)
def test_relative_detail(text: str, relative: bool) -> None:
    (mention,) = dates.extract(text, ExtractContext(reference_date=R))
    assert (mention.detail == "relative") is relative


def test_no_reference_date_never_uses_today() -> None:
    (mention,) = dates.extract("yesterday", ExtractContext())
    assert mention.value is None and mention.detail == "relative"


def test_mentions_are_ordered_and_disjoint() -> None:
    text = "In March 2025, then on April 13, 2026 and late last year, next week and Q1 2026."
    found = list(dates.extract(text, ExtractContext(reference_date=R)))
    assert [m.text for m in found] == [
        "March 2025",
        "April 13, 2026",
        "late last year",
        "next week",
        "Q1 2026",
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_scanner_rejects_start_words_it_cannot_trigger() -> None:
    scanner = dates_scan.Scanner([dates_scan.Rule(r"\bst\.", lambda m, t: None, ("st.",))])
    with pytest.raises(ValueError, match="st"):
        list(scanner.candidates("St. Louis", "st. louis"))


def test_lower_keeps_offsets() -> None:
    text = "\u0130stanbul, April 13"
    assert len(dates_scan.lower(text)) == len(text)


def test_trie_matches_exactly_its_words() -> None:
    pattern = re.compile(rf"(?:{dates_scan.trie({w: '$' for w in ('a', 'an', 'and', 'april')})})")
    assert [w for w in ("a", "an", "and", "april", "ap", "ann") if pattern.match(w)] == [
        "a",
        "an",
        "and",
        "april",
    ]


@pytest.mark.parametrize("published_weekday", range(7))
@pytest.mark.parametrize(
    "named",
    list(enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))),
)
def test_last_weekday_is_the_most_recent_one_strictly_before_publication(
    published_weekday: int, named: tuple[int, str]
) -> None:
    """Decided: "last Tuesday" is the latest Tuesday before the publication date;
    published on a Tuesday, it is seven days earlier."""
    weekday, name = named
    published = date(2026, 4, 27) + timedelta(days=published_weekday)  # 2026-04-27 is a Monday
    text = f"The deal closed last {name}."
    found = list(dates.extract(text, ExtractContext(reference_date=published)))
    assert len(found) == 1 and isinstance(found[0].value, DateInterval)
    day = found[0].value.start
    assert found[0].value.end == day and day.weekday() == weekday
    assert 1 <= (published - day).days <= 7
