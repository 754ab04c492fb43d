"""Pre-publication lint: compare a draft's values with the sources and references.

The draft is bound with the same rules as the sources. Each bound value is
judged against the claim's verdict over the sources (and its ``expect``
reference): a contradiction is an error, weak or missing support a warning,
agreement is information. Judges yield plain observations; the engine adds
levels, locations, fingerprints and suppressions afterwards.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence

from factcheck import __version__
from factcheck.binding.binder import Binder, Binding
from factcheck.dataclass import dataclass
from factcheck.display import display, value_out
from factcheck.lint import suppressions
from factcheck.lint.model import (
    CODES,
    Finding,
    Level,
    LintReport,
    LintSummary,
    SourceValueOut,
    check_codes,
)
from factcheck.model import DateInterval, Document, Mention
from factcheck.reconcile.records import ClaimVerdict, SourceVerdict
from factcheck.rules.ruleset import Claim, RuleSet
from factcheck.values import ClaimValue, compatible, json_value

Severity = Mapping[str, str]  # code -> "error" | "warning" | "info" | "off"


@dataclass(frozen=True, slots=True)
class Observation:
    """What a judge noticed about one draft value; the engine makes it a Finding."""

    code: str
    message: str


@dataclass(frozen=True)
class StoryPass:
    """One story a draft is linted against: its name (None for the implicit story of
    a project without stories), its binder and its verdicts over its sources."""

    name: str | None
    binder: Binder
    verdicts: Mapping[str, ClaimVerdict]


def lint(
    rules: RuleSet,
    verdicts: Sequence[ClaimVerdict],
    drafts: Sequence[Document],
    severity: Severity | None = None,
    include_info: bool = False,
    binder: Binder | None = None,
) -> LintReport:
    one = StoryPass(None, binder or Binder(rules), {v.claim.id: v for v in verdicts})
    return lint_stories([(draft, [one]) for draft in drafts], severity, include_info)


def lint_stories(
    drafts: Sequence[tuple[Document, Sequence[StoryPass]]],
    severity: Severity | None = None,
    include_info: bool = False,
) -> LintReport:
    """Each draft against each of its stories: a story's findings name its claims
    ``story:claim``; suppressions and unused directives are judged over them all."""
    check_codes(severity or {})
    findings: list[Finding] = []
    silenced: list[Finding] = []
    for draft, stories in drafts:
        kept, muted = lint_draft(draft, stories, severity or {}, include_info)
        findings.extend(kept)
        silenced.extend(muted)
    findings.sort(key=lambda f: f.sort_key)
    counts = Counter(f.level for f in findings)
    summary = LintSummary(
        error=counts["error"],
        warning=counts["warning"],
        info=counts["info"],
        suppressed=len(silenced),
    )
    return LintReport(
        version=__version__,
        drafts=[d.path for d, _ in drafts],
        findings=findings,
        suppressed=silenced,
        summary=summary,
    )


def lint_draft(
    draft: Document,
    stories: Sequence[StoryPass],
    severity: Severity,
    include_info: bool,
) -> tuple[list[Finding], list[Finding]]:
    directives = [*suppressions.parse(draft.text), *suppressions.in_comments(draft)]
    draft = dataclasses.replace(draft, skip=(*draft.skip, *suppressions.spans(directives)))
    findings: list[Finding] = []
    occurrences: Counter[str] = Counter()
    unresolved_at: set[tuple[int, int]] = set()  # a relative date is unresolved in every story
    for story in stories:
        bound = story.binder.bind(draft)
        for binding, observation in _observe(draft, bound.bindings, story.verdicts):
            verdict = story.verdicts[binding.claim]
            finding = _finding(
                draft, binding, verdict, observation, severity, occurrences, story.name
            )
            if finding is not None and (include_info or finding.level != "info"):
                findings.append(finding)
        for mention in bound.unresolved:
            if (mention.start, mention.end) not in unresolved_at or len(stories) == 1:
                unresolved_at.add((mention.start, mention.end))
                unresolved = _unresolved(draft, mention, severity, occurrences)
                if unresolved is not None:
                    findings.append(unresolved)
    kept, muted, used = _apply(findings, directives)
    for directive in directives:
        if directive not in used:
            unused = _unused(draft, directive, severity, occurrences)
            if unused is not None:
                kept.append(unused)
    return kept, muted


def _observe(
    draft: Document,
    bindings: Sequence[Binding],
    verdicts: Mapping[str, ClaimVerdict],
) -> Iterator[tuple[Binding, Observation]]:
    seen: dict[str, list[Binding]] = defaultdict(list)
    for binding in bindings:
        verdict = verdicts[binding.claim]
        for observation in judge(binding.value, verdict):
            yield binding, observation
        earlier = [
            b
            for b in seen[binding.claim]
            if not compatible(b.value, binding.value, verdict.claim.tolerance)
        ]
        if earlier:
            yield (
                binding,
                Observation(
                    "FC206",
                    (
                        f"the draft says {display(binding.value)} here but "
                        f"{display(earlier[0].value)} on line "
                        f"{draft.line_col(earlier[0].mention.start)[0]}"
                    ),
                ),
            )
        seen[binding.claim].append(binding)


def judge(value: ClaimValue, verdict: ClaimVerdict) -> list[Observation]:
    """Everything worth saying about one draft value of a claim."""
    claim = verdict.claim
    found: list[Observation] = []
    if claim.expect is not None and not compatible(value, claim.expect, claim.tolerance):
        found.append(
            Observation(
                "FC102",
                (
                    f"the draft says {display(value)}; "
                    f"the reference value is {display(claim.expect)}"
                ),
            )
        )
    stating = [s for s in verdict.stating if s.value is not None]
    if verdict.status == "silent":
        if claim.expect is not None and not found:
            found.append(
                Observation(
                    "FC302", f"{display(value)} matches the reference value; no source states it"
                )
            )
        elif claim.expect is None:
            found.append(
                Observation(
                    "FC202", f"no source states {claim.id}; the draft says {display(value)}"
                )
            )
        return found
    superseded = _superseded(value, verdict)
    if superseded is not None:
        return [*found, superseded]
    if verdict.status == "conflict":
        return [*found, _amid_conflict(value, claim, stating)]
    consensus = verdict.consensus
    assert consensus is not None
    names = ", ".join(s.source.id for s in stating)
    if not compatible(value, consensus, claim.tolerance):
        return [
            *found,
            Observation(
                "FC101",
                (
                    f"the draft says {display(value)}; "
                    f"the sources say {display(consensus)} ({names})"
                ),
            ),
        ]
    if value.qualifier is None and consensus.qualifier is not None:
        found.append(_dropped_hedge(value, stating))
    if _more_precise(value, [s.value for s in stating if s.value is not None]):
        found.append(
            Observation(
                "FC204",
                (
                    f"the draft says {display(value)}, more precise than the sources' "
                    f"{display(consensus)} ({names})"
                ),
            )
        )
    if verdict.status == "single":
        found.append(Observation("FC201", (f"only one source supports {display(value)}: {names}")))
    if verdict.single_original is not None:
        found.append(
            Observation(
                "FC210",
                f"{display(value)} rests on a single original report: "
                f"{verdict.single_original} ({names})",
            )
        )
    if not found:
        found.append(Observation("FC301", f"{display(value)} agrees with the sources ({names})"))
    return found


def _superseded(value: ClaimValue, verdict: ClaimVerdict) -> Observation | None:
    """A draft value that an earlier figure of the claim's timeline states, not the latest."""
    if not verdict.timeline:
        return None
    tolerance = verdict.claim.tolerance
    latest = verdict.timeline[-1]
    if compatible(value, latest.value, tolerance) and value.qualifier == latest.value.qualifier:
        return None
    if not any(compatible(value, era.value, tolerance) for era in verdict.timeline[:-1]):
        return None
    return Observation(
        "FC209",
        f"superseded: sources since {latest.first.isoformat()} say {display(latest.value)} "
        f"({', '.join(latest.sources)}); the draft says {display(value)}",
    )


def _amid_conflict(value: ClaimValue, claim: Claim, stating: list[SourceVerdict]) -> Observation:
    """A draft value on a conflicted claim: a warning when some source states it,
    an error when none does, whatever the sources say among themselves."""
    said = "; ".join(f"{s.source.id} says {display(s.value)}" for s in stating if s.value)
    supported = any(
        s.value is not None and compatible(value, s.value, claim.tolerance) for s in stating
    )
    if supported:
        return Observation(
            "FC205",
            f"the sources conflict on {claim.id} ({said}); the draft says {display(value)}",
        )
    return Observation(
        "FC103",
        f"the draft says {display(value)}, which no source states; "
        f"the sources also conflict among themselves ({said})",
    )


def _dropped_hedge(value: ClaimValue, stating: list[SourceVerdict]) -> Observation:
    """The draft drops a hedge that at least half of the stating sources keep."""
    hedging = [s for s in stating if s.value is not None and s.value.qualifier is not None]
    kept = " / ".join(sorted({display(s.value) for s in hedging if s.value is not None}))
    who = ", ".join(s.source.id for s in hedging)
    share = (
        "the sources keep"
        if len(hedging) == len(stating)
        else (f"{len(hedging)} of {len(stating)} sources keep")
    )
    return Observation(
        "FC203", f"the draft says {display(value)} without the hedge {share}: {kept} ({who})"
    )


def _more_precise(value: ClaimValue, sources: list[ClaimValue]) -> bool:
    v = value.value
    if isinstance(v, DateInterval):
        widths = [
            (s.value.end - s.value.start).days for s in sources if isinstance(s.value, DateInterval)
        ]
        return bool(widths) and (v.end - v.start).days < min(widths)
    if isinstance(v, bool) or not isinstance(v, int | float):
        return False
    digits = [
        _significant(s.value)
        for s in sources
        if isinstance(s.value, int | float) and not isinstance(s.value, bool)
    ]
    return bool(digits) and _significant(v) > max(digits)


def _significant(number: float) -> int:
    """Significant digits of a figure as written: 38e9 -> 2, 38.4e9 -> 3, 20.5 -> 3."""
    text = f"{abs(number):.10g}".replace(".", "").lstrip("0")
    if "e" in text:
        text = text.split("e")[0]
    return len(text.rstrip("0")) or 1


@dataclass(frozen=True, slots=True)
class _Spot:
    """What a finding says and where, before the engine adds its level and identity."""

    start: int
    end: int
    code: str
    claim: str | None
    message: str
    key: str  # what identifies the finding across edits (see _fingerprint)
    draft_value: ClaimValue | None = None
    sources: tuple[SourceVerdict, ...] = ()


def _finding(
    draft: Document,
    binding: Binding,
    verdict: ClaimVerdict,
    observation: Observation,
    severity: Severity,
    occurrences: Counter[str],
    story: str | None = None,
) -> Finding | None:
    mention = binding.mention
    claim = f"{story}:{binding.claim}" if story else binding.claim  # qualified in a story
    key = (
        f"{observation.code}|{claim}|{json.dumps(json_value(binding.value.value))}|"
        f"{' '.join(mention.text.split()).casefold()}"
    )
    spot = _Spot(
        mention.start,
        mention.end,
        observation.code,
        claim,
        observation.message,
        key,
        binding.value,
        tuple(verdict.stating),
    )
    return _make(draft, spot, severity, occurrences)


def _make(
    draft: Document, spot: _Spot, severity: Severity, occurrences: Counter[str]
) -> Finding | None:
    """The finding at ``spot`` with its level (None when turned off) and fingerprint."""
    level = _level(spot.code, severity)
    if level is None:
        return None
    location = draft.location(spot.start, spot.end)
    occurrences[spot.key] += 1
    return Finding(
        path=draft.path,
        line=location.line or 1,
        column=location.column or 1,
        end_line=location.end_line or 1,
        end_column=location.end_column or 1,
        start=draft.file_offset(spot.start),
        end=draft.file_offset(spot.end),
        level=level,
        code=spot.code,
        name=CODES[spot.code].name,
        claim=spot.claim,
        message=spot.message,
        text=draft.text[spot.start : spot.end],
        draft_value=value_out(spot.draft_value),
        sources=[_source_value(s) for s in spot.sources],
        fingerprint=_fingerprint(spot.key, occurrences[spot.key]),
        positions="paragraph" if draft.origin == "docx" else "line",
    )


def _source_value(source: SourceVerdict) -> SourceValueOut:
    line = source.evidence[0].line if source.evidence else None
    return SourceValueOut(
        source=source.source.id, status=source.status, value=value_out(source.value), line=line
    )


def _level(code: str, severity: Severity) -> Level | None:
    chosen = severity.get(code, CODES[code].level)
    return None if chosen == "off" else chosen  # type: ignore[return-value]


def _fingerprint(key: str, occurrence: int) -> str:
    return hashlib.sha256(f"{key}|{occurrence}".encode()).hexdigest()[:20]


def _apply(
    findings: list[Finding],
    directives: list[suppressions.Suppression],
) -> tuple[list[Finding], list[Finding], set[suppressions.Suppression]]:
    kept, muted, used = [], [], set()
    for finding in findings:
        directive = next(
            (d for d in directives if finding.claim and d.applies(finding.line, finding.claim)),
            None,
        )
        if directive is None:
            kept.append(finding)
        else:
            muted.append(finding)
            used.add(directive)
    return kept, muted, used


def _unused(
    draft: Document,
    directive: suppressions.Suppression,
    severity: Severity,
    occurrences: Counter[str],
) -> Finding | None:
    text = draft.text[directive.start : directive.end] or directive.text
    kind = "an HTML" if draft.origin == "html" else "a Word"
    where = f" in {kind} comment" if directive.comment else ""
    message = f"unused suppression{where} ({directive.text})"
    spot = _Spot(directive.start, directive.end, "FC207", None, message, f"FC207|{text}")
    return _make(draft, spot, severity, occurrences)


def _unresolved(
    draft: Document, mention: Mention, severity: Severity, occurrences: Counter[str]
) -> Finding | None:
    """A relative date the draft states with no publication date to resolve it."""
    message = (
        f"{mention.text!r} is relative and the draft has no publication date, so it is "
        "not checked: pass --published or set 'published:' in its front matter"
    )
    key = f"FC208|{' '.join(mention.text.split()).casefold()}"
    return _make(
        draft, _Spot(mention.start, mention.end, "FC208", None, message, key), severity, occurrences
    )
