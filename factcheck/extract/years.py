"""Years: kind ``"year"``, value an int.

Standalone four-digit years 1800-2199::

    "in 2016" -> 2016;  "through 2030" -> 2030;  "2025's results" -> 2025
    "FY2025" / "FY 2025" / "FY25" -> 2025 (detail "fiscal")

Not years: "$2025", "2,025", "2025.5", "2025%", "2025 people", "1990s"
(a decade, see :mod:`.dates`), "12025". A year inside a larger date
("November 2025") is emitted too; :func:`factcheck.extract.resolve_overlaps`
lets the date win.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.model import ExtractContext, Mention

KIND = "year"
_YEAR = re.compile(r"(?<![\w$€£¥.,])(?P<year>1[89]\d\d|2[01]\d\d)(?!\w|[.,:]\d|\s*%)")
_FISCAL = re.compile(r"\bFY\s?(?P<year>(?:1[89]|2[01])\d\d|\d\d)(?!\w|[.,]\d)")
# A count, not a year: "2025 people", "1800 km", "2100 percent".
_UNIT_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:%|percent\b|per\s+cent\b|percentage\b|million\b|billion\b|trillion\b"
    r"|thousand\b|bn\b|mn\b|km\b|kilomet|miles?\b|kg\b|kilo|tonnes?\b|tons?\b|pounds\b|lbs?\b"
    r"|people\b|persons\b|employees\b|staff\b|workers\b|jobs\b|units\b|shares\b|points\b"
    r"|feet\b|ft\b|met(?:er|re)s?\b|m\b|MW\b|GW\b|kWh\b|MWh\b|hours\b|yards\b|calories\b"
    r"|rpm\b|dollars\b|euros\b|pounds\b|barrels\b|cars\b|vehicles\b|homes\b|students\b)",
    re.IGNORECASE,
)
# A number in a sequence or a code: "No. 2025", "#2100", "1-800-2000".
_BEFORE_CODE = re.compile(r"(?:No\.?|#|\d[-/:])\s*\Z", re.IGNORECASE)
_YEAR_DASH_BEFORE = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d\s*[-\u2013/]\s*\Z")


def extract(text: str, context: ExtractContext) -> Iterator[Mention]:
    """Yield year mentions in order of position."""
    found: list[Mention] = []
    for match in _FISCAL.finditer(text):
        digits = match["year"]
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        found.append(Mention(KIND, match.start(), match.end(), match[0], year, detail="fiscal"))
    taken = [(m.start, m.end) for m in found]
    for match in _YEAR.finditer(text):
        start, end = match.span()
        if any(s <= start < e for s, e in taken):
            continue
        if _UNIT_AFTER.match(text, end) or _after_code(text, start):
            continue
        found.append(Mention(KIND, start, end, match[0], int(match["year"])))
    yield from sorted(found, key=lambda m: m.start)


def _after_code(text: str, start: int) -> bool:
    """Preceded by "No.", "#" or a number and a dash, except a year range "2014-2018"."""
    window = max(0, start - 8)
    if _BEFORE_CODE.search(text, window, start) is None:
        return False
    return _YEAR_DASH_BEFORE.search(text, window, start) is None
