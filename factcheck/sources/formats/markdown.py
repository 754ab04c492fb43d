"""Markdown articles and drafts (``.md``, ``.markdown``): markup blanked in place, and
YAML front matter read as metadata (the keys of a header block: ``published`` or
``date``, ``outlet`` or ``source``, ``title``, ``url``, ``author``, ``via``, ``language``;
others kept as extra metadata).

Front matter that is not plain YAML is a notice, located in the file; the text is
checked all the same, without that metadata.
"""

from __future__ import annotations

from typing import Any

from factcheck.errors import RuleError
from factcheck.model import Location, Notice
from factcheck.sources import markdown
from factcheck.sources.formats import Read, decoded
from factcheck.sources.formats.header import ALIASES
from factcheck.sources.metadata import Meta, read_fields


def read(data: bytes, path: str) -> Read:
    text, crlf = decoded(data)
    return Read(text, front_matter(text, path), tuple(markdown.markup_spans(text)), crlf)


def front_matter(text: str, path: str) -> Meta:
    """The front matter's metadata (a notice on it if it cannot be read)."""
    matter, _ = markdown.front_matter(text)
    if matter is None:
        return Meta()
    from factcheck.yamlio import marks as yamlmarks  # YAML: only for front matter

    try:
        located = yamlmarks.load(matter, path, impossible_dates=True)
    except RuleError as exc:
        hint = exc.hint.replace("rule files hold", "front matter holds") if exc.hint else None
        where = _shift(exc.location)
        return Meta(notices=(Notice(where, f"front matter: {exc.message}", hint),))
    data: dict[Any, Any] = located.data if isinstance(located.data, dict) else {}
    fields = [
        (str(key), value, _shift(located.value_location((key,)))) for key, value in data.items()
    ]
    return read_fields(fields, ALIASES)


def _shift(location: Location) -> Location:
    """Front matter starts on line 2 of the file (after the opening ---)."""
    if location.line is None:
        return location
    return Location(location.path, location.line + 1, location.column)
