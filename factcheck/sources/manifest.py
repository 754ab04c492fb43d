"""The sources manifest: ``sources.yaml`` beside the articles, keyed by file stem.

Each entry gives an article's title, outlet, publication date and
syndication credit. An archive's manifest lists tens of thousands of sources
and is held for the whole run, so it is read entry by entry
(:mod:`factcheck.yamlio.stream`) and each validated entry is kept as a small
:class:`Listed` record. Only a manifest with something wrong in it is parsed
again with positions, to say where.
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from factcheck.errors import InputError, RuleError
from factcheck.model import Location
from factcheck.sources.encoding import decode_as_stored
from factcheck.yamlio import marks as yamlmarks
from factcheck.yamlio import stream as yamlstream

MANIFEST_NAME = "sources.yaml"


class SourceMeta(BaseModel):
    """One manifest entry (or a Markdown file's front matter), as written."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    outlet: str | None = None
    published: date | str | None = None
    via: str | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _not_a_number(cls, value: object) -> object:
        """YAML reads ``86400`` and ``20251103`` as numbers; a number is no date here
        (pydantic would read it as seconds since 1970)."""
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise PydanticCustomError(
                "published_number",
                "publication date {value} is a number, not a date; "
                "write an ISO date such as 2025-11-03",
                {"value": value},
            )
        return value


@dataclass(frozen=True, slots=True)
class Listed:
    """A validated manifest entry with its date read: a few hundred bytes per source."""

    title: str | None
    outlet: str | None
    published: date | None
    via: str | None

    @classmethod
    def of(cls, meta: SourceMeta, where: Location) -> Listed:
        # Outlets repeat across an archive; one string each.
        outlet = sys.intern(meta.outlet) if meta.outlet else meta.outlet
        return cls(meta.title, outlet, published_date(meta, where), meta.via)

    def given(self) -> dict[str, Any]:
        """The fields the entry sets, to lay over front matter."""
        values = ((f.name, getattr(self, f.name)) for f in dataclasses.fields(self))
        return {name: value for name, value in values if value is not None}


def load_manifest(path: Path) -> dict[str, Listed]:
    """Parse a ``sources.yaml`` manifest; a missing one is an empty manifest."""
    if not path.is_file():
        return {}
    text = _manifest_text(path)
    plain = _plain_manifest(text, path)
    return plain if plain is not None else _located_manifest(text, path)


def _manifest_text(path: Path) -> str:
    """The manifest decoded as articles are (any BOM, UTF-8, else detected), or a
    located error saying why it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the manifest: {exc.strerror}", Location(str(path))) from None
    text = decode_as_stored(data)
    if text is None:
        raise InputError(
            "the manifest is not text (binary or undecodable content)",
            Location(str(path)),
            hint="save sources.yaml as UTF-8 text",
        )
    return text


def _plain_manifest(text: str, path: Path) -> dict[str, Listed] | None:
    """The manifest if it is entirely valid, else None (the located parse explains)."""
    manifest: dict[str, Listed] = {}
    where = Location(str(path))
    try:
        for source_id, entry in yamlstream.flat_entries(text):
            if not isinstance(source_id, str) or not isinstance(entry, dict | None):
                return None
            if source_id in manifest:  # a duplicate key: the located parse names both
                return None
            manifest[source_id] = Listed.of(SourceMeta.model_validate(entry or {}), where)
    except (yaml.YAMLError, yamlstream.NotPlain, ValidationError, InputError):
        return None
    return manifest


def _located_manifest(text: str, path: Path) -> dict[str, Listed]:
    try:
        located = yamlmarks.load(text, str(path))
    except RuleError as exc:
        hint = exc.hint
        if exc.kind == "duplicate-key":  # an error here: neither entry is used
            hint = "give each source one entry"
        raise InputError(exc.message, exc.location, hint) from None
    if located.data is None:
        return {}
    if not isinstance(located.data, dict):
        raise InputError(
            "a sources manifest maps source ids to metadata",
            Location(str(path), 1, 1),
            hint="write 'source-id: {outlet: ...}'",
        )
    manifest: dict[str, Listed] = {}
    for source_id, entry in located.data.items():
        try:
            meta = SourceMeta.model_validate(entry or {})
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = (source_id, *first["loc"])
            raise InputError(
                f"source {source_id!r}: {first['msg']}", located.key_location(loc)
            ) from None
        manifest[source_id] = Listed.of(meta, located.value_location((source_id, "published")))
    return manifest


def published_date(meta: SourceMeta, where: Location) -> date | None:
    """The publication date as a date; strings are parsed without any relative reading."""
    value = meta.published
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        pass
    parsed = _parse_absolute_date(value)
    if parsed is None:
        raise InputError(
            f"cannot read publication date {value!r}",
            where,
            hint="write an ISO date such as 2026-04-13",
        )
    return parsed


def _parse_absolute_date(value: str) -> date | None:
    import dateparser  # slow to import; needed only for free-form metadata dates

    parsed: datetime | None = dateparser.parse(
        value,
        languages=["en"],
        settings={
            "PARSERS": ["timestamp", "absolute-time"],
            "REQUIRE_PARTS": ["day", "month", "year"],
            "DATE_ORDER": "DMY",
        },
    )
    return parsed.date() if parsed else None
