"""Phrase matching for cues, context phrases and choices.

Every phrase of every claim is compiled into one :class:`PhraseMatcher`:
phrases become sequences of content-word stems ("pledge to invest" ->
``pledg invest``), indexed by their first stem, so a document is scanned
once whatever the number of claims. Word forms match by stem
("pledged"/"pledge"); spelling variants match fuzzily with rapidfuzz, but
only for document words that are not already in the phrase vocabulary
("licence" -> "license"). One extra word may stand between two phrase words
("Microsoft's exclusive IP licence" matches "exclusive licence").
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel

from factcheck.dataclass import dataclass
from factcheck.text import STOPWORDS, Token, fold, token_texts, tokenize, word_info

FUZZY_MIN_LENGTH = 6  # shorter words must match by stem exactly ("cap" is not "cup")
FUZZY_CUTOFF = 0.85  # normalised Indel similarity (rapidfuzz ratio / 100)
FUZZY_PREFIX = 3  # fuzzy candidates share this many first letters
MAX_GAP = 1  # extra content words allowed between two phrase words


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """Where one cue phrase matched: its words' indexes and character span."""

    phrase: int  # index into PhraseMatcher.phrases
    first: int  # index of the first matched word in the word list
    last: int
    start: int  # character offsets
    end: int


def phrase_stems(phrase: str) -> tuple[str, ...]:
    words = [t for t in tokenize(phrase) if t.is_word]
    content = [t.stem for t in words if fold(t.text) not in STOPWORDS]
    return tuple(content or (t.stem for t in words))


class PhraseMatcher:
    """Finds many phrases at once in a list of word tokens."""

    def __init__(self, phrases: Iterable[str]):
        self.phrases: list[str] = list(phrases)
        self.stems: list[tuple[str, ...]] = [phrase_stems(p) for p in self.phrases]
        self._by_first = self._index_first_stems(range(len(self.stems)))
        self.vocabulary = frozenset(s for stems in self.stems for s in stems)
        # Fuzzy matching compares whole folded words ("licence" ~ "license"), each
        # standing for its stem in the vocabulary.
        self._word_stems = {
            fold(t.text): t.stem
            for p in self.phrases
            for t in tokenize(p)
            if t.is_word and len(t.text) >= FUZZY_MIN_LENGTH
        }
        # Only words sharing their first letters with a phrase word are compared:
        # spelling variants ("licence"/"license") differ late in the word.
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        for word in sorted(self._word_stems):
            self._by_prefix[word[:FUZZY_PREFIX]].append(word)
        self._firsts = self._first_stems(range(len(self.stems)))
        self._canonical = _Canonical(self)
        self._seen: set[str] = set()  # token texts :meth:`may_match` has read
        self._starting: set[str] = set()  # those whose canonical stem begins a phrase

    def restricted(self, indices: Iterable[int], needed: Iterable[int]) -> PhraseMatcher:
        """A matcher for the phrases at ``indices`` only, reading words exactly as this
        one does (same vocabulary, same fuzzy matches): its matches are this one's
        matches of those phrases, in the same order. Its :meth:`may_start` passes a
        sentence only where one of the ``needed`` phrases may match (without one,
        the caller has no use for the others)."""
        subset = copy.copy(self)
        subset._by_first = self._index_first_stems(sorted(set(indices)))
        subset._firsts = self._first_stems(needed)
        subset._seen, subset._starting = set(), set()  # its own: its first stems differ
        return subset

    def _first_stems(self, indices: Iterable[int]) -> frozenset[str]:
        return frozenset(self.stems[index][0] for index in indices if self.stems[index])

    def _index_first_stems(self, indices: Iterable[int]) -> dict[str, list[int]]:
        """Phrase indexes by their first stem, in index order."""
        by_first: dict[str, list[int]] = defaultdict(list)
        for index in indices:
            if self.stems[index]:
                by_first[self.stems[index][0]].append(index)
        return by_first

    def may_start(self, stems: Iterable[str]) -> bool:
        """A cheap test before matching a sentence's words (:meth:`content_stems`):
        does any of them begin a phrase? Every match begins with a phrase's first
        stem, fuzzy matches included (they read as the vocabulary's stems)."""
        return not self._firsts.isdisjoint(stems)

    def may_match(self, texts: list[str]) -> bool:
        """:meth:`may_start` of :meth:`stems_of` ``texts``, in set operations: each token
        text is read once per matcher, and most sentences (no phrase can start there)
        are passed over without a stem looked up per word."""
        seen, starting = self._seen, self._starting
        if not seen.issuperset(texts):
            if len(seen) >= _Canonical.LIMIT:
                seen.clear()
                starting.clear()
            canonical, firsts = self._canonical, self._firsts
            for token in set(texts).difference(seen):
                seen.add(token)
                if canonical[token] in firsts:
                    starting.add(token)
        return not starting.isdisjoint(texts)

    def stems_of(self, texts: list[str]) -> list[str]:
        """:meth:`content_stems` of token texts already found (:func:`token_texts`)."""
        canonical = self._canonical.__getitem__
        return [s for s in map(canonical, texts) if s is not None]

    def canonical(
        self,
        words: Sequence[tuple[str, str] | tuple[str, str, bool, bool]],
        memo: dict[str, str] | None = None,
    ) -> list[str]:
        """Each word's stem, or the vocabulary stem it fuzzily matches, for words given
        as ``(text, stem, ...)`` tuples. ``memo`` carries fuzzy results across the
        sentences of one document."""
        memo = {} if memo is None else memo
        vocabulary = self.vocabulary
        result: list[str] = []
        append = result.append
        for word in words:
            s = word[1]
            if s not in vocabulary and len(word[0]) >= FUZZY_MIN_LENGTH:
                folded = fold(word[0])
                if folded not in memo:
                    memo[folded] = self._closest(folded, s)
                s = memo[folded]
            append(s)
        return result

    def content_stems(self, text: str, start: int, end: int) -> list[str]:
        """:meth:`canonical` of the content words of ``text[start:end]``: each token's
        result is kept across documents (a pure function of the token)."""
        return self.stems_of(token_texts(text, start, end))

    def _closest(self, word: str, word_stem: str) -> str:
        candidates = self._by_prefix.get(word[:FUZZY_PREFIX])
        if not candidates:
            return word_stem
        best = process.extractOne(
            word,
            candidates,
            scorer=Indel.normalized_similarity,
            score_cutoff=FUZZY_CUTOFF,
        )
        return self._word_stems[best[0]] if best else word_stem

    def find(self, words: list[Token], stems: list[str]) -> list[PhraseMatch]:
        """All phrase matches among ``words`` (content words only, in order)."""
        return [
            PhraseMatch(index, first, last, words[first].start, words[last].end)
            for index, first, last in self.find_positions(stems)
        ]

    def find_positions(self, stems: list[str]) -> list[tuple[int, int, int]]:
        """``(phrase, first, last)`` of every match, as :meth:`find` without spans."""
        found: list[tuple[int, int, int]] = []
        by_first = self._by_first
        if by_first.keys().isdisjoint(stems):
            return found  # most sentences: no phrase can start here
        for i, first in enumerate(stems):
            indices = by_first.get(first)
            if indices:
                for index in indices:
                    last = self._match_rest(stems, i, self.stems[index])
                    if last is not None:
                        found.append((index, i, last))
        return found

    @staticmethod
    def _match_rest(stems: list[str], first: int, phrase: tuple[str, ...]) -> int | None:
        position = first
        for wanted in phrase[1:]:
            for step in range(1, MAX_GAP + 2):
                if position + step < len(stems) and stems[position + step] == wanted:
                    position += step
                    break
            else:
                return None
        return position


class _Canonical(dict[str, str | None]):
    """Token text -> its canonical stem (None: not a content word), filled as tokens
    come and emptied past a bound; shared by a matcher and its restricted copies,
    which read words alike."""

    LIMIT = 1 << 16

    def __init__(self, matcher: PhraseMatcher):
        super().__init__()
        self.matcher = matcher

    def __missing__(self, token: str) -> str | None:
        if len(self) >= self.LIMIT:
            self.clear()
        info = word_info(token)
        value = self[token] = self.matcher.canonical([info])[0] if info[3] else None
        return value


def content_words(tokens: list[Token]) -> list[Token]:
    """Words that carry meaning for matching: no punctuation, no stopwords."""
    return [t for t in tokens if t.is_content]
