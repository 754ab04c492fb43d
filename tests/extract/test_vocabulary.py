"""The vocabulary is read and written alike: what display writes, the extractors read back.

Each word family of :mod:`factcheck.extract.vocabulary` is checked against the
code that reads it (the extractors, the negation check) and, where values are
written back, against :func:`factcheck.display.display`: a value displayed
with a scale word, a hedge or a currency symbol re-extracts to the same value.
"""

from __future__ import annotations

import re

import pytest

from factcheck.binding.negation import asserted
from factcheck.display import display
from factcheck.extract import extract_all, years
from factcheck.extract.dates.calendar import day_word_value
from factcheck.extract.numerals import parse_number, scan
from factcheck.extract.vocabulary import (
    ATTACHED_SCALES,
    CAPITAL_DOLLAR_PREFIXES,
    CODE_ALIASES,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    HEDGES,
    MAJOR_SYMBOLS,
    NEGATORS,
    ORDINAL_TENS,
    ORDINAL_WORDS,
    PASSIVE_NEGATORS,
    PLURAL_SCALES,
    QUALIFIER_WORDING,
    SAFE_LOWER_CODES,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SCALES,
    TEENS,
    TENS,
    TRAILING_HEDGES,
    UNITS,
)
from factcheck.model import QUALIFIERS, ExtractContext, Mention, Qualifier
from factcheck.text import tokenize
from factcheck.values import ClaimValue, mention_value, parse_value
from tests.conftest import ROOT


def _money(text: str) -> list[Mention]:
    return [m for m in extract_all(text) if m.kind == "money"]


def _only_money(text: str) -> ClaimValue:
    """The one money value read from ``text``, which must cover all of it."""
    found = _money(text)
    assert [m.text for m in found] == [text], found
    return mention_value(found[0], "money")


# --- Scale words ---------------------------------------------------------------------


def test_scales_are_the_words_and_the_abbreviations() -> None:
    assert SCALES == {**SCALE_WORDS, **SCALE_ABBREVIATIONS}
    assert set(PLURAL_SCALES) <= set(SCALE_WORDS)
    assert set(ATTACHED_SCALES) <= set(SCALE_ABBREVIATIONS)


@pytest.mark.parametrize("word", SCALE_WORDS)
def test_every_scale_word_is_read_in_digits_and_in_words(word: str) -> None:
    multiplier = SCALE_WORDS[word]
    assert parse_number(f"3 {word}") == 3 * multiplier
    assert parse_number(f"3{word}") == 3 * multiplier
    assert parse_number(f"three {word}") == 3 * multiplier  # the spelled grammar's copy
    assert parse_number(f"3 {word.upper()}") == 3 * multiplier


@pytest.mark.parametrize("word", SCALE_WORDS)
def test_plural_scale_words_are_read_by_both_grammars_alike(word: str) -> None:
    expected = 3 * SCALE_WORDS[word] if word in PLURAL_SCALES else None
    assert parse_number(f"3 {word}s") == expected
    assert parse_number(f"three {word}s") == expected


@pytest.mark.parametrize("abbreviation", SCALE_ABBREVIATIONS)
def test_every_scale_abbreviation_is_read(abbreviation: str) -> None:
    multiplier = SCALE_ABBREVIATIONS[abbreviation]
    assert parse_number(f"3{abbreviation}") == 3 * multiplier
    assert parse_number(f"3{abbreviation.upper()}") == 3 * multiplier
    spaced = None if abbreviation in ATTACHED_SCALES else 3 * multiplier
    assert parse_number(f"3 {abbreviation}") == spaced


@pytest.mark.parametrize(
    "amount", [1e6, 2.5e6, 999e6, 1e9, 38e9, 1.25e9, 1e12, 3.5e12, 1234e12, 60_000.0, 12.5]
)
def test_a_figure_displayed_with_a_scale_word_reads_back_the_same(amount: float) -> None:
    for value in (ClaimValue(amount), ClaimValue(amount, "USD"), ClaimValue(amount, "EUR")):
        shown = display(value)
        kind = "money" if value.unit else "number"
        assert parse_value(kind, shown) == value, shown
    assert any(word in display(ClaimValue(amount)) for word in SCALE_WORDS) == (amount >= 1e6)


# --- Hedges --------------------------------------------------------------------------


def test_every_qualifier_has_hedges_and_a_wording() -> None:
    assert tuple(HEDGES) == QUALIFIERS
    assert tuple(QUALIFIER_WORDING) == QUALIFIERS
    assert set(TRAILING_HEDGES.values()) <= set(QUALIFIERS)
    phrases = [phrase for phrases in HEDGES.values() for phrase in phrases]
    assert len(phrases) == len(set(phrases)), "a phrase names one qualifier only"


@pytest.mark.parametrize(
    ("phrase", "qualifier"), [(p, q) for q, phrases in HEDGES.items() for p in phrases]
)
def test_every_hedge_is_read_and_displayed_back(phrase: str, qualifier: Qualifier) -> None:
    value = _only_money(f"{phrase} $5 million")
    assert value == ClaimValue(5e6, "USD", qualifier)
    shown = display(value)
    assert shown == f"{QUALIFIER_WORDING[qualifier]} $5 million"
    assert _only_money(shown) == value
    assert parse_value("money", shown) == value


@pytest.mark.parametrize(("phrase", "qualifier"), TRAILING_HEDGES.items())
def test_every_trailing_hedge_is_read_and_displayed_as_a_leading_one(
    phrase: str, qualifier: Qualifier
) -> None:
    value = _only_money(f"$5 million {phrase}")
    assert value == ClaimValue(5e6, "USD", qualifier)
    assert parse_value("money", display(value)) == value


@pytest.mark.parametrize("qualifier", QUALIFIERS)
def test_a_hedged_percentage_and_number_read_back_the_same(qualifier: Qualifier) -> None:
    for kind, value in (
        ("percent", ClaimValue(20.0, "%", qualifier)),
        ("number", ClaimValue(3000.0, None, qualifier)),
    ):
        assert parse_value(kind, display(value)) == value


# --- Currencies ----------------------------------------------------------------------


@pytest.mark.parametrize("symbol", CURRENCY_SYMBOLS)
def test_every_currency_symbol_is_read_after_the_amount(symbol: str) -> None:
    assert _only_money(f"5 {symbol}") == ClaimValue(5.0, CURRENCY_SYMBOLS[symbol])


@pytest.mark.parametrize("symbol", [s for s in CURRENCY_SYMBOLS if s != "元"])
def test_every_currency_symbol_but_yuan_is_read_before_the_amount(symbol: str) -> None:
    expected = ClaimValue(5e6, CURRENCY_SYMBOLS[symbol])
    assert _only_money(f"{symbol}5 million") == expected
    assert _only_money(f"{symbol} 5 million") == expected


def test_yuan_follows_the_amount_only() -> None:
    assert _only_money("500元") == ClaimValue(500.0, "CNY")
    assert _money("元500") == []


@pytest.mark.parametrize("symbol", MAJOR_SYMBOLS)
def test_major_symbols_are_displayed_and_read_back(symbol: str) -> None:
    value = _only_money(f"{symbol}5 million")
    assert display(value) == f"{symbol}5 million"
    assert parse_value("money", display(value)) == value


@pytest.mark.parametrize("symbol", MAJOR_SYMBOLS)
def test_a_figure_after_a_major_symbol_is_no_year(symbol: str) -> None:
    assert list(years.extract(f"paid {symbol}2020 in", ExtractContext())) == []


@pytest.mark.parametrize(("prefix", "iso"), DOLLAR_PREFIXES.items())
def test_every_dollar_prefix_is_read(prefix: str, iso: str) -> None:
    forms = [prefix.upper()] if prefix in CAPITAL_DOLLAR_PREFIXES else [prefix, prefix.upper()]
    for form in forms:
        assert _only_money(f"{form}$5 million") == ClaimValue(5e6, iso)
    if prefix in CAPITAL_DOLLAR_PREFIXES:  # "a $5 fee": an article, not Australian dollars
        assert [m.text for m in _money(f"{prefix} $5 million")] == ["$5 million"]


@pytest.mark.parametrize("code", CURRENCY_CODES)
def test_every_currency_code_is_read_in_capitals_and_lower_case_when_safe(code: str) -> None:
    iso = "CNY" if code == "RMB" else code
    assert _only_money(f"{code} 5 million") == ClaimValue(5e6, iso)
    assert _only_money(f"5 million {code}") == ClaimValue(5e6, iso)
    lower = code.lower()
    if lower in SAFE_LOWER_CODES:
        assert _only_money(f"{lower} 5 million") == ClaimValue(5e6, iso)
    else:  # "try", "cad", "sar": words first
        assert _money(f"{lower} 5 million") == _money(f"5 million {lower}") == []


@pytest.mark.parametrize(("alias", "iso"), CODE_ALIASES.items())
def test_every_code_alias_is_read(alias: str, iso: str) -> None:
    assert _only_money(f"{alias} 500 crore") == ClaimValue(5e9, iso)


@pytest.mark.parametrize("word", CURRENCY_WORDS)
def test_every_currency_word_means_what_the_vocabulary_says(word: str) -> None:
    meaning = CURRENCY_WORDS[word]
    found = _money(f"50 {word}")
    if meaning.subunit:
        assert [(m.value, m.unit, m.detail) for m in found] == [(0.5, meaning.iso, "cents")]
        return
    assert _only_money(f"50 million {word}") == ClaimValue(50e6, meaning.iso)
    if meaning.needs_scale:  # "50 pounds" may be a weight
        assert found == []
    else:
        assert _only_money(f"50 {word}") == ClaimValue(50.0, meaning.iso)


def _read_currencies() -> list[str]:
    """Every ISO code a money mention can carry."""
    codes = {*CURRENCY_SYMBOLS.values(), *DOLLAR_PREFIXES.values(), *CODE_ALIASES.values()}
    codes |= {"CNY" if c == "RMB" else c for c in CURRENCY_CODES}
    codes |= {w.iso for w in CURRENCY_WORDS.values() if w.iso is not None}
    return sorted(codes)


# Displayed as "5 million PHP", a code the money extractor does not read: the unit is
# read from a symbol or a word, but written back with a code outside CURRENCY_CODES.
_UNREAD_CODES = frozenset("CRC GEL LAK LKR FRF NLG DEM FIM ESP ITL".split())


@pytest.mark.parametrize(
    "iso",
    [
        pytest.param(
            iso,
            marks=pytest.mark.xfail(
                strict=True, raises=AssertionError, reason="displayed with an unread code"
            ),
        )
        if iso in _UNREAD_CODES
        else iso
        for iso in _read_currencies()
    ],
)
def test_every_currency_read_is_displayed_so_that_it_reads_back(iso: str) -> None:
    value = ClaimValue(5e6, iso)
    found = _money(display(value))
    assert [mention_value(m, "money") for m in found] == [value], display(value)


# --- Negators ------------------------------------------------------------------------


def _asserted(text: str, cue: str) -> bool:
    start = text.index(cue)
    return asserted(tokenize(text), start, start + len(cue))[0]


def test_the_cue_alone_is_asserted() -> None:
    assert _asserted("Microsoft keeps the exclusive licence.", "exclusive licence")
    assert _asserted("The exclusive licence was kept.", "exclusive licence")


@pytest.mark.parametrize("word", sorted(NEGATORS))
def test_every_negator_before_the_cue_negates_it(word: str) -> None:
    assert not _asserted(f"The deal {word} the exclusive licence.", "exclusive licence")
    assert _asserted(f"It {word} not the exclusive licence.", "exclusive licence")


@pytest.mark.parametrize("word", sorted(PASSIVE_NEGATORS))
def test_every_passive_negator_after_the_cue_negates_it(word: str) -> None:
    assert not _asserted(f"The exclusive licence was {word}.", "exclusive licence")


def test_an_active_negator_after_the_cue_starts_a_new_predicate() -> None:
    assert _asserted("The exclusive licence removes a cap.", "exclusive licence")


def _rules_doc(after: str, until: str) -> str:
    """The text of docs/rules.md between two phrases, on one line."""
    text = " ".join((ROOT / "docs" / "rules.md").read_text(encoding="utf-8").split())
    start = text.index(after) + len(after)
    return text[start : text.index(until, start)]


def test_the_negators_in_the_rules_guide_are_the_ones_read() -> None:
    passive = _rules_doc("only the past participles ", " (")
    assert set(passive.split(", ")) == PASSIVE_NEGATORS
    before = re.sub(
        r"\([^)]*\)|any word ending in \"n't\",|and the verbs",
        "",
        _rules_doc("Negators are: ", " in any form"),
    )
    words = before.replace(",", " ").split()
    assert len(words) > 20
    for word in words:
        assert not _asserted(f"The deal {word} the exclusive licence.", "exclusive licence"), word


# --- Small number words --------------------------------------------------------------


def test_every_cardinal_word_is_read_with_its_value() -> None:
    for value, word in enumerate(UNITS):
        assert parse_number(word) == value
    for value, word in enumerate(TEENS, start=10):
        assert parse_number(word) == value
    for i, word in enumerate(TENS):
        assert parse_number(word) == 20 + 10 * i
        assert years.spelled_year_value(f"nineteen {word}") == 1920 + 10 * i


def _ordinal(word: str) -> float:
    (numeral,) = scan(f"the {word} time")
    assert numeral.ordinal, word
    return numeral.value


def test_every_ordinal_word_is_read_with_its_value() -> None:
    for value, word in enumerate(ORDINAL_WORDS, start=1):
        assert _ordinal(word) == value
        assert day_word_value(word) == value
    for i, word in enumerate(ORDINAL_TENS):
        assert _ordinal(word) == 20 + 10 * i
    assert [day_word_value(w) for w in ORDINAL_TENS] == [20, 30, *[None] * 6]
