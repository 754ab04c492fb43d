"""The words factcheck reads and writes, each family defined once.

Scale words ("million", "bn", "crore"), hedges ("up to", "about"), currency
symbols, codes and names, negators ("no longer", "scrapped") and the small
number words live here, with what they mean: a multiplier, a qualifier, an
ISO 4217 code. The extractors build their patterns from these tables, and the
faces that write values back (:mod:`factcheck.display`) take their wording from
the same tables, so a word added here is read and written alike: "up to $50
billion" is displayed in words the extractors read back as the same value.

Only data lives here; how a word is matched (spacing, case, what may follow)
stays with the module that matches it. Of factcheck it imports only
:mod:`factcheck.model`, so every stage may use it.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from factcheck.model import Qualifier

__all__ = [
    "ATTACHED_SCALES",
    "CAPITAL_DOLLAR_PREFIXES",
    "CODE_ALIASES",
    "CURRENCY_CODES",
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "DOLLAR_PREFIXES",
    "DOWNWARD",
    "FALL_WORDS",
    "IDENTIFIER_HEADS",
    "STREET_WORDS",
    "RISE_WORDS",
    "MovementWords",
    "HEDGES",
    "MAJOR_SYMBOLS",
    "NEGATORS",
    "ORDINAL_TENS",
    "ORDINAL_WORDS",
    "PASSIVE_NEGATORS",
    "PLURAL_SCALES",
    "POWERS_OF_A_THOUSAND",
    "QUALIFIER_WORDING",
    "SAFE_LOWER_CODES",
    "SCALES",
    "SCALE_ABBREVIATIONS",
    "SCALE_WORDS",
    "TEENS",
    "TENS",
    "TRAILING_HEDGES",
    "UNITS",
    "UPWARD",
    "CurrencyWord",
    "DOLLAR_SUFFIXES",
    "GLUED_PREFIXES",
    "LOCAL_CODES",
    "PENCE_RESOLUTIONS",
]

# --- Scale words: the word -> its multiplier ---------------------------------------

SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
    "dozen": 12.0,
}
# "thousand", "million", "billion", "trillion": the short scale.
POWERS_OF_A_THOUSAND = tuple(
    w for w, m in SCALE_WORDS.items() if m >= 1e3 and math.log10(m) % 3 == 0
)
# Scale words read in the plural too: "5 lakhs", "two crores", "dozens".
PLURAL_SCALES = ("lakh", "crore", "dozen")
# Abbreviations, case-insensitive: "10k", "38bn", "$1.2 tln".
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "mm": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "tln": 1e12,
    "trn": 1e12,
}
# Abbreviations read only when glued to the digits ("€5m", "1.2b"), never after a space.
ATTACHED_SCALES = ("m", "b", "mm")
SCALES: dict[str, float] = {**SCALE_WORDS, **SCALE_ABBREVIATIONS}

# --- Hedges: the phrase before a figure -> its qualifier -----------------------------

UPWARD = ("more", "greater", "higher", "bigger", "larger")
DOWNWARD = ("less", "fewer", "smaller", "lower")


def _or_equal(comparatives: tuple[str, ...]) -> tuple[str, ...]:
    """ "greater than or equal to", "greater or equal than", "equal to or greater than"..."""
    return tuple(
        phrase
        for c in comparatives
        for phrase in (
            f"{c} than or equal to",
            f"{c} than or equal",
            f"{c} or equal to",
            f"{c} or equal than",
            f"equal to or {c} than",
            f"equal or {c} than",
        )
    )


# The first phrase of each qualifier is how a hedged value is written back
# (:data:`QUALIFIER_WORDING`): "up to $50 billion", "an additional 300".
HEDGES: dict[Qualifier, tuple[str, ...]] = {
    "up_to": (
        "up to",
        "as much as",
        "as many as",
        "at most",
        "no more than",
        "a maximum of",
        "at most or equal to",
        *_or_equal(DOWNWARD),
        "<=",
        "< =",
        "≤",
    ),
    "about": (
        "about",
        "around",
        "approximately",
        "approx.",
        "roughly",
        "nearly",
        "almost",
        "close to",
        "some",
        "an estimated",
        "circa",
        "~",
    ),
    "more_than": (
        "more than",
        "over",
        "above",
        "upwards of",
        "in excess of",
        "exceeding",
        "exceed",
        "exceeds",
        "exceeded",
        "surpass",
        "surpasses",
        "surpassed",
        "surpassing",
        "greater than",
        "larger than",
        "bigger than",
        "higher than",
        "north of",
        ">",
    ),
    "at_least": (
        "at least",
        "no less than",
        "a minimum of",
        "no fewer than",
        "at least or equal to",
        *_or_equal(UPWARD),
        ">=",
        "> =",
        "≥",
    ),
    "less_than": (
        "less than",
        "under",
        "below",
        "fewer than",
        "just under",
        "smaller than",
        "lower than",
        "south of",
        "<",
    ),
    "additional": ("an additional", "additional", "another", "a further", "an extra", "extra"),
}
QUALIFIER_WORDING: dict[Qualifier, str] = {q: phrases[0] for q, phrases in HEDGES.items()}

# Hedges written after the figure: "30 or more", "5 or fewer", "$2 billion and up".
TRAILING_HEDGES: dict[str, Qualifier] = {
    "or more": "at_least",
    "or greater": "at_least",
    "or higher": "at_least",
    "or larger": "at_least",
    "or above": "at_least",
    "or over": "at_least",
    "and above": "at_least",
    "and over": "at_least",
    "and up": "at_least",
    "plus": "at_least",
    "and more": "at_least",
    "or less": "up_to",
    "or fewer": "up_to",
    "or below": "up_to",
    "or lower": "up_to",
    "or under": "up_to",
    "or smaller": "up_to",
    "and below": "up_to",
    "and under": "up_to",
}

# --- Identifiers: names whose number is no quantity -----------------------------------

# Words (case as written) before a number that names a thing: "S&P 500", "FTSE 100",
# "iPhone 15", "Windows 11", "Game 6", "Boeing 737", "Chapter 11", "Article 50".
IDENTIFIER_HEADS = (
    "S&P",
    "FTSE",
    "Nikkei",
    "Stoxx",
    "STOXX",
    "Euro Stoxx",
    "Russell",
    "Nasdaq",
    "DAX",
    "CAC",
    "ASX",
    "IBEX",
    "MSCI",
    "Sensex",
    "Nifty",
    "KOSPI",
    "iPhone",
    "iPad",
    "Windows",
    "Galaxy",
    "Pixel",
    "PlayStation",
    "Xbox",
    "Boeing",
    "Airbus",
    "Game",
    "Week",
    "Stage",
    "Formula",
    "Apollo",
    "Artemis",
    "Chapter",
    "Article",
    "Section",
    "Route",
    "Highway",
    "Interstate",
    "Model",
    "Series",
    "Phase",
    "Level",
    "Gen",
    "Version",
    "Terminal",
    "Gate",
    "Platform",
    "Flight",
    "Channel",
    "Proposition",
    "Prop",
    "Resolution",
    "Title",
    "Tier",
    "Category",
    "Class",
    "Room",
    "Floor",
    "Unit",
    "No.",
)
# Street words after a house number: "10 Downing Street", "1600 Pennsylvania Avenue".
STREET_WORDS = (
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Boulevard",
    "Blvd",
    "Lane",
    "Drive",
    "Place",
    "Square",
    "Way",
    "Terrace",
    "Court",
    "Crescent",
)

# --- Movements: words that say a figure went up or down ------------------------------


class MovementWords(NamedTuple):
    """Words of one direction: before a figure ("fell 5%"), after it ("a 5% drop"), and
    verbs that move an object by the figure ("raised rates by 25 basis points")."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    moving: tuple[str, ...] = ()


FALL_WORDS = MovementWords(
    before=tuple(
        "fell falls falling fallen dropped drops dropping declined declines declining "
        "decreased decreases decreasing slid slides sliding slipped slips slipping sank sinks "
        "sinking tumbled tumbles tumbling plunged plunges plunging plummeted plummets slumped "
        "slumps shed sheds dipped dips eased eases retreated retreats lost loses losing "
        "shrank shrinks contracted contracts fall drop decline decrease slide slip sink "
        "shrink contract".split()
    ),
    after=tuple(
        "drop drops decline declines fall falls decrease decreases slump slide dip loss "
        "losses plunge contraction reduction lower".split()
    ),
    moving=tuple(
        "cut cuts cutting lowered lowers lowering reduced reduces reducing slashed slashes "
        "trimmed trims lower reduce slash trim".split()
    ),
)
RISE_WORDS = MovementWords(
    before=tuple(
        "rose rises rising risen climbed climbs climbing gained gains gaining jumped jumps "
        "jumping increased increases increasing grew grows growing advanced advances surged "
        "surges soared soars rallied rallies added adds expanded expands rise climb gain "
        "jump increase grow advance surge soar rally add expand".split()
    ),
    after=tuple(
        "rise rises increase increases gain gains jump jumps climb surge rally growth "
        "expansion hike higher".split()
    ),
    moving=tuple(
        "raised raises raising lifted lifts lifting hiked hikes hiking boosted boosts "
        "boosting increased increases increasing raise lift hike boost increase".split()
    ),
)

# --- Currencies: symbols, codes and names -> ISO 4217 codes --------------------------

# What may stand before "$" (lower-cased): "US$5", "C$ 16.4 million", "HK$10bn".
DOLLAR_PREFIXES: dict[str, str] = {
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
# Prefixes read only in capitals: "A$5" is Australian, "a $5 fee" is not.
CAPITAL_DOLLAR_PREFIXES = ("a", "s", "r")
# Currency symbols other than "$" (which :data:`DOLLAR_PREFIXES` qualify).
CURRENCY_SYMBOLS: dict[str, str] = {
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
# The symbols of the four most used currencies: the ones values are written back
# with ("$50 billion", "€5"), and the ones that make the figure after them an amount
# rather than a year ("$2020").
MAJOR_SYMBOLS = "$€£¥"
# ISO 4217 codes read in capitals ("USD 2.5 million", "MSEK 500"); RMB is CNY.
CURRENCY_CODES = (
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
    "MYR",
    "IDR",
    "THB",
    "PHP",
    "CZK",
    "HUF",
    "KES",
    "EGP",
    "PKR",
    "VND",
    "UAH",
)
# Local abbreviations read in capitals as written, before the amount and glued to it or
# not: "RM450,000" (ringgit), "Rp 5 billion" (rupiah).
LOCAL_CODES: dict[str, str] = {"RM": "MYR", "Rp": "IDR"}
# Dollars written with the country after the sign: "$US12,400,000", "$A3bn".
DOLLAR_SUFFIXES: dict[str, str] = {
    "US": "USD",
    "A": "AUD",
    "AU": "AUD",
    "NZ": "NZD",
    "C": "CAD",
    "CA": "CAD",
    "HK": "HKD",
    "S": "SGD",
    "SG": "SGD",
}
# What may be glued before the digits of an amount ("INR2 trillion", "$US12m",
# "RM450,000", "Rs5 crore"): the numeral grammar reads the digits after them.
GLUED_PREFIXES = (
    *(f"${suffix}" for suffix in DOLLAR_SUFFIXES),
    *LOCAL_CODES,
    "Rs",
    "Rs.",
)
# Lower-case codes that are no English word ("cad", "try" and "all" are).
SAFE_LOWER_CODES = (
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
# Abbreviations written like codes (lower-cased): "Rs 500 crore", "SFr 20".
# GLUED_PREFIXES lists the codes and these as the numeral grammar lets them stand.
CODE_ALIASES: dict[str, str] = {"rs": "INR", "rs.": "INR", "sfr": "CHF"}


class CurrencyWord(NamedTuple):
    """What a currency word after an amount means: "38 billion dollars", "50 cents"."""

    iso: str | None  # None: the currency is unknown ("francs", "pesos")
    needs_scale: bool  # ambiguous alone: "361 million pounds", not "200 pounds"
    subunit: bool  # a hundredth of the unit: "cents", "pence"


# Names as written (hyphens stand for any spaces) -> what they mean.
def _currency_words() -> dict[str, CurrencyWord]:
    words: dict[str, CurrencyWord] = {}
    for names, iso, needs_scale, subunit in (
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
        ("kronor krona swedish-kronor swedish-krona", "SEK", False, False),
        ("kroner krone", None, False, False),  # Danish or Norwegian
        ("crowns", None, True, False),  # Czech, Swedish...; or a king's
        ("zloty zlotys zlotych", "PLN", False, False),
        ("ringgit", "MYR", False, False),
        ("rupiah", "IDR", False, False),
        ("baht", "THB", False, False),
        ("forint", "HUF", False, False),
        ("koruna", "CZK", False, False),
        ("hryvnia hryvnias", "UAH", False, False),
        ("shillings", None, True, False),
        ("dinars", None, False, False),
        ("dirham", "AED", False, False),
        ("riyal", "SAR", False, False),
        ("sen", None, False, True),  # a hundredth of a ringgit (or of a yen)
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
        for name in names.split():
            words[name.replace("-", " ")] = CurrencyWord(iso, needs_scale, subunit)
    return words


CURRENCY_WORDS = _currency_words()
# "30p" is 30 pence, but these are video resolutions ("1080p").
PENCE_RESOLUTIONS = frozenset({"240", "360", "480", "576", "720", "1080", "1440", "2160"})

# --- Negators: words that turn a yes/no statement false ------------------------------
# docs/rules.md lists them for rule writers; tests/extract/test_vocabulary.py holds the
# two lists to each other.

# Before the cue, compared by stem: "ends", "no longer", "without", "scrapped".
NEGATORS = frozenset(
    "not no never without none nor neither cannot ends ended ending remove removes "
    "removing drop drops dropping scrap scraps scrapping lose loses losing lost eliminate "
    "eliminates lift lifts lifting cease ceases stop stops stopping revoke revokes "
    "terminate terminates abolish abolishes waive waives strip strips lacks lacking".split()
)
# After the cue, past participles only, compared as written: "the cap was removed"
# ("removes" after a cue starts a new predicate).
PASSIVE_NEGATORS = frozenset(
    "removed dropped scrapped lifted abolished eliminated waived revoked terminated ended "
    "stripped ceased".split()
)

# --- Small number words: the index is the value (plus the first of the family) -------

UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = (
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
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ORDINAL_WORDS = (
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
ORDINAL_TENS = (
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
)
