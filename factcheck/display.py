"""How values read to a person: "up to $50 billion", "November 2025", "60,000".

Used by every face (terminal, lint messages, HTML) so a value is written the
same way everywhere.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, ClassVar

from factcheck.dataclass import dataclass
from factcheck.extract.vocabulary import (
    CURRENCY_SYMBOLS,
    DOLLAR_PREFIXES,
    MAJOR_SYMBOLS,
    POWERS_OF_A_THOUSAND,
    QUALIFIER_WORDING,
    SCALE_WORDS,
)
from factcheck.model import DateInterval, NumberRange, Qualifier
from factcheck.values import ClaimValue, json_value

# Figures of a million and more read with their scale word: "$50 billion", "60,000".
_SCALES = tuple(
    (SCALE_WORDS[w], w) for w in reversed(POWERS_OF_A_THOUSAND) if SCALE_WORDS[w] >= 1e6
)
# Amounts in a currency with a major symbol read with it ("€5 million"), others with
# their code ("5 million INR").
_SYMBOLS = {DOLLAR_PREFIXES[""] if s == "$" else CURRENCY_SYMBOLS[s]: s for s in MAJOR_SYMBOLS}


@dataclass(frozen=True, slots=True)
class ValueOut:
    """A value as the reports write it: normalised, and as a person would write it."""

    # Plain data, so a lint never imports pydantic; the reports' JSON Schemas read
    # these docstrings as the fields' descriptions.
    __pydantic_config__: ClassVar[dict[str, bool]] = {"use_attribute_docstrings": True}

    value: Any
    """The normalised value (see the README for each type)."""
    unit: str | None
    """ISO currency code for money, '%' for percent."""
    qualifier: Qualifier | None
    display: str
    """The value as a person would write it."""


def value_out(value: ClaimValue | None) -> ValueOut | None:
    data = value_json(value)
    return None if data is None else ValueOut(**data)


def value_json(value: ClaimValue | None) -> dict[str, Any] | None:
    """A value as the report writes it (:class:`ValueOut`'s fields)."""
    if value is None:
        return None
    return {
        "value": json_value(value.value),
        "unit": value.unit,
        "qualifier": value.qualifier,
        "display": display(value),
    }


def display(value: ClaimValue) -> str:
    """A short human form: "up to $50 billion", "November 2025", "2030"."""
    text = _display_bare(value)
    if value.qualifier:
        text = f"{QUALIFIER_WORDING[value.qualifier]} {text}"
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
    if isinstance(v, float | int) and value.unit == "day":
        from factcheck.extract.durations import display_days

        return display_days(float(v))
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
