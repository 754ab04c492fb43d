"""The time a bound value describes, from the words of its sentence.

For claims marked ``changes_over_time`` each value is dated: a date the
sentence gives ("as of March", "in 2025", "last quarter", "on Oct. 2") wins,
the nearest one to the value; else the reconciler falls back on the article's
publication date. Relative phrases resolve against that publication date (never
today's). Examples, published 2026-10-05::

    "valued at $500 billion as of March"   -> March 2026
    "worth $730 billion in 2025"           -> 2025-01-01 .. 2025-12-31
    "revenue last quarter was $4 billion"  -> 2026-07-01 .. 2026-09-30
    "Lumen Labs, founded in 2019, is valued at $730 billion" -> none (an aside)

The value's own words never date it (a date claim's value is not its time).
"""

from __future__ import annotations

import re
from datetime import date

from factcheck.extract import EXTRACTORS
from factcheck.extract.dates.calendar import MONTH_PATTERN, month_interval, year_interval
from factcheck.model import DateInterval, ExtractContext
from factcheck.regexes import compiled

# A bare month after "as of", "in", "since"...: the date extractor leaves a lone
# "March" alone (it is also a verb and a name), but after these words it is a time.
_AS_OF_MONTH = compiled(
    rf"\b(?:as\s+of|in|since|by|through|until|during)\s+({MONTH_PATTERN})(?!\w)(?!\s+\d)",
    re.IGNORECASE,
)


def sentence_date(
    sentence: str, value_span: tuple[int, int], published: date | None
) -> DateInterval | None:
    """The date ``sentence`` gives for the value at ``value_span`` (offsets into the
    sentence), nearest to it first; None when it gives none."""
    context = ExtractContext(published)
    found: list[tuple[int, int, DateInterval]] = []
    for kind in ("date", "year"):
        for mention in EXTRACTORS[kind](sentence, context):
            interval = _interval(mention.value)
            if interval is not None and not _overlaps((mention.start, mention.end), value_span):
                found.append((mention.start, mention.end, interval))
    if published is not None:
        for match in _AS_OF_MONTH.finditer(sentence):
            span = match.span(1)
            if not any(_overlaps(span, (s, e)) for s, e, _ in found):
                found.append((*span, _latest_month(match.group(1), published)))
    # A date with another figure between it and the value dates that figure ("$730
    # billion, up from $500 billion as of March": March is the $500 billion's time),
    # and one set off by commas on both sides tells of something else ("Lumen Labs,
    # founded in 2019, is valued at ...").
    own = [
        f
        for f in found
        if not _figure_between(sentence, (f[0], f[1]), value_span)
        and not _aside(sentence, (f[0], f[1]), value_span)
    ]
    if not own:
        return None
    start, end, interval = min(own, key=lambda f: (_distance((f[0], f[1]), value_span), f[0]))
    return interval


def _aside(sentence: str, span: tuple[int, int], value: tuple[int, int]) -> bool:
    """Whether ``span`` stands between two commas that do not also hold the value."""
    before = sentence.rfind(",", 0, span[0])
    after = sentence.find(",", span[1])
    if before < 0 or after < 0:
        return False
    return not (before < value[0] and value[1] <= after + 1)


def _figure_between(sentence: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    gap = sentence[min(a[1], b[1]) : max(a[0], b[0])]
    return any(c.isdigit() for c in gap)


def _interval(value: object) -> DateInterval | None:
    if isinstance(value, DateInterval):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return year_interval(value)
    return None


def _latest_month(word: str, published: date) -> DateInterval:
    """The latest month of that name not after the publication date."""
    month = _MONTHS[word[:3].casefold()]
    year = published.year if month <= published.month else published.year - 1
    return month_interval(year, month)


_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])
