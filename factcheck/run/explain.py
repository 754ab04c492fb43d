"""Why a value bound: the binder's trace over sources or a typed sentence.

``explain`` binds each text with the same :class:`~factcheck.binding.binder.Binder`
as ``check``, keeping a :class:`~factcheck.binding.trace.Trace`, and returns
an :class:`ExplainReport` (its JSON Schema is ``schema/explain.schema.json``):
per sentence, the values found, the rule phrases found, and every proposal a
claim made with its score, whether it won and why it lost; per source and
claim left without a value, the nearest miss.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from factcheck import __version__
from factcheck.binding.binder import Binder
from factcheck.binding.trace import Considered, SentenceTrace, Trace
from factcheck.display import display
from factcheck.model import Document, Mention
from factcheck.rules.ruleset import Claim, RuleSet
from factcheck.values import mention_value

TEXT_SOURCE = "<text>"


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ValueFound(_Out):
    kind: str = Field(description="The extractor: money, percent, number, date, year, name...")
    text: str
    value: str | None = Field(
        description="The value as a person would write it; null if unresolved."
    )
    qualifier: str | None
    start: int
    end: int


class PhraseFound(_Out):
    claim: str
    role: str = Field(description="cue, false (a false cue), context or choice")
    phrase: str = Field(description="The phrase as the rule writes it.")
    words: str = Field(
        description="The words as the text writes them (a word form or fuzzy reading)."
    )
    start: int
    end: int


class Proposal(_Out):
    claim: str
    text: str = Field(description="The value's words.")
    start: int
    end: int
    score: float
    cue: str | None
    distance: int | None = Field(description="Words between value and cue, clause breaks weighted.")
    breaks: int = Field(description="Clause breaks between value and cue.")
    won: bool
    reasons: list[str] = Field(description="Why it lost (or a penalty it took), in plain words.")
    polarity: str | None = Field(description="Yes/no claims: how the statement reads.")


class SentenceExplained(_Out):
    source: str
    line: int
    text: str
    values: list[ValueFound]
    phrases: list[PhraseFound]
    proposals: list[Proposal]
    missing_context: dict[str, list[str]] = Field(
        description="Claims whose cue stands here but none of whose context phrases does."
    )


class Miss(_Out):
    source: str
    claim: str
    reason: str = Field(description="The nearest miss: why the claim has no value there.")


class ExplainReport(_Out):
    version: str
    sentences: list[SentenceExplained]
    misses: list[Miss]
    ties: list[str] = Field(
        default_factory=list,
        description="Values two claims proposed with the same score: claim order decided.",
    )


def explain_text(
    rules: RuleSet,
    text: str,
    published: date | None = None,
    claims: Iterable[str] = (),
    binder: Binder | None = None,
) -> ExplainReport:
    """Explain one sentence (or paragraph) typed by the editor, or a rule's example."""
    document = Document(TEXT_SOURCE, TEXT_SOURCE, text, published=published)
    return explain_documents(rules, [document], claims, binder)


def explain_documents(
    rules: RuleSet,
    documents: Sequence[Document],
    claims: Iterable[str] = (),
    binder: Binder | None = None,
) -> ExplainReport:
    """Explain how each document binds; ``claims`` narrows to those claims.
    ``binder``: one already built for ``rules`` (the same kind ``check`` uses)."""
    binder = binder or Binder(rules)
    wanted = set(claims) or {c.id for c in rules.claims}
    chosen = [c for c in rules.claims if c.id in wanted]
    sentences: list[SentenceExplained] = []
    misses: list[Miss] = []
    for document in documents:
        trace = Trace()
        binder.bind(document, trace)
        shown = [s for s in trace.sentences if _concerns(s, wanted)]
        sentences.extend(_sentence(document, s, wanted, chosen) for s in shown)
        misses.extend(_misses(document, trace, chosen))
    return ExplainReport(
        version=__version__, sentences=sentences, misses=misses, ties=_ties(sentences)
    )


def _ties(sentences: list[SentenceExplained]) -> list[str]:
    """A warning per value that claim order gave to one of two equally scored claims."""
    found = []
    for sentence in sentences:
        for proposal in sentence.proposals:
            for reason in proposal.reasons:
                if reason.startswith("tie broken by claim order"):
                    found.append(
                        f"{sentence.source}:{sentence.line}: {proposal.claim} and another "
                        f"claim propose {proposal.text!r} with the same score: {reason}"
                    )
    return found


def winners(report: ExplainReport) -> list[tuple[str, str, int, int]]:
    """(source, claim, start, end) of every value that won, in report order."""
    return [
        (s.source, p.claim, p.start, p.end) for s in report.sentences for p in s.proposals if p.won
    ]


def _concerns(sentence: SentenceTrace, wanted: set[str]) -> bool:
    """Whether the sentence says something about a wanted claim: a cue (not just a
    context phrase) stands in it, or a value was weighed for it beyond its type."""
    return (
        any(h.claim in wanted and h.role != "context" for h in sentence.hits)
        or any(c.claim in wanted and not _only_wrong_type(c) for c in sentence.considered)
        or any(claim in wanted for claim in sentence.missing_context)
    )


def _only_wrong_type(considered: Considered) -> bool:
    return considered.score == 0 and all(r.startswith("wrong type") for r in considered.reasons)


def _sentence(
    document: Document, trace: SentenceTrace, wanted: set[str], claims: list[Claim]
) -> SentenceExplained:
    by_id = {c.id: c for c in claims}
    return SentenceExplained(
        source=document.id,
        line=document.line_col(trace.start)[0],
        text=" ".join(document.text[trace.start : trace.end].split()),
        values=[_value(m) for m in trace.values],
        phrases=[
            PhraseFound(
                claim=h.claim, role=h.role, phrase=h.phrase, words=h.words, start=h.start, end=h.end
            )
            for h in trace.hits
            if h.claim in wanted
        ],
        proposals=[_proposal(c) for c in trace.considered if c.claim in wanted],
        missing_context={
            claim: list(phrases)
            for claim, phrases in trace.missing_context.items()
            if claim in by_id
        },
    )


def _value(mention: Mention) -> ValueFound:
    shown = None
    if mention.value is not None and mention.kind in _TYPE_OF:
        shown = display(mention_value(mention, _TYPE_OF[mention.kind]))
    elif mention.value is not None:
        shown = str(mention.value)
    return ValueFound(
        kind=mention.kind,
        text=mention.text,
        value=shown,
        qualifier=mention.qualifier,
        start=mention.start,
        end=mention.end,
    )


_TYPE_OF = {k: k for k in ("money", "percent", "number", "date", "year")}


def _proposal(considered: Considered) -> Proposal:
    m = considered.mention
    return Proposal(
        claim=considered.claim,
        text=m.text,
        start=m.start,
        end=m.end,
        score=round(considered.score, 4),
        cue=considered.cue,
        distance=considered.distance,
        breaks=considered.breaks,
        won=considered.won,
        reasons=list(considered.reasons),
        polarity=considered.polarity,
    )


def _misses(document: Document, trace: Trace, claims: list[Claim]) -> list[Miss]:
    """For each claim that bound nothing in the document, its nearest miss."""
    won = {c.claim for s in trace.sentences for c in s.considered if c.won}
    return [
        Miss(source=document.id, claim=claim.id, reason=_nearest_miss(trace, claim))
        for claim in claims
        if claim.id not in won
    ]


def _nearest_miss(trace: Trace, claim: Claim) -> str:
    considered = [c for s in trace.sentences for c in s.considered if c.claim == claim.id]
    scored = [c for c in considered if c.score > 0]
    if scored:
        best = max(scored, key=lambda c: c.score)
        why = "; ".join(best.reasons) or "lost"
        return f"{best.mention.text!r} was proposed (score {best.score:.2f}) but lost: {why}"
    near = [c for c in considered if c.reasons and not c.reasons[0].startswith("wrong type")]
    if near:
        return f"{near[0].mention.text!r} could not bind: {near[0].reasons[0]}"
    cue_found = any(
        h.claim == claim.id and h.role == "cue" for s in trace.sentences for h in s.hits
    )
    missing = [
        s.missing_context[claim.id] for s in trace.sentences if claim.id in s.missing_context
    ]
    if missing:
        return f"a cue stands here but no context phrase ({', '.join(missing[0])})"
    if cue_found:
        return f"a cue is found but no {claim.type} value within the window"
    return f"no cue of the claim ({', '.join(claim.cues[:3])}...) in the text"
