"""Convert Recognizers-Text (RT) datetimeV2 resolutions to factcheck date intervals.

Used by the benchmark harness to score the date extractor against
``recognizers-text/DateTime/English/DateTimeModel.json``. Conventions:

* One RT resolution holds several ``values`` when the phrase is ambiguous
  (a past and a future reading of "Friday" or "April 9"): a prediction
  matches when it equals **any** of them (:func:`matches`).
* ``date`` -> that day; ``datetime`` -> the day of the instant
  ("2016-11-07 08:00:00" -> 2016-11-07); ``datetimerange`` -> the days it
  touches. Time-only types (time, timerange), durations and sets -> None.
* ``daterange`` ``end`` is **exclusive** in RT ("2018-04" runs 2018-04-01 ..
  2018-05-01), so the inclusive end is one day earlier. But RT also puts
  the reference day itself there for rolling ranges ("earlier this year",
  "last 3 months": up to today) and the *named* end for explicit ranges
  ("april 9th through 17th" -> end 04-17, "from august to october" -> end
  10-01), so :func:`candidates` also accepts the end day itself and, for
  explicit ranges (timex in parentheses), the end of its unit (month end
  for PnM, year end for PnY): "from August to October" may be scored as
  Aug 1 .. Oct 31.
* Open-ended ranges ("after 2018", "since tomorrow": a ``Mod`` with only a
  start or only an end), unresolved values ("not resolved", seasons, fiscal
  years) -> None: no closed interval to compare, so they count for span
  scoring only.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from factcheck.model import DateInterval

DATE_TYPES = ("date", "daterange", "datetime", "datetimerange")
_PERIOD = re.compile(r"P(\d+)([YMWD])\)$")


def _day(text: Any) -> date | None:
    if not isinstance(text, str) or not text[:4].isdigit():
        return None
    try:
        return datetime.fromisoformat(text.strip()).date()
    except ValueError:
        return None


def to_interval(value: Mapping[str, Any]) -> DateInterval | None:
    """The inclusive interval of one RT resolution value, or None (see module doc)."""
    kind = value.get("type")
    if kind not in DATE_TYPES:
        return None
    if kind in ("date", "datetime"):
        day = _day(value.get("value"))
        return None if day is None else DateInterval(day, day)
    start, end = _day(value.get("start")), _day(value.get("end"))
    if start is None or end is None:
        return None
    if kind == "datetimerange":
        stamp = str(value.get("end", ""))
        if stamp.endswith("00:00:00") and end > start:
            end -= timedelta(days=1)
        return DateInterval(start, end) if start <= end else None
    last = end - timedelta(days=1) if end > start else end
    return DateInterval(start, last)


def candidates(value: Mapping[str, Any]) -> list[DateInterval]:
    """Every interval accepted for one RT value: the exclusive-end reading first."""
    main = to_interval(value)
    if main is None:
        return []
    found = [main]
    timex = str(value.get("timex", ""))
    end = _day(value.get("end"))
    if value.get("type") == "daterange" and end is not None and end != main.end:
        found.append(DateInterval(main.start, end))
    if value.get("type") == "daterange" and end is not None and timex.startswith("("):
        unit = _PERIOD.search(timex)
        if unit and unit.group(2) == "M":
            last = date(end.year, end.month, calendar.monthrange(end.year, end.month)[1])
            found.append(DateInterval(main.start, last))
        elif unit and unit.group(2) == "Y":
            found.append(DateInterval(main.start, date(end.year, 12, 31)))
    return found


def resolution_intervals(resolution: Mapping[str, Any]) -> list[DateInterval]:
    """All accepted intervals over the ``values`` of one RT resolution."""
    out: list[DateInterval] = []
    for value in resolution.get("values") or []:
        out.extend(i for i in candidates(value) if i not in out)
    return out


def matches(interval: DateInterval | None, resolution: Mapping[str, Any]) -> bool:
    """True when ``interval`` equals any accepted reading of ``resolution``."""
    return interval is not None and interval in resolution_intervals(resolution)
