"""Percentages: kind ``"percent"``, value the number of percent, unit ``"%"``.

    "20%", "20 %", "20 percent", "20 per cent", "20 pct"  -> 20.0
    "twenty percent", "one hundred percents"                -> 20.0, 100.0
    "100 percentage", "minus five percent", "-3.5%"         -> 100.0, -5.0, -3.5
    "6 . 2 %" (tokenised newswire)                          -> 6.2
    "2 percentage points", "2pp"; "50 basis points", "50bp"  -> 2.0; 0.5, detail "points"
    not percentages: ticker moves ("MSFT +0.18%", "AAPL -1.2%")
    "Percent of 10" (heading its clause)                    -> 10.0
    "5-7%", "5 to 7 percent", "between 5% and 7%"           -> NumberRange(5, 7), detail "range"

Hedges ("about 20%") are attached later by :mod:`factcheck.extract.qualifiers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.extract.numerals import outside, range_start, scan
from factcheck.model import ExtractContext, Mention, NumberRange

_SUFFIX_RE = re.compile(
    r"[\x20\u00a0]?(?:(?P<bp>basis\s+points?|bps?)\b"
    r"|(?P<points>(?:percentage|per\s?cent(?:age)?)\s+points?|pp|ppts?)\b"
    r"|%(?![0-9A-Fa-f]{2})|(?:per\s?cent|percent)(?:age)?s?\b|pct\b)",
    re.IGNORECASE,
)
# "Percent of 10" heading a clause (nothing before the word in its clause).
_PERCENT_OF_RE = re.compile(
    r"(?:^|(?<=[.;:!?\n])\s*)(?P<word>(?:per\s?cent|percent)(?:age)?s?)\s+of\s+(?=\S)",
    re.IGNORECASE,
)
_TICKER_RE = re.compile(r"\b[A-Z]{2,5}[\x20\u00a0]+[-+\u2212]$")
_SPACED_DECIMAL_RE = re.compile(r"(?<![\w.])(?P<sign>-)?(?P<int>\d+)\x20\.\x20(?P<dec>\d+)(?!\d)")

_Single = tuple[int, int, float, str | None]  # start, end, value, detail


def extract(text: str, context: ExtractContext) -> Iterator[Mention]:
    """Every percentage in ``text`` (single values and two-ended ranges)."""
    singles: dict[int, _Single] = {}
    spans: list[tuple[int, int, float]] = []  # every numeral, percent or not
    for m in _SPACED_DECIMAL_RE.finditer(text):
        value = float(f"{m.group('int')}.{m.group('dec')}") * (-1 if m.group("sign") else 1)
        spans.append((m.start(), m.end(), value))
    covered = [(s, e) for s, e, _ in spans]
    spans.extend((n.start, n.end, n.value) for n in outside(list(scan(text)), covered)
                 if not n.ordinal)
    spans.sort()
    by_start = {start: (end, value) for start, end, value in spans}
    for start, end, value in spans:
        suffix = _SUFFIX_RE.match(text, end)
        if suffix is not None:
            signed = text[start] in "-\u2212"
            if _TICKER_RE.search(text, max(0, start - 8), start + signed):
                continue  # "MSFT +0.18%": a ticker move in page furniture
            detail = "points" if suffix.group("points") or suffix.group("bp") else None
            value = value / 100 if suffix.group("bp") else value
            singles[start] = (start, suffix.end(), value, detail)
    for m in _PERCENT_OF_RE.finditer(text):
        if m.end() in by_start and m.start("word") not in singles:
            end, value = by_start[m.end()]
            singles[m.start("word")] = (m.start("word"), end, value, None)
            spans.append((m.start("word"), end, value))  # the numeral's own entry is skipped
    spans.sort()
    done = 0
    for i, (start, end, value) in enumerate(spans):
        if start < done:
            continue
        here = singles.get(start)
        if i + 1 < len(spans):
            n_start, n_end, n_value = spans[i + 1]
            there = singles.get(n_start)
            if there is not None and (here is None or here[3] == there[3]):
                low_end = here[1] if here else end
                first = range_start(text, start, low_end, n_start, there[1])
                if first is not None and value < n_value:
                    done = there[1]
                    yield Mention("percent", first, done, text[first:done],
                                  NumberRange(value, n_value), "%", detail="range")
                    continue
        if here is not None:
            done = here[1]
            yield Mention("percent", start, here[1], text[start:here[1]], here[2], "%",
                          detail=here[3])
