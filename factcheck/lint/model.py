"""Lint findings: the code table and the pydantic models of the JSON format.

Codes are stable: FC1xx errors, FC2xx warnings, FC3xx info. A configuration
may change a code's level or turn it off; the code itself never changes
meaning.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.errors import InputError
from factcheck.model import Location
from factcheck.results import ValueOut

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")


class Code(BaseModel):
    model_config = ConfigDict(frozen=True)

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
    from difflib import get_close_matches

    for code in codes:
        if code not in CODES:
            close = get_close_matches(code.upper().replace("O", "0"), CODES, n=2, cutoff=0.6)
            hint = f"did you mean {' or '.join(close)}?" if close else None
            raise InputError(
                f"severity: unknown finding code {code!r}",
                where,
                hint=hint or f"finding codes are {', '.join(CODES)}",
            )


class SourceValueOut(BaseModel):
    model_config = ConfigDict(frozen=True)

    source: str
    status: str
    value: ValueOut | None
    line: int | None = Field(description="Line of the source's first mention.")


Positions = Literal["line", "paragraph"]


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: str
    line: int = Field(
        description="1-based line of the offending words in the draft (in a Word draft, "
        "the paragraph: see `positions`)."
    )
    column: int = Field(description="1-based column, in Unicode code points.")
    end_line: int
    end_column: int = Field(description="Column just after the offending words.")
    start: int = Field(description="0-based character offset into the draft.")
    end: int = Field(description="End offset, exclusive.")
    level: Level
    code: str
    name: str
    claim: str | None
    message: str
    text: str = Field(description="The offending words as written in the draft.")
    draft_value: ValueOut | None
    sources: list[SourceValueOut] = Field(
        description="What each stating source says about the claim."
    )
    fingerprint: str = Field(
        description="Stable identity: claim, code, value and words, not line numbers."
    )
    positions: Positions = Field(
        default="line",
        description="What line and column count: 'paragraph' in a Word draft (line is the "
        "1-based paragraph, column the character in it; start and end count characters "
        "in the paragraphs joined by line breaks), else 'line'.",
    )

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.claim or "", self.code)


class LintSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    error: int
    warning: int
    info: int
    suppressed: int


class LintReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    version: str
    drafts: list[str]
    findings: list[Finding]
    suppressed: list[Finding] = Field(description="Findings silenced by a directive.")
    summary: LintSummary

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]
