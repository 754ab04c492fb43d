"""Claim values: parsing what a rule writes, and deciding compatibility.

A value written in a rule file (``expect``, an example's ``value``) is parsed
with the very extractors that read articles, so "$38bn", "US$38 billion" and
38000000000 all mean the same thing wherever they appear.

Compatibility treats a hedged figure as an interval: "up to $50 billion" is
[0, 50bn], "more than 30" is [30, inf), "about 20%" is 20 +/- 10 %; two values
are compatible when their intervals overlap after widening by the tolerance.
Dates are intervals already ("November 2025"); overlap is compatibility.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date

from rapidfuzz import fuzz

from factcheck.dataclass import dataclass
from factcheck.errors import ValueParseError
from factcheck.model import DateInterval, ExtractContext, Mention, NumberRange, Qualifier, Value
from factcheck.text import fold

ABOUT_SPREAD = 0.10  # "about X" covers X +/- 10 %
TEXT_MATCH = 90  # rapidfuzz token_set_ratio at or above which two texts agree


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far a value may lie from another and still agree: absolute, relative or both."""

    absolute: float = 0.0
    relative: float = 0.0

    def widen(self, value: float) -> float:
        return max(self.absolute, abs(value) * self.relative)


# Words a tolerance may carry after its number: "2 percent" is 2%; "3 days", "1 point"
# name the claim's own unit. Any other word ("2 million") is refused, never dropped.
_RELATIVE_WORDS = frozenset({"%", "percent", "per cent", "pct"})
_ABSOLUTE_WORDS = frozenset(
    {"day", "days", "year", "years", "point", "points", "percentage point", "percentage points"}
)


def parse_tolerance(raw: float | int | str | None) -> Tolerance:
    """``5`` -> absolute (in the claim's unit; days for dates), ``"5%"`` -> relative."""
    if raw is None:
        return Tolerance()
    if isinstance(raw, bool):
        raise ValueParseError("tolerance must be a number or a percentage such as '5%'")
    if isinstance(raw, int | float):
        amount = _finite(raw, "tolerance")
        if amount < 0:
            raise ValueParseError("tolerance cannot be negative")
        return Tolerance(absolute=amount)
    number, _, unit = raw.strip().partition(" ")
    unit = " ".join(unit.split()).lower()
    try:
        if number.endswith("%") and not unit:
            number, unit = number[:-1], "%"
        if unit in _RELATIVE_WORDS:
            relative = _finite(float(number), "tolerance") / 100
            if relative < 0:
                raise ValueParseError("tolerance cannot be negative")
            return Tolerance(relative=relative)
        if unit and unit not in _ABSOLUTE_WORDS:  # "2 million" is not 2
            raise ValueError(unit)
        return parse_tolerance(float(number))
    except ValueError as exc:
        if isinstance(exc, ValueParseError):
            raise
        raise ValueParseError(
            f"cannot read tolerance {raw!r}; write a number (absolute) or a percentage ('5%')"
        ) from exc


def _finite(raw: float | int, what: str) -> float:
    """``raw`` as a float, refusing what no article states: NaN, infinity, overflow."""
    try:
        number = float(raw)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ValueParseError(f"{_brief(raw)} is not a finite {what}")
    return number


def _brief(raw: object) -> str:
    text = str(raw)
    return text if len(text) <= 24 else f"{text[:20]}... ({len(text)} characters)"


@dataclass(frozen=True, slots=True)
class ClaimValue:
    """A value bound to a claim, normalised for the claim's type."""

    value: Value
    unit: str | None = None
    qualifier: Qualifier | None = None


def parse_value(
    value_type: str,
    raw: object,
    choices: dict[str, list[str]] | None = None,
    signed: bool = False,
    unit: str | None = None,
) -> ClaimValue:
    """Parse a value written in a rule for a claim of ``value_type``; ``signed``: a
    downward value written as an article would ('-5%', 'down 5%') is negative;
    ``unit``: a quantity claim's unit, which the value is converted into."""
    if raw is None:
        raise ValueParseError("a value is required here")
    if value_type == "quantity":
        return _parse_quantity(raw, unit)
    parser = _PARSERS.get(value_type)
    if parser is None:
        raise ValueParseError(f"unknown value type {value_type!r}")
    value = parser(raw, choices)
    if signed and isinstance(raw, str) and _reads_down(value_type, raw):
        return signed_value(value, "down")
    return value


def _reads_down(kind: str, text: str) -> bool:
    from factcheck.extract import EXTRACTORS

    found = [m for m in EXTRACTORS[kind](text.strip(), ExtractContext()) if m.value is not None]
    return bool(found) and found[0].direction == "down"


def signed_value(value: ClaimValue, direction: str | None) -> ClaimValue:
    """A signed claim's value: negative when the text says it went down."""
    number = value.value
    if direction != "down" or isinstance(number, bool) or not isinstance(number, int | float):
        return value
    return ClaimValue(-abs(number), value.unit, value.qualifier)


def _parse_by_extractor(kind: str, raw: object) -> ClaimValue:
    from factcheck.extract import EXTRACTORS, qualifiers

    text = str(raw).strip()
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        text = repr(raw) if kind != "percent" else f"{raw}%"
    found = [qualifiers.attach(text, m) for m in EXTRACTORS[kind](text, ExtractContext())]
    whole = [m for m in found if m.value is not None and _covers(text, m)]
    if len(whole) != 1:
        raise ValueParseError(f"{text!r} is not a {kind} value")
    return mention_value(whole[0], kind)


def _covers(text: str, mention: Mention) -> bool:
    rest = (text[: mention.start] + text[mention.end :]).strip(" .")
    return not rest


def _parse_money(raw: object, _: object) -> ClaimValue:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return ClaimValue(_finite(raw, "amount"), None)
    return _checked(_parse_by_extractor("money", raw), raw)


def _parse_percent(raw: object, _: object) -> ClaimValue:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return ClaimValue(_finite(raw, "percentage"), "%")
    return _checked(_parse_by_extractor("percent", raw), raw)


def _parse_number(raw: object, _: object) -> ClaimValue:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return ClaimValue(_finite(raw, "number"))
    parsed = _checked(_parse_by_extractor("number", raw), raw)
    if isinstance(parsed.value, int) and not isinstance(parsed.value, bool):
        return ClaimValue(float(parsed.value), parsed.unit, parsed.qualifier)
    return parsed


def _checked(parsed: ClaimValue, raw: object) -> ClaimValue:
    """A parsed quantity, refused when its numeral overflows ('$1e308 billion')."""
    value = parsed.value
    ends = (value.low, value.high) if isinstance(value, NumberRange) else (value,)
    for end in ends:
        if isinstance(end, float) and not math.isfinite(end):
            raise ValueParseError(f"{_brief(raw)!r} is too large a value")
    return parsed


def _year(raw: object) -> int | None:
    """A calendar year (1 to 9999) written as a whole number or digits, else None."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        year = raw
    elif isinstance(raw, str) and raw.strip().isdecimal() and len(raw.strip()) <= 4:
        year = int(raw.strip())
    else:
        return None
    if not 1 <= year <= 9999:
        raise ValueParseError(f"{_brief(raw)} is not a year; years run from 1 to 9999")
    return year


def _parse_year(raw: object, _: object) -> ClaimValue:
    year = _year(raw)
    if year is None:
        raise ValueParseError(f"{raw!r} is not a year; write four digits such as 2030")
    return ClaimValue(year)


def _parse_date(raw: object, _: object) -> ClaimValue:
    if isinstance(raw, date):
        return ClaimValue(DateInterval(raw, raw))
    if isinstance(raw, dict) and set(raw) == {"start", "end"}:
        start, end = (_iso_date(raw[k]) for k in ("start", "end"))
        if end < start:
            raise ValueParseError("a date interval's end is before its start")
        return ClaimValue(DateInterval(start, end))
    year = _year(raw)
    if year is not None:
        return ClaimValue(DateInterval(date(year, 1, 1), date(year, 12, 31)))
    try:
        return _parse_by_extractor("date", raw)
    except ValueParseError:
        raise ValueParseError(
            f"{raw!r} is not a date; write e.g. 'November 2025', '2025-11-03', 2025 "
            "or {start: 2025-11-01, end: 2025-11-30}"
        ) from None


def _iso_date(raw: object) -> date:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError as exc:
        raise ValueParseError(f"{raw!r} is not an ISO date (YYYY-MM-DD)") from exc


def _parse_boolean(raw: object, _: object) -> ClaimValue:
    if isinstance(raw, bool):
        return ClaimValue(raw)
    words = {"true": True, "yes": True, "false": False, "no": False}
    if isinstance(raw, str) and raw.strip().lower() in words:
        return ClaimValue(words[raw.strip().lower()])
    raise ValueParseError(f"{raw!r} is not a boolean; write true or false")


def _parse_text(raw: object, choices: dict[str, list[str]] | None) -> ClaimValue:
    if not isinstance(raw, str) or not raw.strip():
        raise ValueParseError(f"{raw!r} is not a text value; write a non-empty string")
    text = " ".join(raw.split())
    if choices:
        canonical = match_choice(text, choices)
        if canonical is None:
            raise ValueParseError(f"{text!r} is not one of the choices: {', '.join(choices)}")
        return ClaimValue(canonical)
    return ClaimValue(text)


def match_choice(text: str, choices: dict[str, list[str]]) -> str | None:
    """The canonical choice that ``text`` names (exactly or by an alias), if any."""
    folded = fold(text)
    for canonical, aliases in choices.items():
        if folded in (fold(canonical), *(fold(a) for a in aliases)):
            return canonical
    return None


def _parse_duration(raw: object, _: object) -> ClaimValue:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return ClaimValue(_finite(raw, "number of days"), "day")
    return _checked(_parse_by_extractor("duration", raw), raw)


def _parse_quantity(raw: object, unit: str | None) -> ClaimValue:
    """ "2 GW", "2,000 MW" or a bare 2 (in the claim's unit) for a claim in ``unit``."""
    from factcheck.extract import extract_all

    if unit is None:
        raise ValueParseError("a quantity claim needs a unit")
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise ValueParseError(f"{_brief(raw)} is not a quantity")
    text = repr(raw) if isinstance(raw, int | float) else raw.strip()
    found = [m for m in extract_all(text) if m.kind == "number" and m.value is not None]
    if len(found) != 1 or text[: found[0].start].strip():
        raise ValueParseError(f"{text!r} is not a quantity; write e.g. '2 GW' or 2")
    mention = found[0]
    if mention.measure is None and text[mention.end :].strip():
        raise ValueParseError(f"{text!r} names no unit factcheck knows; write e.g. '2 GW' or 2")
    if mention.measure is None:
        return mention_value(dataclasses.replace(mention, measure=unit), "quantity", unit)
    if not can_convert(mention.measure, unit):
        raise ValueParseError(f"{text!r} does not measure the same thing as {unit}")
    return mention_value(mention, "quantity", unit)


_PARSERS = {
    "money": _parse_money,
    "percent": _parse_percent,
    "number": _parse_number,
    "duration": _parse_duration,
    "year": _parse_year,
    "date": _parse_date,
    "boolean": _parse_boolean,
    "text": _parse_text,
}


def mention_value(mention: Mention, claim_type: str, unit: str | None = None) -> ClaimValue:
    """Normalise an extracted mention's value for a claim of ``claim_type``; a quantity
    is converted into the claim's ``unit``; a count keeps no unit ("3.5 million tonnes"
    is 3,500,000 for a number claim)."""
    value = mention.value
    assert value is not None, "unresolved mentions are never bound"
    if claim_type == "quantity":
        return _converted(mention, value, unit)
    if claim_type == "year" and isinstance(value, DateInterval):
        year = value.single_year()
        assert year is not None
        value = year
    elif claim_type == "date" and isinstance(value, int) and not isinstance(value, bool):
        value = DateInterval(date(value, 1, 1), date(value, 12, 31))
    elif claim_type in ("money", "percent", "number") and isinstance(value, int):
        value = float(value)  # quantities are floats; only years stay integers
    return ClaimValue(value, mention.unit, mention.qualifier)


def _converted(mention: Mention, value: Value, unit: str | None) -> ClaimValue:
    from factcheck.quantities import factor

    assert unit is not None and mention.measure is not None, "quantities are bound with units"
    scale = factor(mention.measure, unit)
    assert scale is not None, "only comparable units are bound"
    if isinstance(value, NumberRange):
        low = None if value.low is None else value.low * scale
        high = None if value.high is None else value.high * scale
        return ClaimValue(
            NumberRange(low, high, value.low_closed, value.high_closed), unit, mention.qualifier
        )
    assert isinstance(value, int | float) and not isinstance(value, bool)
    return ClaimValue(float(value) * scale, unit, mention.qualifier)


def can_convert(written: str, wanted: str) -> bool:
    """Whether a value in ``written`` units can be read in a claim's ``wanted`` unit."""
    from factcheck.quantities import factor

    return factor(written, wanted) is not None


def can_bind(mention: Mention, claim_type: str) -> bool:
    """Whether an extracted mention can carry a value for a claim of this type."""
    if mention.value is None:
        return False
    if claim_type == "year":
        if mention.kind == "date":
            value = mention.value
            return isinstance(value, DateInterval) and value.single_year() is not None
        return mention.kind == "year"
    if claim_type == "date":
        return mention.kind in ("date", "year")
    if claim_type == "quantity":
        return mention.kind == "number" and mention.measure is not None
    if mention.unit == "points":
        return False  # percentage or basis points: no percentage (a rule unit will bind them)
    return mention.kind == claim_type


def compatible(a: ClaimValue, b: ClaimValue, tolerance: Tolerance) -> bool:
    """Whether two values for the same claim can both be true."""
    x, y = a.value, b.value
    if isinstance(x, DateInterval) and isinstance(y, DateInterval):
        # Day numbers, not dates: a wide tolerance near year 1 or 9999 cannot overflow.
        pad = tolerance.absolute
        return (
            x.start.toordinal() - pad <= y.end.toordinal()
            and y.start.toordinal() - pad <= x.end.toordinal()
        )
    if isinstance(x, bool) or isinstance(y, bool):
        return x == y
    if isinstance(x, str) and isinstance(y, str):
        return fold(x) == fold(y) or fuzz.token_set_ratio(fold(x), fold(y)) >= TEXT_MATCH
    if a.unit and b.unit and a.unit != b.unit:
        return False
    # The tolerance widens one side only: |a - b| <= tolerance, not 2 x tolerance.
    lo_a, hi_a = _interval(a, tolerance)
    lo_b, hi_b = _interval(b, Tolerance())
    return lo_a <= hi_b and lo_b <= hi_a


def value_interval(value: ClaimValue, tolerance: Tolerance) -> tuple[float, float] | None:
    """The interval :func:`compatible` gives a quantity (widened by ``tolerance``);
    None for a value that is not a number or a range."""
    v = value.value
    if isinstance(v, bool) or not isinstance(v, int | float | NumberRange):
        return None
    return _interval(value, tolerance)


def _interval(value: ClaimValue, tolerance: Tolerance) -> tuple[float, float]:
    v = value.value
    if isinstance(v, NumberRange):
        low = -math.inf if v.low is None else v.low
        high = math.inf if v.high is None else v.high
        return low - tolerance.widen(low), high + tolerance.widen(high)
    assert isinstance(v, int | float)
    x = float(v)
    pad = tolerance.widen(x) + abs(x) * 1e-9
    match value.qualifier:
        case "up_to" | "less_than":
            return -math.inf, x + pad
        case "more_than" | "at_least":
            return x - pad, math.inf
        case "about":
            spread = max(pad, abs(x) * ABOUT_SPREAD)
            return x - spread, x + spread
        case _:
            return x - pad, x + pad


def json_value(value: Value) -> object:
    """The JSON form of a value: numbers plain, dates {start, end}, ranges {low, high}."""
    if isinstance(value, DateInterval):
        return {"start": value.start.isoformat(), "end": value.end.isoformat()}
    if isinstance(value, NumberRange):
        return {"low": _plain(value.low), "high": _plain(value.high)}
    if isinstance(value, float):
        return _plain(value)
    return value


def _plain(number: float | None) -> float | int | None:
    if number is None:
        return None
    return int(number) if float(number).is_integer() and abs(number) < 2**53 else number


def same_value(found: ClaimValue, expected: ClaimValue, tolerance: Tolerance) -> bool:
    """Whether a bound value is the one a rule example expects: compatible, same hedge."""
    if found.qualifier != expected.qualifier:
        return False
    if isinstance(found.value, DateInterval) and isinstance(expected.value, DateInterval):
        return found.value == expected.value or (
            tolerance.absolute > 0 and compatible(found, expected, tolerance)
        )
    return compatible(found, expected, tolerance)
