"""Money amounts: kind ``"money"``, value in currency units, unit an ISO 4217 code.

    "$38 billion", "US$38bn", "$ 75 million"    -> 38e9 / 38e9 / 75e6, USD
    "38 billion dollars", "five million yen"    -> 38e9 USD, 5e6 JPY
    "€5m", "£3.5 billion", "USD 2.5 million"    -> 5e6 EUR, 3.5e9 GBP, 2.5e6 USD
    "C$ 16.4 million", "HK$10bn", "Rs 500 crore" -> CAD, HKD, INR 5e9
    "50 cents", "470 pence"                      -> 0.5 USD, 4.7 GBP (detail "cents")
    "3 dollars 50 cents"                         -> 3.5 USD
    "$5-7 billion", "between $5bn and $7bn"      -> NumberRange(5e9, 7e9), detail "range"
    "over $5bn but under $7bn"                   -> NumberRange(5e9, 7e9, False, False)
    "528 million francs"                         -> 528e6, unit None (currency unknown)
    "a loss of -$3 million"                      -> -3e6 USD
    not money: "billion-dollar commitments", "a billion-dollar deal", "200 pounds" (weight?)

The span covers symbol, number, scale and currency word, never hedges ("up to",
"about"): :mod:`factcheck.extract.qualifiers` attaches those. A bare "$" or
"dollars" is read as USD. Ambiguous currency words ("pounds", "won", "rand",
"marks") count only with a scale word ("361 million pounds"). A currency word
without an amount ("the dollar fell") is no mention, for the reason given for
bare "percent" in :mod:`factcheck.extract.percent`.

The symbols, codes and currency words, with their ISO codes, are
:mod:`factcheck.extract.vocabulary`'s; this module decides where they may stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from factcheck.dataclass import dataclass
from factcheck.extract.lazy import lazy
from factcheck.extract.numerals import (
    DIGITS,
    Numeral,
    change_mention,
    change_start,
    parse_number,
    range_start,
    scan,
    shared_low,
)
from factcheck.extract.qualifiers import two_sided
from factcheck.extract.vocabulary import (
    CAPITAL_DOLLAR_PREFIXES,
    CODE_ALIASES,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    DOLLAR_SUFFIXES,
    LOCAL_CODES,
    MAJOR_SYMBOLS,
    PENCE_RESOLUTIONS,
    POWERS_OF_A_THOUSAND,
    SAFE_LOWER_CODES,
    SCALES,
    CurrencyWord,
)
from factcheck.model import ExtractContext, Mention, NumberRange
from factcheck.regexes import compiled

_ISO = {code.lower(): ("CNY" if code == "RMB" else code) for code in CURRENCY_CODES}
_ISO.update(CODE_ALIASES)
_ISO.update({code.lower(): iso for code, iso in LOCAL_CODES.items()})
_MILLIONS = {"m" + code: iso for code, iso in _ISO.items() if len(code) == 3}  # "MSEK 500"


def _symbols(symbols: Iterable[str]) -> str:
    """ "[€£]|ரூ": one-character symbols as a class, longer ones as alternatives."""
    chosen = list(symbols)
    longer = [re.escape(s) for s in chosen if len(s) > 1]
    return "|".join([f"[{''.join(s for s in chosen if len(s) == 1)}]", *longer])


# "元" follows the amount ("100元"); the other symbols may come first.
_PREFIX_SYMBOLS = _symbols(s for s in CURRENCY_SYMBOLS if s != "元")
_DOLLAR_WORDS = "|".join(
    re.escape(p) for p in DOLLAR_PREFIXES if p and p not in CAPITAL_DOLLAR_PREFIXES
)
_DOLLAR_CAPITALS = "|".join(p.upper() for p in CAPITAL_DOLLAR_PREFIXES)
_CODE_PATTERN = "|".join(CURRENCY_CODES)
_CODE_WORDS = "|".join([*SAFE_LOWER_CODES, *(re.escape(a) for a in CODE_ALIASES)])
_PREFIX_RE = compiled(
    rf"(?:(?<![\w.$])(?P<dp>{_DOLLAR_WORDS})[\x20\u00a0]?"
    rf"|(?<![\w.$])(?P<da>(?-i:{_DOLLAR_CAPITALS})))?\$[\x20\u00a0]?$"
    rf"|(?<![\w.$])\$(?P<ds>(?-i:{'|'.join(sorted(DOLLAR_SUFFIXES, key=len, reverse=True))}))"
    r"[\x20\u00a0]?$"
    rf"|(?P<sym>{_PREFIX_SYMBOLS})[\x20\u00a0]?$"
    rf"|(?<![\w.])(?P<code>(?-i:M?(?:{_CODE_PATTERN})|{'|'.join(LOCAL_CODES)})|{_CODE_WORDS})"
    r"[\x20\u00a0]?$",
    re.IGNORECASE,
)

# Currency words after the number: phrase -> (ISO code or None, needs a scale word, subunit).
_WORDS = dict(CURRENCY_WORDS)
_WORDS.update(
    {code: CurrencyWord(iso, False, False) for code, iso in _ISO.items() if len(code) == 3}
)
_WORDS.update({code: CurrencyWord(iso, False, False) for code, iso in _MILLIONS.items()})

_SUFFIX_RE = compiled(
    r"(?:[\x20\u00a0]+|-)?(?:(?P<word>"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_WORDS, key=len, reverse=True))
    + r")(?![\w$])(?:[\x20\u00a0]+(?P<late>"
    + "|".join(POWERS_OF_A_THOUSAND)
    + r")\b)?"
    rf"|(?P<sym>{_symbols(CURRENCY_SYMBOLS)}|\$(?![\x20\u00a0]?\d)))",
    re.IGNORECASE,
)
_LOWER_CODE_OK = frozenset(SAFE_LOWER_CODES)
_MINUS_RE = compiled(r"(?<![\w\d])[-\u2212]$")
_CODES_LOWER = frozenset(c.lower() for c in CURRENCY_CODES)
_CENTS_GAP_RE = compiled(r"(?:\s+and)?\s+", re.IGNORECASE)
_CENT_WORD_RE = compiled(r"\s+cents?\b", re.IGNORECASE)
_NOT_CENTS_RE = lazy(
    rf"\s*(?:%|[{MAJOR_SYMBOLS}]|(?:per\s?cent|percent|pct|years?|months?|weeks?|days?|hours?"
    r"|times?|people|of)\b)",
    re.IGNORECASE,
)
_ATTACHED_RE = lazy(  # "USD115", "115.5USD", "EUR5bn": a code glued to the digits
    rf"(?=[A-Z\d.])(?<![\w.])(?:(?P<pre>{_CODE_PATTERN})(?P<num>{DIGITS}(?:k|m|mn|bn)?)"
    rf"|(?P<num2>{DIGITS})(?P<post>{_CODE_PATTERN}))(?![\w$])"
)
# What every such match holds: a digit after three capitals (and a point: "USD.5"),
# or before three capitals. Most articles have none, and this scan (opening with a
# class, so the regex engine skips ahead to the digits) costs a third of the full
# pattern's.
_ATTACHED_HINT_RE = compiled(r"\d(?:(?<=[A-Z]{3}.)|(?<=[A-Z]{3}\..)|(?=[A-Z]{3}))")


@dataclass(frozen=True, slots=True)
class _Amount:
    """An amount found in the text, before its currency and scale are settled."""

    start: int
    end: int
    value: float
    unit: str | None
    prefixed: bool  # the currency comes before the number ("$5", not "5 dollars")
    detail: str | None = None


def extract(text: str, context: ExtractContext) -> Iterator[Mention]:
    """Every money amount in ``text`` (single amounts and two-ended ranges), by position."""
    numerals = [n for n in scan(text) if not n.ordinal]
    by_start = {n.start: n for n in numerals}
    amounts = {
        n.start: a
        for n in numerals
        if (a := _pence(text, n) or _amount(text, n, by_start)) is not None
    }
    _share(text, numerals, amounts)
    found: list[Mention] = []
    done = 0
    for i, n in enumerate(numerals):
        if n.start < done:
            continue
        here = amounts.get(n.start)
        nxt = numerals[i + 1] if i + 1 < len(numerals) else None
        pair = _range(text, n, here, nxt, amounts.get(nxt.start)) if nxt else None
        if pair is not None:
            done = pair.end
            found.append(pair)
        elif here is not None:
            done = here.end
            found.append(
                Mention(
                    "money",
                    here.start,
                    here.end,
                    text[here.start : here.end],
                    here.value,
                    here.unit,
                    detail=here.detail,
                )
            )
    starts = {m.start for m in found}
    for m in _ATTACHED_RE().finditer(text) if _ATTACHED_HINT_RE.search(text) else ():
        value = parse_number(m.group("num") or m.group("num2"))
        if value is not None and m.start() not in starts:
            code = m.group("pre") or m.group("post")
            found.append(Mention("money", m.start(), m.end(), m.group(), value, _ISO[code.lower()]))
    return iter(sorted(found, key=lambda m: m.start))


_SHARE_GAP_RE = compiled(r"(?P<comma>,)?\s+(?P<word>or|and)\s+|(?P<list>,)\s*", re.IGNORECASE)
_BETWEEN_BEFORE_RE = compiled(r"\bbetween\s+$", re.IGNORECASE)
_PENCE_RE = compiled(r"(?-i:p)(?!\w|\.\w)")  # "30p", "30p." but not "3p.m."


def _share(text: str, numerals: list[Numeral], amounts: dict[int, _Amount]) -> None:
    """One currency for a list: "eight or nine euros", "5, 6 or 7 million dollars".

    Right to left, a bare numeral joined by "or"/"and" to an amount whose currency
    follows it takes that currency (and its scale word, "3 or 4 million dollars"); a
    numeral joined by a comma takes it only from a numeral that took it so.
    """
    shared: dict[int, float] = {}  # start -> the scale it took
    for i in range(len(numerals) - 2, -1, -1):
        n, m = numerals[i], numerals[i + 1]
        amount = amounts.get(m.start)
        if n.start in amounts or amount is None or amount.prefixed or n.spelled != m.spelled:
            continue
        gap = _SHARE_GAP_RE.fullmatch(text, n.end, m.start)
        if (
            gap is None
            or (gap.group("list") and m.start not in shared)
            or (
                (gap.group("word") or "").lower() == "and"
                and _BETWEEN_BEFORE_RE.search(text, max(0, n.start - 10), n.start)
            )
        ):
            continue
        scale = shared.get(m.start, m.multiplier)
        value = n.value * scale if n.multiplier == 1 and n.base < m.base else n.value
        if amount.detail == "cents":
            value /= 100
        amounts[n.start] = _Amount(n.start, n.end, value, amount.unit, False, amount.detail)
        shared[n.start] = scale


def _prefix(text: str, n: Numeral) -> tuple[int, str | None, float] | None:
    """The currency written before ``n``: (start, ISO code, multiplier), or None.

    A minus sign before the currency ("-$3 million") makes the multiplier negative.
    """
    pre = _PREFIX_RE.search(text, max(0, n.start - 8), n.start)
    if pre is None:
        return None
    start, sign = pre.start(), 1.0
    if _MINUS_RE.search(text, max(0, start - 2), start):
        start, sign = start - 1, -1.0
    if pre.group("sym"):
        return start, CURRENCY_SYMBOLS[pre.group("sym")], sign
    if pre.group("ds"):
        return start, DOLLAR_SUFFIXES[pre.group("ds")], sign
    code = pre.group("code")
    if code:
        if code.lower() in _MILLIONS and code.isupper():
            return start, _MILLIONS[code.lower()], sign * 1e6
        return start, _ISO[code.lower()], sign
    dollar = (pre.group("dp") or pre.group("da") or "").lower()
    return start, "USD" if dollar.startswith("u") else DOLLAR_PREFIXES[dollar], sign


def _amount(text: str, n: Numeral, by_start: dict[int, Numeral]) -> _Amount | None:
    pre = _prefix(text, n)
    start, unit, value = n.start, None, n.value
    if pre is not None:
        start, unit, value = pre[0], pre[1], n.value * pre[2]
    suf = _SUFFIX_RE.match(text, n.end)
    word = suf.group("word") if suf is not None else None
    if suf is not None and (suf.group(0).startswith("-") and (n.implicit or not word)):
        suf = word = None  # "a billion-dollar deal", "5-$"
    if (
        word
        and word.lower() in _CODES_LOWER | set(_MILLIONS)
        and not (word.isupper() or word.lower() in _LOWER_CODE_OK)
    ):
        suf = word = None  # lower-case codes that are also words
    detail = None
    if suf is not None and word:
        key = " ".join(word.lower().split())
        iso, needs_scale, subunit = _WORDS[key]
        if (
            (needs_scale and n.multiplier == 1 and pre is None)
            or (subunit and pre is not None)
            or (pre is not None and key in _CODES_LOWER)
        ):  # "rmb 10 usd 20"
            suf = None
        elif subunit:
            value, unit, detail = n.value / 100, iso, "cents"
        else:
            if key in _MILLIONS and word.isupper():
                value *= 1e6
            elif suf.group("late") and n.multiplier == 1 and key in _CODES_LOWER:
                value *= SCALES[suf.group("late").lower()]  # "75 USD million"
            if pre is None or iso == "USD" and unit is not None:
                unit = unit or iso
    elif suf is not None:
        if pre is not None:
            suf = None
        else:
            unit = "USD" if suf.group("sym") == "$" else CURRENCY_SYMBOLS[suf.group("sym")]
    if pre is None and suf is None:
        return None
    end = n.end
    if suf is not None:
        late_ok = suf.group("late") and n.multiplier == 1 and word and word.lower() in _CODES_LOWER
        end = suf.end() if late_ok or not suf.group("late") else suf.end("word")
        if detail is None and word and n.multiplier == 1 and not suf.group("late"):
            value, end = _add_cents(text, value, end, by_start)
    return _Amount(start, end, value, unit, pre is not None, detail)


def _pence(text: str, n: Numeral) -> _Amount | None:
    """ "30p", "30p." but not "1080p" (a resolution) or "3p.m."."""
    if (
        n.multiplier == 1
        and not n.spelled
        and _PENCE_RE.match(text, n.end) is not None
        and text[n.start : n.end] not in PENCE_RESOLUTIONS
    ):
        return _Amount(n.start, n.end + 1, n.value / 100, "GBP", False, "cents")
    return None


def _add_cents(
    text: str, value: float, end: int, by_start: dict[int, Numeral]
) -> tuple[float, int]:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50"."""
    gap = _CENTS_GAP_RE.match(text, end)
    if gap is None:
        return value, end
    cents = by_start.get(gap.end())
    if (
        cents is None
        or not (0 < cents.value < 100 and cents.value % 1 == 0)
        or cents.multiplier != 1
        or cents.fraction
    ):
        return value, end
    word = _CENT_WORD_RE.match(text, cents.end)
    if word is not None:
        return value + cents.value / 100, word.end()
    if not _NOT_CENTS_RE().match(text, cents.end) and not _SUFFIX_RE.match(text, cents.end):
        return value + cents.value / 100, cents.end
    return value, end


def _range(
    text: str, n: Numeral, a: _Amount | None, m: Numeral, b: _Amount | None
) -> Mention | None:
    """ "$5-7 billion", "$5 billion to $7 billion", "5 to 7 billion dollars"."""
    if a is None and b is None:
        return None
    if a is not None and b is not None and (a.unit != b.unit or a.detail or b.detail):
        return None
    if a is not None and b is not None:
        bounds = two_sided(text, a.start, a.end, b.start)
        if bounds is not None:  # "more than $1 billion and less than $2 billion"
            low_amount, high_amount = (a, b) if bounds.first_is_low else (b, a)
            if not low_amount.value < high_amount.value:
                return None
            value = NumberRange(
                low_amount.value, high_amount.value, bounds.low_closed, bounds.high_closed
            )
            return Mention(
                "money",
                bounds.start,
                b.end,
                text[bounds.start : b.end],
                value,
                a.unit,
                detail="range",
            )
    if a is None and (b is None or b.prefixed):
        return None
    if b is None and (a is None or not a.prefixed or a.end != n.end):
        return None
    low_start, low_end = (a.start, a.end) if a else (n.start, n.end)
    high_end = b.end if b else m.end
    change = change_start(text, low_start, low_end, b.start if b else m.start)
    if change is not None:
        values = (a.value if a else shared_low(n, m), b.value if b else m.value)
        unit = a.unit if a else b.unit  # type: ignore[union-attr]
        return change_mention("money", text, change, high_end, values, unit)
    start = range_start(
        text, low_start, low_end, b.start if b else m.start, high_end, n.spelled or m.spelled
    )
    if start is None:
        return None
    low, high = (a.value if a else n.value), (b.value if b else m.value)
    if n.multiplier == 1 and m.multiplier > 1 and n.base < m.base:
        low = low * m.multiplier  # "$5-7 billion"
    if not low < high:
        return None
    unit = a.unit if a else b.unit  # type: ignore[union-attr]
    return Mention(
        "money", start, high_end, text[start:high_end], NumberRange(low, high), unit, detail="range"
    )
