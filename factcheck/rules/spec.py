"""The rule-file format, as pydantic models.

These models are the single definition of what an editor may write: the
loader validates against them, ``factcheck schema`` publishes their JSON
Schema, and the field descriptions below are the reference documentation.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.model import Qualifier, ValueType

ClaimId = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$",
        description="Lower-case words joined by hyphens, unique within its story.",
        examples=["aws-deal-value"],
    ),
]
Phrase = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DateRangeSpec(_Strict):
    """An explicit date interval, both ends inclusive, for date claims."""

    start: date = Field(description="First day of the interval (YYYY-MM-DD).")
    end: date = Field(description="Last day of the interval (YYYY-MM-DD), inclusive.")


# What `expect` and an example's `value` accept: text as an article writes it
# ('$38 billion', '20%', 'November 2025'), a plain number, true/false, an ISO
# date, or {start, end}. Which of these fits depends on the claim's type; the
# loader checks that after validation and reports the value's location.
ScalarValue = str | int | float | bool | date | DateRangeSpec


class ExampleSpec(_Strict):
    """A sentence and the value the claim must take from it (null: must stay silent)."""

    text: Phrase = Field(description="A sentence as it could appear in an article.")
    value: ScalarValue | None = Field(
        description="The value the claim must bind from `text`, written like `expect`; "
        "null when the claim must bind nothing.",
    )
    published: date | None = Field(
        default=None,
        description="Reference date for relative dates in `text` ('last month').",
    )


class ExcludeSpec(_Strict):
    """Exclusion phrases with their reach."""

    phrases: list[Phrase] = Field(min_length=1, description="The phrases that exclude.")
    scope: Literal["window", "sentence"] = Field(
        default="window",
        description="window: within the claim's window of the value; sentence: anywhere in it.",
    )


class ClaimSpec(_Strict):
    """One fact the sources may state: what it is about and what type its value has."""

    id: ClaimId
    description: Phrase = Field(description="What the claim means, precisely, for readers.")
    type: ValueType = Field(
        description="The value type: money, percent, number, quantity (a physical "
        "quantity with a unit: '2 GW'), duration, date, year, boolean or text."
    )
    cues: list[Phrase] = Field(
        min_length=1,
        description="Phrases that anchor the claim. A value binds to the claim when one "
        "cue stands within `window` words of it in the same sentence. Matched by word "
        "stems and fuzzily ('licence' ~ 'license'), ignoring small words (a, the, of...). "
        "For boolean claims a cue is the statement itself ('exclusive licence'); "
        "negation around it ('ends', 'no longer', 'not') makes it false.",
    )
    false_cues: list[Phrase] = Field(
        default_factory=list,
        description="Boolean claims only: phrases that state the claim is false "
        "('uncapped', 'no cap').",
    )
    context: list[Phrase] = Field(
        default_factory=list,
        description="Optional: at least one of these phrases must appear in the same "
        "sentence (e.g. 'Microsoft' for a claim about Microsoft's payments).",
    )
    context_all: list[list[Phrase]] = Field(
        default_factory=list,
        description="Optional groups of phrases that must all be represented in the "
        "sentence: one phrase of each group (`[[Amazon, AWS], [invest, stake]]`).",
    )
    exclude: list[Phrase] | ExcludeSpec | None = Field(
        default=None,
        description="Phrases that keep a value from the claim when they stand within the "
        "claim's `window` of it (`[Microsoft]`), or anywhere in the sentence with "
        "`{phrases: [...], scope: sentence}`.",
    )
    signed: bool = Field(
        default=False,
        description="Percent and number claims: read a stated direction as a sign ('fell "
        "5%' is -5, 'rose 5%' is +5) and compare signed values.",
    )
    role: Literal["new", "previous"] = Field(
        default="new",
        description="From-to changes ('from $4 billion to $6 billion'): bind the new value "
        "(default) or the previous one.",
    )
    unit: Annotated[str, Field(min_length=1)] | None = Field(
        default=None,
        description="Percent claims: 'points' binds percentage points and basis points "
        "('up 25 basis points' is 0.25 points) instead of percentages. Quantity claims "
        "(required): the unit values are compared in ('GW', 'tonnes', 'barrel / day', "
        "'bcm'); a value written in another unit of the same kind is converted ('2,000 "
        "MW' is 2 GW), one of another kind never binds.",
        examples=["points", "GW", "tonnes"],
    )
    shared: bool = Field(
        default=False,
        description="Let one value feed this claim and other `shared` claims that propose "
        "it, when the sentence says it applies to each ('each', 'apiece', 'per company').",
    )
    choices: list[Phrase] | dict[str, list[Phrase]] | None = Field(
        default=None,
        description="Text claims only: the allowed values, as a list or as a mapping "
        "from each canonical value to its aliases. Without choices a text claim "
        "takes a name (two or more capitalised words).",
    )
    patterns: list[Phrase] = Field(
        default_factory=list,
        description="Optional phrase templates with one `{value}` slot, for precise "
        "cases ('a {value} deal with AWS'). Literal words match case-insensitively, "
        "spaces match any whitespace; no regular expressions.",
    )
    qualifiers: list[Qualifier | Literal["none"]] | None = Field(
        default=None,
        description="Which hedges a value may carry to bind: none (a bare value), up_to, "
        "about, more_than, at_least, less_than, additional. Default: none and every hedge "
        "but `additional` (an 'additional $100 billion' is an increment, not the total). "
        "A list means exactly what it lists: `[up_to]` binds only 'up to' values.",
    )
    ordinal: bool = Field(
        default=False,
        description="Number claims only: bind only ordinals ('second', '3rd'), for claims "
        "such as 'the second revision in six months' where other counts stand nearby.",
    )
    window: int = Field(
        default=10,
        strict=True,  # YAML reads `window: true` as a boolean; pydantic would take it as 1
        ge=1,
        le=60,
        description="How many words may separate a value from its nearest cue.",
    )
    tolerance: float | str | None = Field(
        default=None,
        description="How far values may differ and still agree: a number is absolute "
        "(currency units, percentage points, years, days for dates), '5%' is relative.",
    )
    expect: ScalarValue | None = Field(
        default=None,
        description="Optional reference value; every source is also compared with it. "
        "Written as an article would: '$38 billion', 'up to $50 billion', '20%', "
        "'November 2025', 2030, true, 'Denise Dresser'.",
    )
    changes_over_time: bool = Field(
        default=False,
        description="The figure may change (a valuation, a deal's size): each value is "
        "dated by the sentence ('as of March', 'in 2025', 'last quarter') or else by its "
        "article's publication date, and a later value that the later sources agree on "
        "makes the claim `changed`, not `conflict`. Only sources describing the same time "
        "can conflict; undated sources are compared with every period.",
    )
    date_tolerance: int = Field(
        default=3,
        strict=True,
        ge=0,
        le=366,
        description="With `changes_over_time`: how many days apart two dated values may "
        "be and still describe the same time (and so agree or conflict).",
    )
    examples: list[ExampleSpec] = Field(
        default_factory=list,
        description="Self-tests: sentences and the value they must yield.",
    )


class RuleFileSpec(_Strict):
    """A rule file: one story's claims."""

    story: str | None = Field(
        default=None, description="Optional title of the story these claims are about."
    )
    aliases: dict[Phrase, list[Phrase]] = Field(
        default_factory=dict,
        description="Names that mean the same in cues and context: "
        "`AWS: [Amazon Web Services]`. Each group works in both directions.",
    )
    claims: list[ClaimSpec] = Field(min_length=1, description="The claims, in report order.")
