"""Rule self-tests: every claim's examples, run through the real pipeline.

Each example's text is bound with the whole rule set (so claims compete as
they do in articles); the claim must bind a value matching the example's, or
nothing when the example's value is null.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.binding.binder import Binder
from factcheck.display import display
from factcheck.rules.ruleset import Claim, Example, RuleSet
from factcheck.values import ClaimValue, same_value


@dataclass(frozen=True)
class ExampleResult:
    claim: Claim
    index: int  # 1-based
    example: Example
    found: tuple[ClaimValue, ...]
    passed: bool

    @property
    def name(self) -> str:
        return f"{self.claim.id}[example-{self.index}]"

    def explain(self) -> str:
        expected = "nothing" if self.example.expected is None else display(self.example.expected)
        got = ", ".join(display(v) for v in self.found) or "nothing"
        return f"expected {expected}, got {got}"


def run_example(binder: Binder, claim: Claim, index: int, example: Example) -> ExampleResult:
    bindings = binder.bind_text(example.text, example.published)
    found = tuple(b.value for b in bindings if b.claim == claim.id)
    if example.expected is None:
        passed = not found
    else:
        passed = len(found) == 1 and same_value(found[0], example.expected, claim.tolerance)
    return ExampleResult(claim, index, example, found, passed)


def run_examples(rules: RuleSet) -> list[ExampleResult]:
    binder = Binder(rules)
    return [
        run_example(binder, claim, i, example)
        for claim in rules.claims
        for i, example in enumerate(claim.examples, start=1)
    ]
