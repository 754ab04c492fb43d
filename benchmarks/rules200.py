"""Generate rule sets of 10, 50 and 200 claims with distinct cues for every claim.

    .venv/bin/python benchmarks/rules200.py OUT_DIR

Writes ``claims-10.yaml`` (the first 10 seed claims), ``claims-50.yaml`` (the
14 seed claims and 36 synthetic ones) and ``claims-200.yaml`` (14 + 186), each
self-contained with the seed file's aliases. Synthetic claims are of every type
(money, percent, number, year, date, boolean, text with choices); each has
two cue phrases of its own, built from business vocabulary so they partly
overlap the corpus's words (the matcher has candidates to reject) but never
equal another claim's cue. Some carry a ``context``. No synthetic claim is
stated in the corpus: they measure what each extra claim costs.
"""

from __future__ import annotations

import argparse
import itertools
import random
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SEED_RULES = REPO / "rules" / "openai-cloud.yaml"
SIZES = (10, 50, 200)
TYPES = ("money", "percent", "number", "year", "date", "boolean", "text")
CONTEXTS = (None, None, ["OpenAI"], ["Microsoft"], None, ["Amazon", "AWS"], ["regulator"])

MODIFIERS = (
    "quarterly",
    "regional",
    "deferred",
    "contingent",
    "sovereign",
    "wholesale",
    "residual",
    "annualised",
    "peak",
    "baseline",
    "bridge",
    "standby",
    "retention",
    "severance",
    "procurement",
    "hosting",
    "inference",
    "energy",
    "colocation",
    "spectrum",
    "fibre",
    "edge",
    "archive",
    "telemetry",
    "onboarding",
    "escrow",
    "renewal",
    "migration",
    "franchise",
    "reserve",
    "liquidity",
    "treasury",
    "subsidy",
    "warranty",
    "freight",
    "capacity",
    "pricing",
    "supply",
    "margin",
    "budget",
    "platform",
    "partner",
    "customer",
)
HEADS = (
    "surcharge",
    "rebate",
    "tariff",
    "levy",
    "dividend",
    "backlog",
    "headcount",
    "buyback",
    "royalty",
    "tranche",
    "covenant",
    "clawback",
    "allowance",
    "premium",
    "drawdown",
    "throughput",
    "uptime",
    "footprint",
    "pipeline",
    "quota",
    "threshold",
    "milestone",
    "payout",
    "write-down",
    "accrual",
    "provision",
    "markup",
    "stipend",
    "bonus pool",
    "credit line",
    "order book",
    "capex plan",
    "price floor",
    "grace period",
    "lock-up",
)
CHOICES = (
    ("Orion", "Helix", "Vega"),
    ("Atlas", "Nimbus"),
    ("Granite", "Basalt", "Slate"),
    ("Falcon", "Osprey"),
    ("Cobalt", "Indigo", "Saffron"),
)


def _cue_pairs() -> list[tuple[str, str]]:
    """Pairs of distinct cue phrases (the two of a pair share no word), in a fixed order."""
    phrases = [f"{m} {h}" for h, m in itertools.product(HEADS, MODIFIERS)]
    random.Random(200).shuffle(phrases)
    pairs: list[tuple[str, str]] = []
    pending: list[str] = []
    for phrase in phrases:
        partner = next((p for p in pending if not set(p.split()) & set(phrase.split())), None)
        if partner is None:
            pending.append(phrase)
        else:
            pending.remove(partner)
            pairs.append((partner, phrase))
    return pairs


def synthetic_claims(count: int) -> list[dict[str, Any]]:
    claims: list[dict[str, Any]] = []
    for index, (first, second) in enumerate(_cue_pairs()[:count]):
        kind = TYPES[index % len(TYPES)]
        slug = first.replace(" ", "-")
        claim: dict[str, Any] = {
            "id": f"synthetic-{index + 1:03d}-{slug}",
            "description": f"Synthetic benchmark claim: the {first} ({kind}).",
            "type": kind,
            "cues": [first, second],
        }
        context = CONTEXTS[index % len(CONTEXTS)]
        if context:
            claim["context"] = context
        if kind == "boolean":
            claim["false_cues"] = [f"no {first}", f"without a {second}"]
        if kind == "text":
            claim["choices"] = list(CHOICES[index % len(CHOICES)])
        claims.append(claim)
    if len(claims) < count:
        raise ValueError(f"only {len(claims)} distinct synthetic claims available")
    return claims


def rule_sets() -> dict[int, dict[str, Any]]:
    """Rule documents keyed by claim count."""
    seed = yaml.safe_load(SEED_RULES.read_text(encoding="utf-8"))
    seed_claims: list[dict[str, Any]] = seed["claims"]
    extra = synthetic_claims(max(SIZES) - len(seed_claims))
    sets = {}
    for size in SIZES:
        claims = (seed_claims + extra)[:size]
        sets[size] = {
            "story": f"Benchmark rule set: {size} claims",
            "aliases": seed.get("aliases", {}),
            "claims": claims,
        }
    return sets


def write(folder: Path) -> dict[int, Path]:
    """Write ``claims-N.yaml`` for every size; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for size, document in rule_sets().items():
        path = folder / f"claims-{size}.yaml"
        path.write_text(
            yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100),
            encoding="utf-8",
        )
        paths[size] = path
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    for size, path in write(args.out).items():
        print(f"{size:>4} claims -> {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
