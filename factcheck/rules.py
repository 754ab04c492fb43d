"""Load rule files: YAML -> validated specs -> compiled :class:`Claim` objects.

Every problem in a file is collected and raised together as a
:class:`~factcheck.errors.RuleFileError`, each error located at the key or
value to fix, with a hint. The loader never executes anything from a file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factcheck import yamlmarks
from factcheck.errors import InputError, RuleError, RuleFileError, ValueParseError
from factcheck.model import Location, ValueType
from factcheck.rule_errors import translate
from factcheck.rulespec import ClaimSpec, RuleFileSpec
from factcheck.values import ClaimValue, Tolerance, parse_tolerance, parse_value

RULE_SUFFIXES = (".yaml", ".yml")
_SLOT = "{value}"


@dataclass(frozen=True)
class Example:
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
    window: int
    tolerance: Tolerance
    expect: ClaimValue | None
    examples: tuple[Example, ...]
    location: Location


@dataclass(frozen=True)
class RuleSet:
    claims: tuple[Claim, ...]
    files: tuple[str, ...]

    def claim(self, claim_id: str) -> Claim:
        return next(c for c in self.claims if c.id == claim_id)


DEFAULT_QUALIFIERS = frozenset({"up_to", "about", "more_than", "at_least", "less_than"})


def find_rule_files(paths: Iterable[str | Path]) -> list[Path]:
    """Rule files named by ``paths`` (files, or directories searched recursively)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in RULE_SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"no such file or directory: {raw}", Location(str(raw)))
    if not found:
        names = ", ".join(str(p) for p in paths) or "(none given)"
        raise InputError(f"no rule files (*.yaml, *.yml) found in {names}")
    return found


def load_rules(paths: Iterable[str | Path]) -> RuleSet:
    """Load and compile every rule file; raise all their errors at once."""
    files = find_rule_files(paths)
    claims: list[Claim] = []
    errors: list[RuleError] = []
    seen: dict[str, Location] = {}
    for path in files:
        try:
            file_claims = load_rule_file(path)
        except RuleFileError as exc:
            errors.extend(exc.errors)
            continue
        for claim in file_claims:
            if claim.id in seen:
                errors.append(RuleError(
                    f"duplicate claim id {claim.id!r}", claim.location,
                    hint=f"already defined at {seen[claim.id]}", kind="duplicate-id",
                ))
            seen.setdefault(claim.id, claim.location)
            claims.append(claim)
    if errors:
        raise RuleFileError(errors)
    return RuleSet(tuple(claims), tuple(str(p) for p in files))


def load_rule_file(path: str | Path) -> list[Claim]:
    path_text = str(path)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleFileError([RuleError(
            f"rule file is not UTF-8 text (byte {exc.start})", Location(path_text),
            kind="encoding",
        )]) from None
    except OSError as exc:
        raise RuleFileError([RuleError(
            f"cannot read rule file: {exc.strerror}", Location(path_text), kind="io",
        )]) from None
    return parse_rules(text, path_text)


def parse_rules(text: str, path: str = "<rules>") -> list[Claim]:
    """Compile one rule file's text; raise :class:`RuleFileError` with every problem."""
    try:
        located = yamlmarks.load(text, path)
    except RuleError as exc:
        raise RuleFileError([exc]) from None
    if not isinstance(located.data, dict):
        what = "empty" if located.data is None else f"a {type(located.data).__name__}"
        raise RuleFileError([RuleError(
            f"a rule file must be a mapping with a 'claims' list, but this one is {what}",
            Location(path, 1, 1), hint="start with 'claims:' and a list of claims",
            kind="not-a-mapping",
        )])
    try:
        spec = RuleFileSpec.model_validate(located.data)
    except ValidationError as exc:
        raise RuleFileError(translate(exc, located)) from None
    errors: list[RuleError] = []
    claims = [_compile(claim, i, spec.aliases, located, errors) for i, claim in enumerate(spec.claims)]
    errors.extend(_duplicate_ids(spec.claims, located))
    if errors:
        raise RuleFileError(sorted(errors, key=_error_order))
    return claims


def _error_order(error: RuleError) -> tuple[int, int]:
    return (error.location.line or 0, error.location.column or 0)


def _duplicate_ids(claims: Sequence[ClaimSpec], located: yamlmarks.LocatedData) -> list[RuleError]:
    first: dict[str, int] = {}
    errors = []
    for i, claim in enumerate(claims):
        if claim.id in first:
            errors.append(RuleError(
                f"duplicate claim id {claim.id!r}",
                located.value_location(("claims", i, "id")),
                hint=f"already defined at {located.value_location(('claims', first[claim.id], 'id'))}",
                kind="duplicate-id",
            ))
        first.setdefault(claim.id, i)
    return errors


def _compile(
    spec: ClaimSpec, index: int, aliases: dict[str, list[str]],
    located: yamlmarks.LocatedData, errors: list[RuleError],
) -> Claim:
    here = ("claims", index)

    def fail(field: tuple[str | int, ...], message: str, hint: str | None, kind: str) -> None:
        errors.append(RuleError(message, located.value_location((*here, *field)), hint, kind))

    _check_type_fields(spec, fail)
    choices = _choices(spec)
    tolerance = Tolerance()
    try:
        tolerance = parse_tolerance(spec.tolerance)
    except ValueParseError as exc:
        fail(("tolerance",), str(exc), None, "bad-tolerance")
    for i, pattern in enumerate(spec.patterns):
        if pattern.count(_SLOT) != 1:
            fail(("patterns", i), f"pattern {pattern!r} must contain exactly one {_SLOT} slot",
                 "write the words around the value, e.g. 'a {value} deal with AWS'", "bad-pattern")
        elif not pattern.replace(_SLOT, "").strip():
            fail(("patterns", i), f"pattern {pattern!r} has no words around {_SLOT}",
                 "a pattern needs words to anchor the value", "bad-pattern")
    expect = _parse_or_report(spec.type, spec.expect, choices, ("expect",), fail)
    examples = tuple(
        Example(
            example.text,
            _parse_or_report(spec.type, example.value, choices, ("examples", i, "value"), fail),
            example.published,
            located.value_location((*here, "examples", i, "text")),
        )
        for i, example in enumerate(spec.examples)
    )
    qualifiers = DEFAULT_QUALIFIERS if spec.qualifiers is None else frozenset(spec.qualifiers)
    return Claim(
        id=spec.id, type=spec.type, description=spec.description,
        cues=expand_aliases(spec.cues, aliases),
        false_cues=expand_aliases(spec.false_cues, aliases),
        context=expand_aliases(spec.context, aliases),
        choices=choices, patterns=tuple(spec.patterns), qualifiers=qualifiers,
        window=spec.window, tolerance=tolerance, expect=expect, examples=examples,
        location=located.value_location((*here, "id")),
    )


def _check_type_fields(spec: ClaimSpec, fail: Any) -> None:
    only = {"false_cues": ("boolean",), "choices": ("text",)}
    for field, types in only.items():
        if getattr(spec, field) and spec.type not in types:
            fail((field,), f"'{field}' applies to {' and '.join(types)} claims, not {spec.type}",
                 f"remove '{field}' or change the type", "field-not-for-type")
    if spec.type in ("boolean", "text"):
        for field in ("qualifiers", "tolerance"):
            if getattr(spec, field) is not None:
                fail((field,), f"'{field}' does not apply to {spec.type} claims",
                     f"remove '{field}'", "field-not-for-type")


def _choices(spec: ClaimSpec) -> dict[str, list[str]] | None:
    if spec.choices is None:
        return None
    if isinstance(spec.choices, list):
        return {choice: [] for choice in spec.choices}
    return {canonical: list(aliases) for canonical, aliases in spec.choices.items()}


def _parse_or_report(
    value_type: str, raw: Any, choices: dict[str, list[str]] | None,
    field: tuple[str | int, ...], fail: Any,
) -> ClaimValue | None:
    if raw is None:
        return None
    try:
        return parse_value(value_type, raw, choices)
    except ValueParseError as exc:
        fail(field, f"{exc} (for a {value_type} claim)", _VALUE_HINTS.get(value_type), "bad-value")
        return None


_VALUE_HINTS = {
    "money": "write it as an article would, e.g. '$38 billion' or 'up to €5m'",
    "percent": "write e.g. '20%' or 20",
    "number": "write e.g. 12, '3 million' or 'second'",
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
                for member in group:
                    pattern = re.compile(rf"(?<!\w){re.escape(member)}(?!\w)", re.IGNORECASE)
                    if pattern.search(variant):
                        variants.extend(pattern.sub(other, variant) for other in group if other != member)
        result.extend(v for v in variants if v not in result)
    return tuple(result)


def suggest(word: str, options: Iterable[str]) -> str | None:
    """A 'did you mean' suggestion for a misspelt field or value, if one is close."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return close[0] if close else None
