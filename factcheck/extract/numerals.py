"""The shared number grammar: every numeric expression in a text, with its span.

Money, percent and number all read numbers through :func:`scan`, so the
grammar lives here once. A :class:`Numeral` is a bare number; what follows or
precedes it (a currency, "%", another number) is the callers' business.

    "1,234.5" -> 1234.5    ".5" -> 0.5        "12,34,567" -> 1234567   "40 000" -> 40000
    "38bn" -> 38e9         "3 million" -> 3e6  "$1.2 trillion" -> 1.2e12 (the numeral)
    "twenty-three" -> 23   "half a million" -> 5e5 (the word grammar: :mod:`.numerals_spelled`)
    "3/4" -> 0.75          "2½" -> 2.5        "minus five" -> -5   "-3" -> -3
    "3rd", "second", "twenty-first" -> 3, 2, 21 with ``ordinal=True``
    not numbers: "17:20" (clock), "GPT4", "B2B", "COVID-19", "180ml", "billion-dollar",
    URLs, phone numbers, page furniture ("Page 2 of 5", "3 min read", "24/7")

Scale abbreviations: k, mn, mln, mil, bn, bln, tn, tln, trn; "m", "b" and "MM"
only attached ("€5m", "1.2b"). Callers decide whether a lower-case "m" means
million (money) or metres (number): see :attr:`Numeral.scale`. The scale words and
abbreviations, with their multipliers, are :mod:`factcheck.extract.vocabulary`'s.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache

from factcheck.dataclass import dataclass
from factcheck.extract.lazy import lazy
from factcheck.extract.numerals_spelled import spelled_numbers
from factcheck.extract.vocabulary import (
    ATTACHED_SCALES,
    CURRENCY_CODES,
    GLUED_PREFIXES,
    IDENTIFIER_HEADS,
    PLURAL_SCALES,
    POWERS_OF_A_THOUSAND,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SCALES,
    STREET_WORDS,
)
from factcheck.model import Direction, Mention
from factcheck.regexes import compiled

__all__ = [
    "DIGITS",
    "SCALES",
    "Numeral",
    "change_mention",
    "change_start",
    "outside",
    "parse_number",
    "range_start",
    "scan",
    "shared_low",
]

_VULGAR = {
    "½": 1 / 2,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅕": 1 / 5,
    "⅖": 2 / 5,
    "⅗": 3 / 5,
    "⅘": 4 / 5,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅐": 1 / 7,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
    "⅑": 1 / 9,
    "⅒": 1 / 10,
}
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
# The same numeral after its first character (a digit, or the point of ".5"): each
# leading digit count one less, the alternatives in the same order.
_INT_REST = (
    r"(?:\d{0,2}(?:,\d{3}){1,7}|\d?(?:,\d{2}){1,5},\d{3}"
    r"|\d{0,2}(?:[\u00a0\u202f\u2009]\d{3}){1,7}|\d{0,2}(?:\x20\d{3}){2,7}|\d{0,2}(?:\x20000){1,4}"
    r"|\d*)"
)
_DIGITS_REST = rf"(?:(?<=\d){_INT_REST}(?:\.\d+)?|(?<=\.)\d+)"


def _words_pattern(words: Iterable[str]) -> str:
    """ "thousand|lakhs?": the words as alternatives, plurals allowed where they are read."""
    return "|".join(f"{w}s?" if w in PLURAL_SCALES else w for w in words)


_WORD_SCALE = _words_pattern(SCALE_WORDS)
# A second scale word after the first: "3 hundred thousand", "1 lakh crore".
_SECOND_SCALE = _words_pattern((*POWERS_OF_A_THOUSAND, "crore"))
_ABBREVIATION = "|".join(a for a in SCALE_ABBREVIATIONS if a not in ATTACHED_SCALES)
_ATTACHED = "|".join(ATTACHED_SCALES)


def _glued_lookbehind(prefixes: Iterable[str], after: str = "") -> str:
    """Lookbehinds, one per width, for currency written glued to the digits ("INR2"),
    followed by ``after`` (the pattern has read it already)."""
    by_width: dict[int, list[str]] = {}
    for prefix in prefixes:
        by_width.setdefault(len(prefix), []).append(re.escape(prefix))
    return "|".join(
        f"(?<=(?-i:{'|'.join(sorted(words))}){after})" for _, words in sorted(by_width.items())
    )


# "INR2 trillion", "$US12,400,000", "RM450,000": the digits after a glued currency
# (seen from after the first digit).
_GLUED = _glued_lookbehind((*CURRENCY_CODES, *GLUED_PREFIXES), after=".")
# The pattern reads the first character first (a case-sensitive class), then looks
# back at what precedes it: a pattern that opens with a class lets the regex engine
# skip ahead to the candidates instead of trying it at every position (3x faster).
# A sign or a number word is then the group ``sign`` (after its first character)
# and the number ``num``; else the first character begins the number and ``rest``
# holds the rest of it.
_DIGIT_RE = compiled(
    rf"""
    (?-i:[-\u2212\d.mMnN])                 # a sign, "minus"/"negative" or the number
    (?:(?<![\w.].)|(?<=\d)(?:{_GLUED}))  # not in a word or decimal, but "INR2"
    (?<!\d:.)(?<!(?-i:[A-Z])-.)            # not in a clock or an identifier ("COVID-19")
    (?:
        (?P<sign>(?<=[-\u2212])|(?<=m)inus\x20+|(?<=n)egative\x20+)(?=\d)(?P<num>{DIGITS})
      | (?P<rest>{_DIGITS_REST})
    )
    (?P<exp>e[-+]?\d{{1,3}})?(?!\d|[.:]\d)
    (?:\^(?P<pow>[-+]*\d{{1,3}})|\x20?[x×]\x20?10\^(?P<pow10>[-+]?\d{{1,3}}))?
    (?P<vulgar>{_VULGAR_CLASS})?
    (?P<half>\x20+and\x20+an?\x20+(?:half|quarter)\b)?
    (?:
        (?:[\x20\u00a0]|-)?(?P<scale>{_WORD_SCALE})
            (?:[\x20\u00a0](?P<scale2>{_SECOND_SCALE}))?(?!\w)
      | [\x20\u00a0]?(?P<abbr>{_ABBREVIATION})(?!\w)
      | (?P<abbr1>{_ATTACHED})(?!\w)
      | (?P<ord>st|nd|rd|th)(?!\w)
    )?
    (?P<half2>\x20+and\x20+an?\x20+(?:half|quarter)\b)?
    (?!(?!元|(?:bps?|pp|ppts?|pct|pc)\b|(?-i:p)(?!\w|\.\w)|x(?!\w))[^\W\d_])  # "25bp", "30p", "3x"
    """,
    re.IGNORECASE | re.VERBOSE,
)
_FRACTION_RE = compiled(
    r"(?=[-\d])(?<![\w./])(?P<sign>-)?(?:(?P<whole>\d+)\x20+)?(?P<num>\d+)\x20?/\x20?(?P<den>\d+)(?![\w/]|\.\d)"
)
_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100})
_LONE_VULGAR_RE = compiled(rf"{_VULGAR_CLASS}(?<![\w.].)(?!\w)")
# Digits that are no quantity: URLs, phone numbers, page furniture ("Page 2 of 5",
# "Photo 3/12", "3 min read", "24/7").
#
# This pattern and _IDENTIFIER_RE open with a case-sensitive class of every character
# a match can start with (under IGNORECASE "i" is also "İ" and "ı", "s" also "ſ"), then
# the look back that every alternative makes (no word character before it: most
# candidates, inside words, fail there), then the alternatives, each looking back at
# that first character and at what precedes it. A pattern that opens with a class lets
# the regex engine skip ahead to the candidates instead of trying the pattern at
# every position: the same matches at about half the cost.
_NOT_QUANTITY_RE = compiled(
    r"(?-i:[hHwWpPiI\u0130\u0131sS\u017fgG\d(+])(?<!\w.)(?:"
    r"(?<=h)ttps?://\S+|(?<=w)ww\.\S+"
    r"|(?<!\+.)(?:(?<=\+)\d{1,3}[\x20.-]?\(?\d{3}|(?<=\()\d{3}|(?<=\d)\d{2})"
    r"\)?[\x20.-]\d{3}[.-]\d{4}(?!\d)"
    r"|(?:(?<=p)(?:age|hoto|icture)|(?<=i)mage|(?<=s)lide|(?<=g)allery)"
    r"\x20+\d+(?:\x20*(?:of|/)\x20*\d+)?\b"
    r"|(?<=\d)\d*\x20*min(?:ute)?s?\x20+read\b|(?<=2)4/7\b)",
    re.IGNORECASE,
)


# Numbers that name rather than count: an index, a product, a game, a house number,
# a time of day, a listing, an international phone number.
def _after_first(words: Iterable[str]) -> str:
    """``words`` as alternatives after their first character, which the pattern has
    just read: "(?<=S)(?:\\&P|toxx)|(?<=F)TSE". Each word keeps its place among those
    of the same first character, so the alternatives are tried in the same order."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        f"(?<={re.escape(first)})(?:{'|'.join(rests)})" for first, rests in by_first.items()
    )


_IDENTIFIER_RE = compiled(
    r"[A-Z\d+i](?<!\w.)"  # the first characters of the alternatives (see _NOT_QUANTITY_RE)
    rf"(?:(?<!&.)(?:{_after_first(IDENTIFIER_HEADS)})[\x20\u00a0-]?\d+[A-Za-z]?\b"
    rf"|(?<=\d)(?<![.,].)\d{{0,4}}[A-Za-z]?(?:\x20[A-Z][a-z]+){{1,3}}\x20"
    rf"(?:{'|'.join(STREET_WORDS)})\b"
    r"|(?i:(?<=\d)(?<![.:].)\d?(?:[:.]\d{2})?\x20?[ap]\.?m\b\.?)"
    r"|(?<=\d)(?<!\..)\d{2,4}\.(?:HK|T|SS|SZ|KS|L|TO|AX|NS|BO)\b"
    r"|(?<=\+)(?<!\+.)\d{1,3}(?:[\x20.]\d{1,4}){2,5}(?!\d))"
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
    fractions = _digit_fractions(text) if "/" in text else []
    found = [*_digit_numerals(text), *fractions, *_spelled(text)]
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    skip = [(m.start(), m.end()) for m in _NOT_QUANTITY_RE.finditer(text)]
    skip.extend((m.start(), m.end()) for m in _IDENTIFIER_RE.finditer(text))
    skip.sort()
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


_JOIN_GAP_RE = compiled(
    r"\x20+(?:(?P<and>and)\x20+|(?P<per>over|out\x20+of|in)\x20+)?", re.IGNORECASE
)
_COMPOUND_AFTER_RE = compiled(r"-[^\W\d_]")
_CLAUSE_END_RE = compiled(r"\s*(?:[^\w\s]|$)")
_SCALE_WORDS = frozenset(SCALE_WORDS)


def _join(text: str, a: Numeral, b: Numeral) -> Numeral | None:
    """Two adjacent numerals that are one number.

    "4 thousand 3 hundred and 21" -> 4321 ("4 thousand" then "3 hundred" then "21");
    "one in five", "two out of three", "1 over 3" (at a clause end) -> a proportion.
    """
    gap = _JOIN_GAP_RE.fullmatch(text, a.end, b.start)
    if gap is None or a.ordinal or b.ordinal or a.fraction or b.fraction:
        return None
    if _COMPOUND_AFTER_RE.match(text, b.end):
        return None  # "2.9 million nine-litre cases": a count, then an adjective
    per = (gap.group("per") or "").lower()
    if per:
        if (
            not 0 < a.value < b.value
            or (per == "in" and b.value >= 1000 and not b.implicit)
            or (per == "over" and not _CLAUSE_END_RE.match(text, b.end))
        ):
            return None
        value = a.value / b.value
        return Numeral(a.start, b.end, value, value, fraction=True, spelled=a.spelled)
    full_word = a.scale is not None and a.scale.lower().rstrip("s") in _SCALE_WORDS
    if (
        not full_word
        or a.spelled
        or not 0 < b.value < a.multiplier
        or b.value % 1
        or (b.multiplier == 1 and b.value >= 100 and not gap.group("and"))
    ):
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


_RANGE_GAP_RE = compiled(
    r"\s*(?P<dash>[-\u2010-\u2014~])\s*|\s+(?P<word>to|through|thru|and)\s+(?P<the>the\s+)?",
    re.IGNORECASE,
)
_BETWEEN_RE = compiled(r"\b(?P<word>between|from)\s+(?P<the>the\s+)?$", re.IGNORECASE)
_CHANGE_BEFORE_RE = lazy(
    r"\b(?:rose|ris(?:e|es|en|ing)|fell|fall(?:s|en|ing)?|grew|grow(?:s|n|ing)?|went|up|down"
    r"|(?:increas|decreas|climb|jump|drop|declin|cut|rais|lower|boost|reduc|slash|doubl"
    r"|chang|mov|shift|upgrad|downgrad|revis|widen|narrow|improv|slipp|slid|surg|soar|plung"
    r"|tumbl|expand|shrink|shrank|swung|swing|advanc|gain|los|lift|trim|hik)\w*)"
    r"(?:\s+(?:by|about|around|nearly|almost|some|roughly|sharply|slightly))?\s+$",
    re.IGNORECASE,
)
# "raised its forecast from", "rose from", "cut the rate from": a verb of change, then
# at most four words, then "from" (each match looks at a bounded window only).
_CHANGE_VERB_RE = lazy(
    r"\b(?:rose|ris(?:e|es|en|ing)|fell|fall(?:s|en|ing)?|grew|grow(?:s|n|ing)?|went|go(?:es)?"
    r"|(?:increas|decreas|climb|jump|drop|declin|cut|rais|lower|boost|reduc|slash|doubl|halv"
    r"|chang|mov|shift|upgrad|downgrad|revis|widen|narrow|improv|slipp|slid|surg|soar|plung"
    r"|tumbl|expand|shrink|shrank|swung|swing|advanc|gain|lift|trim|hik|push|pull|brought"
    r"|bring|tighten|eas|accelerat|slow|sank|sink|dipp|edg)\w*)"
    r"(?:\s+[^\s.;:!?]+){0,4}\s+(?P<from>from)\s+$",
    re.IGNORECASE,
)
_CHANGE_GAP_RE = compiled(r"\s+to\s+", re.IGNORECASE)


def change_start(text: str, low_start: int, low_end: int, high_start: int) -> int | None:
    """Where "from X to Y" after a verb of change starts, or None if it is no change.

    "raised its forecast from $4 billion to $6 billion", "rose from 5 to 7", "fell from
    6% to 4%": the span starts at "from". "ranged from 5 to 7" and "from 5 to 7" alone
    are ranges (:func:`range_start`).
    """
    if _CHANGE_GAP_RE.fullmatch(text, low_end, high_start) is None:
        return None
    verb = _CHANGE_VERB_RE().search(text, max(0, low_start - 80), low_start)
    return None if verb is None else verb.start("from")


def shared_low(low: Numeral, high: Numeral) -> float:
    """The low end's value, taking the high end's scale where it shares it.

    "5 to 7 million" and "7 to 5 million": the bare end is of the same order as the
    other's base, so it is millions too; "500 to 2 million" keeps 500.
    """
    if (
        low.multiplier == 1
        and high.multiplier > 1
        and high.base
        and 0.1 <= low.base / high.base <= 10
    ):
        return _times(low.base, high.multiplier)
    return low.value


def change_mention(
    kind: str, text: str, start: int, end: int, values: tuple[float, float], unit: str | None
) -> Mention:
    """One from-to change: the new value, the previous one, both steps, the direction."""
    previous, value = values
    direction: Direction | None = "up" if value > previous else "down" if value < previous else None
    return Mention(
        kind,
        start,
        end,
        text[start:end],
        value,
        unit,
        detail="change",
        direction=direction,
        previous=previous,
        steps=values,
    )


_PHONE_BEFORE_RE = compiled(r"[+\d][-/.]$")
_PHONE_AFTER_RE = compiled(r"^[-/.]\d")


def range_start(
    text: str,
    low_start: int,
    low_end: int,
    high_start: int,
    high_end: int,
    spelled: bool = False,
    ordinal: bool = False,
) -> int | None:
    """Where the two-ended range "low GAP high" starts, or None if it is no range.

    Connectors: "10-20", "10 – 20", "20~100", "10 to 20", "10 through 20",
    "from 5 to 7", "rose from 5 to 7", "between 10 and 20" (the span includes
    "from"/"between"); not "fell 2 to 8" (a change, then a level).
    "and" needs "between"; "through"/"to" and dashes need nothing, but a dash
    between ``spelled`` numbers is a compound ("three-nought-four"), not a range.
    Between ``ordinal`` ends the article may repeat: "between the tenth and the
    fifteenth".
    """
    gap = _RANGE_GAP_RE.fullmatch(text, low_end, high_start)
    if gap is None:
        return None
    lead = _BETWEEN_RE.search(text, max(0, low_start - 14), low_start)
    if not ordinal and gap.group("the"):
        return None
    if not ordinal and lead and lead.group("the"):
        lead = None
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
    if (
        gap.group("word")
        and gap.group("word").lower() == "to"
        and _CHANGE_BEFORE_RE().search(text, max(0, low_start - 30), low_start)
    ):
        return None  # "fell $2 billion to $8 billion": a change, then a level
    return low_start


def _digit_numerals(text: str) -> list[Numeral]:
    out = []
    for m in _DIGIT_RE.finditer(text):
        raw = m["num"] if m["rest"] is None else text[m.start() : m.end("rest")]
        base = float(re.sub(r"[,\s\u00a0\u202f\u2009]", "", raw) + (m.group("exp") or ""))
        if m.group("vulgar"):
            base += _VULGAR[m.group("vulgar")]
        if m.group("half"):
            base += 0.5 if m.group("half").rstrip().lower().endswith("half") else 0.25
        try:
            base = _power(m, base)
        except (OverflowError, ZeroDivisionError):
            continue  # "10^400", "0^-1": not a figure a source could state
        if m["sign"] is not None:
            base = -base
        scale = m.group("scale") or m.group("abbr") or m.group("abbr1")
        multiplier = 1.0
        if scale:
            multiplier = SCALES[scale.lower().rstrip("s") if len(scale) > 3 else scale.lower()]
            if m.group("scale2"):
                multiplier *= SCALES[m.group("scale2").lower().rstrip("s")]
        if m.group("half2") and scale:  # "3 million and a half"
            base += 0.5 if m.group("half2").rstrip().lower().endswith("half") else 0.25
        value = _times(base, multiplier)
        if not math.isfinite(value):
            continue  # beyond a float ("$1e308 billion"): no value to compare
        out.append(
            Numeral(
                m.start(),
                m.end(),
                value,
                base,
                multiplier,
                scale,
                ordinal=m.group("ord") is not None,
            )
        )
    for m in _LONE_VULGAR_RE.finditer(text) if any(v in text for v in _VULGAR) else ():
        value = _VULGAR[m.group()]
        out.append(Numeral(m.start(), m.end(), value, value, fraction=True))
    return out


def _power(m: re.Match[str], base: float) -> float:
    """Apply a written power: "2^10", "1.5 x 10^6"."""
    if m.group("pow"):
        sign = -1 if m.group("pow").count("-") % 2 else 1
        return float(base ** (sign * int(m.group("pow").lstrip("+-"))))
    if m.group("pow10"):
        return float(Decimal(repr(base)) * Decimal(10) ** int(m.group("pow10")))
    return base


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


def _spelled(text: str) -> Iterator[Numeral]:
    for s in spelled_numbers(text):
        yield Numeral(
            s.start,
            s.end,
            s.value,
            s.value / s.multiplier,
            s.multiplier,
            s.scale,
            spelled=True,
            ordinal=s.ordinal,
            fraction=s.fraction,
            implicit=s.implicit,
        )


_DIGIT_RUN = compiled(r"[\d+][\d+\-\u2013]*")


def in_digit_chain(text: str, start: int, end: int) -> bool:
    """Part of a phone number or code: "+86 138-2010-2015", "2010-2015-86" (3+ groups)."""
    lo = start
    while lo > 0 and (text[lo - 1].isdigit() or text[lo - 1] in "+-\u2013"):
        lo -= 1
    match = _DIGIT_RUN.match(text, lo)
    run = match[0] if match and match.end() >= end else text[start:end]
    return run.startswith("+") or len([g for g in re.split(r"[-\u2013]", run) if g]) >= 3
