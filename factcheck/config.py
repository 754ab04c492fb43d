"""Project configuration: ``[tool.factcheck]`` in pyproject.toml, or factcheck.toml.

    [tool.factcheck]            # pyproject.toml (factcheck.toml: the same keys at top level)
    rules = ["rules"]
    sources = ["seeds"]
    strict = false
    [tool.factcheck.stories.openai-cloud]   # several stories: instead of rules/sources
    rules = ["rules/openai-cloud.yaml"]
    sources = ["seeds"]
    drafts = ["drafts/openai/*.md"]
    [tool.factcheck.severity]
    FC201 = "error"             # raise a warning to an error
    FC204 = "off"               # or silence a code

Both files are looked for in the current directory and its parents (the
first directory holding either). ``factcheck.toml`` wins over pyproject.toml,
and command-line options win over both. Paths are relative to the file.
"""

from __future__ import annotations

import re
import tomllib
from difflib import get_close_matches
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from factcheck.errors import InputError
from factcheck.model import Location

CONFIG_FILES = ("factcheck.toml", "pyproject.toml")
SeverityLevel = Literal["error", "warning", "info", "off"]
# A story's name: in qualified claim names (``story:claim``), file names and pytest ids.
StoryName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]


class StoryConfig(BaseModel):
    """One story's part of ``[tool.factcheck.stories.NAME]``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[str] = Field(min_length=1, description="The story's rule files or folders.")
    sources: list[str] = Field(min_length=1, description="The story's source files or folders.")
    drafts: list[str] = Field(
        default_factory=list, description="Globs of the story's drafts, for `factcheck lint`."
    )


class Config(BaseModel):
    """The merged configuration; each file's part is validated on its own first,
    so an error names the file it is in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[str] | None = Field(default=None, description="Rule files or folders.")
    sources: list[str] | None = Field(default=None, description="Source files or folders.")
    strict: bool | None = Field(default=None, description="Lint: warnings fail too.")
    stories: dict[StoryName, StoryConfig] | None = Field(
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


def load_config(start: Path | None = None) -> Config:
    """The merged configuration for the project around ``start`` (default: cwd)."""
    folder = _project_folder((start or Path.cwd()).resolve())
    if folder is None:
        return Config()
    merged: dict[str, Any] = {"folder": str(folder)}
    for name in reversed(CONFIG_FILES):  # pyproject first, factcheck.toml over it
        path = folder / name
        if path.is_file():
            section = _validated(_read(path), path)
            if "severity" in section:
                section["severity"] = {**merged.get("severity", {}), **section["severity"]}
                section["severity_file"] = str(path)
            if "stories" in section:
                section["stories_file"] = str(path)
            merged.update(section)
            _stories_alone(merged, path)
    return Config.model_validate(merged)


def _stories_alone(merged: dict[str, Any], path: Path) -> None:
    """Stories replace the top-level rules and sources: both at once is ambiguous."""
    both = [key for key in ("rules", "sources") if merged.get(key) is not None]
    if merged.get("stories") is None or not both:
        return
    line = _line_of(path, both[0]) or _line_of(path, "stories")
    raise InputError(
        f"configuration: top-level {' and '.join(both)} set together with stories",
        Location(str(path), line, 1 if line else None),
        hint="give each story its own rules and sources under [tool.factcheck.stories.NAME], "
        "and remove the top-level ones",
    )


def story_location(path: str, name: str) -> Location:
    """Where ``[stories.NAME]`` (or ``[tool.factcheck.stories.NAME]``) starts, for errors."""
    table = re.compile(
        rf"^\s*\[\s*(?:tool\s*\.\s*factcheck\s*\.\s*)?stories\s*\.\s*"
        rf"(?P<q>[\"']?){re.escape(name)}(?P=q)\s*\]"
    )
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return Location(path)
    line = next((i for i, text in enumerate(lines, start=1) if table.match(text)), None)
    return Location(path, line, 1 if line else None)


def _line_of(path: Path, key: str) -> int | None:
    """The first line setting ``key`` (``key =`` or a ``[...key...]`` table) in the
    factcheck part of the file, to locate an error (tomllib keeps no positions)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    header = re.compile(r"^\s*\[\s*tool\s*\.\s*factcheck\b")
    inside = path.name != "pyproject.toml"
    pattern = re.compile(rf"^\s*(?:{re.escape(key)}\s*=|\[[^\]]*\b{re.escape(key)}\b)")
    for number, text in enumerate(lines, start=1):
        if text.lstrip().startswith("["):
            inside = path.name != "pyproject.toml" or bool(header.match(text))
        if inside and pattern.match(text):
            return number
    return None


def _validated(section: dict[str, Any], path: Path) -> dict[str, Any]:
    """The keys one file sets, checked against the model; errors name that file."""
    for internal in ("severity_file", "stories_file", "folder"):  # not keys users may set
        if internal in section:
            section = {**section}
            section[internal.replace("_", "-")] = section.pop(internal)
    try:
        return Config.model_validate(section).model_dump(exclude_unset=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        keys = [str(p) for p in first["loc"]]
        line = _line_of(path, keys[-1]) if keys else None
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
        known = sorted(StoryConfig.model_fields if in_story else _USER_KEYS)
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


def config_files(start: Path | None = None) -> list[Path]:
    """The configuration files a run reads (to refuse them as an output)."""
    folder = _project_folder((start or Path.cwd()).resolve())
    return [] if folder is None else [f for n in CONFIG_FILES if (f := folder / n).is_file()]


def key_location(path: str, key: str) -> Location:
    """Where the configuration file ``path`` sets ``key`` (line 1-based), for errors."""
    line = _line_of(Path(path), key)
    return Location(path, line, 1 if line else None)


def _table(value: object, name: str, path: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(
            f"{name} must be a table, not {type(value).__name__} {value!r}",
            Location(str(path)),
            hint="write it as [tool.factcheck] with the settings below it",
        )
    return value


def _project_folder(start: Path) -> Path | None:
    """The nearest folder with a factcheck.toml, or a pyproject.toml that configures
    factcheck: a pyproject.toml of some other tool's project is walked past."""
    for folder in (start, *start.parents):
        if (folder / "factcheck.toml").is_file() or _configures_factcheck(
            folder / "pyproject.toml"
        ):
            return folder
    return None


def _configures_factcheck(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a ``tool.factcheck`` part. One that cannot be read
    as TOML counts when it names factcheck at all, so :func:`_read` reports what is
    wrong with it rather than the walk passing it by."""
    try:
        text = pyproject.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return False
    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        return "factcheck" in text
    return isinstance(tool, dict) and "factcheck" in tool


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
    result = _anchored(dict(_table(section, "the factcheck configuration", path)), path)
    stories = result.get("stories")
    if isinstance(stories, dict):
        result["stories"] = {
            name: _anchored(dict(story), path, ("rules", "sources", "drafts"))
            if isinstance(story, dict)
            else story
            for name, story in stories.items()
        }
    return result


def _anchored(
    table: dict[str, Any], path: Path, keys: tuple[str, ...] = ("rules", "sources")
) -> dict[str, Any]:
    """Path lists made relative to the file's folder (a single string is a list of one)."""
    for key in keys:
        if isinstance(table.get(key), str):
            table[key] = [table[key]]
        if isinstance(table.get(key), list):
            table[key] = [
                str(path.parent / p) if not Path(p).is_absolute() else p
                for p in table[key]
                if isinstance(p, str)
            ] or table[key]
    return table
