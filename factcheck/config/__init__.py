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
A file's settings are validated by :mod:`.spec` (pydantic), imported only when
there is a file: a run without one never imports pydantic.
"""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path
from typing import Any

from factcheck.dataclass import dataclass
from factcheck.errors import InputError
from factcheck.model import Location

CONFIG_FILES = ("factcheck.toml", "pyproject.toml")


@dataclass(frozen=True)
class StoryConfig:
    """One story's part of ``[tool.factcheck.stories.NAME]``."""

    rules: list[str]
    sources: list[str]
    drafts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Config:
    """The merged configuration (each file validated on its own first, by
    :mod:`.spec`, so an error names the file it is in)."""

    rules: list[str] | None = None
    sources: list[str] | None = None
    strict: bool | None = None
    stories: dict[str, StoryConfig] | None = None
    severity: dict[str, str] = field(default_factory=dict)  # code -> level or "off"
    # The file that set ``severity`` last, to locate an unknown code (not written by users).
    severity_file: str | None = None
    # The file that set ``stories`` and the project folder (not written by users).
    stories_file: str | None = None
    folder: str | None = None


def validated(section: dict[str, Any], path: Path) -> dict[str, Any]:
    """The keys one file sets, checked; errors name that file."""
    from factcheck.config import spec  # pydantic: only when there is a file to check

    return spec.validated(section, path)


def load_config(start: Path | None = None) -> Config:
    """The merged configuration for the project around ``start`` (default: cwd)."""
    folder = _project_folder((start or Path.cwd()).resolve())
    if folder is None:
        return Config()
    merged: dict[str, Any] = {"folder": str(folder)}
    for name in reversed(CONFIG_FILES):  # pyproject first, factcheck.toml over it
        path = folder / name
        if path.is_file():
            section = validated(_read(path), path)
            if "severity" in section:
                section["severity"] = {**merged.get("severity", {}), **section["severity"]}
                section["severity_file"] = str(path)
            if "stories" in section:
                section["stories_file"] = str(path)
            merged.update(section)
            _stories_alone(merged, path)
    stories = merged.pop("stories", None)
    if stories is not None:
        merged["stories"] = {name: StoryConfig(**story) for name, story in stories.items()}
    return Config(**merged)


def _stories_alone(merged: dict[str, Any], path: Path) -> None:
    """Stories replace the top-level rules and sources: both at once is ambiguous."""
    both = [key for key in ("rules", "sources") if merged.get(key) is not None]
    if merged.get("stories") is None or not both:
        return
    line = line_of(path, both[0]) or line_of(path, "stories")
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


def line_of(path: Path, key: str) -> int | None:
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


def config_files(start: Path | None = None) -> list[Path]:
    """The configuration files a run reads (to refuse them as an output)."""
    folder = _project_folder((start or Path.cwd()).resolve())
    return [] if folder is None else [f for n in CONFIG_FILES if (f := folder / n).is_file()]


def key_location(path: str, key: str) -> Location:
    """Where the configuration file ``path`` sets ``key`` (line 1-based), for errors."""
    line = line_of(Path(path), key)
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
    import tomllib  # only where there is a pyproject.toml to look into

    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        return "factcheck" in text
    return isinstance(tool, dict) and "factcheck" in tool


def _read(path: Path) -> dict[str, Any]:
    import tomllib

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
