"""Physical units after a count: "2 GW", "500 megawatts", "3.5 million tonnes".

    "500 megawatts", "a 300-megawatt plant", "2GW"   -> measure "megawatt" / "gigawatt"
    "3.5 million tonnes", "20 metric tons"           -> measure "metric_ton"
    "1.2 million barrels a day", "1.2m bpd"          -> measure "barrel / day"
    "3 million tonnes of coal a year"                -> measure "metric_ton / year"
    "5 billion cubic metres", "5 bcm"                -> measure "cubic_meter" / "bcm"
    "rose from 5 to 7 million tonnes"                -> the change carries "metric_ton"
    no unit: "1,200 employees", "2.9 million cases", "the 100m sprint", "180ml"

A unit is an attribute of a ``number`` mention (its ``measure``; the span stays the
figure's, as for any count), never a new kind: a
`number` claim reads "3.5 million tonnes" as 3,500,000 exactly as before, and only a
`quantity` claim (see :mod:`factcheck.quantities`, which converts with pint) asks
for the unit. The names written here are pint expressions, so this module needs no
pint: extraction stays as fast for every rule set. "tons" is read as the metric
tonne, as wire copy uses it loosely; "t", "m" and "pounds" are left alone (a
letter, a million and a currency are likelier).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from factcheck.model import Mention
from factcheck.regexes import compiled

# Written form (lower case, plural "s" optional where marked) -> pint expression.
_SPELLED: dict[str, str] = {
    "watt": "watt",
    "kilowatt": "kilowatt",
    "megawatt": "megawatt",
    "gigawatt": "gigawatt",
    "terawatt": "terawatt",
    "kilowatt-hour": "kilowatt_hour",
    "kilowatt hour": "kilowatt_hour",
    "megawatt-hour": "megawatt_hour",
    "megawatt hour": "megawatt_hour",
    "gigawatt-hour": "gigawatt_hour",
    "gigawatt hour": "gigawatt_hour",
    "terawatt-hour": "terawatt_hour",
    "terawatt hour": "terawatt_hour",
    "tonne": "metric_ton",
    "kilotonne": "kilotonne",
    "megatonne": "megatonne",
    "metric ton": "metric_ton",
    "metric tonne": "metric_ton",
    "ton": "metric_ton",
    "kilogram": "kilogram",
    "kilogramme": "kilogram",
    "gram": "gram",
    "troy ounce": "troy_ounce",
    "ounce": "ounce",
    "barrel": "barrel",
    "litre": "liter",
    "liter": "liter",
    "gallon": "gallon",
    "cubic metre": "cubic_meter",
    "cubic meter": "cubic_meter",
    "cubic foot": "cubic_foot",
    "cubic feet": "cubic_foot",
    "kilometre": "kilometer",
    "kilometer": "kilometer",
    "metre": "meter",
    "meter": "meter",
    "mile": "mile",
    "foot": "foot",
    "feet": "foot",
    "square kilometre": "kilometer ** 2",
    "square kilometer": "kilometer ** 2",
    "square mile": "mile ** 2",
    "square metre": "meter ** 2",
    "square meter": "meter ** 2",
    "square foot": "foot ** 2",
    "square feet": "foot ** 2",
    "hectare": "hectare",
    "acre": "acre",
}
# Symbols, case as written: "MW" is a megawatt, "mW" nothing we read.
_SYMBOLS: dict[str, str] = {
    "kW": "kilowatt",
    "MW": "megawatt",
    "GW": "gigawatt",
    "TW": "terawatt",
    "kWh": "kilowatt_hour",
    "MWh": "megawatt_hour",
    "GWh": "gigawatt_hour",
    "TWh": "terawatt_hour",
    "kg": "kilogram",
    "km": "kilometer",
    "km2": "kilometer ** 2",
    "km\u00b2": "kilometer ** 2",
    "sq km": "kilometer ** 2",
    "bcm": "bcm",
    "bbl": "barrel",
    "bpd": "barrel / day",
    "b/d": "barrel / day",
    "mph": "mile / hour",
    "km/h": "kilometer / hour",
}
_RATE: dict[str, str] = {
    "day": "day",
    "hour": "hour",
    "year": "year",
    "annum": "year",
    "month": "month",
    "week": "week",
}


def _alternation(words: list[str], plural: bool) -> str:
    ordered = sorted(words, key=len, reverse=True)  # longest first: "cubic metre" before "metre"
    suffix = "(?:s|es)?" if plural else ""
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]") + suffix for w in ordered)


_SPELLED_PART = _alternation(list(_SPELLED), plural=True)
_SYMBOL_PART = _alternation(list(_SYMBOLS), plural=False)
# "barrels a day", "tonnes of coal per year": the rate may follow what is measured.
_RATE_PART = (
    r"(?:\s+of(?:\s+[^\W\d_]+){1,2}?(?=\s+(?:per|a|an|each)\s))?"
    rf"(?:\s*/\s*|\s+(?:per|a|an|each)\s+)(?P<rate>{'|'.join(_RATE)})\b"
)
_AFTER_RE = compiled(
    rf"(?:\s+|-)?(?:(?i:(?P<spelled>{_SPELLED_PART}))|(?P<symbol>{_SYMBOL_PART}))"
    rf"(?![\w\u00b2])(?:{_RATE_PART})?",
)
# A figure with its symbol glued on ("2GW", "1.5bcm", "500MW"): no number on its own.
_GLUED = ["kW", "MW", "GW", "TW", "kWh", "MWh", "GWh", "TWh", "km", "kg", "bcm", "bpd"]
_GLUED_HINTS = ("W", "km", "kg", "bcm", "bpd")  # every glued symbol contains one of these
# The first digit comes first, then the look back at what precedes it: a pattern that
# opens with a class lets the regex engine skip ahead to the digits.
_GLUED_RE = compiled(
    r"(?P<number>\d(?<![\w.,$\u20ac\u00a3].)(?:\d{0,2}(?:,\d{3})+|\d*))(?P<fraction>\.\d+)?"
    rf"(?P<symbol>{_alternation(_GLUED, plural=False)})(?![\w\u00b2])"
)
_UNIT_KINDS = frozenset({None, "change", "range", "spelled"})  # no ordinal, fraction, ratio


def glued(text: str) -> Iterator[Mention]:
    """Numbers written with their symbol attached ("2GW"), which the number grammar skips."""
    if not any(symbol in text for symbol in _GLUED_HINTS):
        return  # most articles write no symbol glued or not: skip the scan
    for m in _GLUED_RE.finditer(text):
        raw = m["number"].replace(",", "") + (m["fraction"] or "")
        value = float(raw)
        number = int(value) if value.is_integer() else value
        end = m.end("fraction") if m["fraction"] else m.end("number")
        measure = _SYMBOLS[m["symbol"]]
        yield Mention("number", m.start(), end, text[m.start() : end], number, measure=measure)


def attach(text: str, mention: Mention) -> Mention:
    """``mention`` with the physical unit written right after it, if it is a count."""
    if mention.kind != "number" or mention.detail not in _UNIT_KINDS:
        return mention
    found = _AFTER_RE.match(text, mention.end)
    if found is None:
        return mention
    return dataclasses.replace(mention, measure=unit_of(found))


def unit_of(found: re.Match[str]) -> str:
    """The pint expression for a matched unit (and its rate: "barrels a day")."""
    symbol = found["symbol"]
    base = _SYMBOLS[symbol] if symbol else _SPELLED[_singular(found["spelled"])]
    rate = found["rate"]
    return f"{base} / {_RATE[rate.lower()]}" if rate else base


def _singular(written: str) -> str:
    word = re.sub(r"[\s-]+", " ", written.lower())
    for candidate in (word, word.replace(" ", "-")):
        if candidate in _SPELLED:
            return candidate
        for ending in ("es", "s"):
            stem = candidate.removesuffix(ending)
            if stem != candidate and stem in _SPELLED:
                return stem
    raise KeyError(written)  # unreachable: the pattern only matches listed words
