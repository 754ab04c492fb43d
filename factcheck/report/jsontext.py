"""``json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)``, faster.

Python's C encoder cannot indent, so an indented dump runs the generic
pure-Python encoder, which was most of the time spent writing an archive's
report. This writer does the same for JSON data (what ``model_dump(mode="json")``
gives: dicts with string keys, lists, strings, numbers, booleans, None) with
one recursive function, and hands anything else to :func:`json.dumps`, so
the text is always exactly the standard library's.

A report holds thousands of dicts of the same few shapes (a mention, a
source...): each shape's sorted keys, already quoted, are kept once, and plain
values are written inline rather than through a call each.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C version where available
from typing import Any

_INFINITY = float("inf")
# A dict's keys in insertion order -> its keys sorted, each with its quoted label.
# Only all-``str`` key tuples are kept: no other key equals a str, so a hit is exact.
_ORDERS: dict[tuple[Any, ...], tuple[tuple[str, str], ...]] = {}
_ORDERS_LIMIT = 4096


def dumps(value: Any, level: int = 0) -> str:
    """The indented dump of ``value``, its lines after the first indented ``level`` more."""
    parts: list[str] = []
    _encode(value, "\n" + "  " * level, parts)
    return "".join(parts)


def _scalar(value: Any) -> str | None:
    """The text of a plain JSON scalar, or None for anything else."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return _float(value)
    return None


def _encode(value: Any, newline: str, parts: list[str]) -> None:
    kind = type(value)
    if kind is dict:
        order = _order(value)
        if order is not None:
            _object(value, order, newline, parts)
            return
    elif kind is list or kind is tuple:
        _array(value, newline, parts)
        return
    else:
        text = _scalar(value)
        if text is not None:
            parts.append(text)
            return
    # anything unusual: the standard library's own text
    text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    parts.append(text.replace("\n", newline))


def _order(value: dict[Any, Any]) -> tuple[tuple[str, str], ...] | None:
    """The dict's keys sorted with their labels, or None when a key is not a str."""
    keys = tuple(value)
    order = _ORDERS.get(keys)
    if order is None:
        if not all(type(key) is str for key in keys):
            return None
        order = tuple((key, encode_basestring(key) + ": ") for key in sorted(keys))
        if len(_ORDERS) >= _ORDERS_LIMIT:
            _ORDERS.clear()
        _ORDERS[keys] = order
    return order


def _object(
    value: dict[str, Any], order: tuple[tuple[str, str], ...], newline: str, parts: list[str]
) -> None:
    if not value:
        parts.append("{}")
        return
    inner = newline + "  "
    opening = "{" + inner
    append = parts.append
    for key, label in order:
        item = value[key]
        text = encode_basestring(item) if type(item) is str else _scalar(item)
        if text is not None:
            append(opening + label + text)
        else:
            append(opening + label)
            _encode(item, inner, parts)
        opening = "," + inner
    append(newline + "}")


def _array(value: list[Any] | tuple[Any, ...], newline: str, parts: list[str]) -> None:
    if not value:
        parts.append("[]")
        return
    inner = newline + "  "
    opening = "[" + inner
    append = parts.append
    for item in value:
        text = encode_basestring(item) if type(item) is str else _scalar(item)
        if text is not None:
            append(opening + text)
        else:
            append(opening)
            _encode(item, inner, parts)
        opening = "," + inner
    append(newline + "]")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)
