from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.rules.ruleset import RuleSet, parse_rules

ROOT = Path(__file__).resolve().parent.parent


def make_rules(yaml_text: str, path: str = "test.yaml") -> RuleSet:
    claims = parse_rules(textwrap.dedent(yaml_text), path)
    return RuleSet(tuple(claims), (path,))


@pytest.fixture
def rules_from() -> Callable[[str], RuleSet]:
    return make_rules


@pytest.fixture(scope="session")
def seed_rules() -> RuleSet:
    from factcheck.rules.ruleset import load_rules

    return load_rules([ROOT / "rules"])
