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

from factcheck.extract.dates import extractor, scan
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


# name -> (the rewritten pattern, the pattern as first written), both on lower-cased text
REFERENCES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "trigger": (new_trigger(_SCANNER), old_trigger(_SCANNER)),
}
DATE_PIECES = [
    *PIECES,
    *["the", "this", "an", "a", "in", "between", "beginning", "end", "of", "very", "new"],
    *["january", "jan", "sept", "may", "mayor", "monday", "tues", "thurs", "christmas"],
    *["first", "twenty", "twenty-first", "thirty one", "fifth", "year", "years", "week"],
    *["ago", "next", "last", "past", "q3", "h1", "fiscal", "mid", "late", "early", "now"],
]
texts = st.lists(st.sampled_from(DATE_PIECES), max_size=40).map("".join) | st.text(max_size=60)


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_same_matches_on_articles_and_tables(name: str) -> None:
    fast, slow = REFERENCES[name]
    for text in TEXTS:
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
    for name, (_, slow) in REFERENCES.items():
        hits: list[Any] = [m for t in TEXTS for m in slow.finditer(scan.lower(t)) if m["start"]]
        assert hits, name


def test_the_rewrites_are_shorter() -> None:
    """What the rewrite is for: fewer characters to compile."""
    for name, (fast, slow) in REFERENCES.items():
        assert len(fast.pattern) < len(slow.pattern), name
