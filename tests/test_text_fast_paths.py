"""Sentence splitting, made faster, splits as it did.

The reference below is :func:`factcheck.text.sentences` as first written (a pattern
tried at every position, the word before each full stop read back in full);
the fast one opens its pattern with a class and reads back no further than the
longest abbreviation. Every binding hangs on these spans.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.model import Sentence
from factcheck.text import _ABBREVIATIONS, _soft_wrap, sentences
from tests.conftest import ROOT

_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"“‘'(\[•A-Z0-9])|\n")


def reference(text: str) -> list[Sentence]:
    found: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if match.group() == "\n":
            if _soft_wrap(text, match.start()):
                continue
        elif _abbreviation(text, match.start()):
            continue
        _trimmed(found, text, start, end)
        start = end
    _trimmed(found, text, start, len(text))
    return found


def _abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _trimmed(found: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        found.append(Sentence(start, end))


PIECES = [
    *". . ! ? \n \n\n \t".split(" "),
    *[" ", "”", "’", ")", "]", '"', "“", "(", "[", "•", "'", "-", "1."],
    *["Mr", "mrs", "U.S", "u.k.", "e.g", "I.E", "Sept", "sept", "Corp", "A", "b", "x.y"],
    *["İ", "é", "²", "Ⅻ", "ǅ", "42", "Amazon", "said", "the deal", "Dresser"],
    "a line of wrapped prose that is long enough to count as one",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=80)


@settings(max_examples=1000, deadline=None)
@given(texts)
def test_sentences_split_as_the_reference(text: str) -> None:
    assert sentences(text) == reference(text)


def test_sentences_split_as_the_reference_on_articles() -> None:
    paths = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "examples").rglob("*.md")])
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert sentences(text) == reference(text), path.name


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    """A test that can fail: the reference and the fast split both keep these whole."""
    text = "Mr. Smith met J. Doe in the U.S. on Monday. Then Sept. came."
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "Mr. Smith met J. Doe in the U.S. on Monday.",
        "Then Sept. came.",
    ]
