"""Compile one rule file: YAML -> validated specs (pydantic) -> :class:`Claim` objects.

Every problem in a file is collected and raised together as a
:class:`~factcheck.errors.RuleFileError`, each error located at the key or
value to fix, with a hint. The loader never executes anything from a file.
Imported only when a rule file is compiled: a warm run takes the compiled
claims from the cache (:mod:`.cache`) and never imports pydantic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from factcheck.dataclass import dataclass
from factcheck.errors import RuleError, RuleFileError, ValueParseError
from factcheck.model import Location
from factcheck.rules.claims import DEFAULT_QUALIFIERS, Claim, Example, duplicate_ids
from factcheck.rules.errors import claim_problems, closest_type, position, translate
from factcheck.rules.spec import ClaimSpec, DateRangeSpec, ExcludeSpec, Phrase, RuleFileSpec
from factcheck.values import ClaimValue, Tolerance, parse_tolerance, parse_value
from factcheck.yamlio import marks as yamlmarks

Fail = Callable[[tuple[str | int, ...], str, str | None, str], None]


def parse_rules(text: str, path: str = "<rules>") -> list[Claim]:
    """Compile one rule file's text; raise :class:`RuleFileError` with every problem."""
    try:
        located = yamlmarks.load(text, path, collect=True)
    except RuleError as exc:
        raise RuleFileError([exc]) from None
    if not isinstance(located.data, dict):
        raise RuleFileError([_not_a_mapping(located)])
    errors = list(located.errors)
    specs, aliases = _validate(located, errors)
    claims = [_compile(claim, i, aliases, located, errors) for i, claim in specs]
    errors.extend(
        duplicate_ids(
            ((claim.id, located.value_location(("claims", i, "id"))) for i, claim in specs), {}
        )
    )
    if errors:
        raise RuleFileError(sorted(errors, key=position))
    return claims


def _not_a_mapping(located: yamlmarks.LocatedData) -> RuleError:
    data = located.data
    if data is None:
        what, hint = "empty", "start with 'claims:' and a list of claims"
    elif isinstance(data, list):
        what, hint = "a list", "put the list under a 'claims:' line and indent it"
    else:
        what, hint = "a single value", "start with 'claims:' and a list of claims"
    return RuleError(
        f"a rule file must be a mapping with a 'claims' list, but this one is {what}",
        located.value_location(()) if data is not None else Location(located.path, 1, 1),
        hint=hint,
        kind="empty-file" if data is None else "not-a-mapping",
    )


def _validate(
    located: yamlmarks.LocatedData,
    errors: list[RuleError],
) -> tuple[list[tuple[int, ClaimSpec]], dict[str, list[str]]]:
    """Validate the file; on errors, keep the claims that are valid on their own so
    their values and patterns are checked too (every problem reported at once)."""
    try:
        spec = RuleFileSpec.model_validate(located.data)
    except ValidationError as exc:
        errors.extend(translate(exc, located))
        bad: dict[int, set[str]] = {}
        for loc in (e["loc"] for e in exc.errors()):
            if len(loc) > 1 and loc[0] == "claims" and isinstance(loc[1], int):
                fields = bad.setdefault(loc[1], set())
                fields.add(str(loc[2]) if len(loc) > 2 else "")
        raw_claims = located.data.get("claims")
        good: list[tuple[int, ClaimSpec]] = []
        for i, raw in enumerate(raw_claims if isinstance(raw_claims, list) else []):
            claim = _repaired(raw, bad[i]) if i in bad else ClaimSpec.model_validate(raw)
            if claim is not None:
                good.append((i, claim))
        try:
            aliases = _aliases_adapter().validate_python(located.data.get("aliases") or {})
        except ValidationError:
            aliases = {}
        return good, aliases
    return list(enumerate(spec.claims)), spec.aliases


@lru_cache(maxsize=1)
def _aliases_adapter() -> TypeAdapter[dict[str, list[str]]]:
    """The validator of a file's ``aliases`` alone, built only for a file that failed
    validation (building it costs about as much as the rule models' import)."""
    return TypeAdapter(dict[Phrase, list[Phrase]])


def _repaired(raw: Any, faulty: set[str]) -> ClaimSpec | None:
    """A claim that failed validation, with its faulty fields taken out (a misspelt
    type read as the type it most likely means), so that its other values and
    patterns are checked in the same run; None when too little is left. The faulty
    fields' own errors are already reported."""
    if not isinstance(raw, dict) or "" in faulty or "id" in faulty:
        return None  # without its own id, its errors could not be told apart
    fields = {key: value for key, value in raw.items() if key not in faulty}
    if "type" in faulty:
        guess = closest_type(raw.get("type"))
        if guess is None:
            return None
        fields["type"] = guess
    fields.setdefault("description", "(missing)")
    try:
        return ClaimSpec.model_validate(fields)
    except ValidationError:
        return None


def _compile(
    spec: ClaimSpec,
    index: int,
    aliases: dict[str, list[str]],
    located: yamlmarks.LocatedData,
    errors: list[RuleError],
) -> Claim:
    here = ("claims", index)

    def fail(field: tuple[str | int, ...], message: str, hint: str | None, kind: str) -> None:
        errors.append(RuleError(message, located.value_location((*here, *field)), hint, kind))

    for field, message, hint, kind in claim_problems(spec):
        fail(field, message, hint, kind)
    choices = _choices(spec)
    tolerance = Tolerance()
    try:
        tolerance = parse_tolerance(spec.tolerance)
    except ValueParseError as exc:
        fail(("tolerance",), str(exc), None, "bad-tolerance")
    if tolerance.relative and spec.type in ("date", "year"):
        unit = "days" if spec.type == "date" else "years"
        fail(
            ("tolerance",),
            f"a relative tolerance does not apply to {spec.type} claims",
            f"write a number of {unit}, e.g. tolerance: 1",
            "bad-tolerance",
        )
    read = _ValueReader(spec.type, choices, fail, spec.signed, spec.unit)
    expect = read(spec.expect, ("expect",))
    examples = tuple(
        Example(
            example.text,
            read(example.value, ("examples", i, "value")),
            example.published,
            located.value_location((*here, "examples", i, "text")),
        )
        for i, example in enumerate(spec.examples)
    )
    qualifiers = DEFAULT_QUALIFIERS if spec.qualifiers is None else frozenset(spec.qualifiers)
    return Claim(
        id=spec.id,
        type=spec.type,
        description=spec.description,
        cues=expand_aliases(spec.cues, aliases),
        false_cues=expand_aliases(spec.false_cues, aliases),
        context=expand_aliases(spec.context, aliases),
        choices=choices,
        patterns=tuple(spec.patterns),
        qualifiers=qualifiers,
        ordinal=spec.ordinal,
        window=spec.window,
        tolerance=tolerance,
        expect=expect,
        examples=examples,
        location=located.value_location((*here, "id")),
        context_all=tuple(expand_aliases(group, aliases) for group in spec.context_all),
        exclude=expand_aliases(_exclude_phrases(spec), aliases),
        exclude_sentence=isinstance(spec.exclude, ExcludeSpec) and spec.exclude.scope == "sentence",
        shared=spec.shared,
        signed=spec.signed,
        role=spec.role,
        unit=spec.unit,
        changes_over_time=spec.changes_over_time,
        date_tolerance=spec.date_tolerance,
    )


def _exclude_phrases(spec: ClaimSpec) -> list[str]:
    if spec.exclude is None:
        return []
    return spec.exclude.phrases if isinstance(spec.exclude, ExcludeSpec) else spec.exclude


def _choices(spec: ClaimSpec) -> dict[str, list[str]] | None:
    if spec.choices is None:
        return None
    if isinstance(spec.choices, list):
        return {choice: [] for choice in spec.choices}
    return {canonical: list(aliases) for canonical, aliases in spec.choices.items()}


@dataclass(frozen=True)
class _ValueReader:
    """Parses a claim's `expect` and example values, reporting what does not fit."""

    value_type: str
    choices: dict[str, list[str]] | None
    fail: Fail
    signed: bool = False
    unit: str | None = None

    def __call__(self, raw: Any, field: tuple[str | int, ...]) -> ClaimValue | None:
        if raw is None:
            return None
        if isinstance(raw, DateRangeSpec):
            raw = {"start": raw.start, "end": raw.end}
        try:
            return parse_value(self.value_type, raw, self.choices, self.signed, self.unit)
        except ValueParseError as exc:
            name = (
                "'expect'" if field == ("expect",) else f"the value of example #{int(field[1]) + 1}"
            )
            self.fail(
                field,
                f"{name} does not fit a {self.value_type} claim: {exc}",
                _VALUE_HINTS.get(self.value_type),
                "bad-value",
            )
            return None


_VALUE_HINTS = {
    "money": "write it as an article would, e.g. '$38 billion' or 'up to €5m'",
    "percent": "write e.g. '20%' or 20",
    "number": "write e.g. 12, '3 million' or 'second'",
    "quantity": "write e.g. '2 GW' or '3.5 million tonnes', or a number in the claim's unit",
    "date": "write e.g. 'November 2025', '2025-11-03' or 2025",
    "year": "write four digits, e.g. 2030",
    "boolean": "write true or false",
    "text": "write a string; for claims with choices, one of the choices",
}


def expand_aliases(phrases: Iterable[str], aliases: dict[str, list[str]]) -> tuple[str, ...]:
    """Each phrase plus its variants with any alias group member swapped in."""
    groups = [[key, *values] for key, values in aliases.items()]
    result: list[str] = []
    for phrase in phrases:
        variants = [phrase]
        for group in groups:
            for variant in list(variants):
                lowered = variant.lower() if variant.isascii() else None
                for member in group:
                    if lowered is not None and member.isascii() and member.lower() not in lowered:
                        continue  # cannot match; only ASCII text is this simple to compare
                    pattern = _alias_pattern(member)
                    if pattern.search(variant):
                        variants.extend(
                            pattern.sub(_verbatim(other), variant)
                            for other in group
                            if other != member
                        )
        result.extend(v for v in variants if v not in result)
    return tuple(result)


@lru_cache(maxsize=4096)
def _alias_pattern(member: str) -> re.Pattern[str]:
    """An alias as a whole word, any case (compiled once: a rule file asks thousands of times)."""
    return re.compile(rf"(?<!\w){re.escape(member)}(?!\w)", re.IGNORECASE)


def _verbatim(text: str) -> Callable[[re.Match[str]], str]:
    """A replacement for ``re.sub`` that inserts ``text`` as is (no backslash escapes)."""
    return lambda _: text
