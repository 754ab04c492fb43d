"""Reconciliation: each status, hedges, tolerance, dates, self-conflict and expect."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.binding.binder import Binder
from factcheck.binding.evidence import DocumentResult, check_document
from factcheck.model import Document
from factcheck.reconcile.records import ClaimVerdict
from factcheck.rules.ruleset import RuleSet
from tests.conftest import make_rules, verdicts_of

RULES = make_rules("""
    claims:
      - id: price
        description: the deal value
        type: money
        cues: [deal]
        expect: $38 billion
      - id: share
        description: market share
        type: percent
        cues: [market share]
        tolerance: 1
      - id: start
        description: start date
        type: date
        cues: [began]
""")


def verdict(
    rules: RuleSet, claim_id: str, *texts: str, published: date | None = None
) -> ClaimVerdict:
    binder = Binder(rules)
    docs = [
        check_document(binder, Document(f"s{i}", f"s{i}.txt", t, published=published))
        for i, t in enumerate(texts)
    ]
    return next(v for v in verdicts_of(rules, docs) if v.claim.id == claim_id)


def statuses(v: ClaimVerdict) -> list[str]:
    return [s.status for s in v.sources]


def test_agree() -> None:
    v = verdict(RULES, "price", "The $38 billion deal was signed.", "A deal worth $38bn.")
    assert v.status == "agree" and statuses(v) == ["agrees", "agrees"]
    assert v.consensus is not None and v.consensus.value == 38e9


def test_conflict_with_a_lone_dissenter() -> None:
    v = verdict(
        RULES, "price", "The $38 billion deal.", "A deal worth $38bn.", "A $40 billion deal."
    )
    assert v.status == "conflict" and v.consensus is None
    assert statuses(v) == ["agrees", "agrees", "conflicts"]
    assert [s.expected for s in v.sources] == ["match", "match", "mismatch"]


def test_tie_means_everyone_conflicts() -> None:
    v = verdict(RULES, "price", "The $38 billion deal.", "A $40 billion deal.")
    assert statuses(v) == ["conflicts", "conflicts"]


def test_single_and_silent() -> None:
    v = verdict(RULES, "price", "The $38 billion deal.", "Nothing to see here.")
    assert v.status == "single" and statuses(v) == ["single", "silent"]
    assert verdict(RULES, "price", "Nothing.", "Still nothing.").status == "silent"


def test_hedge_is_compatible_but_noted() -> None:
    v = verdict(RULES, "price", "A deal of up to $38 billion.", "The $38 billion deal.")
    assert v.status == "agree"
    assert v.consensus is not None and v.consensus.qualifier == "up_to"  # a 1-1 tie keeps it
    assert v.notes and "hedged" in v.notes[0]


@pytest.mark.parametrize(
    ("texts", "qualifier"),
    [
        (("A deal of up to $38 billion.", "The $38 billion deal.", "A $38 billion deal."), None),
        (
            ("A deal of up to $38 billion.", "Up to $38 billion, the deal.", "A $38 billion deal."),
            "up_to",
        ),
        (("A deal of up to $38 billion.",) * 2 + ("A $38 billion deal.",) * 2, "up_to"),
    ],
)
def test_the_consensus_keeps_a_hedge_that_at_least_half_the_sources_keep(
    texts: tuple[str, ...], qualifier: str | None
) -> None:
    v = verdict(RULES, "price", *texts)
    assert v.status == "agree" and v.consensus is not None
    assert v.consensus.qualifier == qualifier


def test_tolerance_in_points() -> None:
    assert (
        verdict(RULES, "share", "Its market share is 20%.", "A market share of 20.8%.").status
        == "agree"
    )
    assert (
        verdict(RULES, "share", "Its market share is 20%.", "A market share of 22%.").status
        == "conflict"
    )


def test_currency_mismatch_conflicts() -> None:
    assert (
        verdict(RULES, "price", "The $38 billion deal.", "The €38 billion deal.").status
        == "conflict"
    )


def test_date_intervals_overlap() -> None:
    v = verdict(
        RULES,
        "start",
        "It began in November 2025.",
        "It began late last year.",
        published=date(2026, 4, 30),
    )
    assert v.status == "agree"
    v = verdict(RULES, "start", "It began in November 2025.", "It began in March 2024.")
    assert v.status == "conflict"


def test_source_contradicting_itself() -> None:
    v = verdict(
        RULES,
        "price",
        "The $38 billion deal. Later: the deal was $45 billion.",
        "The $38 billion deal.",
    )
    assert v.status == "conflict"
    assert statuses(v) == ["self-conflict", "agrees"]


def test_empty_corpus_bindings() -> None:
    verdicts = verdicts_of(RULES, list[DocumentResult]())
    assert [v.status for v in verdicts] == ["silent", "silent", "silent"]
