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
    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[str] | None = Field(default=None, description="Rule files or folders.")
    sources: list[str] | None = Field(default=None, description="Source files or folders.")
    strict: bool | None = Field(default=None, description="Lint: warnings fail too.")
    severity: dict[str, SeverityLevel] = Field(
        default_factory=dict, description="Level per finding code, or 'off'."
    )


def load_config(start: Path | None = None) -> Config:
    """The merged configuration for the project around ``start`` (default: cwd)."""
    folder = _project_folder((start or Path.cwd()).resolve())
    if folder is None:
        return Config()
    merged: dict[str, Any] = {}
    for name in reversed(CONFIG_FILES):  # pyproject first, factcheck.toml over it
        path = folder / name
        if path.is_file():
            section = _read(path)
            severity = {**merged.get("severity", {}), **section.pop("severity", {})}
            merged.update(section)
            merged["severity"] = severity
    try:
        return Config.model_validate(merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(
            f"configuration: {where}: {first['msg']}", Location(str(folder / CONFIG_FILES[0]))
        ) from None


def _project_folder(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if any((folder / name).is_file() for name in CONFIG_FILES):
            return folder
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", Location(str(path))) from None
    section = data.get("tool", {}).get("factcheck", {}) if path.name == "pyproject.toml" else data
    if path.name == "factcheck.toml" and "tool" in section:
        section = section["tool"].get("factcheck", {})
    if not isinstance(section, dict):
        raise InputError("the factcheck configuration must be a table", Location(str(path)))
    result = dict(section)
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
