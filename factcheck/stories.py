"""Stories: the rule files, sources and drafts of one piece of news, by name.

    [tool.factcheck.stories.NAME]   a table per story (rules, sources, drafts globs)
    stories/NAME/                   the folder convention, when no table is set:
                                    rules/ or rules.yaml, sources/, drafts/
    neither                         one implicit story: the top-level rules and sources,
                                    and everything behaves as it did before stories

Claim ids are scoped per story. Where a story must be named with a claim
(suppressions, ``--claim``, pytest ids) the qualified name is ``story:claim-id``;
the bare id is enough when only one story has it. Pure resolution: nothing here
reads rules or sources, it only says which paths belong together.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from factcheck.config import Config, story_location
from factcheck.dataclass import dataclass
from factcheck.errors import InputError
from factcheck.model import Location

DEFAULT_RULES = "rules"
DEFAULT_SOURCES = "seeds"
STORIES_FOLDER = "stories"


@dataclass(frozen=True)
class Story:
    """One story's paths. ``name`` is None for the implicit story of a project
    without stories (its claims keep their bare ids everywhere)."""

    name: str | None
    rules: tuple[str, ...]
    sources: tuple[str, ...]
    drafts: tuple[str, ...] = ()  # globs
    origin: Location | None = None  # where the story is configured, for errors

    def qualified(self, claim_id: str) -> str:
        return f"{self.name}:{claim_id}" if self.name else claim_id

    def owns_draft(self, path: str | Path) -> bool:
        """Whether one of the story's ``drafts`` globs matches ``path``."""
        target = Path(path).resolve().as_posix()
        return any(glob_regex(_absolute(g)).fullmatch(target) for g in self.drafts)


def configured_stories(
    config: Config,
    rules: Sequence[str] | None = None,
    sources: Sequence[str] | None = None,
    root: Path | None = None,
) -> list[Story]:
    """The project's stories. ``rules`` given (``--rules``) is one implicit story;
    ``sources`` given (``--sources``) replaces every story's sources. ``root``: where
    to look for ``stories/`` without a configuration file (default: here)."""
    if rules:
        found = [Story(None, tuple(rules), tuple(config.sources or [DEFAULT_SOURCES]))]
    elif config.stories:
        file = config.stories_file
        found = [
            Story(
                name,
                _here(s.rules),
                _here(s.sources),
                tuple(s.drafts),
                story_location(file, name) if file else None,
            )
            for name, s in config.stories.items()
        ]
    elif config.rules is None and config.sources is None and _folders(config, root):
        found = _folders(config, root)
    else:
        found = [
            Story(
                None,
                tuple(config.rules or [DEFAULT_RULES]),
                tuple(config.sources or [DEFAULT_SOURCES]),
            )
        ]
    if sources:
        found = [replace(story, sources=tuple(sources)) for story in found]
    return found


def _folders(config: Config, root: Path | None) -> list[Story]:
    """``stories/NAME/`` folders: the convention when no stories table is set."""
    base = Path(config.folder) if config.folder else (root or Path())
    every = base / STORIES_FOLDER
    if not every.is_dir():
        return []
    found = []
    for folder in sorted(p for p in every.iterdir() if p.is_dir() and not p.name.startswith(".")):
        rules = folder / "rules"
        if not rules.exists() and (folder / "rules.yaml").exists():
            rules = folder / "rules.yaml"
        drafts = (str(folder / "drafts" / "**"),)
        found.append(Story(folder.name, _here([rules]), _here([folder / "sources"]), drafts))
    return found


def select(stories: Sequence[Story], names: Iterable[str]) -> list[Story]:
    """The stories named (all when none is), in configuration order; an unknown
    name is an error with the closest configured name."""
    wanted = list(dict.fromkeys(names))
    if not wanted:
        return list(stories)
    known = [s.name for s in stories if s.name]
    for name in wanted:
        if name not in known:
            raise InputError(
                f"no story {name!r}{_closest(name, known)}",
                hint=f"configured stories: {', '.join(known)}"
                if known
                else "no stories are configured: set [tool.factcheck.stories.NAME] "
                "or make a stories/NAME/ folder",
            )
    return [s for s in stories if s.name in wanted]


def check_paths(story: Story, sources: bool = True) -> None:
    """A story whose rules (or ``sources``) are missing is an error naming both."""
    for kind, paths in (("rules", story.rules), ("sources", story.sources if sources else ())):
        for path in paths:
            if not Path(path).exists():
                who = f"story {story.name!r}: " if story.name else ""
                raise InputError(
                    f"{who}no such file or directory: {path} (its {kind})",
                    story.origin or Location(str(path)),
                    hint=f"check the story's {kind} paths (relative to the configuration file)",
                )


def stories_for_draft(stories: Sequence[Story], draft: str | Path) -> list[Story]:
    return [s for s in stories if s.owns_draft(draft)]


def plan_drafts(
    drafts: Sequence[str], stories: Sequence[Story], chosen: bool = False
) -> list[tuple[str, list[Story]]]:
    """Each draft with the stories to lint it against: those whose ``drafts`` globs
    match it, or all of ``stories`` when they were ``chosen`` (``--story``). A
    draft that no story claims is an error naming the configured stories."""
    planned = []
    for draft in drafts:
        mine = list(stories) if chosen else stories_for_draft(stories, draft)
        if not mine:
            listed = "; ".join(
                f"{s.name} ({', '.join(map(_shown, s.drafts)) or 'no drafts'})" for s in stories
            )
            raise InputError(
                f"no story's drafts match {draft}",
                Location(draft),
                hint=f"pass --story NAME, or add it to a story's drafts globs: {listed}",
            )
        planned.append((draft, mine))
    return planned


def is_draft(path: str | Path, stories: Sequence[Story]) -> bool:
    """For the pre-commit hook: a file a story's drafts globs match; without named
    stories, any file outside the sources (which are never drafts)."""
    if any(s.name for s in stories):
        return any(s.owns_draft(path) for s in stories)
    target = Path(path).resolve()
    folders = [Path(p).resolve() for s in stories for p in s.sources]
    return not any(target == f or f in target.parents for f in folders)


def split_qualified(name: str) -> tuple[str | None, str]:
    """``city-budget:deal-value`` -> ('city-budget', 'deal-value'); a bare id -> (None, id)."""
    story, sep, claim = name.partition(":")
    return (story, claim) if sep else (None, name)


def pick_claim(name: str, claims: Mapping[str | None, Sequence[str]]) -> tuple[str | None, str]:
    """The story and claim a (bare or qualified) name means among ``claims``
    (story -> claim ids); an error when no story has it, or several do."""
    story, claim = split_qualified(name)
    if story is not None:
        if story not in claims:
            named = [s for s in claims if s]
            raise InputError(f"no story {story!r}{_closest(story, named)} (in {name!r})")
        if claim not in claims[story]:
            close = _closest(claim, claims[story])
            raise InputError(f"no claim {claim!r} in story {story!r}{close}")
        return story, claim
    having = [s for s, ids in claims.items() if claim in ids]
    if len(having) > 1:
        raise InputError(
            f"claim {claim!r} is in several stories",
            hint="qualify it: " + " or ".join(f"{s}:{claim}" for s in having),
        )
    if not having:
        every = [i for ids in claims.values() for i in ids]
        raise InputError(f"no claim {claim!r} in the rules{_closest(claim, every)}")
    return having[0], claim


def _here(paths: Iterable[str | Path]) -> tuple[str, ...]:
    """Paths as reports show them: relative to the current folder."""
    return tuple(_shown(str(p)) for p in paths)


def _shown(path: str) -> str:
    """A path relative to the current folder (``../seeds`` too): reports and
    messages then read the same on every machine."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path


def _closest(name: str, names: Sequence[str]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(name, list(names), n=1, cutoff=0.5)
    return f"; did you mean {close[0]!r}?" if close else ""


def _absolute(pattern: str) -> str:
    """The glob anchored at an absolute, resolved folder (the part before any wildcard)."""
    parts = Path(pattern).parts
    fixed = next((i for i, p in enumerate(parts) if any(c in p for c in "*?[")), len(parts))
    head = Path(*parts[:fixed]) if fixed else Path()
    rest = parts[fixed:]
    return Path(os.path.realpath(head), *rest).as_posix()


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression over a POSIX path: ``*`` and ``?`` stay inside
    one folder, ``**`` crosses folders (``**/`` also matches no folder at all)."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def draft_globs_files(stories: Sequence[Story]) -> list[str]:
    """Every file the stories' ``drafts`` globs match, once each, sorted; shown from the
    current folder when they lie inside it."""
    import glob

    here = Path.cwd()
    found: set[Path] = set()
    for pattern in (g for s in stories for g in s.drafts):
        found.update(Path(p) for p in glob.glob(_absolute(pattern), recursive=True))
    shown = []
    for path in sorted(p for p in found if p.is_file()):
        try:
            shown.append(path.relative_to(here.resolve()).as_posix())
        except ValueError:
            shown.append(path.as_posix())
    return shown
