"""The tools compared by ``benchmarks/extractors.py``: factcheck and its peers.

Each tool is a :class:`Tool` with one ``run(case, category)`` method returning
:class:`Predicted` mentions in the category's normalised form (see
:mod:`rt_specs`). A peer that fails to import is reported as unavailable.

* factcheck: the public extraction path, ``EXTRACTORS[kind]`` then
  ``qualifiers.attach``. Number ranges: ``NumberRange`` mentions of the number
  extractor keep their brackets (connector ranges such as "10 to 20" are
  closed ``[10,20]``; opposite bounds such as "more than 10 and at most 20"
  are ``(10,20]``); one-sided bounds are plain numbers with a qualifier,
  converted to RT's notation: more_than ``(x,)``, at_least ``[x,)``,
  less_than ``(,x)``, up_to ``(,x]``. A plain number is no range, so RT's
  "equal to 20" = ``[20,20]`` counts as a miss. Dates: date mentions, plus
  year mentions as whole-year intervals ("in 2016": RT marks it a daterange
  too), overlaps resolved by ``factcheck.extract.resolve_overlaps``. A written
  sign is a direction in factcheck ("-5%": 5, direction down); RT writes the
  signed number, so a figure whose own text starts with a minus sign or word is
  compared as negative (a change of notation, not of reading).
* quantulum3 (money, percent, number): currency quantities, percentages, every
  quantity's number; "cents"/"pence" are divided by 100.
* Recognizers-Text (the ``recognizers-text-suite`` package, 1.0.2a2): its
  currency, percent, number and datetime models, built once. Its Python
  package has no number-range model.
* dateparser (dates): ``search_dates`` with pinned settings and
  ``languages=['en']``, ``RELATIVE_BASE`` the case's reference date; each
  found phrase is re-read by ``DateDataParser`` for its period (day, week,
  month, year) and returned as that interval, never a single instant.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import rt_specs
import scoring_dates

from factcheck.extract import EXTRACTORS, qualifiers, resolve_overlaps
from factcheck.model import DateInterval, ExtractContext, Mention, NumberRange


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    value: Any
    bare: tuple[int, int] | None = None  # span without the attached hedge (factcheck only)


Runner = Callable[[rt_specs.Case, str], list[Predicted]]


@dataclass
class Tool:
    name: str
    categories: tuple[str, ...]
    run: Runner | None = None
    error: str | None = None
    notes: dict[str, str] = field(default_factory=dict)


# --- factcheck --------------------------------------------------------------------------

_BOUNDS: dict[str, tuple[bool, bool]] = {  # qualifier -> (is lower bound, closed)
    "more_than": (True, False),
    "at_least": (True, True),
    "less_than": (False, False),
    "up_to": (False, True),
}


def _fc_mentions(
    text: str,
    kinds: tuple[str, ...],
    ref: date | None,
) -> list[tuple[Mention, Mention]]:
    """(as extracted, with its hedge attached) for every mention of ``kinds``."""
    context = ExtractContext(reference_date=ref)
    found = [m for kind in kinds for m in EXTRACTORS[kind](text, context)]
    if len(kinds) > 1:
        found = resolve_overlaps(found)
    return [(m, qualifiers.attach(text, m)) for m in found]


_MINUS = ("-", "\u2212", "minus", "negative")


def _fc_value(category: str, m: Mention) -> Any:
    if (
        m.direction == "down"
        and isinstance(m.value, int | float)
        and m.text.lower().startswith(_MINUS)
    ):
        return -m.value  # RT's notation: "-5%" is -5
    if category == "money":
        if isinstance(m.value, NumberRange):
            return m.value
        return (m.value, m.unit)
    if category == "dates":
        if m.kind == "year" and isinstance(m.value, int):
            return DateInterval(date(m.value, 1, 1), date(m.value, 12, 31))
        return m.value
    return m.value


def range_of(m: Mention) -> rt_specs.Interval | None:
    """factcheck's reading of a number mention as an interval (see module doc)."""
    if isinstance(m.value, NumberRange):
        v = m.value
        return rt_specs.Interval(
            v.low, v.high, v.low_closed and v.low is not None, v.high_closed and v.high is not None
        )
    if m.qualifier in _BOUNDS and isinstance(m.value, int | float):
        lower, closed = _BOUNDS[m.qualifier]
        value = float(m.value)
        if lower:
            return rt_specs.Interval(value, None, closed, False)
        return rt_specs.Interval(None, value, False, closed)
    return None


def _factcheck(case: rt_specs.Case, category: str) -> list[Predicted]:
    kinds = {
        "money": ("money",),
        "percent": ("percent",),
        "number": ("number",),
        "range": ("number",),
        "dates": ("date", "year"),
    }[category]
    out = []
    for raw, m in _fc_mentions(case.text, kinds, case.reference):
        bare = (raw.start, raw.end)
        if category == "range":
            interval = range_of(m)
            if interval is not None:
                out.append(Predicted(m.start, m.end, interval, bare))
            continue
        out.append(Predicted(m.start, m.end, _fc_value(category, m), bare))
    return out


def factcheck_tool() -> Tool:
    return Tool("factcheck", tuple(rt_specs.CATEGORY_FILES), _factcheck)


# --- quantulum3 -------------------------------------------------------------------------

_SUBUNITS = {"cent": ("USD", 0.01), "penny": ("GBP", 0.01), "pence": ("GBP", 0.01)}


def quantulum_tool() -> Tool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except Exception as exc:  # noqa: BLE001 - any import failure means "unavailable"
        return Tool("quantulum3", (), error=f"{type(exc).__name__}: {exc}")

    def run(case: rt_specs.Case, category: str) -> list[Predicted]:
        out = []
        for q in parser.parse(case.text):
            start, end = q.span
            entity, name = q.unit.entity.name, q.unit.name
            if category == "money" and entity == "currency":
                code, factor = _SUBUNITS.get(name, (q.unit.currency_code, 1.0))
                out.append(Predicted(start, end, (q.value * factor, code)))
            elif category == "percent" and name == "percentage" or category == "number":
                out.append(Predicted(start, end, q.value))
        return out

    return Tool("quantulum3", ("money", "percent", "number"), run)


# --- Recognizers-Text -------------------------------------------------------------------


def recognizers_tool() -> Tool:
    try:
        from recognizers_date_time import DateTimeRecognizer
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture
    except Exception as exc:  # noqa: BLE001 - any import failure means "unavailable"
        return Tool("Recognizers-Text", (), error=f"{type(exc).__name__}: {exc}")
    english = Culture.English
    numbers = NumberRecognizer(english)
    models = {
        "money": NumberWithUnitRecognizer(english).get_currency_model(),
        "percent": numbers.get_percentage_model(),
        "number": numbers.get_number_model(),
        "dates": DateTimeRecognizer(english).get_datetime_model(),
    }

    def run(case: rt_specs.Case, category: str) -> list[Predicted]:
        model = models[category]
        if category == "dates":
            ref = datetime.combine(case.reference or date(2016, 11, 7), datetime.min.time())
            results = model.parse(case.text, ref)
        else:
            results = model.parse(case.text)
        out = []
        for r in results:
            res = r.resolution or {}
            if category == "money":
                money = rt_specs.money_value(
                    res.get("value"), res.get("unit"), res.get("isoCurrency")
                )
                value: Any = money
            elif category == "dates":
                kind = str(r.type_name).split(".")[-1]
                value = (kind, [scoring_dates.to_interval(v) for v in res.get("values") or []])
            else:
                value = rt_specs.number_value(res.get("value"))
            out.append(Predicted(r.start, r.end + 1, value))
        return out

    tool = Tool("Recognizers-Text", tuple(models), run)
    tool.notes["range"] = "no number-range model in the Python package"
    return tool


# --- dateparser -------------------------------------------------------------------------


def dateparser_tool() -> Tool:
    try:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates
    except Exception as exc:  # noqa: BLE001 - any import failure means "unavailable"
        return Tool("dateparser", (), error=f"{type(exc).__name__}: {exc}")

    def settings(ref: date | None) -> dict[str, Any]:
        base = datetime.combine(ref or date(2016, 11, 7), datetime.min.time())
        return {
            "RELATIVE_BASE": base,
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "current_period",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "DATE_ORDER": "MDY",
        }

    def run(case: rt_specs.Case, category: str) -> list[Predicted]:
        pinned = settings(case.reference)
        found = search_dates(case.text, languages=["en"], settings=pinned) or []
        reader = DateDataParser(languages=["en"], settings=pinned)
        out, pos = [], 0
        for phrase, _instant in found:
            start = case.text.find(phrase, pos)
            if start < 0:
                continue
            pos = start + len(phrase)
            data = reader.get_date_data(phrase)
            out.append(Predicted(start, pos, _period(data.date_obj, data.period)))
        return out

    return Tool("dateparser", ("dates",), run)


def _period(instant: datetime | None, period: str | None) -> DateInterval | None:
    if instant is None:
        return None
    day = instant.date()
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return DateInterval(monday, monday + timedelta(days=6))
    if period == "month":
        nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return DateInterval(date(day.year, day.month, 1), nxt - timedelta(days=1))
    if period == "year":
        return DateInterval(date(day.year, 1, 1), date(day.year, 12, 31))
    return DateInterval(day, day)


def all_tools() -> list[Tool]:
    return [factcheck_tool(), recognizers_tool(), quantulum_tool(), dateparser_tool()]
