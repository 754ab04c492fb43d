"""Rule self-tests: every claim's examples, run through the real pipeline.

Each example's text is bound with the whole rule set (so claims compete as
they do in articles); the claim must bind a value matching the example's, or
nothing when the example's value is null.
"""

from __future__ import annotations

import dataclasses

from factcheck.binding.binder import Binder
from factcheck.dataclass import dataclass
from factcheck.display import display
from factcheck.rules.ruleset import Claim, Example, RuleSet
from factcheck.run.explain import ExplainReport, explain_text
from factcheck.values import ClaimValue, same_value


@dataclass(frozen=True)
class ExampleResult:
    claim: Claim
    index: int  # 1-based
    example: Example
    found: tuple[ClaimValue, ...]
    passed: bool
    why: ExplainReport | None = None  # for a failure: the binder's trace of the text
    ties: tuple[str, ...] = ()  # values claim order gave to one of two equal claims
    story: str | None = None  # a named story's examples are named story:claim[example-N]

    @property
    def claim_name(self) -> str:
        return f"{self.story}:{self.claim.id}" if self.story else self.claim.id

    @property
    def name(self) -> str:
        return f"{self.claim_name}[example-{self.index}]"

    def explain(self) -> str:
        expected = "nothing" if self.example.expected is None else display(self.example.expected)
        got = ", ".join(display(v) for v in self.found) or "nothing"
        return f"expected {expected}, got {got}"


def run_example(
    binder: Binder, claim: Claim, index: int, example: Example, rules: RuleSet | None = None
) -> ExampleResult:
    """Bind the example's text with every claim; with ``rules``, a failure carries the
    explanation of what bound where (or why nothing did)."""
    bindings = binder.bind_text(example.text, example.published)
    found = tuple(b.value for b in bindings if b.claim == claim.id)
    if example.expected is None:
        passed = not found
    else:
        passed = len(found) == 1 and same_value(found[0], example.expected, claim.tolerance)
    why: ExplainReport | None = None
    ties: tuple[str, ...] = ()
    if rules is not None:
        explained = explain_text(rules, example.text, example.published, (), binder)
        ties = tuple(explained.ties)
        if not passed:
            only_this = [m for m in explained.misses if m.claim == claim.id]
            why = explained.model_copy(update={"misses": only_this})
    return ExampleResult(claim, index, example, found, passed, why, ties)


def run_examples(
    rules: RuleSet, selected: str | None = None, story: str | None = None
) -> list[ExampleResult]:
    """Every claim's examples, or those whose name (``claim[example-N]``, in a named
    ``story``: ``story:claim[example-N]``) contains ``selected``."""
    binder = Binder(rules)
    prefix = f"{story}:" if story else ""
    return [
        dataclasses.replace(run_example(binder, claim, i, example, rules), story=story)
        for claim in rules.claims
        for i, example in enumerate(claim.examples, start=1)
        if selected is None or selected in f"{prefix}{claim.id}[example-{i}]"
    ]
