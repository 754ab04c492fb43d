"""Turn pydantic validation errors into located, human rule errors.

pydantic reports ``loc=("claims", 0, "tpye")`` and ``type="extra_forbidden"``;
an editor wants ``rules/x.yaml:12:5: unknown field 'tpye' in claim 'x'`` and
``hint: did you mean 'type'?``. One translation per error type keeps the
messages consistent. Union fields (``expect``, ``choices``, ``tolerance``)
produce one error per union member in pydantic; they are folded into one.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from factcheck.errors import RuleError
from factcheck.model import QUALIFIERS, VALUE_TYPES
from factcheck.regexes import compiled
from factcheck.rules.spec import ClaimSpec, DateRangeSpec, ExampleSpec, RuleFileSpec
from factcheck.yamlio.marks import DataPath, LocatedData

_TYPE_NAMES = {
    "string_type": "a string",
    "list_type": "a list",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "dict_type": "a mapping",
    "bool_type": "true or false",
    "float_type": "a number",
    "float_parsing": "a number",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date (YYYY-MM-DD)",
}
_VALUE_FORMS = "text such as '$38 billion', a number, true or false, a date, or {start, end}"
_UNION_FORMS = {
    "expect": _VALUE_FORMS,
    "value": _VALUE_FORMS,
    "choices": "a list of values, or a mapping from each value to a list of aliases",
    "tolerance": "a number or a percentage such as '5%'",
}
_FIELD_HINTS = {
    "id": "use lower-case words joined by hyphens, e.g. 'aws-deal-value'",
    "description": "say in one sentence what the claim means",
    "type": f"one of {', '.join(VALUE_TYPES)}",
    "cues": "list the phrases that anchor the claim, e.g. [AWS deal, deal with AWS]",
    "claims": "write 'claims:' followed by a list of claims, each starting with '- id:'",
    "examples": "each example is a mapping with 'text' and 'value'",
    "text": "a sentence as an article could write it",
    "value": "write 'value: null' when the claim must bind nothing",
    "aliases": "write 'AWS: [Amazon Web Services]', one group per line",
    "window": "a whole number of words from 1 to 60",
    "published": "write an ISO date such as 2026-03-01",
    "start": "a date interval is {start: 2025-11-01, end: 2025-11-30}",
    "end": "a date interval is {start: 2025-11-01, end: 2025-11-30}",
}
# Field names editors reach for that difflib would not suggest.
_SYNONYMS = {
    "regex": "patterns",
    "regexes": "patterns",
    "regexp": "patterns",
    "keywords": "cues",
    "phrases": "cues",
    "name": "id",
    "expected": "expect",
}


def translate(exc: ValidationError, located: LocatedData) -> list[RuleError]:
    """Every validation error of ``exc``, located and reworded, in file order."""
    details = [(*_data_path(d["loc"], located), d) for d in exc.errors()]
    paths = [path for path, _, _ in details]
    errors: dict[tuple[str, DataPath], RuleError] = {}
    suggested: set[DataPath] = set()
    for path, via_union, detail in details:
        if via_union and any(len(p) > len(path) and p[: len(path)] == path for p in paths):
            continue  # a deeper error inside one union member explains this one
        error, suggestion = _translate_one(detail, path, via_union, located)
        if suggestion is not None:
            suggested.add((*path[:-1], suggestion))
        errors.setdefault((error.kind, path), error)
    kept = [
        e
        for (kind, path), e in errors.items()
        if not (kind == "missing-field" and path in suggested)
    ]
    return sorted(kept, key=position)


def position(error: RuleError) -> tuple[int, int]:
    """Sort key: line, then column (errors without a line first)."""
    where = error.location
    return (where.line or 0, where.column or 0) if where else (0, 0)


def _data_path(loc: tuple[Any, ...], located: LocatedData) -> tuple[DataPath, bool]:
    """The path in the data, without pydantic's union-member tags ('list[str]')."""
    path: list[str | int] = []
    node: Any = located.data
    via_union = False
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node)
        ):
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not _is_tag(part):
            path.append(part)  # a missing key: keep it for the message
            break
        else:
            via_union = True
            continue
        path.append(part)
    return tuple(path), via_union


def _is_tag(part: str) -> bool:
    return (
        "[" in part
        or part == DateRangeSpec.__name__
        or part in ("str", "int", "float", "bool", "date", "function-before")
    )


def _translate_one(
    detail: Any,
    loc: DataPath,
    via_union: bool,
    located: LocatedData,
) -> tuple[RuleError, str | None]:
    kind = detail["type"]
    name = describe_path(loc, located)
    hint = _hint(loc)
    where = located.value_location(loc)
    if kind == "missing":
        parent = loc[:-1]
        field = str(loc[-1])
        return RuleError(
            f"missing required field '{field}'{_in(parent, located)}",
            located.key_location(parent) if parent else where,
            _hint(loc),
            "missing-field",
        ), None
    if kind == "extra_forbidden":
        return _unknown_field(loc, located)
    if kind == "literal_error":
        return _literal(detail, loc, located), None
    if kind in _TYPE_NAMES or kind.endswith("_type"):
        field = str(loc[-1]) if loc else ""
        expected = _TYPE_NAMES.get(kind, kind.removesuffix("_type"))
        if via_union and field in _UNION_FORMS:
            expected = _UNION_FORMS[field]
        given = detail.get("input")
        if expected == "a string" and isinstance(given, bool | int | float | date):
            hint = "YAML reads this as a number, a date or true/false; put the text in quotes"
        return RuleError(
            f"{name} must be {expected}, not {_describe(given)}", where, hint, "wrong-type"
        ), None
    if kind in ("too_short", "string_too_short"):
        return RuleError(f"{name} must not be empty", where, hint, "empty-value"), None
    if kind == "string_pattern_mismatch":
        return _bad_id(detail.get("input"), where), None
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return RuleError(
            f"{name} is out of range: {detail['msg'].lower()}", where, hint, "out-of-range"
        ), None
    return RuleError(f"{name}: {detail['msg']}", where, None, "invalid"), None


def _hint(loc: DataPath) -> str | None:
    """The hint for a field, or for an item of a list field ('claims', 'examples')."""
    named = [part for part in loc if isinstance(part, str)]
    if not named:
        return None
    if len(loc) >= 2 and loc[-2] == "aliases":
        return _FIELD_HINTS["aliases"]
    if isinstance(loc[-1], int) and named[-1] == "claims":
        return "each claim is a mapping that starts with '- id:' and lists its fields below"
    return (
        _FIELD_HINTS.get(named[-1])
        if isinstance(loc[-1], str) or named[-1] in ("examples", "cues")
        else None
    )


def _unknown_field(loc: DataPath, located: LocatedData) -> tuple[RuleError, str | None]:
    field = str(loc[-1])
    allowed = _allowed_fields(loc)
    guess = _SYNONYMS.get(field.lower())
    if guess not in allowed:
        close = difflib.get_close_matches(field.lower(), allowed, n=1, cutoff=0.6)
        guess = close[0] if close else None
    hint = f"did you mean '{guess}'?" if guess else f"allowed fields: {', '.join(allowed)}"
    return RuleError(
        f"unknown field '{field}'{_in(loc[:-1], located)}",
        located.key_location(loc),
        hint,
        "unknown-field",
    ), guess


def _bad_id(given: Any, where: Any) -> RuleError:
    slug = "-".join("".join(c if c.isalnum() else " " for c in str(given).lower()).split())
    hint = f"use lower-case words joined by hyphens: '{slug}'" if slug else _FIELD_HINTS["id"]
    return RuleError(f"invalid claim id {given!r}", where, hint, "bad-id")


def closest_type(given: Any) -> str | None:
    """The value type a misspelt one most likely means ('mony' -> 'money'), if any."""
    guess = difflib.get_close_matches(str(given).lower(), VALUE_TYPES, n=1, cutoff=0.5)
    return guess[0] if guess else None


_FIELD_NAME = compiled(r"[a-z_]+\Z")


def _literal(detail: Any, loc: DataPath, located: LocatedData) -> RuleError:
    given = detail.get("input")
    # pydantic's own path names the field; union members ("ExcludeSpec",
    # "literal[...]") are no field names.
    raw = tuple(detail.get("loc") or loc)
    field = next((p for p in reversed(raw) if isinstance(p, str) and _FIELD_NAME.match(p)), "")
    if field not in ("type", "qualifiers"):  # another choice: 'scope', 'role'...
        return _choice(field, given, detail, loc, located)
    is_type = field == "type"
    options: tuple[str, ...] = VALUE_TYPES if is_type else ("none", *QUALIFIERS)
    what = "value type" if is_type else "qualifier"
    guess = difflib.get_close_matches(str(given).lower(), options, n=1, cutoff=0.5)
    fallback = (
        "money is any currency amount, number a count or an ordinal"
        if is_type
        else "leave 'qualifiers' out to accept all but 'additional'"
    )
    hint = f"did you mean '{guess[0]}'?" if guess else fallback
    return RuleError(
        f"unknown {what} {given!r}; expected one of {', '.join(options)}",
        located.value_location(loc),
        hint,
        f"unknown-{what.replace(' ', '-')}",
    )


def _choice(field: str, given: Any, detail: Any, loc: DataPath, located: LocatedData) -> RuleError:
    """A field that takes one of a few words, with the words pydantic lists."""
    options = re.findall(r"'([^']*)'", str((detail.get("ctx") or {}).get("expected", "")))
    guess = difflib.get_close_matches(str(given).lower(), options, n=1, cutoff=0.5)
    return RuleError(
        f"{field} cannot be {given!r}; expected one of {', '.join(options)}",
        located.value_location(loc),
        f"did you mean '{guess[0]}'?" if guess else None,
        "bad-value",
    )


def describe_path(loc: DataPath, located: LocatedData) -> str:
    """How a message names a place: 'cues' item #2, example #1, claim 'x'..."""
    if not loc:
        return "the file"
    last, parent = loc[-1], loc[:-1]
    if parent == ("claims",) and isinstance(last, int):
        return f"claim #{last + 1}"
    if isinstance(last, int):
        label = "example" if parent[-1] == "examples" else f"'{parent[-1]}' item"
        return f"{label} #{last + 1}{_in(parent[:-1], located)}"
    if parent == ("aliases",):
        return f"alias group '{last}'"
    if len(parent) == 3 and parent[2] == "choices":
        return f"the aliases of choice '{last}'"
    return f"'{last}'{_in(parent, located)}"


def _in(parent: DataPath, located: LocatedData) -> str:
    if len(parent) < 2 or parent[0] != "claims" or not isinstance(parent[1], int):
        return ""
    claims = located.data.get("claims") if isinstance(located.data, dict) else None
    raw = claims[parent[1]] if isinstance(claims, list) and parent[1] < len(claims) else None
    claim_id = raw.get("id") if isinstance(raw, dict) else None
    where = f"claim '{claim_id}'" if isinstance(claim_id, str) else f"claim #{parent[1] + 1}"
    rest = parent[2:]
    if len(rest) >= 2 and rest[0] == "examples" and isinstance(rest[1], int):
        where = f"example #{rest[1] + 1} of {where}"
        rest = rest[2:]
    if rest and isinstance(rest[0], str):
        where = f"'{rest[0]}' of {where}"
    return f" in {where}"


def _allowed_fields(loc: DataPath) -> list[str]:
    model: type[BaseModel] = RuleFileSpec
    if len(loc) >= 3 and loc[0] == "claims":
        model = ClaimSpec
        if len(loc) >= 5 and loc[2] == "examples":
            model = ExampleSpec
        elif len(loc) == 4 and loc[2] in ("expect",):
            model = DateRangeSpec
    if len(loc) == 6 and loc[2] == "examples":
        model = DateRangeSpec
    return list(model.model_fields)


def _describe(value: Any) -> str:
    if value is None:
        return "null (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    return f"the number {value!r}"


# Phrase checks: cues and patterns are literal words, never regular expressions.
_SLOT = "{value}"
_REGEX_SIGNS = compiled(
    r"\\.|\(\?|\.[*+?]|\[[^\]]*\]|\||\{\d+(?:,\d*)?\}|[\w)\]][*+]|[\w)\]]\?(?=\s|$)"
)
_BRACES = compiled(r"\{[^{}]*\}")


Problem = tuple[tuple[str | int, ...], str, str, str]  # field path, message, hint, kind


def claim_problems(spec: ClaimSpec) -> Iterator[Problem]:
    """What pydantic cannot see in a valid claim: fields that do nothing for its
    type, regular expressions where literal phrases belong, patterns without
    their single slot. Paths are relative to the claim."""
    only = {
        "false_cues": ("boolean",),
        "choices": ("text",),
        "ordinal": ("number",),
        "signed": ("percent", "number", "quantity"),
        "unit": ("percent", "quantity"),
        "role": ("money", "percent", "number", "quantity"),
    }
    for field, types in only.items():
        given = getattr(spec, field)
        if given and given != "new" and spec.type not in types:
            yield (
                (field,),
                f"'{field}' applies to {' and '.join(types)} claims, not {spec.type}",
                f"remove '{field}' or change the type",
                "field-not-for-type",
            )
    if "date_tolerance" in spec.model_fields_set and not spec.changes_over_time:
        yield (
            ("date_tolerance",),
            "'date_tolerance' applies only to claims with changes_over_time: true",
            "add 'changes_over_time: true' or remove 'date_tolerance'",
            "field-not-for-type",
        )
    unused = {
        "boolean": ("qualifiers", "tolerance", "patterns", "window"),
        "text": ("qualifiers", "tolerance"),
    }.get(spec.type, ())
    for field in unused:
        if field in spec.model_fields_set:
            yield (
                (field,),
                f"'{field}' does not apply to {spec.type} claims",
                f"remove '{field}'",
                "field-not-for-type",
            )
    yield from _unit_problems(spec)
    for field in ("cues", "false_cues", "context"):
        for i, phrase in enumerate(getattr(spec, field)):
            problem = phrase_problem(field, phrase)
            if problem:
                yield ((field, i), *problem)
    for i, pattern in enumerate(spec.patterns):
        problem = pattern_problem(pattern)
        if problem:
            yield (("patterns", i), *problem)


def _unit_problems(spec: ClaimSpec) -> Iterator[Problem]:
    """A percent claim's unit is 'percent' or 'points'; a quantity claim needs a real unit."""
    if spec.type == "percent" and spec.unit not in (None, "percent", "points"):
        yield (
            ("unit",),
            f"a percent claim's unit is 'percent' or 'points', not '{spec.unit}'",
            "for a physical unit, use type: quantity",
            "bad-unit",
        )
    elif spec.type == "quantity" and spec.unit is None:
        yield (
            ("type",),
            "a quantity claim needs a unit",
            "add e.g. unit: GW (values in other units of power are converted)",
            "bad-unit",
        )
    elif spec.type == "quantity" and spec.unit is not None:
        from factcheck.quantities import unit_problem

        problem = unit_problem(spec.unit)
        if problem:
            yield (("unit",), problem, "write a unit such as GW, MW, tonnes, bcm or km", "bad-unit")


def phrase_problem(field: str, phrase: str) -> tuple[str, str, str] | None:
    """(message, hint, kind) when a cue, context phrase or false cue looks like a regex,
    or holds only small words ('the', 'of'), which phrases are never matched on."""
    what = {"cues": "cue", "false_cues": "false cue", "context": "context phrase"}.get(field, field)
    sign = _REGEX_SIGNS.search(phrase)
    if sign is None:
        return _small_words_problem(what, phrase)
    hint = (
        "list alternatives as separate phrases, e.g. [AWS deal, Amazon deal]"
        if sign.group() == "|"
        else "write the words as an article writes them"
    )
    return (
        f"{what} '{phrase}' looks like a regular expression ('{sign.group()}'); "
        "phrases are literal words, matched by word stems",
        hint,
        "regex-cue",
    )


def _small_words_problem(what: str, phrase: str) -> tuple[str, str, str] | None:
    from factcheck.text import tokenize

    tokens = tokenize(phrase)
    if not phrase.strip() or any(t.is_content for t in tokens):
        return None
    return (
        f"{what} '{phrase}' has only small words, which never match: phrases are "
        "matched on the words that carry meaning",
        "add a word that carries meaning, e.g. 'operating budget' rather than 'the'",
        "stopword-cue",
    )


def pattern_problem(pattern: str) -> tuple[str, str, str] | None:
    """(message, hint, kind) for a pattern that is not a literal template with one slot."""
    sign = _REGEX_SIGNS.search(pattern) or re.search(r"^\^|\$$", pattern)
    if sign is not None:
        return (
            f"pattern '{pattern}' looks like a regular expression ('{sign.group()}'); "
            "patterns are literal phrase templates, not regular expressions",
            "write the words around the value as an article writes them, e.g. "
            "'a {value} deal with AWS'; the extractors find the value itself",
            "regex-pattern",
        )
    others = [b for b in _BRACES.findall(pattern) if b != _SLOT]
    if others:
        return (
            f"pattern '{pattern}' has an unknown slot {others[0]}; the only slot is {_SLOT}",
            f"write {_SLOT} where the value stands",
            "pattern-unknown-slot",
        )
    if pattern.count(_SLOT) != 1:
        return (
            f"pattern '{pattern}' must contain exactly one {_SLOT} slot "
            f"(it has {pattern.count(_SLOT)})",
            "write the words around the value, e.g. 'a {value} deal with AWS'",
            "pattern-slot",
        )
    if not pattern.replace(_SLOT, "").strip():
        return (
            f"pattern '{pattern}' has no words around {_SLOT}",
            "a pattern needs words to anchor the value, e.g. '{value} deal with AWS'",
            "pattern-no-words",
        )
    return None
