"""Every claim's examples, in every rule file of the repository, run as tests."""

from __future__ import annotations

import pytest

from factcheck.binding.binder import Binder
from factcheck.rules.ruleset import load_rules
from factcheck.run.selftest import ExampleResult, run_example
from tests.conftest import ROOT

RULE_DIRS = [ROOT / "rules"] + ([ROOT / "examples"] if (ROOT / "examples").is_dir() else [])
RULES = load_rules(RULE_DIRS)
BINDER = Binder(RULES)
CASES = [(claim, i, ex) for claim in RULES.claims for i, ex in enumerate(claim.examples, start=1)]


def test_every_claim_has_examples() -> None:
    assert all(claim.examples for claim in RULES.claims)


@pytest.mark.parametrize(
    ("claim", "index", "example"), CASES, ids=[f"{c.id}[example-{i}]" for c, i, _ in CASES]
)
def test_example(claim, index, example) -> None:  # type: ignore[no-untyped-def]
    result: ExampleResult = run_example(BINDER, claim, index, example)
    assert result.passed, f"{example.location}: {result.explain()}"
