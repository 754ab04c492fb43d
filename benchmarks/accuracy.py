"""Score a ``factcheck check --format json`` report against the corpus ground truth.

    .venv/bin/python benchmarks/accuracy.py REPORT.json GROUND_TRUTH.json

Figures (each a fraction, with its counts):

* ``claim_status``: claims whose verdict is the expected one (``conflict``
  where values were planted, else ``agree``).
* ``consensus``: claims expected to agree whose consensus is the true value
  (dates: intervals overlap; money with a hedge: the same figure).
* ``planted_flagged``: planted (claim, article) pairs reported ``conflicts``.
* ``stated_found``: pairs stating the true value reported ``agrees`` (found,
  and not mistaken for a conflict).
* ``false_bindings``: pairs where the article does not state the claim but
  the report gives it a value (any status other than ``silent``).

Per-claim rows give the same counts, so a template the rules miss shows up.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Tally:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        return {"hits": self.hits, "total": self.total, "rate": self.rate}


def _same_value(found: Any, truth: Any) -> bool:
    if isinstance(truth, dict) and isinstance(found, dict):  # date intervals, ISO strings
        start, end = found.get("start", ""), found.get("end", "")
        return bool(start <= truth["end"] and truth["start"] <= end)
    if isinstance(truth, bool) or isinstance(found, bool):
        return found is truth
    if isinstance(truth, int | float) and isinstance(found, int | float):
        return abs(found - truth) <= 1e-9 * max(1.0, abs(truth))
    return str(found).casefold() == str(truth).casefold()


def score(report: dict[str, Any], truth: dict[str, Any]) -> dict[str, Any]:
    by_id = {c["id"]: c for c in report["claims"]}
    totals = {
        name: Tally()
        for name in (
            "claim_status",
            "consensus",
            "planted_flagged",
            "stated_found",
            "false_bindings",
        )
    }
    rows = []
    for expected in truth["claims"]:
        claim = by_id.get(expected["id"])
        if claim is None:
            continue
        status = {s["source"]: s["status"] for s in claim["sources"]}
        planted, stated = set(expected["planted"]), set(expected["stated"])
        row = {name: Tally() for name in ("planted_flagged", "stated_found", "false_bindings")}
        for source, verdict in status.items():
            if source in planted:
                row["planted_flagged"].add(verdict == "conflicts")
            elif source in stated:
                row["stated_found"].add(verdict == "agrees")
            else:
                row["false_bindings"].add(verdict != "silent")
        status_ok = claim["status"] == expected["expected_status"]
        totals["claim_status"].add(status_ok)
        if expected["expected_status"] == "agree":
            consensus = (claim.get("consensus") or {}).get("value")
            totals["consensus"].add(
                consensus is not None and _same_value(consensus, expected["truth_value"])
            )
        for name, tally in row.items():
            totals[name].hits += tally.hits
            totals[name].total += tally.total
        rows.append(
            {
                "claim": expected["id"],
                "status": claim["status"],
                "expected": expected["expected_status"],
                "status_ok": status_ok,
                **{name: tally.as_dict() for name, tally in row.items()},
            }
        )
    return {"totals": {name: t.as_dict() for name, t in totals.items()}, "claims": rows}


def format_rows(result: dict[str, Any]) -> str:
    def cell(t: dict[str, Any]) -> str:
        return f"{t['hits']}/{t['total']}"

    lines = [f"{'claim':30} {'status':9} {'expected':9} {'planted':>9} {'found':>11} {'false':>11}"]
    for row in result["claims"]:
        lines.append(
            f"{row['claim']:30} {row['status']:9} {row['expected']:9} "
            f"{cell(row['planted_flagged']):>9} {cell(row['stated_found']):>11} "
            f"{cell(row['false_bindings']):>11}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("truth", type=Path)
    args = parser.parse_args(argv)
    result = score(
        json.loads(args.report.read_text(encoding="utf-8")),
        json.loads(args.truth.read_text(encoding="utf-8")),
    )
    print(format_rows(result))
    for name, tally in result["totals"].items():
        print(f"{name}: {tally['hits']}/{tally['total']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
