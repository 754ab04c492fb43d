"""The fast MinHash signature is the plain one: same numbers for any text.

The reference below is the signature as first written (a Python loop per shingle,
each word hashed afresh); :func:`factcheck.binding.minhash.signature` maps
built-ins over the shingles and keeps word numbers across documents. Copy groups
depend on every bit of the signature, so the two must agree exactly.
"""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.binding import minhash
from factcheck.binding.minhash import HASHES, SHINGLE, _densify, signature, words
from tests.conftest import ROOT


def reference(text: str) -> tuple[int, ...]:
    tokens = words(text)
    if len(tokens) < SHINGLE:
        return ()
    ids: dict[str, int] = {}
    for token in tokens:
        if token not in ids:
            digest = hashlib.blake2b(token.encode(), digest_size=8).digest()
            ids[token] = int.from_bytes(digest, "little") >> 4
    hashed = [ids[t] for t in tokens]
    mixed = sorted(
        hash(shingle) & ((1 << 30) - 1)
        for shingle in zip(hashed, hashed[1:], hashed[2:], strict=False)
    )
    bins = [1 << 30] * HASHES
    for h in mixed:
        if bins[h & (HASHES - 1)] == 1 << 30:
            bins[h & (HASHES - 1)] = h
    _densify(bins)
    return tuple((v >> 6) & 0xFFFF for v in bins)


WORDS = ["the", "deal", "Amazon", "OpenAI", "$38", "billion", "cloud", "é", "İ", "x", "7"]
texts = st.lists(st.sampled_from(WORDS), max_size=400).map(" ".join) | st.text(max_size=300)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_signature_matches_the_reference(text: str) -> None:
    assert signature(text) == reference(text)


def test_signature_matches_on_articles() -> None:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "examples").rglob("*.md"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert signature(text) == reference(text), path.name


def test_word_numbers_survive_the_cache_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the bound the cache is emptied, never wrong."""
    monkeypatch.setattr(minhash, "_WORD_IDS_LIMIT", 3)
    text = " ".join(f"word{i}" for i in range(50)) + " and the rest of it"
    assert signature(text) == reference(text)
    assert len(minhash._WORD_IDS) <= 3
