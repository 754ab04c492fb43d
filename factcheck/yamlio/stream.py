"""Read a large, plain YAML mapping one entry at a time.

An archive's ``sources.yaml`` lists tens of thousands of sources. Loading it
whole builds a node tree with two position marks per value before any data,
which cost more memory than checking the archive. Here the parser's events
are turned into data one top-level entry at a time, so memory holds one
entry, not the document. Scalars are resolved and built exactly as PyYAML's
safe loader does ("2026-04-30" is a date, "~" is null).

Only the plain shape is read: a mapping whose values are scalars or mappings
of scalars, without anchors, aliases or tags. Anything else raises
:class:`NotPlain`, and the caller parses the document with positions
(:mod:`factcheck.yamlio.marks`) to say what is wrong and where.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from factcheck.yamlio.marks import FastLoader

_SAFE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)


class NotPlain(Exception):
    """The document is not a mapping of scalars or of flat mappings of scalars."""


def flat_entries(text: str) -> Iterator[tuple[Any, Any]]:
    """``(key, value)`` for each top-level entry; a value is a scalar or a dict of scalars.

    Raises :class:`NotPlain` on another shape and ``yaml.YAMLError`` on a
    syntax error (both possibly after some entries were yielded).
    """
    loader = FastLoader(text)
    try:
        _expect(loader, yaml.StreamStartEvent)
        if loader.check_event(yaml.StreamEndEvent):
            return  # no document: an empty manifest
        _expect(loader, yaml.DocumentStartEvent)
        if loader.check_event(yaml.ScalarEvent):
            if _scalar(loader, _next(loader)) is not None:
                raise NotPlain("the document is a single value")
        else:
            _mapping_start(_next(loader))
            while not loader.check_event(yaml.MappingEndEvent):
                key = _scalar(loader, _next(loader))
                yield key, _value(loader, _next(loader))
            loader.get_event()
        _expect(loader, yaml.DocumentEndEvent)
        _expect(loader, yaml.StreamEndEvent)  # a second document is not plain
    finally:
        loader.dispose()


def _value(loader: Any, event: yaml.Event) -> Any:
    if isinstance(event, yaml.ScalarEvent):
        return _scalar(loader, event)
    _mapping_start(event)
    entry: dict[Any, Any] = {}
    while not loader.check_event(yaml.MappingEndEvent):
        key = _scalar(loader, _next(loader))
        entry[key] = _scalar(loader, _next(loader))
    loader.get_event()
    return entry


def _scalar(loader: Any, event: yaml.Event) -> Any:
    """The value of a scalar event, built by the safe loader's own constructors."""
    if not isinstance(event, yaml.ScalarEvent) or event.anchor is not None:
        raise NotPlain(f"expected a plain value, found {type(event).__name__}")
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag not in _SAFE_TAGS:
        raise NotPlain(f"tag {tag!r}")
    node = yaml.ScalarNode(tag, event.value, style=event.style)
    try:
        return loader.yaml_constructors[tag](loader, node)
    except (ValueError, KeyError, OverflowError) as exc:  # 2025-02-30, !!int abc
        raise NotPlain(str(exc)) from None


def _mapping_start(event: yaml.Event) -> None:
    if (
        not isinstance(event, yaml.MappingStartEvent)
        or event.anchor is not None
        or (event.tag not in (None, "!"))
    ):
        raise NotPlain(f"expected a mapping, found {type(event).__name__}")


def _next(loader: Any) -> yaml.Event:
    event: yaml.Event | None = loader.get_event()
    if event is None:
        raise NotPlain("the document ends early")
    return event


def _expect(loader: Any, kind: type[yaml.Event]) -> None:
    event = _next(loader)
    if not isinstance(event, kind):
        raise NotPlain(f"expected {kind.__name__}, found {type(event).__name__}")
