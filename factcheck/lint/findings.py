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
from dataclasses import dataclass

from factcheck import __version__
from factcheck.binding.binder import Binder, Binding
from factcheck.display import display
from factcheck.lint import suppressions
from factcheck.lint.model import CODES, Finding, Level, LintReport, LintSummary, SourceValueOut
from factcheck.model import DateInterval, Document
from factcheck.reconcile.verdicts import ClaimVerdict, SourceVerdict
from factcheck.results import value_out
from factcheck.rules.ruleset import RuleSet
from factcheck.values import ClaimValue, compatible, json_value

Severity = Mapping[str, str]  # code -> "error" | "warning" | "info" | "off"


@dataclass(frozen=True, slots=True)
class Observation:
    """What a judge noticed about one draft value; the engine makes it a Finding."""

    code: str
    message: str


def lint(
    rules: RuleSet,
    verdicts: Sequence[ClaimVerdict],
    drafts: Sequence[Document],
    severity: Severity | None = None,
    include_info: bool = False,
    binder: Binder | None = None,
) -> LintReport:
    binder = binder or Binder(rules)
    by_claim = {v.claim.id: v for v in verdicts}
    findings: list[Finding] = []
    silenced: list[Finding] = []
    for draft in drafts:
        kept, muted = lint_draft(binder, by_claim, draft, severity or {}, include_info)
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
        drafts=[d.path for d in drafts],
        findings=findings,
        suppressed=silenced,
        summary=summary,
    )


def lint_draft(
    binder: Binder,
    verdicts: Mapping[str, ClaimVerdict],
    draft: Document,
    severity: Severity,
    include_info: bool,
) -> tuple[list[Finding], list[Finding]]:
    directives = suppressions.parse(draft.text)
    draft = dataclasses.replace(draft, skip=(*draft.skip, *suppressions.spans(directives)))
    bindings = binder.bind(draft).bindings
    findings: list[Finding] = []
    occurrences: Counter[str] = Counter()
    for binding, observation in _observe(draft, bindings, verdicts):
        verdict = verdicts[binding.claim]
        finding = _finding(draft, binding, verdict, observation, severity, occurrences)
        if finding is not None and (include_info or finding.level != "info"):
            findings.append(finding)
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
    if verdict.status == "conflict":
        said = "; ".join(f"{s.source.id} says {display(s.value)}" for s in stating if s.value)
        return [
            *found,
            Observation(
                "FC205",
                (f"the sources conflict on {claim.id} ({said}); the draft says {display(value)}"),
            ),
        ]
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
    hedges = {s.value.qualifier for s in stating if s.value is not None}
    if value.qualifier is None and None not in hedges:
        kept = " / ".join(sorted({display(s.value) for s in stating if s.value is not None}))
        found.append(
            Observation(
                "FC203",
                (
                    f"the draft says {display(value)} without the hedge the sources keep: "
                    f"{kept} ({names})"
                ),
            )
        )
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
    if not found:
        found.append(Observation("FC301", f"{display(value)} agrees with the sources ({names})"))
    return found


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


def _finding(
    draft: Document,
    binding: Binding,
    verdict: ClaimVerdict,
    observation: Observation,
    severity: Severity,
    occurrences: Counter[str],
) -> Finding | None:
    level = _level(observation.code, severity)
    if level is None:
        return None
    mention = binding.mention
    location = draft.location(mention.start, mention.end)
    key = (
        f"{observation.code}|{binding.claim}|{json.dumps(json_value(binding.value.value))}|"
        f"{' '.join(mention.text.split()).casefold()}"
    )
    occurrences[key] += 1
    return Finding(
        path=draft.path,
        line=location.line or 1,
        column=location.column or 1,
        end_line=location.end_line or 1,
        end_column=location.end_column or 1,
        start=mention.start,
        end=mention.end,
        level=level,
        code=observation.code,
        name=CODES[observation.code].name,
        claim=binding.claim,
        message=observation.message,
        text=mention.text,
        draft_value=value_out(binding.value),
        sources=[_source_value(s) for s in verdict.stating],
        fingerprint=_fingerprint(key, occurrences[key]),
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
    level = _level("FC207", severity)
    if level is None:
        return None
    location = draft.location(directive.start, directive.end)
    text = draft.text[directive.start : directive.end]
    key = f"FC207|{text}"
    occurrences[key] += 1
    return Finding(
        path=draft.path,
        line=location.line or 1,
        column=location.column or 1,
        end_line=location.end_line or 1,
        end_column=location.end_column or 1,
        start=directive.start,
        end=directive.end,
        level=level,
        code="FC207",
        name=CODES["FC207"].name,
        claim=None,
        message=f"unused suppression ({directive.text})",
        text=text,
        draft_value=None,
        sources=[],
        fingerprint=_fingerprint(key, occurrences[key]),
    )
