from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.binding.binder import Binder
from factcheck.binding.evidence import DocumentResult, check_document
from factcheck.reconcile.ledger import EvidenceStore, Ledger
from factcheck.reconcile.records import ClaimVerdict
from factcheck.reconcile.verdicts import reconcile
from factcheck.rules.ruleset import RuleSet, parse_rules
from factcheck.sources.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent


def make_rules(yaml_text: str, path: str = "test.yaml") -> RuleSet:
    claims = parse_rules(textwrap.dedent(yaml_text), path)
    return RuleSet(tuple(claims), (path,))


def run_factcheck(where: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line of this checkout, run in ``where`` without colour."""
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        cwd=where,
        env={"PATH": "", "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def verdicts_of(rules: RuleSet, results: list[DocumentResult]) -> list[ClaimVerdict]:
    """Verdicts for documents already bound, through the ledger as a check keeps them."""
    ledger = Ledger(EvidenceStore(spill_after=None))
    for result in results:
        ledger.add(result)
    return reconcile(rules, ledger.order(), ledger.stated, ledger.ties, ledger.as_of)


def results_of(rules: RuleSet, sources: list[Path]) -> list[DocumentResult]:
    """Each source's result with its evidence, as the binding stage hands it on."""
    binder = Binder(rules)
    return [check_document(binder, d) for d in load_corpus(sources).documents]


@pytest.fixture
def rules_from() -> Callable[[str], RuleSet]:
    return make_rules


@pytest.fixture(scope="session")
def seed_rules() -> RuleSet:
    from factcheck.rules.ruleset import load_rules

    return load_rules([ROOT / "rules"])
