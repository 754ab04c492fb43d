"""The shared number grammar: every numeric expression in a text, with its span.

Money, percent and number all read numbers through :func:`scan`, so the
grammar lives here once. A :class:`Numeral` is a bare number; what follows or
precedes it (a currency, "%", another number) is the callers' business.

    "1,234.5" -> 1234.5    ".5" -> 0.5        "12,34,567" -> 1234567   "40 000" -> 40000
    "38bn" -> 38e9         "3 million" -> 3e6  "$1.2 trillion" -> 1.2e12 (the numeral)
    "twenty-three" -> 23   "one hundred and five" -> 105   "a dozen" -> 12
    "two and a half million" -> 2.5e6   "half a million" -> 5e5   "two thirds" -> 0.667
    "3/4" -> 0.75          "2½" -> 2.5        "minus five" -> -5   "-3" -> -3
    "3rd", "second", "twenty-first" -> 3, 2, 21 with ``ordinal=True``
    not numbers: "17:20" (clock), "GPT4", "B2B", "COVID-19", "180ml", "billion-dollar",
    URLs, phone numbers, page furniture ("Page 2 of 5", "3 min read", "24/7")

Scale abbreviations: k, mn, mln, mil, bn, bln, tn, tln, trn; "m", "b" and "MM"
only attached ("€5m", "1.2b"). Callers decide whether a lower-case "m" means
million (money) or metres (number): see :attr:`Numeral.scale`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

__all__ = ["DIGITS", "SCALES", "Numeral", "outside", "parse_number", "range_start", "scan"]

SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "crore": 1e7, "dozen": 12.0,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mm": 1e6,
    "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "tln": 1e12, "trn": 1e12,
}
_VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
           "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8,
           "⅝": 5 / 8, "⅞": 7 / 8, "⅑": 1 / 9, "⅒": 1 / 10}
_VULGAR_CLASS = "[" + "".join(_VULGAR) + "]"

# An unsigned numeral written with digits: grouped thousands ("1,234", Indian
# "12,34,567", thin-space "40 000") or a plain run, with an optional decimal part.
# Group counts are bounded so a failed match never rescans a long digit run.
_INT = (
    r"(?:\d{1,3}(?:,\d{3}){1,7}|\d{1,2}(?:,\d{2}){1,5},\d{3}"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3}){1,7}|\d{1,3}(?:\x20\d{3}){2,7}|\d{1,3}(?:\x20000){1,4}"
    r"|\d+)"
)
DIGITS = rf"(?:{_INT}(?:\.\d+)?|\.\d+)"
_WORD_SCALE = r"hundred|thousand|million|billion|trillion|lakhs?|crores?|dozens?"
_DIGIT_RE = re.compile(
    rf"""
    (?<![\w.])(?<!\d:)(?<!(?-i:[A-Z])-)     # not inside an identifier, decimal or clock
    (?P<sign>[-\u2212](?=\d)|(?:minus|negative)\x20+(?=\d))?
    (?P<num>{DIGITS})(?P<exp>e[-+]?\d{{1,3}})?(?!\d|[.:]\d)
    (?:\^(?P<pow>[-+]*\d{{1,3}})|\x20?[x×]\x20?10\^(?P<pow10>[-+]?\d{{1,3}}))?
    (?P<vulgar>{_VULGAR_CLASS})?
    (?P<half>\x20+and\x20+an?\x20+(?:half|quarter)\b)?
    (?:
        (?:[\x20\u00a0]|-)?(?P<scale>{_WORD_SCALE})
            (?:[\x20\u00a0](?P<scale2>thousand|million|billion|trillion|crores?))?(?!\w)
      | [\x20\u00a0]?(?P<abbr>k|mn|mln|mil|bn|bln|tn|tln|trn)(?!\w)
      | (?P<abbr1>m|b|mm)(?!\w)
      | (?P<ord>st|nd|rd|th)(?!\w)
    )?
    (?P<half2>\x20+and\x20+an?\x20+(?:half|quarter)\b)?
    (?!(?!元|(?:bps?|pp|ppts?|pct)\b)[^\W\d_])    # no letters after, but "100元", "25bp"
    """,
    re.IGNORECASE | re.VERBOSE,
)
_FRACTION_RE = re.compile(
    r"(?<![\w./])(?P<sign>-)?(?:(?P<whole>\d+)\x20+)?(?P<num>\d+)\x20?/\x20?(?P<den>\d+)(?![\w/]|\.\d)"
)
_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100})
_LONE_VULGAR_RE = re.compile(rf"(?<![\w.]){_VULGAR_CLASS}(?!\w)")
# Digits that are no quantity: URLs, phone numbers, page furniture ("Page 2 of 5",
# "Photo 3/12", "3 min read", "24/7").
_NOT_QUANTITY_RE = re.compile(
    r"\b(?:https?://|www\.)\S+"
    r"|(?<![\w+])(?:\+\d{1,3}[\x20.-]?)?\(?\d{3}\)?[\x20.-]\d{3}[.-]\d{4}(?!\d)"
    r"|\b(?:page|photo|image|slide|picture|gallery)\x20+\d+(?:\x20*(?:of|/)\x20*\d+)?\b"
    r"|\b\d+\x20*min(?:ute)?s?\x20+read\b|\b24/7\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Numeral:
    """A number found in a text: ``value`` = ``base`` x ``multiplier``."""

    start: int
    end: int
    value: float
    base: float
    multiplier: float = 1.0
    scale: str | None = None  # scale word or abbreviation as written ("bn", "million")
    spelled: bool = False
    ordinal: bool = False
    fraction: bool = False
    implicit: bool = False  # the number is an article: "a million", "a half"


@lru_cache(maxsize=16)
def scan(text: str) -> tuple[Numeral, ...]:
    """Every numeral in ``text``, sorted by start, non-overlapping (longest wins)."""
    found = [*_digit_numerals(text), *_digit_fractions(text), *_spelled_numerals(text)]
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    skip = [(m.start(), m.end()) for m in _NOT_QUANTITY_RE.finditer(text)]
    if skip:
        found = list(outside(found, skip))
    kept: list[Numeral] = []
    for numeral in found:
        if kept and numeral.start < kept[-1].end:
            continue
        joined = _join(text, kept[-1], numeral) if kept else None
        if joined is not None:
            kept[-1] = joined
        else:
            kept.append(numeral)
    return tuple(kept)


_JOIN_GAP_RE = re.compile(r"\x20+(?:(?P<and>and)\x20+|(?P<per>over|out\x20+of|in)\x20+)?",
                          re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"\s*(?:[^\w\s]|$)")


def _join(text: str, a: Numeral, b: Numeral) -> Numeral | None:
    """Two adjacent numerals that are one number.

    "4 thousand 3 hundred and 21" -> 4321 ("4 thousand" then "3 hundred" then "21");
    "one in five", "two out of three", "1 over 3" (at a clause end) -> a proportion.
    """
    gap = _JOIN_GAP_RE.fullmatch(text, a.end, b.start)
    if gap is None or a.ordinal or b.ordinal or a.fraction or b.fraction:
        return None
    per = (gap.group("per") or "").lower()
    if per:
        if not 0 < a.value < b.value or (per == "in" and b.value >= 1000 and not b.implicit) or (
            per == "over" and not _CLAUSE_END_RE.match(text, b.end)
        ):
            return None
        value = a.value / b.value
        return Numeral(a.start, b.end, value, value, fraction=True, spelled=a.spelled)
    full_word = a.scale is not None and a.scale.lower().rstrip("s") in _WORDS
    if not full_word or a.spelled or not 0 < b.value < a.multiplier or b.value % 1 \
            or (b.multiplier == 1 and b.value >= 100 and not gap.group("and")):
        return None
    value = a.value + b.value
    return Numeral(a.start, b.end, value, value / b.multiplier, b.multiplier, b.scale)


def outside(numerals: list[Numeral], spans: list[tuple[int, int]]) -> Iterator[Numeral]:
    """The numerals (sorted by start) that overlap none of ``spans`` (sorted (start, end))."""
    i = 0
    for n in numerals:
        while i < len(spans) and spans[i][1] <= n.start:
            i += 1
        if i == len(spans) or n.end <= spans[i][0]:
            yield n


def parse_number(text: str) -> float | None:
    """The value of ``text`` if it is exactly one numeral ("38bn", "twenty-one"), else None."""
    stripped = text.strip()
    found = scan(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].value
    return None


_RANGE_GAP_RE = re.compile(
    r"\s*(?P<dash>[-\u2010-\u2014~])\s*|\s+(?P<word>to|through|thru|and)\s+", re.IGNORECASE
)
_BETWEEN_RE = re.compile(r"\b(?P<word>between|from)\s+$", re.IGNORECASE)
_CHANGE_BEFORE_RE = re.compile(
    r"\b(?:rose|ris(?:e|es|en|ing)|fell|fall(?:s|en|ing)?|grew|grow(?:s|n|ing)?|went|up|down"
    r"|(?:increas|decreas|climb|jump|drop|declin|cut|rais|lower|boost|reduc|slash|doubl"
    r"|chang|mov|shift|upgrad|downgrad|revis|widen|narrow|improv|slipp|slid|surg|soar|plung"
    r"|tumbl|expand|shrink|shrank|swung|swing|advanc|gain|los|lift|trim|hik)\w*)"
    r"(?:\s+(?:by|about|around|nearly|almost|some|roughly|sharply|slightly))?\s+$",
    re.IGNORECASE,
)
_PHONE_BEFORE_RE = re.compile(r"[+\d][-/.]$")
_PHONE_AFTER_RE = re.compile(r"^[-/.]\d")


def range_start(text: str, low_start: int, low_end: int, high_start: int, high_end: int,
                spelled: bool = False) -> int | None:
    """Where the two-ended range "low GAP high" starts, or None if it is no range.

    Connectors: "10-20", "10 – 20", "20~100", "10 to 20", "10 through 20",
    "from 5 to 7", "rose from 5 to 7", "between 10 and 20" (the span includes
    "from"/"between"); not "fell 2 to 8" (a change, then a level).
    "and" needs "between"; "through"/"to" and dashes need nothing, but a dash
    between ``spelled`` numbers is a compound ("three-nought-four"), not a range.
    """
    gap = _RANGE_GAP_RE.fullmatch(text, low_end, high_start)
    if gap is None:
        return None
    lead = _BETWEEN_RE.search(text, max(0, low_start - 10), low_start)
    if gap.group("word") and gap.group("word").lower() == "and":
        return lead.start() if lead and lead.group("word").lower() == "between" else None
    if gap.group("dash") and (
        spelled
        or _PHONE_BEFORE_RE.search(text, max(0, low_start - 2), low_start)
        or _PHONE_AFTER_RE.match(text[high_end : high_end + 2])
    ):
        return None
    if lead and gap.group("word") and lead.group("word").lower() == "from":
        return lead.start()
    if gap.group("word") and gap.group("word").lower() == "to" and _CHANGE_BEFORE_RE.search(
        text, max(0, low_start - 30), low_start
    ):
        return None  # "fell $2 billion to $8 billion": a change, then a level
    return low_start


def _digit_numerals(text: str) -> list[Numeral]:
    out = []
    for m in _DIGIT_RE.finditer(text):
        raw = m.group("num")
        base = float(re.sub(r"[,\s\u00a0\u202f\u2009]", "", raw) + (m.group("exp") or ""))
        if m.group("vulgar"):
            base += _VULGAR[m.group("vulgar")]
        if m.group("half"):
            base += 0.5 if m.group("half").rstrip().lower().endswith("half") else 0.25
        if m.group("pow"):
            sign = -1 if m.group("pow").count("-") % 2 else 1
            base = base ** (sign * int(m.group("pow").lstrip("+-")))
        elif m.group("pow10"):
            base = float(Decimal(repr(base)) * Decimal(10) ** int(m.group("pow10")))
        if m.group("sign"):
            base = -base
        scale = m.group("scale") or m.group("abbr") or m.group("abbr1")
        multiplier = 1.0
        if scale:
            multiplier = SCALES[scale.lower().rstrip("s") if len(scale) > 3 else scale.lower()]
            if m.group("scale2"):
                multiplier *= SCALES[m.group("scale2").lower().rstrip("s")]
        if m.group("half2") and scale:  # "3 million and a half"
            base += 0.5 if m.group("half2").rstrip().lower().endswith("half") else 0.25
        out.append(Numeral(
            m.start(), m.end(), _times(base, multiplier), base, multiplier, scale,
            ordinal=m.group("ord") is not None,
        ))
    for m in _LONE_VULGAR_RE.finditer(text):
        value = _VULGAR[m.group()]
        out.append(Numeral(m.start(), m.end(), value, value, fraction=True))
    return out


def _times(base: float, multiplier: float) -> float:
    """``base * multiplier`` without binary noise: 16.4 x 1e6 is 16400000.0."""
    return base if multiplier == 1 else float(Decimal(repr(base)) * Decimal(multiplier))


def _digit_fractions(text: str) -> list[Numeral]:
    out = []
    for m in _FRACTION_RE.finditer(text):
        num, den = int(m.group("num")), int(m.group("den"))
        if den not in _DENOMINATORS or not 0 < num < den:
            continue
        value = num / den + (int(m.group("whole")) if m.group("whole") else 0)
        value = -value if m.group("sign") else value
        out.append(Numeral(m.start(), m.end(), value, value, fraction=True))
    return out


# --- spelled-out numbers -------------------------------------------------------------
# Token kinds: U unit 0-9, T teen, D tens, H hundred, S scale, Z dozen, O ordinal,
# F half/quarter, P "point", N "minus"/"negative".
_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth",
)
_ORD_TENS = ("twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
             "eightieth", "ninetieth")
_WORDS: dict[str, tuple[str, float]] = {
    **{w: ("U", float(v)) for v, w in enumerate(_UNITS)},
    "nought": ("U", 0.0), "naught": ("U", 0.0),
    **{w: ("T", float(v + 10)) for v, w in enumerate(_TEENS)},
    **{w: ("D", float(20 + 10 * v)) for v, w in enumerate(_TENS)},
    "hundred": ("H", 100.0), "dozen": ("Z", 12.0), "dozens": ("Z", 12.0),
    **{w: ("S", SCALES[w]) for w in ("thousand", "million", "billion", "trillion")},
    "lakh": ("S", 1e5), "lakhs": ("S", 1e5), "crore": ("S", 1e7), "crores": ("S", 1e7),
    **{w: ("O", float(v + 1)) for v, w in enumerate(_ORDINALS)},
    **{w: ("O", float(20 + 10 * v)) for v, w in enumerate(_ORD_TENS)},
    "hundredth": ("O", 1e2), "thousandth": ("O", 1e3), "millionth": ("O", 1e6),
    "billionth": ("O", 1e9), "trillionth": ("O", 1e12),
    "half": ("F", 2.0), "halves": ("F", 2.0), "quarter": ("F", 4.0), "quarters": ("F", 4.0),
    "point": ("P", 0.0), "minus": ("N", 0.0), "negative": ("N", 0.0),
}
_PLURAL_DENOMINATORS = {w + "s": v for w, (k, v) in _WORDS.items() if k == "O" and v >= 3}
_PLURAL_DENOMINATORS.update(halves=2.0, quarters=4.0)
_WORDS.update({w: ("O", v) for w, v in _PLURAL_DENOMINATORS.items() if w not in _WORDS})
_WORD_RE = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")  # every word; _WORDS picks the number words
_GAP_RE = re.compile(
    r"[\x20\t\u00a0]*[-\u2010][\x20\t\u00a0]*|[\x20\t\u00a0]+(?:(?P<and>and)[\x20\t\u00a0]+)?"
    r"(?:(?P<a>an?)[\x20\t\u00a0]+)?",
    re.IGNORECASE,
)
_A_BEFORE_RE = re.compile(r"\ban?[\x20\t\u00a0]+$", re.IGNORECASE)
_OF_OR_END_RE = re.compile(
    r"[\x20\t]+(?:of|points?|million|billion|trillion)\b|\s*(?:[^\w\s-]|$)"
)
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


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _WORD_RE.finditer(text):
        word = m.group().lower()
        if word not in _WORDS:
            continue
        kind, value = _WORDS[word]
        gap = _GAP_RE.fullmatch(text, toks[-1].end, m.start()) if toks else None
        toks.append(_Tok(
            m.start(), m.end(), kind, value, word in _PLURAL_DENOMINATORS, gap is not None,
            bool(gap and gap.group("and")), bool(gap and gap.group("a")),
        ))
    return toks


def _spelled_numerals(text: str) -> Iterator[Numeral]:
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


def _parse_at(text: str, toks: list[_Tok], i: int) -> tuple[Numeral, int] | None:
    """Parse the longest valid number starting at token ``i``; return it and the next index."""
    n, k, sign, start = len(toks), i, 1.0, toks[i].start
    if toks[k].kind == "N":
        if k + 1 >= n or toks[k + 1].kind not in "UTD" or not toks[k + 1].joined \
                or toks[k + 1].and_gap or toks[k + 1].a_gap:
            return None
        sign, k = -1.0, k + 1
    first = toks[k]
    total, group, cap, last = 0.0, 0.0, math.inf, ""
    ordinal = fraction = implicit = False
    a_at = _a_before(text, first)
    if a_at is not None and sign > 0 and (
        first.kind in "HSZ"
        or (first.kind in "FO" and not first.plural and first.value >= 2
            and _OF_OR_END_RE.match(text, first.end))
    ):
        start, group, last, implicit = a_at, 1.0, "U", True
    if not last:
        quarter_scale = first.kind == "F" and first.value == 4 and not first.plural and \
            k + 1 < n and toks[k + 1].kind == "S" and toks[k + 1].joined and not toks[k + 1].and_gap
        if quarter_scale:  # "quarter million"
            group, last = 0.25, "half"
            k += 1
        elif first.kind in "HSZP" or (first.kind == "F" and (first.value != 2 or first.plural)):
            return None
        if first.kind == "O" and first.plural:
            return None
        if first.kind == "F" and _PERIOD_BEFORE_RE.search(text, max(0, first.start - 14),
                                                          first.start):
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
                if nxt and nxt.kind == "S" and nxt.joined and not nxt.and_gap \
                        and not nxt.a_gap and nxt.value < cap:
                    # "two and a half million", "one billion and a half million"
                    group, end = (group + num) * nxt.value if total == 0 else num * nxt.value, k
                else:  # "one million and a half" is 1.5 million
                    group += num * cap if last == "S" else num
                break
            if not (last in "HS" and t.kind in "UTDO"):
                break
        kind, v = t.kind, t.value
        if kind == "O" and last in "UT" and total == 0 and v >= 3 and group > 0 and \
                (t.plural == (group > 1)) and (v < 100 or t.plural or implicit):
            group, fraction, end = group / v, True, k
            break
        if kind == "F":
            if last in "UT" and total == 0 and group > 0 and t.plural == (group > 1) and not (
                v == 4 and _PERIOD_BEFORE_RE.search(text, max(0, start - 14), start)
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
    return Numeral(start, last_tok.end, value, value / multiplier, multiplier,
                   text[last_tok.start:last_tok.end].lower() if multiplier != 1 else None,
                   spelled=True, ordinal=ordinal, fraction=fraction, implicit=implicit), end + 1


def _denominator(toks: list[_Tok], k: int) -> tuple[float, int] | None:
    """A fraction after "and": "and a half", "and three quarters", "and two thirds"."""
    t = toks[k]
    if t.a_gap and t.kind in "FO" and not t.plural and t.value >= 2:
        return 1 / t.value, k + 1
    if t.kind == "U" and k + 1 < len(toks):
        d = toks[k + 1]
        if d.joined and not d.and_gap and d.kind in "FO" and d.value >= 2 \
                and d.plural == (t.value > 1) and (d.value > 2 or d.kind == "F"):
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
        if toks[k].kind == "D" and k + 1 < len(toks) and toks[k + 1].kind == "U" \
                and toks[k + 1].joined and not toks[k + 1].and_gap:
            return str(int(value + toks[k + 1].value)), k + 2
        return str(int(value)), k + 1
    return None
