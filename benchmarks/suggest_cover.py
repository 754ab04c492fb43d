"""How much of the hand-written rules `factcheck suggest` finds on its own.

For a story (sources + hand-written rules): a hand-written claim is *covered*
when a suggested claim of the same type binds the same values in the same
sources (every (source, value) the hand-written claim binds, and at least
one). Suggested claims that bind values no hand-written claim has are listed
for review. Runs in-process; a few seconds per story.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from factcheck import api  # noqa: E402
from factcheck.rules.ruleset import RuleSet, parse_rules  # noqa: E402
from factcheck.run.suggest import suggest  # noqa: E402

Stated = frozenset[tuple[str, str]]  # (source, value display)


@dataclass(frozen=True)
class Cover:
    story: str
    hand: int
    covered: int
    suggested: int
    new: tuple[str, ...]  # suggested claims binding values no hand-written claim has

    @property
    def share(self) -> float:
        return self.covered / self.hand if self.hand else 0.0


def _stated(rules: RuleSet, sources: Path) -> dict[str, tuple[str, Stated]]:
    report = api.check(rules, sources)
    return {
        claim.id: (
            claim.type,
            frozenset((s.source, s.value.display) for s in claim.sources if s.value is not None),
        )
        for claim in report.claims
    }


def cover(story: str, rules_path: Path, sources: Path) -> Cover:
    hand = _stated(api.load_rules(rules_path), sources)
    text = suggest(api.load_corpus(sources).documents)
    suggested_rules = RuleSet(tuple(parse_rules(text, "<suggested>")), ("<suggested>",))
    found = _stated(suggested_rules, sources)
    covered = sum(
        1
        for kind, stated in hand.values()
        if stated and any(k == kind and stated <= s for k, s in found.values())
    )
    known = set().union(*(s for _, s in hand.values())) if hand else set()
    new = tuple(sorted(cid for cid, (_, s) in found.items() if s - known))
    return Cover(story, len(hand), covered, len(found), new)


STORIES = (
    ("seed story", REPO / "rules", REPO / "seeds"),
    (
        "city budget",
        REPO / "examples/city-budget/rules.yaml",
        REPO / "examples/city-budget/sources",
    ),
)


def main() -> None:
    for story, rules, sources in STORIES:
        c = cover(story, rules, sources)
        print(
            f"{c.story}: {c.covered}/{c.hand} hand-written claims covered ({c.share:.0%}); "
            f"{c.suggested} suggested, {len(c.new)} with values no hand-written claim has: "
            f"{', '.join(c.new) or '-'}"
        )


if __name__ == "__main__":
    main()
