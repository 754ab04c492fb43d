"""Load rule files: YAML -> validated specs -> compiled :class:`Claim` objects.

Every problem in a file is collected and raised together as a
:class:`~factcheck.errors.RuleFileError`, each error located at the key or
value to fix, with a hint. The loader never executes anything from a file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from factcheck.errors import InputError, RuleError, RuleFileError, ValueParseError
from factcheck.model import Location, ValueType
from factcheck.rules import cache as rule_cache
from factcheck.rules.errors import claim_problems, closest_type, position, translate
from factcheck.rules.spec import ClaimSpec, DateRangeSpec, ExcludeSpec, Phrase, RuleFileSpec
from factcheck.values import ClaimValue, Tolerance, parse_tolerance, parse_value
from factcheck.yamlio import marks as yamlmarks

RULE_SUFFIXES = (".yaml", ".yml")
_MANIFEST_STEM = "sources"  # sources.yaml holds article metadata, not rules
Fail = Callable[[tuple[str | int, ...], str, str | None, str], None]


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
    claims: tuple[Claim, ...]
    files: tuple[str, ...]

    def claim(self, claim_id: str) -> Claim:
        return next(c for c in self.claims if c.id == claim_id)

    def title(self) -> str | None:
        """The story's title: the first rule file's ``story:`` field (read again,
        only when a report names several stories)."""
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


def find_rule_files(paths: Iterable[str | Path]) -> list[Path]:
    """Rule files named by ``paths``: files, or directories searched recursively
    for ``*.yaml``/``*.yml`` (skipping ``sources.yaml`` article manifests)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix in RULE_SUFFIXES and p.stem != _MANIFEST_STEM and p.is_file()
                )
            )
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(
                f"no such file or directory: {raw}",
                Location(str(raw)),
                hint="check the path; rule files end in .yaml or .yml",
            )
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
        errors.extend(
            duplicate_ids(((c.id, c.location) for c in file_claims), seen, across_files=True)
        )
        claims.extend(file_claims)
    if errors:
        raise RuleFileError(errors)
    return RuleSet(tuple(claims), tuple(str(p) for p in files))


def load_rule_file(path: str | Path) -> list[Claim]:
    """Read one rule file (UTF-8, with or without BOM) and compile it (or take it from
    the compiled-rules cache, when the command line turned it on)."""
    path_text = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RuleFileError(
            [
                RuleError(
                    f"cannot read rule file: {exc.strerror}",
                    Location(path_text),
                    kind="io",
                )
            ]
        ) from None
    return rule_cache.compiled(
        path_text, data, lambda: parse_rules(_decoded(data, path_text), path_text)
    )


def _decoded(data: bytes, path_text: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise RuleFileError(
            [
                RuleError(
                    f"rule file is not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded",
                    Location(path_text, line, column),
                    hint="save the file as UTF-8 (most editors: 'Save with encoding')",
                    kind="encoding",
                )
            ]
        ) from None


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
            aliases = _ALIASES.validate_python(located.data.get("aliases") or {})
        except ValidationError:
            aliases = {}
        return good, aliases
    return list(enumerate(spec.claims)), spec.aliases


_ALIASES: TypeAdapter[dict[str, list[str]]] = TypeAdapter(dict[Phrase, list[Phrase]])


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
