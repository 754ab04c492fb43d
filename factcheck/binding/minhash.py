"""A document's MinHash signature: 64 small numbers that estimate text overlap.

Wire copy and syndicated articles repeat one text with light edits. To find
them among thousands of articles without comparing every pair, each document
leaves behind a signature of its word shingles (three words in a row,
lower-cased), and :mod:`factcheck.reconcile.copies` finds candidates by
locality-sensitive hashing over it, then confirms them on the texts.

The signature is one-permutation MinHash with optimal densification (Li,
Owen and Zhang 2012; Shrivastava 2017), kept as b-bit MinHash (Li and König
2010): each shingle is hashed once, falls into one of :data:`HASHES` bins by
its low bits, each bin keeps its smallest hash, an empty bin borrows from a
non-empty one along a fixed pseudo-random sequence, and each bin is cut to
:data:`BITS` bits. The
share of equal bins between two signatures estimates the Jaccard similarity
of their shingles (a chance match is 1 in 65,536). Words are hashed with
BLAKE2b (the same in every process and on every machine, unlike ``hash()`` of
a string) and a shingle's hash is the hash of the tuple of its three words'
numbers (not salted either; the same on every 64-bit CPython), so the cost is
linear in the text, well under a microsecond a word.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from factcheck.regexes import compiled

HASHES = 64  # bins
BITS = 16  # kept of each bin's hash
ROWS = 4  # bins per LSH band
BANDS = HASHES // ROWS
SHINGLE = 3  # words per shingle
_WORD = compiled(r"\w+")
_KEPT = (1 << 30) - 1
_EMPTY = 1 << 30  # above every kept hash


def words(text: str) -> list[str]:
    """The text's words, lower-cased: what shingles and the confirmation compare."""
    return _WORD.findall(text.casefold())


def signature(text: str) -> tuple[int, ...]:
    """:data:`HASHES` numbers of :data:`BITS` bits; () for a text under one shingle."""
    tokens = words(text)
    if len(tokens) < SHINGLE:
        return ()
    hashed = list(map(_WORD_IDS.__getitem__, tokens))
    # A shingle's hash: CPython's hash of a tuple of small ints, which (unlike a
    # string's) is not salted per process; words are 60-bit BLAKE2b values. Its low
    # 30 bits are kept (one machine digit: fast): 6 pick the bin, 16 are the value.
    # Built-ins mapped over the shingles: no Python frame per shingle.
    shingles = zip(hashed, hashed[1:], hashed[2:], strict=False)
    mixed = sorted(map(_KEPT.__and__, map(hash, shingles)))
    # Sorted, the first hash seen for a bin is its smallest; a few hundred fill them all.
    bins = [_EMPTY] * HASHES
    slots, empty = HASHES - 1, HASHES
    for h in mixed:
        if bins[h & slots] == _EMPTY:
            bins[h & slots] = h
            empty -= 1
            if not empty:
                break
    _densify(bins)
    keep = (1 << BITS) - 1
    return tuple((v >> 6) & keep for v in bins)


def word_id(word: str) -> int:
    """A word's 60-bit number: BLAKE2b, the same in every process and on every machine."""
    digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 4


class _WordIds(dict[str, int]):
    """Each word's number, computed once per process (a pure function of the word,
    so keeping it changes no signature); emptied past a bound to keep memory flat."""

    def __missing__(self, word: str) -> int:
        if len(self) >= _WORD_IDS_LIMIT:
            self.clear()
        value = self[word] = word_id(word)
        return value


_WORD_IDS_LIMIT = 1 << 16
_WORD_IDS = _WordIds()


# For each bin, the bins an empty one borrows from, in order: a fixed pseudo-random
# sequence ("optimal densification", Shrivastava 2017), so that empty bins of a short
# text borrow from different bins and the estimate stays unbiased and steady. Made on
# first need: only a text of few shingles has empty bins, and drawing the sequences
# (64 seeded generators) would cost every run a few milliseconds.
@lru_cache(maxsize=1)
def _probes() -> tuple[tuple[int, ...], ...]:
    import random

    return tuple(
        tuple(random.Random(f"factcheck-minhash-{i}").sample(range(HASHES), HASHES))
        for i in range(HASHES)
    )


def _densify(bins: list[int]) -> None:
    """Fill each empty bin from the first non-empty bin of its probe sequence."""
    if all(v != _EMPTY for v in bins):
        return
    original, probes = list(bins), _probes()
    for i, value in enumerate(original):
        if value == _EMPTY:
            bins[i] = next(original[j] for j in probes[i] if original[j] != _EMPTY)


def packed(signature: tuple[int, ...]) -> int:
    """A signature as one integer, bin ``i`` in bits ``16 i`` to ``16 i + 15``: band
    ``b`` is then the 64 bits from ``64 b``, and :func:`similarity` a few big-integer
    operations instead of 64 comparisons."""
    return sum(value << (BITS * i) for i, value in enumerate(signature))


_LANES = sum(1 << (BITS * i) for i in range(HASHES))  # the lowest bit of every bin


def similarity(a: int, b: int) -> float:
    """The estimated Jaccard similarity of two packed signatures' shingles (0 to 1):
    the share of equal bins."""
    differ = a ^ b
    for shift in (8, 4, 2, 1):  # fold each bin's bits into its lowest bit
        differ |= differ >> shift
    return (HASHES - (differ & _LANES).bit_count()) / HASHES


def band(packed_signature: int, index: int) -> int:
    """The bins of band ``index`` of a packed signature, as one 64-bit number."""
    return (packed_signature >> (BITS * ROWS * index)) & ((1 << (BITS * ROWS)) - 1)
