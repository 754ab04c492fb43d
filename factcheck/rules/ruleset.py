"""Load rule files: find them, take each compiled from the cache or compile it
(:mod:`.compile`), and check claim ids across files. The compiled
claims are :mod:`.claims` (re-exported here).

Every problem in a file is collected and raised together as a
:class:`~factcheck.errors.RuleFileError`, each error located at the key or
value to fix, with a hint. The loader never executes anything from a file.
This module never imports pydantic or YAML: a warm run reads the compiled
claims from the cache.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from factcheck import store
from factcheck.errors import InputError, RuleError, RuleFileError
from factcheck.model import Location
from factcheck.rules import cache as rule_cache
from factcheck.rules.claims import (
    DEFAULT_QUALIFIERS,
    Claim,
    Example,
    RuleSet,
    duplicate_ids,
)

__all__ = [
    "DEFAULT_QUALIFIERS",
    "RULE_SUFFIXES",
    "Claim",
    "Example",
    "RuleSet",
    "duplicate_ids",
    "find_rule_files",
    "load_rule_file",
    "load_rules",
    "parse_rules",
]

RULE_SUFFIXES = (".yaml", ".yml")
_MANIFEST_STEM = "sources"  # sources.yaml holds article metadata, not rules


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
    keys: list[str] = []
    keyed = rule_cache.active_directory() is not None  # only a cached run reuses results
    for path in files:
        try:
            data = _read_rule_file(str(path))
            keys.append(rule_cache.key(str(path), data) if keyed else "")
            file_claims = _compiled(str(path), data)
        except RuleFileError as exc:
            errors.extend(exc.errors)
            continue
        errors.extend(
            duplicate_ids(((c.id, c.location) for c in file_claims), seen, across_files=True)
        )
        claims.extend(file_claims)
    if errors:
        raise RuleFileError(errors)
    fingerprint = store.digest("\0".join(keys).encode()) if keyed else None
    return RuleSet(tuple(claims), tuple(str(p) for p in files), fingerprint)


def load_rule_file(path: str | Path) -> list[Claim]:
    """Read one rule file (UTF-8, with or without BOM) and compile it (or take it from
    the compiled-rules cache, when the command line turned it on)."""
    return _compiled(str(path), _read_rule_file(str(path)))


def _read_rule_file(path_text: str) -> bytes:
    try:
        return Path(path_text).read_bytes()
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


def _compiled(path_text: str, data: bytes) -> list[Claim]:
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
    from factcheck.rules import compile as compiling  # pydantic: only when compiling

    return compiling.parse_rules(text, path)
