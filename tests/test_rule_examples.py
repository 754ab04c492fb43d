"""Every claim's examples, story by story, run as tests: the repository's rules,
each example folder's rule files, and each story of an example newsroom (claim
ids are scoped per story, so two stories may both have a claim 'total')."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.binding.binder import Binder
from factcheck.config import load_config
from factcheck.rules.ruleset import Claim, Example, RuleSet, find_rule_files, load_rules
from factcheck.run.selftest import ExampleResult, run_example
from factcheck.stories import configured_stories
from tests.conftest import ROOT

CONFIGS = ("factcheck.toml", "pyproject.toml")


def story_rules() -> dict[str, list[Path]]:
    """Story name -> its rule paths: rules/, then each example folder (its
    configured stories when it has a configuration, else its rule files)."""
    found: dict[str, list[Path]] = {"rules": [ROOT / "rules"]}
    examples = ROOT / "examples"
    for folder in sorted(p for p in examples.iterdir() if p.is_dir()) if examples.is_dir() else []:
        if any((folder / name).is_file() for name in CONFIGS):
            for story in configured_stories(load_config(folder)):
                found[f"{folder.name}/{story.name}"] = [Path(p).resolve() for p in story.rules]
        elif any(folder.rglob("*.yaml")):
            found[folder.name] = find_rule_files([folder])
    return found


STORIES: dict[str, RuleSet] = {name: load_rules(paths) for name, paths in story_rules().items()}
BINDERS = {name: Binder(rules) for name, rules in STORIES.items()}
CASES = [
    (story, claim, i, example)
    for story, rules in STORIES.items()
    for claim in rules.claims
    for i, example in enumerate(claim.examples, start=1)
]


def test_the_example_newsroom_is_among_the_stories() -> None:
    assert {"newsroom/openai-cloud", "newsroom/city-budget"} <= set(STORIES)
    assert len(CASES) > 20


@pytest.mark.parametrize("story", list(STORIES))
def test_every_claim_has_examples(story: str) -> None:
    assert all(claim.examples for claim in STORIES[story].claims)


@pytest.mark.parametrize(
    ("story", "claim", "index", "example"),
    CASES,
    ids=[f"{s}::{c.id}[example-{i}]" for s, c, i, _ in CASES],
)
def test_example(story: str, claim: Claim, index: int, example: Example) -> None:
    result: ExampleResult = run_example(BINDERS[story], claim, index, example)
    assert result.passed, f"{example.location}: {result.explain()}"
