"""Finding the articles under the paths given: files, and folders walked through.

Folders are followed through links, each once, so a link back up the tree is a
loop reported by name, not an endless walk. A folder that cannot be read, a
broken link and a link loop are reported (as a path and a reason, which the
corpus turns into a skipped source), never skipped silently. Files of a kind
factcheck does not read (images, spreadsheets) are counted per folder given,
for one summary line; hidden files and folders (``.git/``) and the manifest
are passed over quietly.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import field
from pathlib import Path

from factcheck.dataclass import dataclass
from factcheck.errors import InputError
from factcheck.model import Location
from factcheck.regexes import compiled
from factcheck.sources.formats import SUFFIXES
from factcheck.sources.manifest import MANIFEST_NAME

ARTICLE_SUFFIXES = SUFFIXES
# What ``lint`` reads in a folder of drafts.
DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".docx")


@dataclass
class Walked:
    """What a walk passed by: the manifests in the folders walked, and the files of
    other kinds under each folder given."""

    manifests: list[Path] = field(default_factory=list)
    unsupported: dict[Path, list[Path]] = field(default_factory=dict)


def find_articles(
    paths: Iterable[str | Path], suffixes: tuple[str, ...] = ARTICLE_SUFFIXES
) -> list[Path]:
    """The article files under ``paths``, in path order (what cannot be read is left out:
    :func:`plan_sources` reports it)."""
    found = walk_all(paths, suffixes=suffixes)
    return sorted({path for path, problem in found if problem is None}, key=natural)


def natural(path: Path) -> tuple[tuple[int, int | str], ...]:
    """Sort key reading digit runs as numbers: copy2 before copy10."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in _DIGITS.split(str(path)) if part
    )


_DIGITS = compiled(r"(\d+)")


def walk_all(
    paths: Iterable[str | Path],
    walked: Walked | None = None,
    suffixes: tuple[str, ...] = ARTICLE_SUFFIXES,
) -> Iterator[tuple[Path, str | None]]:
    """Each article file under ``paths`` (problem None), and each folder, link or
    file found there that cannot be read, with why; ``walked`` collects the rest."""
    walked = walked if walked is not None else Walked()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, walked, suffixes)
        elif path.is_file():
            yield path, None
        else:
            raise InputError(f"no such file or directory: {raw}", Location(str(raw)))


def _walk(
    root: Path, walked: Walked, suffixes: tuple[str, ...]
) -> Iterator[tuple[Path, str | None]]:
    """The articles under one folder, and what cannot be read there."""
    seen = {_identity(root)}
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield folder, f"folder cannot be read ({exc.strerror})"
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):  # hidden: .git/, .DS_Store, editor swap files
                continue
            try:
                if entry.is_dir():
                    identity = _identity(path)
                    if identity in seen:
                        yield path, "a link to a folder already read (a loop or a duplicate)"
                        continue
                    seen.add(identity)
                    folders.append(path)
                elif entry.is_file():
                    if path.suffix.lower() in suffixes:
                        yield path, None
                    elif entry.name == MANIFEST_NAME:
                        walked.manifests.append(path)
                    else:
                        walked.unsupported.setdefault(root, []).append(path)
                elif entry.is_symlink() and (path.suffix.lower() in suffixes or not path.suffix):
                    yield path, f"a broken link ({_link_problem(path)})"
            except OSError as exc:
                yield path, f"cannot read ({exc.strerror})"


def _identity(folder: Path) -> tuple[int, int]:
    status = folder.stat()
    return status.st_dev, status.st_ino


def _link_problem(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        return str(exc.strerror).lower() if exc.strerror else "its target cannot be read"
    return "its target is neither a file nor a folder"


def unsupported_summary(files: list[Path], suffixes: tuple[str, ...] = ARTICLE_SUFFIXES) -> str:
    """One line for the files not read in a folder: how many, and the first few."""
    names = sorted((str(p.name) for p in files), key=str.casefold)
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return (
        f"{len(names)} file(s) not read, not a kind factcheck reads "
        f"({', '.join(suffixes)}): {shown}"
    )
