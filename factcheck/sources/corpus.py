"""Load source documents: decode bytes to text and attach metadata.

Articles are ``*.txt`` and ``*.md`` files. Metadata (title, outlet,
publication date, syndication credit) comes from a ``sources.yaml`` manifest
in the article's folder, keyed by file stem, or from YAML front matter in a
Markdown file; the manifest wins where both speak. Text in another encoding
is detected and decoded; binary or undecodable files are skipped with a
warning that names them. Nothing here writes to the user's files.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factcheck.errors import InputError, RuleError
from factcheck.model import Document, Location, Skipped
from factcheck.sources import markdown
from factcheck.sources.encoding import decode_as_stored
from factcheck.sources.manifest import (
    MANIFEST_NAME,
    Listed,
    SourceMeta,
    load_manifest,
    published_date,
)
from factcheck.sources.walk import walk_all
from factcheck.yamlio import marks as yamlmarks

MAX_BYTES = 5_000_000


@dataclass
class Corpus:
    """Documents read into memory, and the files that were skipped."""

    documents: list[Document]
    skipped: list[Skipped] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SourceTask:
    """One article to load: its path and its manifest entry (picklable, for workers)."""

    path: str
    meta: Listed | None
    problem: str | None = None  # why it cannot be read, known while looking for it


def plan_sources(paths: Iterable[str | Path]) -> list[SourceTask]:
    """The articles under ``paths`` in path order, each with its manifest entry, and
    what could not be read there (unreadable folders, broken links), to be reported."""
    manifests: dict[Path, dict[str, Listed]] = {}
    tasks = []
    found = sorted(set(walk_all(paths)), key=lambda item: (item[0], item[1] or ""))
    for path, problem in found:
        if problem is not None:
            tasks.append(SourceTask(str(path), None, problem))
            continue
        if path.parent not in manifests:
            manifests[path.parent] = load_manifest(path.parent / MANIFEST_NAME)
        tasks.append(SourceTask(str(path), manifests[path.parent].get(path.stem)))
    return tasks


def load_source(task: SourceTask) -> Document | Skipped:
    """The document, or the file and why it has to be skipped."""
    if task.problem is not None:
        return Skipped(task.path, task.problem)
    path = Path(task.path)
    return _load_document(path, {path.stem: task.meta} if task.meta else {})


def empty_corpus_error(paths: Iterable[str | Path], skipped: Iterable[Skipped] = ()) -> InputError:
    """The error for a corpus with nothing to check; ``skipped`` are the files that
    were there but could not be read, so the message says why."""
    names = ", ".join(str(p) for p in paths)
    reasons = [str(s) for s in skipped]
    if reasons:
        return InputError(
            f"no readable articles (*.txt, *.md) found in {names}: "
            f"{len(reasons)} file(s) skipped ({'; '.join(reasons)})",
            hint="fix or remove the skipped files, or point --sources elsewhere",
        )
    return InputError(
        f"no readable articles (*.txt, *.md) found in {names}",
        hint="point --sources at a folder of article files",
    )


def load_corpus(paths: Iterable[str | Path]) -> Corpus:
    """Every readable article under ``paths``, in path order; raise on an empty corpus."""
    paths = list(paths)
    corpus = Corpus([])
    ids: set[str] = set()
    for task in plan_sources(paths):
        loaded = load_source(task)
        if isinstance(loaded, Skipped):
            corpus.skipped.append(loaded)
            continue
        if loaded.id in ids:  # same stem in two folders: qualify by path
            loaded = _with_id(loaded, str(Path(loaded.path).with_suffix("")))
        ids.add(loaded.id)
        corpus.documents.append(loaded)
    if not corpus.documents:
        raise empty_corpus_error(paths, corpus.skipped)
    return corpus


def _with_id(document: Document, new_id: str) -> Document:
    return dataclasses.replace(document, id=new_id)


def load_document(path: str | Path) -> Document:
    """Load one file (a draft) on its own: no manifest, and problems are errors."""
    path = Path(path)
    if path.is_dir():
        raise InputError(
            f"{path} is a folder, not a draft file",
            Location(str(path)),
            hint="name the draft files in it, e.g. drafts/*.md",
        )
    if not path.is_file():
        raise InputError(f"no such file: {path}", Location(str(path)))
    document = _load_document(path, {})
    if isinstance(document, Skipped):
        raise InputError(f"skipped, {document.reason}", Location(str(path)))
    return document


def _load_document(
    path: Path,
    manifest: dict[str, Listed],
) -> Document | Skipped:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Skipped(str(path), f"larger than {MAX_BYTES:,} bytes")
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(str(path), f"cannot read ({exc.strerror})")
    stored = decode_as_stored(data)
    if stored is None:
        return Skipped(str(path), "binary or undecodable content")
    text, crlf = split_newlines(stored)
    if not text.strip():
        return Skipped(str(path), "empty file")
    meta, skip = _markdown(text, path) if path.suffix == ".md" else (SourceMeta(), ())
    listed = manifest.get(path.stem)
    if listed is not None:
        meta = SourceMeta(**{**meta.model_dump(exclude_none=True), **listed.given()})
    return Document(
        id=path.stem,
        path=str(path),
        text=text,
        title=meta.title,
        outlet=meta.outlet,
        published=published_date(meta, Location(str(path))),
        via=meta.via,
        skip=skip,
        crlf=crlf,
    )


def decode(data: bytes) -> str | None:
    """Decode article bytes, with every line break written as ``\n``."""
    text = decode_as_stored(data)
    return None if text is None else split_newlines(text)[0]


def split_newlines(text: str) -> tuple[str, tuple[int, ...]]:
    """The text with every line break (CRLF, CR, LF) written as ``\n``, so lines and
    columns are what an editor shows, and where a CRLF became one ``\n`` (offsets
    in the new text), so positions can be given back in the file as stored."""
    if "\r" not in text:
        return text, ()
    crlf: list[int] = []
    for match in _CRLF.finditer(text):
        crlf.append(match.start() - len(crlf))
    return text.replace("\r\n", "\n").replace("\r", "\n"), tuple(crlf)


_CRLF = re.compile("\r\n")


def load_text(path: str | Path) -> str | None:
    """A file's text as stored, for a renderer that shows it whole (offsets in
    reports point into it); None when it cannot be read any more."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return decode_as_stored(data)


def _markdown(text: str, path: Path) -> tuple[SourceMeta, tuple[tuple[int, int], ...]]:
    """Front-matter metadata and the markup spans not to check."""
    skip = tuple(markdown.markup_spans(text))
    matter, _ = markdown.front_matter(text)
    if matter is None:
        return SourceMeta(), skip
    try:
        located = yamlmarks.load(matter, str(path))
    except RuleError as exc:
        where = _shift(exc.location) if exc.location else None
        hint = exc.hint.replace("rule files hold", "front matter holds") if exc.hint else None
        raise InputError(f"front matter: {exc.message}", where, hint) from None
    data: dict[str, Any] = located.data if isinstance(located.data, dict) else {}
    known = {k: v for k, v in data.items() if k in SourceMeta.model_fields}
    try:
        meta = SourceMeta.model_validate(known)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _shift(located.value_location(tuple(first["loc"])))
        raise InputError(f"front matter: {first['msg']}", where) from None
    meta = meta.model_copy(
        update={"published": published_date(meta, _shift(located.value_location(("published",))))}
    )
    return meta, skip


def _shift(location: Location) -> Location:
    """Front matter starts on line 2 of the file (after the opening ---)."""
    if location.line is None:
        return location
    return Location(location.path, location.line + 1, location.column)
