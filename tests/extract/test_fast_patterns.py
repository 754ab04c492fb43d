"""Patterns rewritten for speed find exactly what they found before.

Several whole-text patterns were rewritten to open with a character class (the
regex engine then skips ahead to the candidates instead of trying the pattern at
every position), the number words became a trie read from the character before
each word, and a cheap hint now gates the scan for glued currency codes. The patterns as first written are kept here as
references: on real articles, on every text of the extractor test tables and on
generated texts, each rewrite yields the same matches with the same groups.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import (
    money,
    names,
    number,
    numerals,
    numerals_spelled,
    percent,
    units,
    years,
)
from factcheck.extract.numerals import DIGITS
from factcheck.extract.vocabulary import (
    CURRENCY_CODES,
    GLUED_PREFIXES,
    IDENTIFIER_HEADS,
    MAJOR_SYMBOLS,
    STREET_WORDS,
)
from tests.conftest import ROOT

_VULGAR = "[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]"
_HEADS = "|".join(re.escape(h) for h in IDENTIFIER_HEADS)
_CODES = "|".join(CURRENCY_CODES)
_GLUED = "kWh|MWh|GWh|TWh|bcm|bpd|kW|MW|GW|TW|km|kg"

# name -> (the rewritten pattern, the pattern as first written)
REFERENCES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "bare percent unit": (
        percent._BARE_UNIT_RE(),
        re.compile(
            r"(?<![\w%])(?:per\s?cent(?:age)?s?|percent(?:age)?s?)\b|(?<![\w%])%(?![0-9A-Fa-f]{2}|\w)",
            re.IGNORECASE,
        ),
    ),
    "percent of": (
        percent._PERCENT_OF_RE,
        re.compile(
            r"(?<!\w)(?P<word>(?:per\s?cent|percent)(?:age)?s?)\s+of\s+(?=\S)", re.IGNORECASE
        ),
    ),
    "year": (
        years._YEAR,
        re.compile(rf"(?<![\w{MAJOR_SYMBOLS}.,])(?P<year>1[89]\d\d|2[01]\d\d)(?!\w|[.,:]\d|\s*%)"),
    ),
    "lone vulgar fraction": (
        numerals._LONE_VULGAR_RE,
        re.compile(rf"(?={_VULGAR})(?<![\w.]){_VULGAR}(?!\w)"),
    ),
    "glued unit": (
        units._GLUED_RE,
        re.compile(
            r"(?<![\w.,$\u20ac\u00a3])(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?"
            rf"(?P<symbol>{_GLUED})(?![\w\u00b2])"
        ),
    ),
    "not a quantity": (
        numerals._NOT_QUANTITY_RE,
        re.compile(
            r"(?=[hwpisg\d(+])(?:"
            r"\b(?:https?://|www\.)\S+"
            r"|(?<![\w+])(?:\+\d{1,3}[\x20.-]?)?\(?\d{3}\)?[\x20.-]\d{3}[.-]\d{4}(?!\d)"
            r"|\b(?:page|photo|image|slide|picture|gallery)\x20+\d+(?:\x20*(?:of|/)\x20*\d+)?\b"
            r"|\b\d+\x20*min(?:ute)?s?\x20+read\b|\b24/7\b)",
            re.IGNORECASE,
        ),
    ),
    "identifier": (
        numerals._IDENTIFIER_RE,
        re.compile(
            r"(?=[A-Z\d+iN])"
            rf"(?:(?<![\w&])(?:{_HEADS})[\x20\u00a0-]?\d+[A-Za-z]?\b"
            rf"|(?<![\w.,])\d{{1,5}}[A-Za-z]?(?:\x20[A-Z][a-z]+){{1,3}}\x20(?:{'|'.join(STREET_WORDS)})\b"
            r"|(?i:(?<![\w.:])\d{1,2}(?:[:.]\d{2})?\x20?[ap]\.?m\b\.?)"
            r"|(?<![\w.])\d{3,5}\.(?:HK|T|SS|SZ|KS|L|TO|AX|NS|BO)\b"
            r"|(?<![\w+])\+\d{1,3}(?:[\x20.]\d{1,4}){2,5}(?!\d))"
        ),
    ),
    "ratio": (
        number._RATIO_RE,
        re.compile(r"(?<![\w.:])(?P<a>\d{1,3}):(?P<b>\d)(?![\d:.]|\w)"),
    ),
    "name": (
        names._NAME_RE,
        re.compile(
            r"[A-Z](?<![\w'’-].)(?:[a-z]*\.|[\w'’]*[a-z][\w'’]*(?:-[A-Z][\w'’]*)*)"
            rf"(?:[ \t]+(?:{names._PARTICLE}[ \t]+)*"
            r"(?:[A-Z][a-z]*\.|[A-Z][\w'’]*[a-z][\w'’]*(?:-[A-Z][\w'’]*)*))+(?![\w-])"
        ),
    ),
}
_NUMBER_WORD_SLOW = re.compile(
    r"(?<!\w)(?:"
    + "|".join(sorted(numerals_spelled.NUMBER_WORDS, key=len, reverse=True))
    + r")(?!\w)"
)
_ATTACHED_SLOW = money._ATTACHED_RE()
_DIGIT_SLOW = re.compile(
    numerals._DIGIT_RE.pattern.replace(
        numerals._DIGIT_RE.pattern[: numerals._DIGIT_RE.pattern.index("(?P<exp>")],
        rf"""
    (?=[-\u2212\d.mn])
    (?:(?<![\w.])|(?=\d)(?:{numerals._glued_lookbehind((*CURRENCY_CODES, *GLUED_PREFIXES))}))
    (?<!\d:)(?<!(?-i:[A-Z])-)
    (?P<sign>[-\u2212](?=\d)|(?:minus|negative)\x20+(?=\d))?
    (?P<num>{DIGITS})""",
    ),
    re.IGNORECASE | re.VERBOSE,
)


def found(pattern: re.Pattern[str], text: str) -> list[tuple[Any, ...]]:
    """Every match: its span and each named group's span."""
    return [
        (m.span(), tuple((name, m.span(name)) for name in sorted(pattern.groupindex)))
        for m in pattern.finditer(text)
    ]


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def _texts() -> list[str]:
    paths = [
        *(ROOT / "seeds").glob("*.txt"),
        *(ROOT / "examples").rglob("*.txt"),
        *(ROOT / "examples").rglob("*.md"),
        *(ROOT / "tests" / "data" / "articles").rglob("*.*"),
    ]
    texts = [p.read_text(encoding="utf-8") for p in sorted(paths)]
    for table in sorted((ROOT / "tests" / "extract").rglob("*.yaml")):
        texts.extend(_strings(yaml.safe_load(table.read_text(encoding="utf-8"))))
    return [
        *texts,
        "Add ½ cup; ¾ of voters; x½ and 2½",
        "Call +1 (555) 010-2030 at 10:30 am.",
        "a 2GW plant, 1,500MW",
        "a 2:1 split, 9:30, 10:45:00, x3:2, .3:1 and 1234:5",
        "J. R. Smith met Dr. Dana Whitfield, Jean-Luc de la Croix and O'Neil-Smith.",
    ]


TEXTS = _texts()

# Pieces the patterns look at, the characters that fold to ASCII letters under
# IGNORECASE ("İ", "ı", "ſ", the Kelvin sign), and separators, glued at random.
PIECES = [
    *"0123456789 .,:-/+()%$€£¥&'\n\t\u00a0",
    *["İ", "ı", "ſ", "\u212a", "½", "¾", "²", "x", "é", "_"],
    *["per", "PER", "cent", "percent", "Percentage", "s", "age", "of", "%2F", "%A"],
    *["http", "HTTP", "s://", "www.", "WWW", "page", "Photo", "image", "ımage", "İMAGE"],
    *["ſlide", "picture", "gallery", "min", "minute", "read", "24/7", "555", "1234"],
    *["S&P", "FTSE", "No.", "iPhone", "Euro Stoxx", "Bay", "Street", "St", "am", "P.M."],
    *[".HK", ".T", "USD", "EUR", "RMB", "k", "bn", "MW", "kWh", "GW", "km", "bcm"],
    *["one", "twenty", "hundredth", "thirds", "someone", "Twelve", "dozens", "minus"],
    *["1999", "2025", "2100", "1800", "18", "20"],
    *["Minus ", "negative ", "NEGATİVE ", "−", "e5", "^3", " x 10^6", "½", " and a half"],
    *[" million", "bn", " crore", "th", "st", "m", "b", "MM", "bps", "p", "INR", "$US", "Rs."],
    *["12,34,567", "40\u202f000", "1 000 000", "3:", "COVID-", "A-"],
    *["Denise", "Dresser", " de ", " la ", "O'Neil", "Jean-Luc", "J.", "Dr.", "McD", "ÉLAN"],
    *["Sam", "Altman", "aB", "A1b", "X", "’s", "\t", "  ", "-Smith", "Van", " van "],
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=60)


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_same_matches_on_articles_and_tables(name: str) -> None:
    fast, slow = REFERENCES[name]
    for text in TEXTS:
        assert found(fast, text) == found(slow, text), (name, text[:80])


@pytest.mark.parametrize("name", sorted(REFERENCES))
@settings(max_examples=400, deadline=None)
@given(text=texts)
def test_same_matches_on_generated_texts(name: str, text: str) -> None:
    fast, slow = REFERENCES[name]
    assert found(fast, text) == found(slow, text)


def test_the_references_find_something() -> None:
    """The comparison means something: each pattern matches in the texts."""
    for name, (_, slow) in REFERENCES.items():
        assert any(slow.search(t) for t in TEXTS), name


def digit_numbers(pattern: re.Pattern[str], text: str) -> list[tuple[Any, ...]]:
    """Each digit numeral: its span, its digits, whether signed, every other group."""
    out = []
    for m in pattern.finditer(text):
        if "rest" in pattern.groupindex and m["rest"] is not None:
            raw, signed = text[m.start() : m.end("rest")], False
        else:
            raw, signed = m["num"], m["sign"] is not None
        others = tuple(m.span(name) for name in sorted(pattern.groupindex) if name not in DIGIT_OWN)
        out.append((m.span(), raw, signed, others))
    return out


DIGIT_OWN = {"sign", "num", "rest"}


def test_digit_numbers_on_articles_and_tables() -> None:
    assert any(digit_numbers(_DIGIT_SLOW, t) for t in TEXTS)
    for text in TEXTS:
        fast = digit_numbers(numerals._DIGIT_RE, text)
        assert fast == digit_numbers(_DIGIT_SLOW, text), text[:80]


@settings(max_examples=1500, deadline=None)
@given(text=texts)
def test_digit_numbers_on_generated_texts(text: str) -> None:
    assert digit_numbers(numerals._DIGIT_RE, text) == digit_numbers(_DIGIT_SLOW, text)


def slow_number_words(text: str) -> list[tuple[int, int, str]]:
    """Number words as first found: the word list as one alternation, sorted longest
    first, over the lower-cased text (when lower-casing keeps its length)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return list(numerals_spelled._words(text))  # the word-by-word path, unchanged
    return [(m.start(), m.end(), m.group()) for m in _NUMBER_WORD_SLOW.finditer(lowered)]


def test_number_words_on_articles_and_tables() -> None:
    assert any(slow_number_words(t) for t in TEXTS)
    for text in TEXTS:
        assert list(numerals_spelled._words(text)) == slow_number_words(text), text[:80]


@settings(max_examples=600, deadline=None)
@given(text=texts)
def test_number_words_on_generated_texts(text: str) -> None:
    assert list(numerals_spelled._words(text)) == slow_number_words(text)
    assert list(numerals_spelled._words("two" + text)) == slow_number_words("two" + text)


@settings(max_examples=400, deadline=None)
@given(text=texts)
def test_the_attached_code_hint_is_in_every_match(text: str) -> None:
    if _ATTACHED_SLOW.search(text):
        assert money._ATTACHED_HINT_RE.search(text)


def test_the_attached_code_hint_on_articles_and_tables() -> None:
    attached = [t for t in TEXTS if _ATTACHED_SLOW.search(t)]
    assert attached
    assert all(money._ATTACHED_HINT_RE.search(t) for t in attached)


def test_attached_codes_are_three_capitals() -> None:
    """The hint assumes it: a code glued to digits is three capitals."""
    assert all(re.fullmatch("[A-Z]{3}", code) for code in _CODES.split("|"))
    for text in ("EUR5bn", "5.5USD", "USD.5"):
        assert money._ATTACHED_HINT_RE.search(text), text
    assert not money._ATTACHED_HINT_RE.search("on AWS. Then 5 more")
    assert DIGITS  # the digits grammar every match starts or ends with


def test_the_first_character_classes_cover_case_folding() -> None:
    """Under IGNORECASE a letter also matches a few non-ASCII characters ("İ" for
    "i"); the classes that open the rewritten patterns list every one of them."""
    for letter in "hwpisg":
        matches = re.compile(letter, re.IGNORECASE).fullmatch
        folded = {chr(c) for c in range(sys.maxunicode + 1) if matches(chr(c))}
        for char in folded:
            assert numerals._NOT_QUANTITY_RE.pattern.find(char) >= 0 or (
                f"\\u{ord(char):04x}" in numerals._NOT_QUANTITY_RE.pattern
            ), (letter, char)
