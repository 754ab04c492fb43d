"""Read the Recognizers-Text (RT) English specs and normalise their expectations.

The suite lives outside the repository (``../shared/benchmarks/recognizers-text``
by default; ``SOURCE.md`` there describes it). Nothing here is copied from it:
this module only knows the JSON layout (``Input``, ``Results``, ``Context``,
``NotSupported``) and RT's resolution vocabulary.

Normalised values, one comparable form per category:

* money   -> ``Money(amount, currencies)``: amount in main units ("50 cents" = 0.5),
  ``currencies`` the ISO codes accepted; ``None`` when RT names no currency
  family we know (then the amount alone is compared);
* percent, number -> ``float``;
* range   -> ``Interval(low, high, low_closed, high_closed)`` from "(20,35]";
* dates   -> the raw datetimeV2 resolution, compared by ``scoring_dates.matches``.

RT's ``End`` is inclusive; :class:`Expected` stores an exclusive ``end``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

CATEGORY_FILES: dict[str, str] = {
    "money": "NumberWithUnit/English/CurrencyModel.json",
    "percent": "Number/English/PercentModel.json",
    "number": "Number/English/NumberModel.json",
    "range": "Number/English/NumberRangeModel.json",
    "dates": "DateTime/English/DateTimeModel.json",
}
# The date subset the targets are judged on; other datetimeV2 types are reported apart.
DATE_SCORED = ("date", "daterange", "datetime")


@dataclass(frozen=True, slots=True)
class Money:
    amount: float | None
    currencies: frozenset[str] | None  # None: any currency (RT names none we know)


@dataclass(frozen=True, slots=True)
class Interval:
    """A numeric interval in RT notation: "(20,35]" = Interval(20, 35, False, True)."""

    low: float | None
    high: float | None
    low_closed: bool
    high_closed: bool

    def endpoints(self) -> tuple[float | None, float | None]:
        return (self.low, self.high)


@dataclass(frozen=True, slots=True)
class Expected:
    start: int
    end: int  # exclusive
    text: str
    type: str  # "currency", "percentage", "number", "numberrange", "date", "time", ...
    value: Any


@dataclass(frozen=True, slots=True)
class Case:
    index: int
    text: str
    expected: tuple[Expected, ...]
    reference: date | None
    python_supported: bool


# RT unit names -> (accepted ISO codes, factor to main units). Codes include the
# currencies a "$"/"pound"/"franc" family word may stand for.
_DOLLARS = frozenset({"USD", "CAD", "AUD", "HKD", "NZD", "SGD", "TWD", "MXN", "BRL"})
_UNIT_FAMILIES: dict[str, tuple[frozenset[str], float]] = {
    "dollar": (_DOLLARS, 1.0),
    "cent": (_DOLLARS | {"EUR"}, 0.01),
    "pound": (frozenset({"GBP"}), 1.0),
    "pence": (frozenset({"GBP"}), 0.01),
    "penny": (frozenset({"GBP", "USD"}), 0.01),
    "franc": (frozenset({"CHF", "FRF", "BEF", "XOF", "XAF"}), 1.0),
    "rupee": (frozenset({"INR", "LKR", "PKR", "NPR"}), 1.0),
    "bitcoin": (frozenset({"BTC", "XBT"}), 1.0),
    "satoshi": (frozenset({"BTC", "XBT"}), 1e-8),
    "sen": (frozenset({"JPY", "MYR"}), 0.01),
    "peseta": (frozenset({"ESP"}), 1.0),
    "finnish markka": (frozenset({"FIM"}), 1.0),
    "netherlands guilder": (frozenset({"NLG"}), 1.0),
}
_RANGE_RE = re.compile(r"^(?P<lo>[\[(])(?P<low>[^,]*),(?P<high>[^\])]*)(?P<hi>[\])])$")


def load(specs: Path, category: str) -> list[Case]:
    """All cases of one category (files may start with a BOM)."""
    raw = json.loads((specs / CATEGORY_FILES[category]).read_text(encoding="utf-8-sig"))
    return [_case(i, item, category) for i, item in enumerate(raw)]


def _case(index: int, item: dict[str, Any], category: str) -> Case:
    text = item["Input"]
    flags = f"{item.get('NotSupported', '')},{item.get('NotSupportedByDesign', '')}"
    supported = "python" not in {f.strip().lower() for f in flags.split(",")}
    stamp = (item.get("Context") or {}).get("ReferenceDateTime")
    reference = datetime.fromisoformat(stamp).date() if stamp else None
    expected = []
    for result in item["Results"]:
        start, end = int(result["Start"]), int(result["End"]) + 1
        type_name = str(result.get("TypeName") or result.get("Typename") or "")
        kind = type_name.split(".")[-1]
        expected.append(
            Expected(
                start, end, text[start:end], kind, _value(category, result.get("Resolution") or {})
            )
        )
    return Case(index, text, tuple(expected), reference, supported)


def _value(category: str, resolution: dict[str, Any]) -> Any:
    if category == "money":
        return money_value(
            resolution.get("value"), resolution.get("unit"), resolution.get("isoCurrency")
        )
    if category in ("percent", "number"):
        return number_value(resolution.get("value"))
    if category == "range":
        return parse_interval(str(resolution.get("value", "")))
    return resolution


def number_value(raw: Any) -> float | None:
    """RT's numeric strings: "192", "20%", "1.5E-05", "-1,234"."""
    if raw is None:
        return None
    text = str(raw).strip().rstrip("%").replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def money_value(raw: Any, unit: Any, iso: Any) -> Money:
    amount = number_value(raw)
    if iso:
        return Money(amount, frozenset({str(iso)}))
    family = _UNIT_FAMILIES.get(str(unit or "").lower())
    if family is None:
        return Money(amount, None)
    codes, factor = family
    return Money(None if amount is None else amount * factor, codes)


def parse_interval(text: str) -> Interval | None:
    match = _RANGE_RE.match(text.replace(" ", ""))
    if match is None:
        return None
    low, high = match["low"], match["high"]
    return Interval(
        float(low) if low else None,
        float(high) if high else None,
        match["lo"] == "[",
        match["hi"] == "]",
    )


def close(a: float | None, b: float | None) -> bool:
    """Numbers equal up to float noise (RT writes 0.333333333333333)."""
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))
