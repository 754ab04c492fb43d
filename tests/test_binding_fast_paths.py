"""The binder's fast paths read words exactly as the plain ones do.

:meth:`PhraseMatcher.content_stems` keeps each token's canonical stem across
documents; it must equal :meth:`PhraseMatcher.canonical` over the content words
of :func:`factcheck.text.word_infos`, also for spelling variants matched fuzzily
and after its cache is emptied.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.binding.binder import Binder
from factcheck.binding.cues import PhraseMatcher, _Canonical
from factcheck.rules.ruleset import load_rules
from factcheck.text import token_texts, word_infos
from tests.conftest import ROOT

RULES = load_rules([ROOT / "rules"])
MATCHER = Binder(RULES).matcher
# Phrase words, their spelling variants and inflections, stopwords, punctuation, accents.
WORDS = [
    "licence",
    "license",
    "licensing",
    "exclusive",
    "exclusivity",
    "Commitment",
    "committed",
    "revenue",
    "revenues",
    "sharing",
    "the",
    "of",
    "Amazon's",
    "U.S.",
    "$38",
    "billion",
    ",",
    "—",
    "Café",
    "İstanbul",
    "capped",
    "uncapped",
    "investmnet",
]
texts = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join) | st.text(max_size=80)


def plain(matcher: PhraseMatcher, text: str) -> list[str]:
    return matcher.canonical([w for w in word_infos(text) if w[3]], {})


@settings(max_examples=300, deadline=None)
@given(texts)
def test_content_stems_match_the_plain_reading(text: str) -> None:
    assert MATCHER.content_stems(text, 0, len(text)) == plain(MATCHER, text)
    assert MATCHER.find_positions(MATCHER.content_stems(text, 0, len(text))) == (
        MATCHER.find_positions(plain(MATCHER, text))
    )


def test_content_stems_of_a_span_and_after_the_cache_is_emptied(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Microsoft's exclusive licence ends; the revenue-sharing payments stay capped."
    start = text.index("exclusive")
    end = text.index(";")
    assert MATCHER.content_stems(text, start, end) == plain(MATCHER, text[start:end])
    monkeypatch.setattr(_Canonical, "LIMIT", 2)
    fresh = PhraseMatcher(MATCHER.phrases)
    assert fresh.content_stems(text, 0, len(text)) == plain(MATCHER, text)
    assert len(fresh._canonical) <= 2


def test_a_misspelling_is_read_as_the_phrase_word() -> None:
    """A test that can fail: 'exclusivty' stands for the rules' 'exclusivity'."""
    stems = MATCHER.content_stems("its exclusivty", 0, len("its exclusivty"))
    assert stems == plain(MATCHER, "exclusivity") != plain(MATCHER, "exclusion")


BINDER = Binder(RULES)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_may_match_agrees_with_may_start_of_the_stems(sentences: list[str]) -> None:
    """The set-based pre-test passes exactly the sentences the stem-based one does,
    for the full matcher and its restricted copy (whose first stems differ)."""
    for matcher in (BINDER.matcher, BINDER.valueless):
        for text in sentences:
            found = token_texts(text)
            expected = matcher.may_start(matcher.content_stems(text, 0, len(text)))
            assert matcher.may_match(found) == expected
            assert matcher.stems_of(found) == plain(matcher, text)


def test_may_match_after_its_memory_is_emptied(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_Canonical, "LIMIT", 3)
    binder = Binder(RULES)
    passing = "Microsoft's exclusive licence ends in 2032."
    failing = "Nothing here says anything at all, the spokesperson added."
    for _ in range(3):
        for matcher in (binder.matcher, binder.valueless):
            for text in (failing, passing):
                expected = matcher.may_start(matcher.content_stems(text, 0, len(text)))
                assert matcher.may_match(token_texts(text)) == expected
            assert len(matcher._seen) <= 2 + len(token_texts(failing))
    assert binder.matcher.may_match(token_texts(passing))
    assert not binder.matcher.may_match(token_texts(failing))
