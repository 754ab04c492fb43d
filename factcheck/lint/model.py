"""Lint findings: the code table and the data of the JSON format.

Codes are stable: FC1xx errors, FC2xx warnings, FC3xx info. A configuration
may change a code's level or turn it off; the code itself never changes
meaning.

The report is plain frozen dataclasses, so a lint never imports pydantic (its
import alone costs a few times Python's start-up); :func:`lint_report_schema`
asks pydantic for the JSON Schema, reading each field's docstring as its
description.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, ClassVar, Literal

from factcheck.dataclass import dataclass
from factcheck.display import ValueOut
from factcheck.errors import InputError
from factcheck.model import Location

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    level: Level
    summary: str


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code(
            code="FC101",
            name="contradicts-sources",
            level="error",
            summary="The draft contradicts the value the sources state.",
        ),
        Code(
            code="FC102",
            name="contradicts-reference",
            level="error",
            summary="The draft contradicts the rule's reference value (`expect`).",
        ),
        Code(
            code="FC103",
            name="unsupported-amid-conflict",
            level="error",
            summary="No source states the draft's value (and the sources conflict).",
        ),
        Code(
            code="FC201",
            name="single-source",
            level="warning",
            summary="Only one source supports the draft's value.",
        ),
        Code(
            code="FC202",
            name="unsupported",
            level="warning",
            summary="No source states this claim.",
        ),
        Code(
            code="FC203",
            name="dropped-hedge",
            level="warning",
            summary="The draft drops a hedge the sources keep ('up to', 'about'...).",
        ),
        Code(
            code="FC204",
            name="added-precision",
            level="warning",
            summary="The draft is more precise than any source.",
        ),
        Code(
            code="FC205",
            name="sources-conflict",
            level="warning",
            summary="The draft states one value for a claim on which the sources conflict.",
        ),
        Code(
            code="FC206",
            name="draft-self-conflict",
            level="warning",
            summary="The draft states incompatible values for one claim.",
        ),
        Code(
            code="FC207",
            name="unused-suppression",
            level="warning",
            summary="A suppression directive that suppressed nothing.",
        ),
        Code(
            code="FC208",
            name="unresolved-date",
            level="warning",
            summary="A relative date ('last Tuesday') the draft has no publication date for.",
        ),
        Code(
            code="FC209",
            name="superseded",
            level="warning",
            summary="The draft states a figure that was right once but has changed: later "
            "sources agree on a new one (claims with `changes_over_time: true`). The message "
            "gives the date of the change and the new figure.",
        ),
        Code(
            code="FC210",
            name="single-original",
            level="warning",
            summary="The draft agrees with sources that all repeat one original report (a "
            "wire story and its copies, grouped by `via:` or as near-duplicate texts): the "
            "agreement rests on a single report.",
        ),
        Code(
            code="FC301", name="agrees", level="info", summary="The draft agrees with the sources."
        ),
        Code(
            code="FC302",
            name="matches-reference",
            level="info",
            summary="No source states the claim, but the draft matches the reference value.",
        ),
    )
}


def check_codes(codes: Iterable[str], where: Location | None = None) -> None:
    """Raise for a code that is not a finding code ('FC999', 'FC2O1'), with the
    closest codes: a misspelt code would otherwise change nothing, silently."""
    for code in codes:
        if code not in CODES:
            from difflib import get_close_matches

            close = get_close_matches(code.upper().replace("O", "0"), CODES, n=2, cutoff=0.6)
            hint = f"did you mean {' or '.join(close)}?" if close else None
            raise InputError(
                f"severity: unknown finding code {code!r}",
                where,
                hint=hint or f"finding codes are {', '.join(CODES)}",
            )


_DESCRIBED = {"use_attribute_docstrings": True}


@dataclass(frozen=True, slots=True)
class SourceValueOut:
    """What one source says about the claim a finding is about."""

    __pydantic_config__: ClassVar[dict[str, bool]] = _DESCRIBED

    source: str
    status: str
    value: ValueOut | None
    line: int | None
    """Line of the source's first mention."""


Positions = Literal["line", "paragraph"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One lint finding: where in the draft, which code and claim, and what the sources say."""

    __pydantic_config__: ClassVar[dict[str, bool]] = _DESCRIBED

    path: str
    line: int
    """1-based line of the offending words in the draft (in a Word draft, the paragraph:
    see `positions`)."""
    column: int
    """1-based column, in Unicode code points."""
    end_line: int
    end_column: int
    """Column just after the offending words."""
    start: int
    """0-based character offset into the draft."""
    end: int
    """End offset, exclusive."""
    level: Level
    code: str
    name: str
    claim: str | None
    message: str
    text: str
    """The offending words as written in the draft."""
    draft_value: ValueOut | None
    sources: list[SourceValueOut]
    """What each stating source says about the claim."""
    fingerprint: str
    """Stable identity: claim, code, value and words, not line numbers."""
    positions: Positions = "line"
    """What line and column count: 'paragraph' in a Word draft (line is the 1-based
    paragraph, column the character in it; start and end count characters in the
    paragraphs joined by line breaks), else 'line'."""

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.claim or "", self.code)


@dataclass(frozen=True, slots=True)
class LintSummary:
    """How many findings of each level, and how many directives silenced."""

    error: int
    warning: int
    info: int
    suppressed: int


@dataclass(frozen=True, slots=True)
class LintReport:
    """What `factcheck lint --format json` writes."""

    __pydantic_config__: ClassVar[dict[str, bool]] = _DESCRIBED

    version: str
    drafts: list[str]
    findings: list[Finding]
    suppressed: list[Finding]
    """Findings silenced by a directive."""
    summary: LintSummary

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def to_json(self) -> dict[str, Any]:
        """The report as JSON data (the ``--format json`` output)."""
        return dataclasses.asdict(self)


def lint_report_schema() -> dict[str, Any]:
    """The JSON Schema of ``lint --format json`` (imports pydantic: call it rarely)."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(LintReport).json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **_one_line(schema)}


def _one_line(schema: Any) -> Any:
    """The schema with each description on one line (docstrings wrap)."""
    if isinstance(schema, dict):
        return {
            key: " ".join(value.split()) if key == "description" else _one_line(value)
            for key, value in schema.items()
        }
    return [_one_line(item) for item in schema] if isinstance(schema, list) else schema
