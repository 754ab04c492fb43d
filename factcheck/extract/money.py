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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.extract.numerals import DIGITS, SCALES, Numeral, parse_number, range_start, scan
from factcheck.extract.qualifiers import two_sided
from factcheck.model import ExtractContext, Mention, NumberRange

_DOLLAR_PREFIX = {
    "": "USD",
    "us": "USD",
    "u.s.": "USD",
    "u.s": "USD",
    "usd": "USD",
    "c": "CAD",
    "ca": "CAD",
    "can": "CAD",
    "cad": "CAD",
    "au": "AUD",
    "aud": "AUD",
    "a": "AUD",
    "hk": "HKD",
    "hkd": "HKD",
    "nz": "NZD",
    "nzd": "NZD",
    "mex": "MXN",
    "mxn": "MXN",
    "nt": "TWD",
    "s": "SGD",
    "sg": "SGD",
    "r": "BRL",
}
_SYMBOLS = {
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
    "₦": "NGN",
    "₱": "PHP",
    "₪": "ILS",
    "₫": "VND",
    "฿": "THB",
    "元": "CNY",
    "ரூ": "LKR",
}
_CODES = (
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CNY",
    "RMB",
    "INR",
    "AUD",
    "CAD",
    "HKD",
    "CHF",
    "NZD",
    "SGD",
    "KRW",
    "ZAR",
    "SEK",
    "NOK",
    "DKK",
    "MXN",
    "BRL",
    "RUB",
    "TRY",
    "AED",
    "SAR",
    "TWD",
    "PLN",
    "ILS",
    "NGN",
)
# Lower-case codes that are no English word ("cad", "try" and "all" are).
_SAFE_LOWER_CODES = (
    "usd",
    "eur",
    "gbp",
    "jpy",
    "cny",
    "rmb",
    "inr",
    "aud",
    "hkd",
    "chf",
    "nzd",
    "sgd",
)
_ISO = {code.lower(): ("CNY" if code == "RMB" else code) for code in _CODES}
_ISO.update({"rs": "INR", "rs.": "INR", "sfr": "CHF"})
_MILLIONS = {"m" + code: iso for code, iso in _ISO.items() if len(code) == 3}  # "MSEK 500"

_PREFIX_RE = re.compile(
    r"(?:(?<![\w.$])(?P<dp>us|u\.s\.?|usd|c|ca|can|cad|au|aud|hk|hkd|nz|nzd|mex|mxn|nt|sg)"
    r"[\x20\u00a0]?|(?<![\w.$])(?P<da>(?-i:A|S|R)))?\$[\x20\u00a0]?$"
    r"|(?P<sym>[€£¥₹₩₽₺₡₾₭₦₱₪₫฿]|ரூ)[\x20\u00a0]?$"
    r"|(?<![\w.])(?P<code>(?-i:M?(?:"
    + "|".join(_CODES)
    + r"))|"
    + "|".join(_SAFE_LOWER_CODES)
    + r"|rs\.?|sfr)[\x20\u00a0]?$",
    re.IGNORECASE,
)

# Currency words after the number: phrase -> (ISO code or None, needs a scale word, subunit).
_WORDS: dict[str, tuple[str | None, bool, bool]] = {}
for _names, _iso, _needs_scale, _sub in (
    ("dollar dollars us-dollar us-dollars u.s.-dollars american-dollars", "USD", False, False),
    ("canadian-dollars canadian-dollar", "CAD", False, False),
    ("australian-dollars australian-dollar", "AUD", False, False),
    ("hong-kong-dollars hong-kong-dollar", "HKD", False, False),
    ("new-zealand-dollars", "NZD", False, False),
    ("singapore-dollars", "SGD", False, False),
    ("taiwan-dollars new-taiwan-dollars", "TWD", False, False),
    ("euro euros", "EUR", False, False),
    ("sterling pounds-sterling british-pounds", "GBP", False, False),
    ("pound pounds", "GBP", True, False),
    ("yen japanese-yen", "JPY", False, False),
    ("yuan chinese-yuan renminbi rmb", "CNY", False, False),
    ("rupee rupees indian-rupees", "INR", False, False),
    ("sri-lankan-rupees", "LKR", False, False),
    ("pakistani-rupees", "PKR", False, False),
    ("swiss-francs swiss-franc", "CHF", False, False),
    ("french-francs", "FRF", False, False),
    ("franc francs peso pesos", None, False, False),
    ("mexican-pesos", "MXN", False, False),
    ("rubles roubles ruble rouble", "RUB", False, False),
    ("won", "KRW", True, False),
    ("rand", "ZAR", True, False),
    ("reais", "BRL", False, False),
    ("lira turkish-lira", "TRY", False, False),
    ("kronor", "SEK", False, False),
    ("dutch-guilders guilders", "NLG", False, False),
    ("marks", "DEM", True, False),
    ("deutsche-marks", "DEM", False, False),
    ("finnish-markka markka", "FIM", False, False),
    ("pesetas", "ESP", False, False),
    ("lire", "ITL", False, False),
    ("dirhams", "AED", False, False),
    ("riyals", "SAR", False, False),
    ("naira", "NGN", False, False),
    ("shekels", "ILS", False, False),
    ("cent cents", "USD", False, True),
    ("euro-cents", "EUR", False, True),
    ("pence penny pennies", "GBP", False, True),
):
    for _name in _names.split():
        _WORDS[_name.replace("-", " ")] = (_iso, _needs_scale, _sub)
_WORDS.update({code: (iso, False, False) for code, iso in _ISO.items() if len(code) == 3})
_WORDS.update({code: (iso, False, False) for code, iso in _MILLIONS.items()})

_SUFFIX_RE = re.compile(
    r"(?:[\x20\u00a0]+|-)?(?:(?P<word>"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_WORDS, key=len, reverse=True))
    + r")(?![\w$])(?:[\x20\u00a0]+(?P<late>thousand|million|billion|trillion)\b)?"
    r"|(?P<sym>[€£¥₹₩₽₺₡₾₭₦₱₪₫฿元]|ரூ|\$(?![\x20\u00a0]?\d)))",
    re.IGNORECASE,
)
_LOWER_CODE_OK = frozenset(_SAFE_LOWER_CODES)
_MINUS_RE = re.compile(r"(?<![\w\d])[-\u2212]$")
_CODES_LOWER = frozenset(c.lower() for c in _CODES)
_CENTS_GAP_RE = re.compile(r"(?:\s+and)?\s+", re.IGNORECASE)
_CENT_WORD_RE = re.compile(r"\s+cents?\b", re.IGNORECASE)
_NOT_CENTS_RE = re.compile(
    r"\s*(?:%|[$€£¥]|(?:per\s?cent|percent|pct|years?|months?|weeks?|days?|hours?|times?|people"
    r"|of)\b)",
    re.IGNORECASE,
)
_ATTACHED_RE = re.compile(  # "USD115", "115.5USD", "EUR5bn": a code glued to the digits
    rf"(?=[A-Z\d.])(?<![\w.])(?:(?P<pre>{'|'.join(_CODES)})(?P<num>{DIGITS}(?:k|m|mn|bn)?)"
    rf"|(?P<num2>{DIGITS})(?P<post>{'|'.join(_CODES)}))(?![\w$])"
)


@dataclass(frozen=True, slots=True)
class _Amount:
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
    amounts = {n.start: a for n in numerals if (a := _amount(text, n, by_start)) is not None}
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
    for m in _ATTACHED_RE.finditer(text):
        value = parse_number(m.group("num") or m.group("num2"))
        if value is not None:
            code = m.group("pre") or m.group("post")
            found.append(Mention("money", m.start(), m.end(), m.group(), value, _ISO[code.lower()]))
    return iter(sorted(found, key=lambda m: m.start))


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
        return start, _SYMBOLS[pre.group("sym")], sign
    code = pre.group("code")
    if code:
        if code.lower() in _MILLIONS and code.isupper():
            return start, _MILLIONS[code.lower()], sign * 1e6
        return start, _ISO[code.lower()], sign
    dollar = (pre.group("dp") or pre.group("da") or "").lower()
    return start, "USD" if dollar.startswith("u") else _DOLLAR_PREFIX[dollar], sign


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
            unit = "USD" if suf.group("sym") == "$" else _SYMBOLS[suf.group("sym")]
    if pre is None and suf is None:
        return None
    end = n.end
    if suf is not None:
        late_ok = suf.group("late") and n.multiplier == 1 and word and word.lower() in _CODES_LOWER
        end = suf.end() if late_ok or not suf.group("late") else suf.end("word")
        if detail is None and word and n.multiplier == 1 and not suf.group("late"):
            value, end = _add_cents(text, value, end, by_start)
    return _Amount(start, end, value, unit, pre is not None, detail)


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
    if not _NOT_CENTS_RE.match(text, cents.end) and not _SUFFIX_RE.match(text, cents.end):
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
