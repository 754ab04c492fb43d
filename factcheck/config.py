"""Project configuration: ``[tool.factcheck]`` in pyproject.toml, or factcheck.toml.

    [tool.factcheck]            # pyproject.toml (factcheck.toml: the same keys at top level)
    rules = ["rules"]
    sources = ["seeds"]
    strict = false
    [tool.factcheck.severity]
    FC201 = "error"             # raise a warning to an error
    FC204 = "off"               # or silence a code

Both files are looked for in the current directory and its parents (the
first directory holding either). ``factcheck.toml`` wins over pyproject.toml,
and command-line options win over both. Paths are relative to the file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import InputError
from factcheck.model import Location

CONFIG_FILES = ("factcheck.toml", "pyproject.toml")
SeverityLevel = Literal["error", "warning", "info", "off"]


class Config(BaseModel):
    """The merged configuration; each file's part is validated on its own first,
    so an error names the file it is in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[str] | None = Field(default=None, description="Rule files or folders.")
    sources: list[str] | None = Field(default=None, description="Source files or folders.")
    strict: bool | None = Field(default=None, description="Lint: warnings fail too.")
    severity: dict[str, SeverityLevel] = Field(
        default_factory=dict, description="Level per finding code, or 'off'."
    )
    # The file that set ``severity`` last, to locate an unknown code (not written by users).
    severity_file: str | None = Field(default=None, exclude=True)


def load_config(start: Path | None = None) -> Config:
    """The merged configuration for the project around ``start`` (default: cwd)."""
    folder = _project_folder((start or Path.cwd()).resolve())
    if folder is None:
        return Config()
    merged: dict[str, Any] = {}
    for name in reversed(CONFIG_FILES):  # pyproject first, factcheck.toml over it
        path = folder / name
        if path.is_file():
            section = _validated(_read(path), path)
            if "severity" in section:
                section["severity"] = {**merged.get("severity", {}), **section["severity"]}
                section["severity_file"] = str(path)
            merged.update(section)
    return Config.model_validate(merged)


def _validated(section: dict[str, Any], path: Path) -> dict[str, Any]:
    """The keys one file sets, checked against the model; errors name that file."""
    if "severity_file" in section:
        section = {**section}
        section["severity-file"] = section.pop("severity_file")  # not a key users may set
    try:
        return Config.model_validate(section).model_dump(exclude_unset=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(
            f"configuration: {where}: {first['msg']}",
            Location(str(path)),
            hint=_HINTS.get(str(first["loc"][0]) if first["loc"] else ""),
        ) from None


_HINTS = {
    "severity": 'write a table of codes and levels: [tool.factcheck.severity] FC201 = "error" '
    "(levels: error, warning, info, off)",
    "rules": 'write a list of paths: rules = ["rules"]',
    "sources": 'write a list of paths: sources = ["seeds"]',
    "strict": "write true or false",
}


def config_files(start: Path | None = None) -> list[Path]:
    """The configuration files a run reads (to refuse them as an output)."""
    folder = _project_folder((start or Path.cwd()).resolve())
    return [] if folder is None else [f for n in CONFIG_FILES if (f := folder / n).is_file()]


def _table(value: object, name: str, path: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(
            f"{name} must be a table, not {type(value).__name__} {value!r}",
            Location(str(path)),
            hint="write it as [tool.factcheck] with the settings below it",
        )
    return value


def _project_folder(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if any((folder / name).is_file() for name in CONFIG_FILES):
            return folder
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})",
            Location(str(path)),
            hint="TOML files are UTF-8; save the file as UTF-8",
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", Location(str(path))) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", Location(str(path))) from None
    section: object = data
    if path.name == "pyproject.toml" or "tool" in data:
        section = _table(
            _table(data.get("tool", {}), "tool", path).get("factcheck", {}), "tool.factcheck", path
        )
    result = dict(_table(section, "the factcheck configuration", path))
    for key in ("rules", "sources"):
        if isinstance(result.get(key), str):
            result[key] = [result[key]]
        if isinstance(result.get(key), list):
            result[key] = [
                str(path.parent / p) if not Path(p).is_absolute() else p
                for p in result[key]
                if isinstance(p, str)
            ] or result[key]
    return result
