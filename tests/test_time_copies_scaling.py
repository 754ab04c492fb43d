"""Dating values and grouping copies cost linear time, however hostile the input."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from factcheck.binding.binder import Binder
from factcheck.binding.evidence import SourceInfo, check_document
from factcheck.binding.minhash import signature
from factcheck.model import Document
from factcheck.reconcile.copies import CopyGroup, find_copies
from factcheck.values import ClaimValue
from tests.conftest import make_rules
from tests.scaling import LIMIT, growth

TIMED = make_rules("""
    claims:
      - id: valuation
        description: the valuation
        type: money
        cues: [valuation]
        changes_over_time: true
""")


def dating(text: str) -> Callable[[], object]:
    binder = Binder(TIMED)
    return lambda: check_document(binder, Document("a", "a.txt", text, published=date(2026, 3, 2)))


def test_many_dated_values_in_one_sentence_bind_in_linear_time() -> None:
    """Each value looks for its date only near it, not over the whole sentence."""
    unit = "a valuation of $5 billion as of March in 2025, "
    assert growth(lambda n: dating(unit * n + "."), 300, repeat=2) < LIMIT


def grouping(count: int) -> Callable[[], tuple[CopyGroup, ...]]:
    """``count`` texts of one template, each stating its own figure, and a near copy of
    every tenth: the hardest case (every text a candidate, none merged but the copies);
    comparing each with every cluster would be quadratic."""
    texts = [
        f"Report {i}: the company said its valuation reached ${i} billion this week, "
        "according to people familiar with the matter, as investors kept buying."
        for i in range(count)
    ]
    originals = [*range(count), *range(0, count, 10)]
    texts += [texts[i].replace("kept", "keep") for i in range(0, count, 10)]
    signatures = [signature(t) for t in texts]
    sources = [SourceInfo(f"s{i}", f"s{i}.txt") for i in range(len(texts))]

    def values(documents: set[int]) -> dict[int, dict[str, frozenset[ClaimValue]]]:
        return {d: {"valuation": frozenset({ClaimValue(float(originals[d]))})} for d in documents}

    return lambda: find_copies(sources, signatures.__getitem__, texts.__getitem__, values)


def test_grouping_copies_grows_linearly_with_the_archive() -> None:
    assert growth(grouping, 250, repeat=2) < LIMIT
    assert len(grouping(250)()) == 25  # and the copies are found


def test_two_huge_near_copies_are_compared_in_bounded_time() -> None:
    """fuzz.ratio is quadratic in length: only the opening of each text is compared."""
    words = " ".join(f"word{i % 997} other{i % 991}" for i in range(200_000))
    texts = [words, words.replace("word5 ", "word6 ", 1)]
    signatures = [signature(t) for t in texts]
    sources = [SourceInfo("a", "a.txt"), SourceInfo("b", "b.txt")]
    found = find_copies(
        sources, signatures.__getitem__, texts.__getitem__, lambda ds: {d: {} for d in ds}
    )
    assert [g.members for g in found] == [("a", "b")]
