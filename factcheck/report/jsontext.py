"""``json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)``, faster.

Python's C encoder cannot indent, so an indented dump runs the generic
pure-Python encoder, which was most of the time spent writing an archive's
report. This writer does the same for JSON data (what ``model_dump(mode="json")``
gives: dicts with string keys, lists, strings, numbers, booleans, None) with
one recursive function, and hands anything else to :func:`json.dumps`, so
the text is always exactly the standard library's.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C version where available
from typing import Any

_INFINITY = float("inf")


def dumps(value: Any, level: int = 0) -> str:
    """The indented dump of ``value``, its lines after the first indented ``level`` more."""
    parts: list[str] = []
    _encode(value, "\n" + "  " * level, parts)
    return "".join(parts)


def _encode(value: Any, newline: str, parts: list[str]) -> None:
    kind = type(value)
    if kind is str:
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif kind is int:
        parts.append(int.__repr__(value))
    elif kind is float:
        parts.append(_float(value))
    elif kind is dict and all(type(key) is str for key in value):
        _object(value, newline, parts)
    elif kind is list or kind is tuple:
        _array(value, newline, parts)
    else:  # anything unusual: the standard library's own text
        text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
        parts.append(text.replace("\n", newline))


def _object(value: dict[str, Any], newline: str, parts: list[str]) -> None:
    if not value:
        parts.append("{}")
        return
    inner = newline + "  "
    opening = "{"
    for key in sorted(value):
        parts.append(f"{opening}{inner}{encode_basestring(key)}: ")
        _encode(value[key], inner, parts)
        opening = ","
    parts.append(newline + "}")


def _array(value: list[Any] | tuple[Any, ...], newline: str, parts: list[str]) -> None:
    if not value:
        parts.append("[]")
        return
    inner = newline + "  "
    opening = "["
    for item in value:
        parts.append(opening + inner)
        _encode(item, inner, parts)
        opening = ","
    parts.append(newline + "]")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)
