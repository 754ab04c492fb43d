"""Date patterns rewritten to compile faster find exactly what they found before.

Compiling a regular expression costs about a microsecond per character of it, and
the date rules are compiled by every process that reads a date. The expressions
as first written are rebuilt here; on real articles, every extractor test-table
text and generated texts (with the letters case folding maps to ASCII), old and
new give the same matches with the same groups.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.dates import calendar, extractor, scan
from factcheck.extract.vocabulary import ORDINAL_WORDS, UNITS
from tests.extract.test_fast_patterns import PIECES, TEXTS, found

_SCANNER = extractor._SCANNER


def old_trigger(scanner: scan.Scanner) -> re.Pattern[str]:
    """The trigger as first written: each plain start word followed by its own end test."""
    scanner._compile()
    plain = {key for key in scanner._table if scan._LEAD_MARK not in key and key != scan.DIGITS}
    gated: dict[str, set[str]] = {}
    for key in scanner._table:
        word, mark, follower = key.partition(scan._LEAD_MARK)
        if mark:
            gated.setdefault(word, set()).add(follower)
    assert set(gated) == scanner._leads
    suffixes = {word: scan._WORD_END for word in plain}
    suffixes.update((word, scan._gate(followers)) for word, followers in gated.items())
    words = scan.trie(suffixes)
    return re.compile(rf"(?:[^a-z0-9]++|(?!{words})[a-z]++)*+(?:(?P<start>[a-z]+|\d+)|\Z)")


def new_trigger(scanner: scan.Scanner) -> re.Pattern[str]:
    return scanner._trigger or scanner._compile()


# The day words as first written: the same words, longer.
OLD_DAY_WORDS = (
    rf"(?:(?:twenty|thirty)[\s-]?(?:{'|'.join(ORDINAL_WORDS[:9])})"
    rf"|twenty[\s-](?:{'|'.join(UNITS[1:])})|thirty[\s-]one"
    r"|twentieth|thirtieth|" + "|".join(ORDINAL_WORDS[9:] + ORDINAL_WORDS[:9]) + r")\b"
)
_WITH_DAY_WORDS = {
    rule.build.__name__: rule.pattern
    for rule in _SCANNER._rules
    if calendar.DAY_WORD_PATTERN in rule.pattern
}


# name -> (the rewritten pattern, the pattern as first written), both on lower-cased text
REFERENCES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "trigger": (new_trigger(_SCANNER), old_trigger(_SCANNER)),
    "day words": (re.compile(calendar.DAY_WORD_PATTERN), re.compile(OLD_DAY_WORDS)),
    **{
        f"rule {name}": (
            re.compile(pattern),
            re.compile(pattern.replace(calendar.DAY_WORD_PATTERN, OLD_DAY_WORDS)),
        )
        for name, pattern in _WITH_DAY_WORDS.items()
    },
}
DATE_PIECES = [
    *PIECES,
    *["the", "this", "an", "a", "in", "between", "beginning", "end", "of", "very", "new"],
    *["january", "jan", "sept", "may", "mayor", "monday", "tues", "thurs", "christmas"],
    *["first", "twenty", "twenty-first", "thirty one", "fifth", "year", "years", "week"],
    *["ago", "next", "last", "past", "q3", "h1", "fiscal", "mid", "late", "early", "now"],
    *["day", "month", " of ", "21st", "3rd", "to", "and", "through", "twenty one", "ninth"],
]
DATE_TEXTS = [
    *TEXTS,
    "the first three weeks of 2024, the twenty-first day of May 2025, the 3rd month of",
    "this year, the last day of the current year and the thirteenth day of march, 2026",
    "May twenty one to twenty-third 2024; between the 3rd and the fifth of June, 2025",
    "on Tuesday the twenty first, Sept. 4th through 9th and 2 to 4 april",
]
texts = st.lists(st.sampled_from(DATE_PIECES), max_size=40).map("".join) | st.text(max_size=60)


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_same_matches_on_articles_and_tables(name: str) -> None:
    fast, slow = REFERENCES[name]
    for text in DATE_TEXTS:
        low = scan.lower(text)
        assert found(fast, low) == found(slow, low), (name, text[:80])


@pytest.mark.parametrize("name", sorted(REFERENCES))
@settings(max_examples=500, deadline=None)
@given(text=texts)
def test_same_matches_on_generated_texts(name: str, text: str) -> None:
    fast, slow = REFERENCES[name]
    low = scan.lower(text)
    assert found(fast, low) == found(slow, low)


def test_the_references_find_something() -> None:
    assert len(_WITH_DAY_WORDS) >= 5  # the rules the day words are part of
    for name, (_, slow) in REFERENCES.items():
        hits: list[Any] = [m for t in DATE_TEXTS for m in slow.finditer(scan.lower(t)) if m[0]]
        assert hits, name


def test_the_day_words_are_the_same_words() -> None:
    """Every day word, spaced or hyphenated or run together, and only those."""
    words = [*ORDINAL_WORDS, *UNITS, "twentieth", "thirtieth", "twenty", "thirty", "teenth"]
    joins = ["", " ", "-", "\t", "\n", "  ", "_"]
    new, old = REFERENCES["day words"]
    for first in [*words, ""]:
        for join in joins:
            for second in words:
                text = f"{first}{join}{second}"
                assert bool(new.fullmatch(text)) == bool(old.fullmatch(text)), text


def test_the_rewrites_are_shorter() -> None:
    """What the rewrite is for: fewer characters to compile."""
    for name, (fast, slow) in REFERENCES.items():
        assert len(fast.pattern) < len(slow.pattern), name
