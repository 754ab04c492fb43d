"""Money amounts: kind ``"money"``, value in currency units, unit an ISO 4217 code.

    "$38 billion", "US$38bn", "$ 75 million"    -> 38e9 / 38e9 / 75e6, USD
    "38 billion dollars", "five million yen"    -> 38e9 USD, 5e6 JPY
    "€5m", "£3.5 billion", "USD 2.5 million"    -> 5e6 EUR, 3.5e9 GBP, 2.5e6 USD
    "C$ 16.4 million", "HK$10bn", "Rs 500 crore" -> CAD, HKD, INR 5e9
    "50 cents", "470 pence"                      -> 0.5 USD, 4.7 GBP (detail "cents")
    "3 dollars 50 cents"                         -> 3.5 USD
    "$5-7 billion", "between $5bn and $7bn"      -> NumberRange(5e9, 7e9), detail "range"
    "528 million francs"                         -> 528e6, unit None (currency unknown)
    not money: "billion-dollar commitments", "a billion-dollar deal", "200 pounds" (weight?)

The span covers symbol, number, scale and currency word, never hedges ("up to",
"about"): :mod:`factcheck.extract.qualifiers` attaches those. A bare "$" or
"dollars" is read as USD. Ambiguous currency words ("pounds", "won", "rand",
"marks") count only with a scale word ("361 million pounds").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.extract.numerals import Numeral, range_start, scan
from factcheck.model import ExtractContext, Mention, NumberRange

_DOLLAR_PREFIX = {
    "": "USD", "us": "USD", "u.s.": "USD", "u.s": "USD", "usd": "USD", "c": "CAD", "ca": "CAD",
    "can": "CAD", "cad": "CAD", "au": "AUD", "aud": "AUD", "a": "AUD", "hk": "HKD", "hkd": "HKD",
    "nz": "NZD", "nzd": "NZD", "mex": "MXN", "mxn": "MXN", "nt": "TWD", "s": "SGD", "sg": "SGD",
    "r": "BRL",
}
_SYMBOLS = {
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "₡": "CRC", "₾": "GEL", "₭": "LAK", "₦": "NGN", "₱": "PHP", "₪": "ILS", "₫": "VND",
    "฿": "THB", "元": "CNY", "ரூ": "LKR",
}
_CODES = (
    "USD EUR GBP JPY CNY RMB INR AUD CAD HKD CHF NZD SGD KRW ZAR SEK NOK DKK MXN BRL RUB TRY "
    "AED SAR TWD PLN ILS NGN"
).split()
_SAFE_LOWER_CODES = "usd eur gbp jpy cny rmb inr aud hkd chf nzd sgd".split()
_ISO = {code.lower(): ("CNY" if code == "RMB" else code) for code in _CODES}
_ISO.update({"rs": "INR", "rs.": "INR", "sfr": "CHF"})

_PREFIX_RE = re.compile(
    r"(?:(?<![\w.$])(?P<dp>us|u\.s\.?|usd|c|ca|can|cad|au|aud|hk|hkd|nz|nzd|mex|mxn|nt|sg)"
    r"[\x20\u00a0]?|(?<![\w.$])(?P<da>(?-i:A|S|R)))?\$[\x20\u00a0]?$"
    r"|(?P<sym>[€£¥₹₩₽₺₡₾₭₦₱₪₫฿]|ரூ)[\x20\u00a0]?$"
    r"|(?<![\w.])(?P<code>(?-i:" + "|".join(_CODES) + r")|" + "|".join(_SAFE_LOWER_CODES)
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
    ("new-zealand-dollars", "NZD", False, False), ("singapore-dollars", "SGD", False, False),
    ("taiwan-dollars new-taiwan-dollars", "TWD", False, False),
    ("euro euros", "EUR", False, False),
    ("sterling pounds-sterling british-pounds", "GBP", False, False),
    ("pound pounds", "GBP", True, False),
    ("yen japanese-yen", "JPY", False, False),
    ("yuan chinese-yuan renminbi rmb", "CNY", False, False),
    ("rupee rupees indian-rupees", "INR", False, False),
    ("sri-lankan-rupees", "LKR", False, False), ("pakistani-rupees", "PKR", False, False),
    ("swiss-francs swiss-franc", "CHF", False, False), ("french-francs", "FRF", False, False),
    ("franc francs peso pesos", None, False, False), ("mexican-pesos", "MXN", False, False),
    ("rubles roubles ruble rouble", "RUB", False, False),
    ("won", "KRW", True, False), ("rand", "ZAR", True, False), ("reais", "BRL", False, False),
    ("lira turkish-lira", "TRY", False, False), ("kronor", "SEK", False, False),
    ("dutch-guilders guilders", "NLG", False, False), ("marks", "DEM", True, False),
    ("deutsche-marks", "DEM", False, False), ("finnish-markka markka", "FIM", False, False),
    ("pesetas", "ESP", False, False), ("lire", "ITL", False, False),
    ("dirhams", "AED", False, False), ("riyals", "SAR", False, False),
    ("naira", "NGN", False, False), ("shekels", "ILS", False, False),
    ("cent cents", "USD", False, True), ("euro-cents", "EUR", False, True),
    ("pence penny pennies", "GBP", False, True),
):
    for _name in _names.split():
        _WORDS[_name.replace("-", " ")] = (_iso, _needs_scale, _sub)
_WORDS.update({code: (iso, False, False) for code, iso in _ISO.items() if len(code) == 3})

_SUFFIX_RE = re.compile(
    r"(?:[\x20\u00a0]+|-)?(?:(?P<word>"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_WORDS, key=len, reverse=True))
    + r")(?![\w$])|(?P<sym>[€£¥₹₩₽₺₡₾₭₦₱₪₫฿元]|ரூ|\$(?![\x20\u00a0]?\d)))",
    re.IGNORECASE,
)
_LOWER_CODE_OK = frozenset(_SAFE_LOWER_CODES)
_CODES_LOWER = frozenset(c.lower() for c in _CODES)
_CENTS_RE = re.compile(r"(?:\s+and)?\s+")
_CENT_WORD_RE = re.compile(r"\s+cents?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Amount:
    start: int
    end: int
    numeral: Numeral
    value: float
    unit: str | None
    prefixed: bool
    detail: str | None = None


def extract(text: str, context: ExtractContext) -> Iterator[Mention]:
    """Every money amount in ``text`` (single amounts and two-ended ranges)."""
    numerals = [n for n in scan(text) if not n.ordinal]
    amounts = {n.start: a for n in numerals if (a := _amount(text, n)) is not None}
    done = 0
    for i, n in enumerate(numerals):
        if n.start < done:
            continue
        here = amounts.get(n.start)
        nxt = numerals[i + 1] if i + 1 < len(numerals) else None
        pair = _range(text, n, here, nxt, amounts.get(nxt.start) if nxt else None) if nxt \
            else None
        if pair is not None:
            done = pair.end
            yield pair
        elif here is not None:
            done = here.end
            yield Mention("money", here.start, here.end, text[here.start:here.end], here.value,
                          here.unit, detail=here.detail)


def _amount(text: str, n: Numeral) -> _Amount | None:
    pre = _PREFIX_RE.search(text, max(0, n.start - 8), n.start)
    unit: str | None = None
    start = n.start
    if pre is not None:
        start = pre.start()
        if pre.group("sym"):
            unit = _SYMBOLS[pre.group("sym")]
        elif pre.group("code"):
            code = pre.group("code")
            unit = _ISO[code.lower()]
        else:
            unit = _DOLLAR_PREFIX[(pre.group("dp") or pre.group("da") or "").lower()]
            if pre.group("dp") == "US" or (pre.group("dp") or "").lower().startswith("u.s"):
                unit = "USD"
    suf = _SUFFIX_RE.match(text, n.end)
    value, end, detail = n.value, n.end, None
    word = suf.group("word") if suf is not None else None
    if suf is not None and suf.group(0).startswith("-") and (n.implicit or not word):
        suf = word = None
    if word and word.lower() in _CODES_LOWER and not (
        word.isupper() or word.lower() in _LOWER_CODE_OK
    ):
        suf = word = None
    if suf is not None and suf.group("word"):
        iso, needs_scale, subunit = _WORDS[" ".join(suf.group("word").lower().split())]
        if needs_scale and n.multiplier == 1 and pre is None:
            suf = None
        elif subunit:
            if pre is not None:
                suf = None
            else:
                value, unit, detail = n.value / 100, iso, "cents"
        elif pre is None or unit == iso or (iso == "USD" and unit is not None):
            unit = unit or iso
    elif suf is not None and suf.group("sym"):
        if pre is not None:
            suf = None
        else:
            unit = "USD" if suf.group("sym") == "$" else _SYMBOLS[suf.group("sym")]
    if pre is None and suf is None:
        return None
    if suf is not None:
        end = suf.end()
        if detail is None and suf.group("word"):
            value, end = _add_cents(text, n, value, end)
    if n.implicit and pre is None:
        return None
    return _Amount(start, end, n, value, unit, pre is not None, detail)


def _add_cents(text: str, n: Numeral, value: float, end: int) -> tuple[float, int]:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents" -> 3.5, 13.45."""
    gap = _CENTS_RE.match(text, end)
    if gap is None or n.multiplier != 1:
        return value, end
    for cents in scan(text):
        if cents.start == gap.end() and 0 < cents.value < 100 and not cents.ordinal:
            word = _CENT_WORD_RE.match(text, cents.end)
            if word is not None:
                return value + cents.value / 100, word.end()
    return value, end


def _range(text: str, n: Numeral, a: _Amount | None, m: Numeral, b: _Amount | None
           ) -> Mention | None:
    """ "$5-7 billion", "$5 billion to $7 billion", "5 to 7 billion dollars"."""
    if a is None and b is None:
        return None
    if a is not None and b is not None and (a.unit != b.unit or a.detail or b.detail):
        return None
    if a is None and (b is None or b.prefixed):
        return None
    if b is None and (a is None or not a.prefixed or a.end != n.end):
        return None
    low_start, low_end = (a.start, a.end) if a else (n.start, n.end)
    high_end = b.end if b else m.end
    start = range_start(text, low_start, low_end, b.start if b else m.start, high_end)
    if start is None:
        return None
    low, high = n.value, m.value
    if n.multiplier == 1 and m.multiplier > 1 and n.base < m.base:
        low = n.base * m.multiplier
    if not low < high:
        return None
    unit = a.unit if a else b.unit  # type: ignore[union-attr]
    return Mention("money", start, high_end, text[start:high_end], NumberRange(low, high), unit,
                   detail="range")
