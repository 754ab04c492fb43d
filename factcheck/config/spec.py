"""The configuration file's settings as pydantic models, and their errors in
factcheck's words (file and line, with a did-you-mean for unknown keys).

Imported only when a configuration file is read: a run without one never
imports pydantic.
"""

from __future__ import annotations

from difflib import get_close_matches
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from factcheck.config import line_of
from factcheck.errors import InputError
from factcheck.model import Location

SeverityLevel = Literal["error", "warning", "info", "off"]
# A story's name: in qualified claim names (``story:claim``), file names and pytest ids.
StoryName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]


class StorySpec(BaseModel):
    """One story's part of ``[tool.factcheck.stories.NAME]``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[str] = Field(min_length=1, description="The story's rule files or folders.")
    sources: list[str] = Field(min_length=1, description="The story's source files or folders.")
    drafts: list[str] = Field(
        default_factory=list, description="Globs of the story's drafts, for `factcheck lint`."
    )


class ConfigSpec(BaseModel):
    """One configuration file's settings (each file is validated on its own, so an
    error names the file it is in)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[str] | None = Field(default=None, description="Rule files or folders.")
    sources: list[str] | None = Field(default=None, description="Source files or folders.")
    strict: bool | None = Field(default=None, description="Lint: warnings fail too.")
    stories: dict[StoryName, StorySpec] | None = Field(
        default=None, description="Several stories by name, instead of rules and sources."
    )
    severity: dict[str, SeverityLevel] = Field(
        default_factory=dict, description="Level per finding code, or 'off'."
    )
    # The file that set ``severity`` last, to locate an unknown code (not written by users).
    severity_file: str | None = Field(default=None, exclude=True)
    # The file that set ``stories`` and the project folder (not written by users).
    stories_file: str | None = Field(default=None, exclude=True)
    folder: str | None = Field(default=None, exclude=True)


def validated(section: dict[str, Any], path: Path) -> dict[str, Any]:
    """The keys one file sets, checked against the model; errors name that file."""
    for internal in ("severity_file", "stories_file", "folder"):  # not keys users may set
        if internal in section:
            section = {**section}
            section[internal.replace("_", "-")] = section.pop(internal)
    try:
        return ConfigSpec.model_validate(section).model_dump(exclude_unset=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        keys = [str(p) for p in first["loc"]]
        line = line_of(path, keys[-1]) if keys else None
        message, hint = _explained(first["type"], keys, first["input"])
        raise InputError(
            f"configuration: {message}",
            Location(str(path), line, 1 if line else None),
            hint=hint or _HINTS.get(keys[0] if keys else ""),
        ) from None


def _explained(kind: str, keys: list[str], given: object) -> tuple[str, str | None]:
    """A validation error in factcheck's words: (message, hint or None)."""
    where = ".".join(keys)
    if kind == "extra_forbidden":
        in_story = len(keys) == 3 and keys[0] == "stories"
        known = sorted(StorySpec.model_fields if in_story else _USER_KEYS)
        close = get_close_matches(keys[-1], known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"
        return f"unknown key '{where}'", hint
    if kind == "missing":
        return f"'{where}' is required", None
    if kind.startswith("literal") and keys and keys[0] == "severity":
        return f"'{where}': unknown level {given!r}", "levels are error, warning, info and off"
    if kind.startswith("string_pattern") and keys[:1] == ["stories"]:
        return f"story name {keys[1]!r} may hold only letters, digits, '.', '_' and '-'", None
    return f"'{where}' has the wrong form ({_described(given)})", None


def _described(given: object) -> str:
    text = repr(given)
    return f"{type(given).__name__} {text if len(text) <= 40 else text[:37] + '...'}"


# The keys a configuration file may set (the rest of Config is bookkeeping).
_USER_KEYS = ("rules", "sources", "strict", "stories", "severity")


_HINTS = {
    "severity": 'write a table of codes and levels: [tool.factcheck.severity] FC201 = "error" '
    "(levels: error, warning, info, off)",
    "rules": 'write a list of paths: rules = ["rules"]',
    "sources": 'write a list of paths: sources = ["seeds"]',
    "strict": "write true or false",
    "stories": "write a table per story: [tool.factcheck.stories.NAME] with rules = [...], "
    "sources = [...] and optionally drafts = [...]",
}
