"""Invariants of the spelled-number grammar over any text built from its own number words."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.numerals_spelled import (
    _PERIOD_BEFORE_RE,
    NUMBER_WORDS,
    SpelledNumber,
    spelled_numbers,
)

# Number words plus the words the grammar looks at around them ("a", "and", "of", period
# words) and a filler; "İstanbul" changes length when lower-cased, the word-by-word path.
WORDS = sorted(NUMBER_WORDS) + ["and", "a", "an", "the", "of", "past", "last", "people", "İstanbul"]
SEPARATORS = [" ", " ", "-", " - ", "\u2010", "\u00a0", "\t", ", ", ". ", ")"]
SCALES = {"thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore", "crores"}
ALLOWED_IN_SPAN = NUMBER_WORDS | {"and", "a", "an"}

texts = st.builds(
    lambda first, rest, case: case(first + "".join(sep + word for sep, word in rest)),
    st.sampled_from(WORDS),
    st.lists(st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(WORDS)), max_size=9),
    st.sampled_from([str, str.upper, str.title, str.capitalize]),
)


@pytest.mark.parametrize(
    ("text", "value", "ordinal"),
    [
        ("twenty-three", 23, False),
        ("one hundred and five", 105, False),
        ("a dozen", 12, False),
        ("two and a half million", 2.5e6, False),
        ("half a million", 5e5, False),
        ("two thirds", 2 / 3, False),
        ("a quarter million", 2.5e5, False),
        ("minus five", -5, False),
        ("nought point zero three", 0.03, False),
        ("second", 2, True),
        ("twenty-first", 21, True),
        ("two hundredth", 200, True),
    ],
)
def test_the_module_docstring_examples(text: str, value: float, ordinal: bool) -> None:
    [found] = spelled_numbers(text)
    assert (found.start, found.end, found.ordinal) == (0, len(text), ordinal)
    assert found.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["the first quarter", "the past half"])
def test_a_period_is_not_a_fraction(text: str) -> None:
    assert not any(found.fraction for found in spelled_numbers(text))


# One case per rule of the grammar that the invariants below cannot see: what each
# span is worth. Flags: o ordinal, f fraction, i implicit (an article counts one).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a hundredth", [("a hundredth", 0.01, "fi")]),
        ("one hundredth", [("one hundredth", 100, "o")]),
        ("one hundred one thousandth", [("one hundred one thousandth", 101_000, "o")]),
        ("one hundred and first", [("one hundred and first", 101, "o")]),
        ("twenty hundredths", [("twenty hundredths", 0.2, "f")]),
        ("hundredths", []),
        ("one hundred and a half", [("one hundred and a half", 100.5, "f")]),
        ("one million and a half million", [("one million and a half", 1.5e6, "f")]),
        ("nineteen hundred and five", [("nineteen hundred and five", 1905, "")]),
        ("two million three thousand", [("two million three thousand", 2_003_000, "")]),
        ("a thousand million", [("a thousand million", 1e9, "i")]),
        ("eleven dozen", [("eleven dozen", 132, "")]),
        ("a hundred dozen", [("a hundred", 100, "i")]),
        ("half a dozen", [("half a dozen", 6, "f")]),
        ("two a dozen", [("two", 2, ""), ("a dozen", 12, "i")]),
        ("twenty zero", [("twenty", 20, ""), ("zero", 0, "")]),
        ("minus a million", [("a million", 1e6, "i")]),
        ("minus and five", [("five", 5, "")]),
        ("a second opinion", [("second", 2, "o")]),
        ("the last three quarters", [("three", 3, "")]),
    ],
)
def test_each_grammar_rule(text: str, expected: list[tuple[str, float, str]]) -> None:
    found = list(spelled_numbers(text))
    flags = ["o" * n.ordinal + "f" * n.fraction + "i" * n.implicit for n in found]
    assert [text[n.start : n.end] for n in found] == [span for span, _, _ in expected]
    assert flags == [f for _, _, f in expected]
    assert [n.value for n in found] == pytest.approx([value for _, value, _ in expected])


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


@settings(max_examples=500, deadline=None, derandomize=True)
@given(texts)
def test_spans_are_whole_number_words_in_order(text: str) -> None:
    previous_end = 0
    for found in spelled_numbers(text):
        assert previous_end <= found.start < found.end <= len(text)
        previous_end = found.end
        span = text[found.start : found.end]
        assert span[0].isalpha() and span[-1].isalpha()
        assert found.start == 0 or not _is_word_char(text[found.start - 1])
        assert found.end == len(text) or not _is_word_char(text[found.end])
        words = [w.lower() for w in re.findall(r"\w+", span)]
        assert set(words) <= ALLOWED_IN_SPAN
        assert math.isfinite(found.value)
        assert (found.scale is None) == (found.multiplier == 1)
        assert found.scale is None or (found.scale in SCALES and found.scale == words[-1])
        assert found.implicit == (words[0] in ("a", "an"))
        # "minus zero" is -0.0: the sign bit, not ``< 0``, records the sign word.
        assert (math.copysign(1, found.value) < 0) == (words[0] in ("minus", "negative"))


@settings(max_examples=500, deadline=None, derandomize=True)
@given(texts)
def test_a_span_read_alone_is_the_same_number(text: str) -> None:
    for found in spelled_numbers(text):
        # A period word just before ("the past a quarter") stops a fraction, so the same
        # words read alone may mean more; that is the only context the grammar looks at.
        if _PERIOD_BEFORE_RE.search(text, max(0, found.start - 14), found.start):
            continue
        span = text[found.start : found.end]
        alone: list[SpelledNumber] = list(spelled_numbers(span))
        assert alone == [found._replace(start=0, end=len(span))]
