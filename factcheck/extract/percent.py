"""Percentages: kind ``"percent"``, value the number of percent, unit ``"%"``.

    "20%", "20 %", "20 percent", "20 per cent", "20 pct"  -> 20.0
    "twenty percent", "one hundred percents"                -> 20.0, 100.0
    "100 percentage", "minus five percent", "-3.5%"         -> 100.0, -5.0, -3.5
    "6 . 2 %" (tokenised newswire)                          -> 6.2
    "2 percentage points", "2pp"; "50 basis points", "50bp"  -> 2.0; 0.5, detail "points"
    not percentages: ticker moves ("MSFT +0.18%", "AAPL -1.2%")
    "Percent of 10" (heading its clause)                    -> 10.0
    "5-7%", "5 to 7 percent", "between 5% and 7%"           -> NumberRange(5, 7), detail "range"
    "25-50bp" -> NumberRange(0.25, 0.5);  "more than 5% and at most 7%" -> (5, 7], detail "range"

Hedges ("about 20%") are attached later by :mod:`factcheck.extract.qualifiers`.

A bare unit word ("a small percent", "the % of increase", "calculate a
percentage") is a percent mention without a value (detail "unit"): the text
speaks of a percentage but states none. The binder never binds a value-less
mention and reports list only unresolved dates, so such words change no
verdict; they are kept so that the extractor reads the text as a whole
(Recognizers-Text reports them the same way).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.extract.numerals import outside, range_start, scan
from factcheck.extract.qualifiers import two_sided
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


def has_percent_suffix(text: str, end: int) -> bool:
    """Whether a percent sign or word follows a numeral ending at ``end``: "20%", "5 bp"."""
    return _SUFFIX_RE.match(text, end) is not None


_BARE_UNIT_RE = re.compile(
    r"(?<![\w%])(?:per\s?cent(?:age)?s?|percent(?:age)?s?)\b|(?<![\w%])%(?![0-9A-Fa-f]{2}|\w)",
    re.IGNORECASE,
)


def extract(text: str, context: ExtractContext) -> Iterator[Mention]:
    """Every percentage in ``text``, and bare unit words as value-less mentions."""
    values = list(_values(text))
    yield from values
    if "%" not in text and "per" not in text.lower():
        return
    for match in _BARE_UNIT_RE.finditer(text):
        if not any(m.start <= match.start() < m.end for m in values):
            yield Mention(
                "percent", match.start(), match.end(), match.group(), None, "%", detail="unit"
            )


def _values(text: str) -> Iterator[Mention]:
    """Every percentage in ``text`` (single values and two-ended ranges)."""
    singles: dict[int, _Single] = {}
    spans: list[tuple[int, int, float]] = []  # every numeral, percent or not
    for m in _SPACED_DECIMAL_RE.finditer(text) if " . " in text else ():
        value = float(f"{m.group('int')}.{m.group('dec')}") * (-1 if m.group("sign") else 1)
        spans.append((m.start(), m.end(), value))
    covered = [(s, e) for s, e, _ in spans]
    spans.extend(
        (n.start, n.end, n.value) for n in outside(list(scan(text)), covered) if not n.ordinal
    )
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
                pair = _range(text, (start, end, value), here, (n_value, there))
                if pair is not None:
                    done = pair.end
                    yield pair
                    continue
        if here is not None:
            done = here[1]
            yield Mention(
                "percent", start, here[1], text[start : here[1]], here[2], "%", detail=here[3]
            )


def _range(
    text: str,
    low_numeral: tuple[int, int, float],
    here: _Single | None,
    high_end: tuple[float, _Single],
) -> Mention | None:
    """ "5-7%", "between 5% and 7%", "more than 5% and less than 7%", "25-50bp".

    ``here`` is the low end as a percentage, if it is written as one; ``high_end``
    is the high end's numeral value and its percentage.
    """
    start, end, value = low_numeral
    numeral, there = high_end
    high = there[2]
    # "25-50bp": a bare low end takes the high end's unit (a basis point is 0.01%)
    low = here[2] if here is not None else value * (high / numeral if numeral else 1.0)
    if here is not None:
        bounds = two_sided(text, start, here[1], there[0])
        if bounds is not None:
            lo, hi = (low, high) if bounds.first_is_low else (high, low)
            if not lo < hi:
                return None
            return Mention(
                "percent",
                bounds.start,
                there[1],
                text[bounds.start : there[1]],
                NumberRange(lo, hi, bounds.low_closed, bounds.high_closed),
                "%",
                detail="range",
            )
    first = range_start(text, start, here[1] if here else end, there[0], there[1])
    if first is None or not low < high:
        return None
    return Mention(
        "percent",
        first,
        there[1],
        text[first : there[1]],
        NumberRange(low, high),
        "%",
        detail="range",
    )
