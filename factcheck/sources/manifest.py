"""The sources manifest: ``sources.yaml`` beside the articles, keyed by file stem.

Each entry gives an article's title, outlet, publication date, syndication
credit (``via``), URL, author and language. An archive's manifest lists tens
of thousands of sources and is held for the whole run, so it is read entry by
entry (:mod:`factcheck.yamlio.stream`) and each entry is kept as a small
:class:`~factcheck.sources.metadata.Meta` record. Only a manifest with
something to say about it (a key that is not one, a date that cannot be read)
is parsed again with positions, so each notice says where. When the command
line keeps checked sources (``factcheck lint``), the parsed manifest is kept too,
keyed by its bytes: a warm lint never imports YAML.

What is wrong in one entry is a notice, never a stop: an unknown key is kept
as extra metadata (with a did-you-mean for a near miss), an unreadable value
is left unknown. A manifest that is not YAML, or not a mapping, is an error.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck import store
from factcheck.dataclass import dataclass
from factcheck.errors import InputError, RuleError
from factcheck.model import Location, Notice
from factcheck.sources.encoding import decode_as_stored
from factcheck.sources.metadata import FIELDS, Meta, read_fields

if TYPE_CHECKING:
    from factcheck.yamlio.marks import LocatedData

MANIFEST_NAME = "sources.yaml"
_KEYS = {name: name for name in FIELDS}


@dataclass(frozen=True)
class Manifest:
    """A folder's manifest: each source's metadata, and what to warn about."""

    entries: dict[str, Meta] = field(default_factory=dict)
    notices: tuple[Notice, ...] = ()
    path: str = MANIFEST_NAME

    def unmatched(self, stems: Iterable[str]) -> list[Notice]:
        """A notice for each entry that names no file beside the manifest (the first
        few by name and place, then one line for the rest)."""
        missing = sorted(set(self.entries) - set(stems))
        if not missing:
            return []
        named = missing[:_NAMED]
        where = _key_locations(Path(self.path), named)
        notices = [
            Notice(
                where.get(stem, Location(self.path)),
                f"entry {stem!r} names no article here (no file {stem}.* beside the manifest)",
                hint="is the file missing, or misnamed?",
            )
            for stem in named
        ]
        if len(missing) > _NAMED:
            notices.append(
                Notice(
                    Location(self.path),
                    f"{len(missing) - _NAMED} more entries name no article here",
                )
            )
        return notices


_NAMED = 5  # missing files named one by one; past that, a count


def load_manifest(path: Path) -> Manifest:
    """Parse a ``sources.yaml`` manifest; a missing one is an empty manifest."""
    if not path.is_file():
        return Manifest(path=str(path))
    data = _manifest_bytes(path)
    directory = store.sources_directory()
    entry = None
    if directory is not None:
        key = store.digest(f"manifest\0{store.code_fingerprint()}\0{path}\0".encode(), data)
        entry = directory / "manifests" / f"{key}.pickle"
        kept = store.read_entry(entry)
        if isinstance(kept, Manifest):
            return kept
    text = _manifest_text(data, path)
    plain = _plain_manifest(text, path)
    manifest = plain if plain is not None else _located_manifest(text, path)
    if entry is not None:
        store.write_entry(entry, manifest)
    return manifest


def _manifest_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the manifest: {exc.strerror}", Location(str(path))) from None


def _manifest_text(data: bytes, path: Path) -> str:
    """The manifest decoded as articles are (any BOM, UTF-8, else detected), or a
    located error saying why it cannot be read."""
    text = decode_as_stored(data)
    if text is None:
        raise InputError(
            "the manifest is not text (binary or undecodable content)",
            Location(str(path)),
            hint="save sources.yaml as UTF-8 text",
        )
    return text


def _plain_manifest(text: str, path: Path) -> Manifest | None:
    """The manifest if there is nothing to say about it, else None (the located parse
    says where)."""
    import yaml

    from factcheck.yamlio import stream as yamlstream

    entries: dict[str, Meta] = {}
    try:
        for source_id, entry in yamlstream.flat_entries(text):
            if not isinstance(source_id, str) or not isinstance(entry, dict | None):
                return None
            if source_id in entries:  # a duplicate key: the located parse names both
                return None
            fields = [(str(k), v, Location(str(path))) for k, v in (entry or {}).items()]
            meta = read_fields(fields, _KEYS, strict_keys=True)
            if meta.notices:
                return None
            entries[source_id] = _interned(meta)
    except (yaml.YAMLError, yamlstream.NotPlain):
        return None
    return Manifest(entries, (), str(path))


def _interned(meta: Meta) -> Meta:
    """Outlets repeat across an archive; one string each."""
    if meta.outlet is None:
        return meta
    return Meta(**{**_as_dict(meta), "outlet": sys.intern(meta.outlet)})


def _as_dict(meta: Meta) -> dict[str, Any]:
    return {name: getattr(meta, name) for name in (*FIELDS, "extra", "notices")}


def _located_manifest(text: str, path: Path) -> Manifest:
    located = _load_located(text, path)
    if located.data is None:
        return Manifest(path=str(path))
    if not isinstance(located.data, dict):
        raise InputError(
            "a sources manifest maps source ids to metadata",
            Location(str(path), 1, 1),
            hint="write 'source-id: {outlet: ...}'",
        )
    entries: dict[str, Meta] = {}
    notices: list[Notice] = []
    for source_id, entry in located.data.items():
        if not isinstance(entry, dict | None):
            where = located.value_location((source_id,))
            notices.append(
                Notice(
                    where,
                    f"entry {source_id!r} should map keys to values "
                    "(title, outlet, published...); ignored",
                )
            )
            continue
        fields = [
            (str(key), value, _where(located, (source_id, key)))
            for key, value in (entry or {}).items()
        ]
        meta = read_fields(fields, _KEYS, strict_keys=True)
        notices.extend(meta.notices)
        entries[str(source_id)] = _interned(Meta(**{**_as_dict(meta), "notices": ()}))
    return Manifest(entries, tuple(notices), str(path))


def _where(located: LocatedData, data_path: tuple[Any, ...]) -> Location:
    """A known key's value, or an unknown key itself."""
    if str(data_path[-1]).lower() in _KEYS:
        return located.value_location(data_path)
    return located.key_location(data_path)


def _load_located(text: str, path: Path) -> LocatedData:
    from factcheck.yamlio import marks as yamlmarks

    try:
        return yamlmarks.load(text, str(path), impossible_dates=True)
    except RuleError as exc:
        hint = exc.hint
        if exc.kind == "duplicate-key":  # an error here: neither entry is used
            hint = "give each source one entry"
        raise InputError(exc.message, exc.location, hint) from None


def _key_locations(path: Path, ids: list[str]) -> dict[str, Location]:
    """Where each of ``ids`` is written in the manifest (only read to point at a problem)."""
    from factcheck.yamlio import marks as yamlmarks

    try:
        located = yamlmarks.load(_manifest_text(_manifest_bytes(path), path), str(path))
    except (InputError, RuleError):
        return {}
    return {i: located.key_location((i,)) for i in ids}
