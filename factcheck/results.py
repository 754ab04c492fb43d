"""The check report as pydantic models: the JSON format and the Python API.

``factcheck check --format json`` prints :class:`CheckReport` as JSON; the
pytest fixture and :func:`factcheck.api.check` return it as objects. Values
are JSON-ready: money and numbers plain (38000000000), dates ``{start, end}``
(ISO, both inclusive), ranges ``{low, high}``, years integers, booleans,
strings for text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from factcheck import __version__
from factcheck.binding.evidence import DocumentResult, Evidence, SourceInfo
from factcheck.display import ValueOut, value_json, value_out
from factcheck.model import Notice, Qualifier, Skipped
from factcheck.reconcile.copies import CopyGroup
from factcheck.reconcile.records import ClaimStatus, ClaimVerdict, SourceStatus, SourceVerdict
from factcheck.reconcile.tally import status_counts
from factcheck.reconcile.timeline import Era
from factcheck.values import json_value


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class MentionOut(_Out):
    text: str
    value: Any
    unit: str | None
    qualifier: Qualifier | None
    start: int = Field(description="0-based character offset into the decoded text.")
    end: int = Field(description="End offset, exclusive.")
    line: int
    column: int
    quote: str = Field(description="The sentence, cut to about 200 characters.")
    cue: str | None = Field(description="The cue phrase that anchored the binding.")
    score: float = Field(
        default=0.0, description="The binder's score (`factcheck explain` shows how it came)."
    )
    page: int | None = Field(
        default=None, description="The 1-based page of a PDF source (null for other formats)."
    )
    # For renderers that mark the words in the article (HTML); not in the JSON format.
    sentence_start: int = Field(default=0, exclude=True)
    sentence_end: int = Field(default=0, exclude=True)
    cue_start: int | None = Field(default=None, exclude=True)
    cue_end: int | None = Field(default=None, exclude=True)
    cue_text: str | None = Field(default=None, exclude=True)


class SourceClaimOut(_Out):
    source: str
    status: SourceStatus
    value: ValueOut | None
    expected: Literal["match", "mismatch"] | None = Field(
        description="Comparison with the claim's `expect` value, when the rule sets one."
    )
    mentions: list[MentionOut]


class EraOut(_Out):
    value: ValueOut
    sources: list[str] = Field(description="The sources that state this figure for its time.")
    first: str = Field(description="The first day it was stated for (ISO).")
    last: str = Field(description="The last day it was stated for (ISO).")


def _drop_absent(data: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """Leave out optional keys that are None, so reports without them keep their shape."""
    for key in keys:
        if data.get(key) is None:
            data.pop(key, None)
    return data


class ClaimOut(_Out):
    id: str
    type: str
    description: str
    status: ClaimStatus
    consensus: ValueOut | None
    expect: ValueOut | None
    expected: Literal["match", "mismatch"] | None = Field(
        default=None,
        description="The sources against `expect`: 'mismatch' when any source's value differs.",
    )
    notes: list[str]
    sources: list[SourceClaimOut]
    timeline: list[EraOut] | None = Field(
        default=None,
        description="Claims with `changes_over_time` whose figure changed: each figure in "
        "time order, with its sources and first and last date. Absent otherwise.",
    )
    undated: list[str] | None = Field(
        default=None,
        description="With `timeline`: the sources that give no date, compared with every "
        "period. Absent otherwise.",
    )
    single_original: str | None = Field(
        default=None,
        description="An agreement whose sources all repeat one original report: that "
        "report ('Wire Service, via 3 outlets'). Absent otherwise.",
    )

    # No return annotation: with one, pydantic's JSON Schema would lose the fields.
    @model_serializer(mode="wrap")
    def _serialize(self, handler: SerializerFunctionWrapHandler):  # type: ignore[no-untyped-def]
        data: dict[str, Any] = handler(self)
        return _drop_absent(data, ("timeline", "undated", "single_original"))


class SourceOut(_Out):
    id: str
    path: str
    title: str | None
    outlet: str | None
    published: str | None = Field(description="ISO date; null when unknown or unreadable.")
    via: str | None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    extracted_from: Literal["html", "pdf", "docx"] | None = Field(
        default=None,
        description="The format the text was extracted from; positions point into that "
        "extracted text (for docx: line = paragraph, column = character).",
    )
    extra: dict[str, str] = Field(
        default_factory=dict, description="Metadata under keys factcheck does not read."
    )


class CopyGroupOut(_Out):
    original: str = Field(description="The original report: the `via` credit, else its outlet.")
    label: str = Field(description="As the reports name it: 'Wire Service, via 3 outlets'.")
    members: list[str] = Field(description="The sources that repeat it, in report order.")
    reason: str = Field(description="'via' (the manifest says so), 'near-duplicate' or both.")


class UnresolvedOut(_Out):
    source: str
    text: str
    line: int
    column: int
    reason: str


class CheckReport(_Out):
    version: str
    sources: list[SourceOut]
    claims: list[ClaimOut]
    summary: dict[str, int] = Field(description="Number of claims per status.")
    unresolved: list[UnresolvedOut] = Field(
        description="Values that could not be resolved, such as relative dates in a source "
        "with no publication date."
    )
    warnings: list[str] = Field(default_factory=list)
    copies: list[CopyGroupOut] | None = Field(
        default=None,
        description="Sources that repeat one original report (a `via` credit or a near-"
        "duplicate text); each group counts once in a consensus. Absent when there are none.",
    )

    # No return annotation: with one, pydantic's JSON Schema would lose the fields.
    @model_serializer(mode="wrap")
    def _serialize(self, handler: SerializerFunctionWrapHandler):  # type: ignore[no-untyped-def]
        data: dict[str, Any] = handler(self)
        return _drop_absent(data, ("copies",))

    def claim(self, claim_id: str) -> ClaimOut:
        """The claim with this id; a ``KeyError`` naming the closest ids otherwise."""
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        from difflib import get_close_matches

        ids = [c.id for c in self.claims]
        close = get_close_matches(claim_id, ids, n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
        raise KeyError(f"no claim {claim_id!r} in this report{hint}")


def claim_out(verdict: ClaimVerdict, with_sources: bool = True) -> ClaimOut:
    """A claim's verdict as a model; ``with_sources=False`` leaves ``sources``
    empty for a renderer that streams them (:func:`source_claim_json`)."""
    claim = verdict.claim
    return ClaimOut(
        id=claim.id,
        type=claim.type,
        description=claim.description,
        status=verdict.status,
        consensus=value_out(verdict.consensus),
        expect=value_out(claim.expect),
        expected=verdict.expected,
        notes=list(verdict.notes),
        sources=[source_claim_out(s) for s in verdict.each_source()] if with_sources else [],
        timeline=[_era_out(e) for e in verdict.timeline] if verdict.timeline else None,
        undated=list(verdict.undated) if verdict.timeline else None,
        single_original=verdict.single_original,
    )


def _era_out(era: Era) -> EraOut:
    value = value_out(era.value)
    assert value is not None
    return EraOut(
        value=value,
        sources=list(era.sources),
        first=era.first.isoformat(),
        last=era.last.isoformat(),
    )


def source_claim_json(source: SourceVerdict, spans: bool = False) -> dict[str, Any]:
    """A source's verdict on a claim as the report writes it (:class:`SourceClaimOut`'s
    fields), without building models: an archive's report writes one per claim and
    source, so the streaming renderer dumps this dict directly. ``spans`` adds the
    sentence and cue spans the models keep for renderers (not in the JSON format)."""
    return {
        "source": source.source.id,
        "status": source.status,
        "value": value_json(source.value),
        "expected": source.expected,
        "mentions": [_mention_json(e, spans) for e in source.evidence],
    }


def _mention_json(evidence: Evidence, spans: bool) -> dict[str, Any]:
    e = evidence
    found = {
        "text": e.text,
        "value": json_value(e.value.value),
        "unit": e.value.unit,
        "qualifier": e.value.qualifier,
        "start": e.start,
        "end": e.end,
        "line": e.line,
        "column": e.column,
        "quote": e.quote,
        "cue": e.cue,
        "score": e.score,
        "page": e.page,
    }
    if spans:
        cue_start, cue_end = e.cue_span or (None, None)
        found.update(
            sentence_start=e.sentence[0],
            sentence_end=e.sentence[1],
            cue_start=cue_start,
            cue_end=cue_end,
            cue_text=e.cue_text,
        )
    return found


def source_claim_out(source: SourceVerdict) -> SourceClaimOut:
    return SourceClaimOut.model_validate(source_claim_json(source, spans=True))


def build_report(
    verdicts: list[ClaimVerdict],
    documents: Sequence[DocumentResult],
    skipped: Sequence[Skipped | Notice],
    copies: Sequence[CopyGroup] = (),
) -> CheckReport:
    return CheckReport(
        version=__version__,
        sources=[source_out(d.source) for d in documents],
        claims=[claim_out(v) for v in verdicts],
        summary=status_counts(verdicts),
        unresolved=list(each_unresolved(documents)),
        warnings=[str(s) for s in skipped],
        copies=copies_out(copies),
    )


def each_unresolved(documents: Iterable[DocumentResult]) -> Iterator[UnresolvedOut]:
    """The relative dates no source's publication date resolves, source by source."""
    return (
        UnresolvedOut(
            source=d.source.id,
            text=u.text,
            line=u.line,
            column=u.column,
            reason="relative date and the source has no publication date",
        )
        for d in documents
        for u in d.unresolved
    )


def copies_out(copies: Sequence[CopyGroup]) -> list[CopyGroupOut] | None:
    """The copy groups as the report writes them; None (absent) when there are none."""
    if not copies:
        return None
    return [
        CopyGroupOut(original=g.original, label=g.label(), members=list(g.members), reason=g.reason)
        for g in copies
    ]


def source_out(source: SourceInfo) -> SourceOut:
    return SourceOut(
        id=source.id,
        path=source.path,
        title=source.title,
        outlet=source.outlet,
        published=source.published,
        via=source.via,
        url=source.url,
        author=source.author,
        language=source.language,
        extracted_from=source.extracted_from,  # type: ignore[arg-type]
        extra=dict(source.extra),
    )


class StoryOut(_Out):
    name: str = Field(description="The story's name in the configuration (or its folder).")
    title: str | None = Field(description="The rule file's `story:` field.")
    sources: list[SourceOut]
    claims: list[ClaimOut]
    summary: dict[str, int] = Field(description="Number of the story's claims per status.")
    unresolved: list[UnresolvedOut]
    warnings: list[str] = Field(default_factory=list)
    copies: list[CopyGroupOut] | None = Field(
        default=None, description="As in one story's report; absent when there are none."
    )

    # No return annotation: with one, pydantic's JSON Schema would lose the fields.
    @model_serializer(mode="wrap")
    def _serialize(self, handler: SerializerFunctionWrapHandler):  # type: ignore[no-untyped-def]
        data: dict[str, Any] = handler(self)
        return _drop_absent(data, ("copies",))


class StoriesReport(_Out):
    """The check of several stories (one story keeps :class:`CheckReport`'s shape)."""

    version: str
    stories: list[StoryOut]
    summary: dict[str, int] = Field(description="Number of claims per status, all stories.")


def total_summary(summaries: Sequence[dict[str, int]]) -> dict[str, int]:
    """Several stories' counts added up, key by key."""
    total: Counter[str] = Counter()
    for summary in summaries:
        total.update(summary)
    keys = dict.fromkeys(key for summary in summaries for key in summary)  # "changed" may be
    return {key: total[key] for key in keys}  # in some stories only


def check_report_schema() -> dict[str, Any]:
    """The JSON Schema of ``check --format json``: one story's report, or several's."""
    single = CheckReport.model_json_schema(mode="serialization")
    several = StoriesReport.model_json_schema(mode="serialization")
    defs = {**single.pop("$defs"), **several.pop("$defs")}
    defs["CheckReport"] = single
    defs["StoriesReport"] = several
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": dict(sorted(defs.items())),
        "title": "factcheck check report",
        "oneOf": [{"$ref": "#/$defs/CheckReport"}, {"$ref": "#/$defs/StoriesReport"}],
    }
