"""How values read to a person: "up to $50 billion", "November 2025", "60,000".

Used by every face (terminal, lint messages, HTML) so a value is written the
same way everywhere.
"""

from __future__ import annotations

from datetime import timedelta

from factcheck.model import DateInterval, NumberRange
from factcheck.values import ClaimValue

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_QUALIFIER_WORDS = {
    "up_to": "up to",
    "about": "about",
    "more_than": "more than",
    "at_least": "at least",
    "less_than": "less than",
    "additional": "an additional",
}


def display(value: ClaimValue) -> str:
    """A short human form: "up to $50 billion", "November 2025", "2030"."""
    text = _display_bare(value)
    if value.qualifier:
        text = f"{_QUALIFIER_WORDS[value.qualifier]} {text}"
    return text


def _display_bare(value: ClaimValue) -> str:
    v = value.value
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, DateInterval):
        return display_interval(v)
    if isinstance(v, NumberRange):
        low = "" if v.low is None else _number(v.low)
        high = "" if v.high is None else _number(v.high)
        return f"{low}–{high}"
    if isinstance(v, float | int) and value.unit == "%":
        return f"{_number(v)}%"
    if isinstance(v, float) and value.unit is not None:
        symbol = _SYMBOLS.get(value.unit)
        amount = _scaled(v)
        return f"{symbol}{amount}" if symbol else f"{amount} {value.unit}"
    if isinstance(v, float):
        return _scaled(v)
    return str(v)


def _scaled(x: float) -> str:
    for size, word in _SCALES:
        if abs(x) >= size:
            return f"{_number(x / size)} {word}"
    return _number(x)


def _number(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.6g}"


def display_interval(interval: DateInterval) -> str:
    start, end = interval.start, interval.end
    if start == end:
        return start.isoformat()
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    month_end = (end + timedelta(days=1)).day == 1
    if start.day == 1 and month_end and (start.year, start.month) == (end.year, end.month):
        return start.strftime("%B %Y")
    return f"{start.isoformat()}..{end.isoformat()}"


def plural(count: int, word: str) -> str:
    """ "1 error", "3 warnings"."""
    return f"{count} {word}{'' if count == 1 else 's'}"
