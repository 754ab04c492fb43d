"""Turn pydantic validation errors into located, human rule errors.

pydantic reports ``loc=("claims", 0, "tpye")`` and ``type="extra_forbidden"``;
an editor wants ``rules/x.yaml:12:5: unknown field 'tpye' (hint: did you mean
'type'?)``. One translation per error type keeps the messages consistent.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from factcheck.errors import RuleError
from factcheck.model import QUALIFIERS, VALUE_TYPES
from factcheck.rulespec import ClaimSpec, ExampleSpec, RuleFileSpec
from factcheck.yamlmarks import DataPath, LocatedData

_TYPE_NAMES = {
    "string_type": "a string", "list_type": "a list", "int_type": "a whole number",
    "int_parsing": "a whole number", "int_from_float": "a whole number",
    "dict_type": "a mapping", "bool_type": "true or false", "float_type": "a number",
    "model_type": "a mapping", "model_attributes_type": "a mapping",
    "date_type": "a date (YYYY-MM-DD)", "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
}
_FIELD_HINTS = {
    "id": "use lower-case words joined by hyphens, e.g. 'aws-deal-value'",
    "cues": "list the phrases that anchor the claim, e.g. [AWS deal, deal with AWS]",
    "claims": "write 'claims:' followed by a list of claims, each starting with '- id:'",
    "examples": "each example is a mapping with 'text' and 'value'",
}


def translate(exc: ValidationError, located: LocatedData) -> list[RuleError]:
    errors: dict[tuple[str, DataPath], RuleError] = {}
    for detail in exc.errors():
        loc = _data_path(detail["loc"], located)
        error = _translate_one(detail, loc, located)
        errors.setdefault((error.kind, loc), error)
    return sorted(errors.values(), key=lambda e: (e.location.line or 0, e.location.column or 0))


def _data_path(loc: tuple[Any, ...], located: LocatedData) -> DataPath:
    """Drop pydantic's union-member tags ('list[str]') that are not keys in the data."""
    path: list[str | int] = []
    node: Any = located.data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not path_is_tag(part):
            path.append(part)  # a missing key: keep it for the message
            break
        else:
            continue
        path.append(part)
    return tuple(path)


def path_is_tag(part: str) -> bool:
    return "[" in part or part in ("str", "int", "float", "bool", "date", "function-before")


def _translate_one(detail: Any, loc: DataPath, located: LocatedData) -> RuleError:
    kind = detail["type"]
    field = next((str(p) for p in reversed(loc) if isinstance(p, str)), "file")
    where_value = located.value_location(loc)
    if kind == "missing":
        parent = loc[:-1]
        return RuleError(
            f"missing required field '{field}'{_in(parent)}", located.key_location(parent) if
            parent else where_value, _FIELD_HINTS.get(field), "missing-field",
        )
    if kind == "extra_forbidden":
        allowed = _allowed_fields(loc)
        guess = difflib.get_close_matches(field, allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'?" if guess else f"allowed fields: {', '.join(allowed)}"
        return RuleError(f"unknown field '{field}'{_in(loc[:-1])}", located.key_location(loc),
                         hint, "unknown-field")
    if kind == "literal_error":
        return _literal(detail, field, loc, located)
    if kind in _TYPE_NAMES or kind.endswith("_type"):
        expected = _TYPE_NAMES.get(kind, kind.removesuffix("_type"))
        got = _describe(detail.get("input"))
        return RuleError(f"'{field}' must be {expected}, not {got}", where_value,
                         _FIELD_HINTS.get(field), "wrong-type")
    if kind in ("too_short", "string_too_short"):
        return RuleError(f"'{field}' must not be empty", where_value, _FIELD_HINTS.get(field),
                         "empty-value")
    if kind == "string_pattern_mismatch":
        return RuleError(f"invalid {field} {detail['input']!r}", where_value,
                         _FIELD_HINTS.get(field), "bad-id")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return RuleError(f"'{field}' is out of range: {detail['msg'].lower()}", where_value,
                         None, "out-of-range")
    return RuleError(f"'{field}': {detail['msg']}", where_value, None, "invalid")


def _literal(detail: Any, field: str, loc: DataPath, located: LocatedData) -> RuleError:
    given = detail.get("input")
    options: tuple[str, ...] = VALUE_TYPES if field == "type" else QUALIFIERS
    what = "value type" if field == "type" else "qualifier"
    guess = difflib.get_close_matches(str(given), options, n=1, cutoff=0.5)
    hint = f"did you mean '{guess[0]}'?" if guess else None
    return RuleError(f"unknown {what} {given!r}; expected one of {', '.join(options)}",
                     located.value_location(loc), hint, f"unknown-{what.replace(' ', '-')}")


def _in(parent: DataPath) -> str:
    if len(parent) >= 2 and parent[0] == "claims":
        return f" in claim #{int(parent[1]) + 1}" if len(parent) == 2 else f" in claims[{parent[1]}]"
    return ""


def _allowed_fields(loc: DataPath) -> list[str]:
    model: type[BaseModel] = RuleFileSpec
    if len(loc) >= 3 and loc[0] == "claims":
        model = ClaimSpec
        if len(loc) >= 5 and loc[2] == "examples":
            model = ExampleSpec
    return list(model.model_fields)


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}"
    return f"{type(value).__name__} {value!r}"
