"""Compiled claims: what the binder, the reconciler and every face read.

Plain frozen dataclasses, pickled as they are into the compiled-rules cache
(:mod:`.cache`), so that a warm run imports neither pydantic nor YAML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from factcheck.dataclass import dataclass
from factcheck.errors import RuleError
from factcheck.model import Location, ValueType
from factcheck.values import ClaimValue, Tolerance


@dataclass(frozen=True)
class Example:
    """A rule's self-test: a sentence and the value the claim should bind in it."""

    text: str
    expected: ClaimValue | None
    published: date | None
    location: Location


@dataclass(frozen=True)
class Claim:
    """A claim ready for binding: cues expanded with aliases, values parsed."""

    id: str
    type: ValueType
    description: str
    cues: tuple[str, ...]
    false_cues: tuple[str, ...]
    context: tuple[str, ...]
    choices: dict[str, list[str]] | None
    patterns: tuple[str, ...]
    qualifiers: frozenset[str]
    ordinal: bool
    window: int
    tolerance: Tolerance
    expect: ClaimValue | None
    examples: tuple[Example, ...]
    location: Location
    context_all: tuple[tuple[str, ...], ...] = ()
    exclude: tuple[str, ...] = ()
    exclude_sentence: bool = False  # exclude anywhere in the sentence, not just the window
    shared: bool = False
    signed: bool = False
    role: str = "new"  # or "previous": which end of a from-to change binds
    unit: str | None = None  # percent claims: "points" binds percentage/basis points
    changes_over_time: bool = False  # values are dated; a later agreed value is a change
    date_tolerance: int = 3  # days apart two dated values still describe the same time


@dataclass(frozen=True)
class RuleSet:
    """Every claim of the loaded rule files, in file order."""

    claims: tuple[Claim, ...]
    files: tuple[str, ...]
    # What the claims were compiled from (files' paths and bytes, factcheck's code),
    # when loaded from files with the cache on: a key for results kept across runs.
    fingerprint: str | None = None

    def claim(self, claim_id: str) -> Claim:
        return next(c for c in self.claims if c.id == claim_id)

    def title(self) -> str | None:
        """The story's title: the first rule file's ``story:`` field (read again,
        only when a report names several stories)."""
        from factcheck.yamlio import marks as yamlmarks

        for path in self.files:
            try:
                data = yamlmarks.load(Path(path).read_text(encoding="utf-8-sig"), path).data
            except (OSError, UnicodeDecodeError, RuleError):
                continue
            story = data.get("story") if isinstance(data, dict) else None
            if isinstance(story, str) and story.strip():
                return story.strip()
        return None


DEFAULT_QUALIFIERS = frozenset({"none", "up_to", "about", "more_than", "at_least", "less_than"})


def duplicate_ids(
    claims: Iterable[tuple[str, Location]],
    seen: dict[str, Location],
    *,
    across_files: bool = False,
    where: Callable[[Location], str] = str,
) -> list[RuleError]:
    """An error for each claim whose id is already in ``seen`` (id -> where it was
    defined first), which learns the new ids. The one duplicate-id check: within a
    file, across the rule files of a check, and in the pytest plugin."""
    errors = []
    for claim_id, location in claims:
        if claim_id in seen:
            scope = ": claim ids must be unique within a story" if across_files else ""
            errors.append(
                RuleError(
                    f"duplicate claim id {claim_id!r}{scope}",
                    location,
                    hint=f"already defined at {where(seen[claim_id])}; rename one of them",
                    kind="duplicate-id",
                )
            )
        else:
            seen[claim_id] = location
    return errors
