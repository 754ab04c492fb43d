"""How many claims came out each way: the summary every check report prints."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from factcheck.reconcile.records import ClaimVerdict


def status_counts(verdicts: Sequence[ClaimVerdict]) -> dict[str, int]:
    """Claims per outcome (``changed`` only where a claim may change over time), and
    how many differ from their rule's ``expect``."""
    counts = Counter(v.status for v in verdicts)
    summary = {s: counts.get(s, 0) for s in ("agree", "conflict", "single", "silent")}
    if any(v.claim.changes_over_time for v in verdicts):
        summary["changed"] = counts.get("changed", 0)
    summary["expect_mismatch"] = sum(v.expected == "mismatch" for v in verdicts)
    return summary
