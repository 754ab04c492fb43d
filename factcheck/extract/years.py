"""Years: kind ``"year"``, value an int.

Standalone four-digit years 1800-2199::

    "in 2016" -> 2016;  "through 2030" -> 2030;  "2025's results" -> 2025
    "FY2025" / "FY 2025" / "FY25" -> 2025 (detail "fiscal")
    "nineteen ninety-six", "two thousand and fifteen" -> 1996, 2015 (detail "spelled")

Spelled years need a century word and a second part ("nineteen ninety-six",
"twenty twenty", "seventeen hundred and thirty"), or "two thousand and N":
"two thousand" or "two thousand five" alone are read as numbers.

Not years: "$2025", "2,025", "2025.5", "2025%", "2025 people", "1990s"
(a decade, see :mod:`.dates`), "12025". A year inside a larger date
("November 2025") is emitted too; :func:`factcheck.extract.resolve_overlaps`
lets the date win.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.extract.lazy import lazy
from factcheck.extract.numerals import in_digit_chain
from factcheck.extract.vocabulary import MAJOR_SYMBOLS, TEENS, TENS, UNITS
from factcheck.model import ExtractContext, Mention
from factcheck.regexes import compiled

KIND = "year"


# Spelled years: "nineteen ninety-six", "seventeen hundred thirty three",
# "twenty twenty", "nineteen oh five", "two thousand and fifteen".
_ONES = UNITS[1:]  # "one" to "nine"
_WORD_VALUES = {
    **{w: i + 1 for i, w in enumerate(_ONES)},
    **{w: i + 10 for i, w in enumerate(TEENS)},
    **{w: 20 + 10 * i for i, w in enumerate(TENS)},
}
_ONES_RE = "|".join(_ONES)
_TWO_DIGIT_RE = rf"(?:(?:{'|'.join(TENS)})(?:[\s-](?:{_ONES_RE})\b)?|(?:{'|'.join(TEENS)}))"
SPELLED_YEAR_PATTERN = (
    rf"(?:(?:seventeen|eighteen|nineteen|twenty)\s+(?:hundred(?:\s+(?:and\s+)?"
    rf"(?:{_TWO_DIGIT_RE}|{_ONES_RE}))?|oh\s+(?:{_ONES_RE})|{_TWO_DIGIT_RE})"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_TWO_DIGIT_RE}|{_ONES_RE}))?)\b"
)


def expand_two_digit_year(year: int) -> int:
    """'26 -> 2026, '87 -> 1987 (pivot 50: 00-49 are 20xx)."""
    return 2000 + year if year < 50 else 1900 + year


def _words_value(words: list[str]) -> int:
    return sum(_WORD_VALUES.get(w, 0) for w in words)


def spelled_year_value(text: str) -> int | None:
    """1996 for "nineteen ninety-six"; None when ``text`` is no spelled year."""
    words = [w for w in re.split(r"[\s-]+", text.strip().lower()) if w and w != "and"]
    if len(words) < 2:
        return None
    if words[:2] == ["two", "thousand"]:
        return 2000 + _words_value(words[2:])
    century = _WORD_VALUES.get(words[0])
    if century is None:
        return None
    rest = words[1:]
    if rest[0] in ("hundred", "oh"):
        rest = rest[1:]
    return century * 100 + _words_value(rest)


def year_value(text: str) -> int | None:
    """A year written "2016", "'87" / "’87" (pivot 50) or spelled out."""
    text = text.strip()
    if text.isdigit() and len(text) == 4:
        return int(text)
    if len(text) == 3 and text[0] in "'\u2019" and text[1:].isdigit():
        return expand_two_digit_year(int(text[1:]))
    if len(text) == 2 and text.isdigit():  # "April of 87"
        return expand_two_digit_year(int(text))
    return spelled_year_value(text)


# 1800-2199 standing alone. The first digit comes first, then the look back at what
# precedes it: a pattern that opens with a class lets the regex engine skip to the 1s and 2s.
_YEAR = compiled(
    rf"(?P<year>[12](?<![\w{MAJOR_SYMBOLS}.,].)(?:(?<=1)[89]|(?<=2)[01])\d\d)"
    r"(?!\w|[.,:]\d|\s*%)"
)
_FISCAL = compiled(r"\bFY\s?(?P<year>(?:1[89]|2[01])\d\d|\d\d)(?!\w|[.,]\d)")
# A count, not a year: "2025 people", "1800 km", "2100 percent".
_UNIT_AFTER = compiled(
    r"\s*(?:-\s*)?(?:%|percent\b|per\s+cent\b|percentage\b|million\b|billion\b|trillion\b"
    r"|thousand\b|bn\b|mn\b|km\b|kilomet|miles?\b|kg\b|kilo|tonnes?\b|tons?\b|pounds\b|lbs?\b"
    r"|people\b|persons\b|employees\b|staff\b|workers\b|jobs\b|units\b|shares\b|points\b"
    r"|feet\b|ft\b|met(?:er|re)s?\b|m\b|MW\b|GW\b|kWh\b|MWh\b|hours\b|yards\b|calories\b"
    r"|rpm\b|dollars\b|euros\b|pounds\b|barrels\b|cars\b|vehicles\b|homes\b|students\b"
    r"|pieces\b|items\b|copies\b)",
    re.IGNORECASE,
)
# A number in a sequence or a code: "No. 2025", "#2100", "1-800-2000".
_BEFORE_CODE = compiled(r"(?:No\.?|#|\d[-/:])\s*\Z", re.IGNORECASE)
SPELLED_YEAR = lazy(rf"\b{SPELLED_YEAR_PATTERN}", re.IGNORECASE)
# Bare "nineteen hundred", "two thousand", "two thousand five" are numbers.
_SPELLED_NUMBER = lazy(
    r"(?:seventeen|eighteen|nineteen|twenty)\s+hundred|two\s+thousand(?:\s+[a-z]+)?",
    re.IGNORECASE,
)
_YEAR_DASH_BEFORE = compiled(r"(?<!\d)(?:1[89]|2[01])\d\d\s*[-\u2013/]\s*\Z")


def extract(text: str, context: ExtractContext) -> Iterator[Mention]:
    """Yield year mentions in order of position."""
    found: list[Mention] = []
    for match in _FISCAL.finditer(text) if "FY" in text else ():
        digits = match["year"]
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        found.append(Mention(KIND, match.start(), match.end(), match[0], year, detail="fiscal"))
    for match in SPELLED_YEAR().finditer(text) if _may_spell_year(text) else ():
        if _SPELLED_NUMBER().fullmatch(match[0]) or _UNIT_AFTER.match(text, match.end()):
            continue
        value = spelled_year_value(match[0])
        if value is not None and 1800 <= value <= 2199:
            found.append(
                Mention(KIND, match.start(), match.end(), match[0], value, detail="spelled")
            )
    taken = [(m.start, m.end) for m in found]
    for match in _YEAR.finditer(text):
        start, end = match.span()
        if any(s <= start < e for s, e in taken):
            continue
        if (
            _UNIT_AFTER.match(text, end)
            or _after_code(text, start)
            or in_digit_chain(text, start, end)
        ):
            continue
        found.append(Mention(KIND, start, end, match[0], int(match["year"])))
    yield from sorted(found, key=lambda m: m.start)


# Every spelled year has one of these words; a case-insensitive pattern also takes
# these non-ASCII letters for ASCII ones ("ſ" for "s", "ı" and "İ" for "i", "K" for "k").
_SPELLED_KEYS = ("seventeen", "eighteen", "nineteen", "twenty", "thousand")
_CASE_FOLDING_ODDITIES = ("\u017f", "\u0131", "\u0130", "\u212a")


def _may_spell_year(text: str) -> bool:
    """A cheap test before searching for spelled years: False only when none can match."""
    low = text.lower()
    return any(key in low for key in _SPELLED_KEYS) or (
        not text.isascii() and any(c in text for c in _CASE_FOLDING_ODDITIES)
    )


def _after_code(text: str, start: int) -> bool:
    """Preceded by "No.", "#" or a number and a dash, except a year range "2014-2018"."""
    window = max(0, start - 8)
    if _BEFORE_CODE.search(text, window, start) is None:
        return False
    return _YEAR_DASH_BEFORE.search(text, window, start) is None
