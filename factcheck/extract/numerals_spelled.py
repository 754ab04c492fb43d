"""The spelled-number grammar: "twenty-three", "one hundred and five", "a dozen".

:func:`spelled_numbers` finds every number written in words, with its span;
:mod:`factcheck.extract.numerals` merges them with the digit numerals.

    "twenty-three" -> 23        "one hundred and five" -> 105    "a dozen" -> 12
    "two and a half million" -> 2.5e6   "half a million" -> 5e5   "two thirds" -> 0.667
    "a quarter million" -> 2.5e5        "minus five" -> -5       "nought point zero three" -> 0.03
    "second", "twenty-first", "two hundredth" -> 2, 21, 200 (ordinal)
    not fractions: "the first quarter", "the past half" (periods)

Words are matched on the lower-cased text with one regular expression over the
number words (so the cost is one pass, not a Python step per word), then parsed
by a small hand-written grammar over the number-word tokens.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["NUMBER_WORDS", "SpelledNumber", "spelled_numbers"]


class SpelledNumber(NamedTuple):
    """A number written in words: ``value`` = (``value`` / ``multiplier``) x ``multiplier``."""

    start: int
    end: int
    value: float
    multiplier: float
    scale: str | None  # the scale word as written, lower-cased ("million"), if it ends the number
    ordinal: bool
    fraction: bool
    implicit: bool  # the number is an article: "a million", "a half"


# Token kinds: U unit 0-9, T teen, D tens, H hundred, S scale, Z dozen, O ordinal,
# F half/quarter, P "point", N "minus"/"negative".
_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
)
_ORD_TENS = (
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
)
_WORDS: dict[str, tuple[str, float]] = {
    **{w: ("U", float(v)) for v, w in enumerate(_UNITS)},
    "nought": ("U", 0.0),
    "naught": ("U", 0.0),
    **{w: ("T", float(v + 10)) for v, w in enumerate(_TEENS)},
    **{w: ("D", float(20 + 10 * v)) for v, w in enumerate(_TENS)},
    "hundred": ("H", 100.0),
    "dozen": ("Z", 12.0),
    "dozens": ("Z", 12.0),
    "thousand": ("S", 1e3),
    "million": ("S", 1e6),
    "billion": ("S", 1e9),
    "trillion": ("S", 1e12),
    "lakh": ("S", 1e5),
    "lakhs": ("S", 1e5),
    "crore": ("S", 1e7),
    "crores": ("S", 1e7),
    **{w: ("O", float(v + 1)) for v, w in enumerate(_ORDINALS)},
    **{w: ("O", float(20 + 10 * v)) for v, w in enumerate(_ORD_TENS)},
    "hundredth": ("O", 1e2),
    "thousandth": ("O", 1e3),
    "millionth": ("O", 1e6),
    "billionth": ("O", 1e9),
    "trillionth": ("O", 1e12),
    "half": ("F", 2.0),
    "halves": ("F", 2.0),
    "quarter": ("F", 4.0),
    "quarters": ("F", 4.0),
    "point": ("P", 0.0),
    "minus": ("N", 0.0),
    "negative": ("N", 0.0),
}
_PLURAL_DENOMINATORS = {w + "s": v for w, (k, v) in _WORDS.items() if k == "O" and v >= 3}
_PLURAL_DENOMINATORS.update(halves=2.0, quarters=4.0)
_WORDS.update({w: ("O", v) for w, v in _PLURAL_DENOMINATORS.items() if w not in _WORDS})
NUMBER_WORDS = frozenset(_WORDS)
# One pass over the lower-cased text finds the number words; when lower-casing
# changes the length ("İ"), every word is looked up instead (slower, same result).
_NUMBER_WORD_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")(?!\w)"
)
_WORD_RE = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")
_GAP_RE = re.compile(
    r"[\x20\t\u00a0]*[-\u2010][\x20\t\u00a0]*|[\x20\t\u00a0]+(?:(?P<and>and)[\x20\t\u00a0]+)?"
    r"(?:(?P<a>an?)[\x20\t\u00a0]+)?",
    re.IGNORECASE,
)
_A_BEFORE_RE = re.compile(r"\ban?[\x20\t\u00a0]+$", re.IGNORECASE)
_OF_OR_END_RE = re.compile(r"[\x20\t]+(?:of|points?|million|billion|trillion)\b|\s*(?:[^\w\s-]|$)")
_PERIOD_BEFORE_RE = re.compile(
    r"\b(?:first|second|third|fourth|last|past|next|previous|recent|latter|other|straight|"
    r"consecutive|1st|2nd|3rd|4th)[\x20\t]+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    kind: str
    value: float
    plural: bool
    joined: bool  # a number-internal gap links it to the previous token
    and_gap: bool
    a_gap: bool


def _words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, lower-cased word) for every number word of ``text``."""
    lowered = text.lower()
    if len(lowered) == len(text):
        for m in _NUMBER_WORD_RE.finditer(lowered):
            yield m.start(), m.end(), m.group()
        return
    for m in _WORD_RE.finditer(text):
        word = m.group().lower()
        if word in _WORDS:
            yield m.start(), m.end(), word


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for start, end, word in _words(text):
        kind, value = _WORDS[word]
        gap = _GAP_RE.fullmatch(text, toks[-1].end, start) if toks else None
        toks.append(
            _Tok(
                start,
                end,
                kind,
                value,
                word in _PLURAL_DENOMINATORS,
                gap is not None,
                bool(gap and gap.group("and")),
                bool(gap and gap.group("a")),
            )
        )
    return toks


def spelled_numbers(text: str) -> Iterator[SpelledNumber]:
    """Every number written in words in ``text``, by position, non-overlapping."""
    toks = _tokens(text)
    i = 0
    while i < len(toks):
        got = _parse_at(text, toks, i)
        if got is None:
            i += 1
            continue
        numeral, i = got
        yield numeral


def _a_before(text: str, tok: _Tok) -> int | None:
    m = _A_BEFORE_RE.search(text, max(0, tok.start - 4), tok.start)
    return m.start() if m else None


def _parse_at(text: str, toks: list[_Tok], i: int) -> tuple[SpelledNumber, int] | None:
    """Parse the longest valid number starting at token ``i``; return it and the next index."""
    n, k, sign, start = len(toks), i, 1.0, toks[i].start
    if toks[k].kind == "N":
        if (
            k + 1 >= n
            or toks[k + 1].kind not in "UTD"
            or not toks[k + 1].joined
            or toks[k + 1].and_gap
            or toks[k + 1].a_gap
        ):
            return None
        sign, k = -1.0, k + 1
    first = toks[k]
    total, group, cap, last = 0.0, 0.0, math.inf, ""
    ordinal = fraction = implicit = False
    a_at = _a_before(text, first)
    if (
        a_at is not None
        and sign > 0
        and (
            first.kind in "HSZ"
            or (
                first.kind in "FO"
                and not first.plural
                and first.value >= 2
                and _OF_OR_END_RE.match(text, first.end)
            )
        )
    ):
        start, group, last, implicit = a_at, 1.0, "U", True
    if not last:
        quarter_scale = (
            first.kind == "F"
            and first.value == 4
            and not first.plural
            and k + 1 < n
            and toks[k + 1].kind == "S"
            and toks[k + 1].joined
            and not toks[k + 1].and_gap
        )
        if quarter_scale:  # "quarter million"
            group, last = 0.25, "half"
            k += 1
        elif first.kind in "HSZP" or (first.kind == "F" and (first.value != 2 or first.plural)):
            return None
        if first.kind == "O" and first.plural:
            return None
        if first.kind == "F" and _PERIOD_BEFORE_RE.search(
            text, max(0, first.start - 14), first.start
        ):
            return None
    end, k0 = k, k
    while k < n:
        t = toks[k]
        if k > k0 and (not t.joined or (t.a_gap and not t.and_gap and last != "half")):
            break
        if k > k0 and t.and_gap and last:
            den = _denominator(toks, k)
            if den is not None and last in "UTDHS":
                num, k = den
                fraction, end = True, k - 1
                nxt = toks[k] if k < n else None
                if (
                    nxt
                    and nxt.kind == "S"
                    and nxt.joined
                    and not nxt.and_gap
                    and not nxt.a_gap
                    and nxt.value < cap
                ):
                    # "two and a half million", "one billion and a half million"
                    group, end = (group + num) * nxt.value if total == 0 else num * nxt.value, k
                else:  # "one million and a half" is 1.5 million
                    group += num * cap if last == "S" else num
                break
            if not (last in "HS" and t.kind in "UTDO"):
                break
        kind, v = t.kind, t.value
        if (
            kind == "O"
            and last in "UT"
            and total == 0
            and v >= 3
            and group > 0
            and (t.plural == (group > 1))
            and (v < 100 or t.plural or implicit)
        ):
            group, fraction, end = group / v, True, k
            break
        if kind == "F":
            if (
                last in "UT"
                and total == 0
                and group > 0
                and t.plural == (group > 1)
                and not (v == 4 and _PERIOD_BEFORE_RE.search(text, max(0, start - 14), start))
            ):
                group, fraction, end = group / v, True, k
                break
            if last or v != 2:
                break
            group, last, fraction, end = 0.5, "half", True, k
        elif kind == "O":
            if t.plural and last == "D" and group % 10 == 0:
                group, fraction, end = group / v, True, k
                break
            if t.plural or not (not last or last in "HS" or (last == "D" and v < 10)):
                if last in "UTD" and v >= 100 and group < 1000:  # "two hundredth"
                    group, ordinal, end = group * v, True, k
                break
            group, ordinal, end = group + v, True, k
            break
        elif kind in "UTD":
            if not (not last or last in "HS" or (last == "D" and kind == "U" and group % 10 == 0)):
                break
            if last and v == 0:
                break
            group, last, end = group + v, kind, k
        elif kind == "H":
            if last not in ("U", "T", "D") or group >= 100:
                break
            group, last, end = group * 100, "H", k
        elif kind == "S":
            if last in ("U", "T", "D", "H", "half") and v < cap:
                total, group, cap, last, end = total + group * v, 0.0, v, "S", k
            elif last == "S" and v > cap and group == 0:
                total, cap, end = total * v, v, k
            else:
                break
        elif kind == "Z":
            if last not in ("U", "T", "D", "half") or group >= 100:
                break
            group, end = group * 12, k
            k += 1
            break
        elif kind == "P":
            digits = _decimal_digits(toks, k + 1)
            if last not in ("U", "T", "D", "H", "S") or digits is None:
                break
            places, k = digits
            group, end = group + float("0." + places), k - 1
            break
        else:
            break
        k += 1
    if not (last or ordinal or fraction):
        return None
    if fraction and total == 0 and toks[end].kind != "S" and end + 1 < n:
        nxt = toks[end + 1]
        if nxt.kind == "S" and nxt.joined and not nxt.and_gap and not nxt.a_gap:
            group, end = group * nxt.value, end + 1  # "a quarter million"
    value = sign * (total + group)
    last_tok = toks[end]
    multiplier = last_tok.value if last_tok.kind == "S" and group == 0 else 1.0
    scale = text[last_tok.start : last_tok.end].lower() if multiplier != 1 else None
    return SpelledNumber(
        start, last_tok.end, value, multiplier, scale, ordinal, fraction, implicit
    ), end + 1


def _denominator(toks: list[_Tok], k: int) -> tuple[float, int] | None:
    """A fraction after "and": "and a half", "and three quarters", "and two thirds"."""
    t = toks[k]
    if t.a_gap and t.kind in "FO" and not t.plural and t.value >= 2:
        return 1 / t.value, k + 1
    if t.kind == "U" and k + 1 < len(toks):
        d = toks[k + 1]
        if (
            d.joined
            and not d.and_gap
            and d.kind in "FO"
            and d.value >= 2
            and d.plural == (t.value > 1)
            and (d.value > 2 or d.kind == "F")
        ):
            return t.value / d.value, k + 2
    return None


def _decimal_digits(toks: list[_Tok], k: int) -> tuple[str, int] | None:
    """Digits after "point": "point zero three" -> ("03", next index), "point eleven"."""
    places = ""
    while k < len(toks) and toks[k].joined and not toks[k].and_gap and toks[k].kind == "U":
        places, k = places + str(int(toks[k].value)), k + 1
    if places:
        return places, k
    if k < len(toks) and toks[k].joined and toks[k].kind in "TD":
        value = toks[k].value
        if (
            toks[k].kind == "D"
            and k + 1 < len(toks)
            and toks[k + 1].kind == "U"
            and toks[k + 1].joined
            and not toks[k + 1].and_gap
        ):
            return str(int(value + toks[k + 1].value)), k + 2
        return str(int(value)), k + 1
    return None
