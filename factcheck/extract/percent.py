"""Percentages: kind ``"percent"``, value the number of percent, unit ``"%"``.

    "20%", "20 %", "20 percent", "20 per cent", "20 pct", "20pc" -> 20.0
    "twenty percent", "one hundred percents"                -> 20.0, 100.0
    "100 percentage"                                        -> 100.0
    "6 . 2 %" (tokenised newswire)                          -> 6.2
    "2 percentage points", "2pp", "2 ppts"                 -> 2.0, unit "points"
    "dropped 3 points to 41%" (beside a percentage level)  -> 3.0, unit "points"
    "50 basis points", "50bp", "15bps"                      -> 0.5, 0.15, unit "points"
    "-0.7%", "minus five percent", "MSFT -1.2%"             -> 0.7, 5.0, 1.2, direction "down"
    "+0.18%"                                                -> 0.18, direction "up"
    "BP -0.7%, Shell (1.2%)" (a line of signed moves)       -> 1.2, direction "down"
    "Percent of 10" (heading its clause)                    -> 10.0
    "5-7%", "5 to 7 percent", "between 5% and 7%"           -> NumberRange(5, 7), detail "range"
    "25-50bp" -> NumberRange(0.25, 0.5);  "more than 5% and at most 7%" -> (5, 7], detail "range"

Percentage points and basis points are a unit of their own, ``"points"`` (a basis
point is 0.01 points; detail ``"points"`` too): a change of 2 points is no
percentage of 2%. A written sign is a direction, never a negative value: the
value stays positive and ``direction`` says "up" or "down". A percentage in
parentheses reads as a fall only on a line that also states signed moves (market
copy): "Labour (32%)" in a poll is a share.

Hedges ("about 20%") are attached later by :mod:`factcheck.extract.qualifiers`;
movement words ("fell 5%", "a 5% drop") by :mod:`factcheck.extract.changes`.

A bare unit word ("a small percent", "the % of increase", "calculate a
percentage") is a percent mention without a value (detail "unit"): the text
speaks of a percentage but states none. The binder never binds a value-less
mention and reports list only unresolved dates, so such words change no
verdict; they are kept so that the extractor reads the text as a whole
(Recognizers-Text reports them the same way).

Time is linear in the text: each "percent of" heading looks back over its own
run of spaces only, and bare unit words are matched against the values in one
merged pass.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace

from factcheck.extract.lazy import lazy
from factcheck.extract.numerals import (
    change_mention,
    change_start,
    outside,
    range_start,
    scan,
)
from factcheck.extract.qualifiers import two_sided
from factcheck.model import ExtractContext, Mention, NumberRange
from factcheck.regexes import compiled

_SUFFIX_RE = compiled(
    r"[\x20\u00a0]?(?:(?P<bp>basis\s+points?|bps?)\b"
    r"|(?P<points>(?:percentage|per\s?cent(?:age)?)\s+points?|pp|ppts?)\b"
    r"|%(?![0-9A-Fa-f]{2})|(?:per\s?cent|percent)(?:age)?s?\b|pct\b|(?-i:pc)\b)",
    re.IGNORECASE,
)
# "Percent of 10" heading a clause (nothing before the word in its clause: checked
# by looking back over the spaces before the word, see :func:`_heads_clause`).
_PERCENT_OF_RE = compiled(  # the "p" first, then what precedes it: see _BARE_UNIT_RE
    r"(?P<word>(?-i:[pP])(?<!\w.)(?:er\s?cent|ercent)(?:age)?s?)\s+of\s+(?=\S)", re.IGNORECASE
)
# "dropped 3 points to 41%": bare "points" beside a percentage level.
_BARE_POINTS_RE = compiled(r"\x20(?P<points>points?),?\x20+(?:to|from)\x20+", re.IGNORECASE)
_CLAUSE_ENDS = ".;:!?\n"
_SIGNED_RE = compiled(r"(?<![\w.])[-+\u2212]\d")
_MINUS_WORD_RE = compiled(r"(?:minus|negative)\x20+$", re.IGNORECASE)
_SPACED_DECIMAL_RE = compiled(r"(?<![\w.])(?P<sign>-)?(?P<int>\d+)\x20\.\x20(?P<dec>\d+)(?!\d)")

_Single = tuple[int, int, float, str | None]  # start, end, value, detail


def has_percent_suffix(text: str, end: int) -> bool:
    """Whether a percent sign or word follows a numeral ending at ``end``: "20%", "5 bp"."""
    return _SUFFIX_RE.match(text, end) is not None


# "percent", "per cent", "percentage(s)" or "%", not inside a word or after a "%". The
# first character comes first as a case-sensitive class, then the look back at what
# precedes it: a pattern that opens with a class lets the regex engine skip ahead to
# the candidates instead of trying the pattern at every position (8x faster).
_BARE_UNIT_RE = lazy(
    r"(?-i:[pP%])(?<![\w%].)"
    r"(?:(?<=%)(?![0-9A-Fa-f]{2}|\w)|(?:er\s?cent(?:age)?s?|ercent(?:age)?s?)\b)",
    re.IGNORECASE,
)


def extract(text: str, context: ExtractContext) -> Iterator[Mention]:
    """Every percentage in ``text``, and bare unit words as value-less mentions."""
    values = [_signed(text, m) for m in _values(text)]
    values = _market_parentheses(text, values)
    yield from values
    if "%" not in text and "per" not in text.lower():
        return
    i = 0
    for match in _BARE_UNIT_RE().finditer(text):
        while i < len(values) and values[i].end <= match.start():
            i += 1  # values are sorted and disjoint: one merged pass
        if i < len(values) and values[i].start <= match.start():
            continue
        yield Mention(
            "percent", match.start(), match.end(), match.group(), None, "%", detail="unit"
        )


def _signed(text: str, mention: Mention) -> Mention:
    """A written sign as a direction: "-0.7%" is 0.7 down, "+0.18%" 0.18 up."""
    value = mention.value
    if not isinstance(value, float | int) or mention.detail == "range":
        return mention
    if value < 0:
        return replace(mention, value=-value, direction="down")
    if mention.start > 0 and text[mention.start - 1] == "+":
        start = mention.start - 1
        return replace(mention, start=start, text=text[start : mention.end], direction="up")
    return mention


def _market_parentheses(text: str, values: list[Mention]) -> list[Mention]:
    """ "Shell (1.2%)" is a fall on a line of signed moves ("BP -0.7%, Shell (1.2%)")."""
    if "(" not in text:
        return values
    out = []
    lines: dict[int, bool] = {}  # line number -> whether it states signed moves
    breaks: list[int] = []  # offsets of the line breaks, found once when needed
    for m in values:
        if (
            m.direction is None
            and m.start > 0
            and text[m.start - 1] == "("
            and text.startswith(")", m.end)
            and _line_has_signed_moves(text, m.start, lines, breaks)
        ):
            m = replace(m, direction="down")
        out.append(m)
    return out


def _line_has_signed_moves(text: str, at: int, lines: dict[int, bool], breaks: list[int]) -> bool:
    """Whether the line holding ``at`` states a signed percentage ("-0.7%", "+1%").

    The line breaks are found once and each line is read once (``lines`` remembers
    it): linear however many parenthesised percentages a text or a line holds.
    """
    if not breaks:
        breaks.extend(i for i, ch in enumerate(text) if ch == "\n")
        breaks.append(len(text))
    line = bisect.bisect_left(breaks, at)
    if line not in lines:
        start = breaks[line - 1] + 1 if line else 0
        lines[line] = any(
            has_percent_suffix(text, _number_end(text, m.end()))
            for m in _SIGNED_RE.finditer(text, start, breaks[line])
        )
    return lines[line]


def _number_end(text: str, pos: int) -> int:
    """The end of the digits (and decimals) starting at ``pos``."""
    while pos < len(text) and (text[pos].isdigit() or text[pos] == "."):
        pos += 1
    return pos


def _heads_clause(text: str, start: int) -> bool:
    """Whether only spaces stand between ``start`` and a clause end (or the text start).

    Each "percent of" looks back over its own run of spaces only: linear in the text.
    """
    i = start - 1
    while i >= 0 and text[i].isspace() and text[i] != "\n":
        i -= 1
    return i < 0 or text[i] in _CLAUSE_ENDS


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
            detail = "points" if suffix.group("points") or suffix.group("bp") else None
            value = value / 100 if suffix.group("bp") else value
            singles[start] = (start, suffix.end(), value, detail)
    for start, end, value in spans:
        if start not in singles and (bare := _BARE_POINTS_RE.match(text, end)) is not None:
            level = by_start.get(bare.end())
            if level is not None and _SUFFIX_RE.match(text, level[0]) is not None:
                singles[start] = (start, bare.end("points"), value, "points")
    for m in _PERCENT_OF_RE.finditer(text):
        if (
            m.end() in by_start
            and m.start("word") not in singles
            and _heads_clause(text, m.start("word"))
        ):
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
                "percent",
                start,
                here[1],
                text[start : here[1]],
                here[2],
                _unit(here[3]),
                detail=here[3],
            )


def _unit(detail: str | None) -> str:
    """ "points" for percentage and basis points, "%" for a percentage."""
    return "points" if detail == "points" else "%"


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
                _unit(there[3]),
                detail="range",
            )
    change = change_start(text, start, here[1] if here else end, there[0])
    if change is not None:
        return change_mention("percent", text, change, there[1], (low, high), _unit(there[3]))
    first = range_start(text, start, here[1] if here else end, there[0], there[1])
    if first is None or not low < high:
        return None
    return Mention(
        "percent",
        first,
        there[1],
        text[first : there[1]],
        NumberRange(low, high),
        _unit(there[3]),
        detail="range",
    )
