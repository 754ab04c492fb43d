"""Load source documents: read each file by its kind and attach its metadata.

Articles are plain text (``.txt``, a header block read as metadata), Markdown
(``.md``, ``.markdown``, with front matter), saved web pages (``.html``),
PDFs and Word files (``.docx``): see :mod:`factcheck.sources.formats`.
Metadata comes from a ``sources.yaml`` manifest in the article's folder, keyed
by file stem, first, then from what the file says about itself. Metadata that
cannot be read is a notice and the article is checked without it; binary or
undecodable files are skipped with a warning that names them. Nothing here
writes to the user's files.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path

from factcheck.dataclass import dataclass
from factcheck.errors import InputError
from factcheck.model import Document, Location, Notice, Skipped
from factcheck.sources.encoding import decode_as_stored, split_newlines
from factcheck.sources.formats import SUFFIXES, Unreadable, reader_for
from factcheck.sources.manifest import MANIFEST_NAME, Manifest, load_manifest
from factcheck.sources.metadata import Meta
from factcheck.sources.walk import (
    DRAFT_SUFFIXES,
    Walked,
    find_articles,
    unsupported_summary,
    walk_all,
)

MAX_BYTES = 5_000_000  # text files; a PDF or Word file may be larger
MAX_BINARY_BYTES = 50_000_000
_BINARY_KINDS = (".pdf", ".docx")
EXTRACTED = (".html", ".htm", ".pdf", ".docx")  # kinds whose text is not the file's bytes


@dataclass
class Corpus:
    """Documents read into memory, the files that were skipped, and notices."""

    documents: list[Document]
    skipped: list[Skipped] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SourceTask:
    """One article to load (picklable, for workers): its path and its manifest entry;
    or a notice about the walk (a manifest, files not read) to report in its place."""

    path: str
    meta: Meta | None
    problem: str | None = None  # why it cannot be read, known while looking for it
    notice: Notice | None = None


def plan_sources(paths: Iterable[str | Path]) -> list[SourceTask]:
    """The articles under ``paths`` in path order, each with its manifest entry, and
    what could not be read there (unreadable folders, broken links), to be reported;
    notices about the manifests and the files not read come first."""
    manifests: dict[Path, Manifest] = {}
    tasks = []
    walked = Walked()
    found = sorted(set(walk_all(paths, walked)), key=lambda item: (item[0], item[1] or ""))
    stems: dict[Path, set[str]] = {}
    for path, problem in found:
        if problem is not None:
            tasks.append(SourceTask(str(path), None, problem))
            continue
        if path.parent not in manifests:
            manifests[path.parent] = load_manifest(path.parent / MANIFEST_NAME)
        stems.setdefault(path.parent, set()).add(path.stem)
        tasks.append(SourceTask(str(path), manifests[path.parent].entries.get(path.stem)))
    notices = [n for m in manifests.values() for n in m.notices]
    for manifest_path in sorted(set(walked.manifests)):  # a folder walked whole can lack a file
        manifest = manifests.get(manifest_path.parent) or load_manifest(manifest_path)
        notices.extend(manifest.unmatched(stems.get(manifest_path.parent, set())))
    for root, files in sorted(walked.unsupported.items()):
        notices.append(Notice(Location(str(root)), unsupported_summary(sorted(set(files)))))
    return [SourceTask(str(n.location.path), None, notice=n) for n in notices] + tasks


def load_source(task: SourceTask) -> Document | Skipped | Notice:
    """The document, or the file and why it has to be skipped (or the task's notice)."""
    if task.notice is not None:
        return task.notice
    if task.problem is not None:
        return Skipped(task.path, task.problem)
    return _load_document(Path(task.path), task.meta)


def empty_corpus_error(
    paths: Iterable[str | Path], skipped: Iterable[Skipped | Notice] = ()
) -> InputError:
    """The error for a corpus with nothing to check; ``skipped`` are the files that
    were there but could not be read (and notices: why others were not read)."""
    names = ", ".join(str(p) for p in paths)
    reasons = [str(s) for s in skipped]
    kinds = ", ".join(f"*{s}" for s in SUFFIXES)
    if reasons:
        return InputError(
            f"no readable articles ({kinds}) found in {names}: "
            f"{len(reasons)} file(s) skipped ({'; '.join(reasons)})",
            hint="fix or remove the skipped files, or point --sources elsewhere",
        )
    return InputError(
        f"no readable articles ({kinds}) found in {names}",
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
        if isinstance(loaded, Notice):
            corpus.notices.append(loaded)
            continue
        if loaded.id in ids:  # same stem in two folders: qualify by path
            loaded = _with_id(loaded, str(Path(loaded.path).with_suffix("")))
        ids.add(loaded.id)
        corpus.documents.append(loaded)
    if not corpus.documents:
        raise empty_corpus_error(paths, [*corpus.notices, *corpus.skipped])
    return corpus


def _with_id(document: Document, new_id: str) -> Document:
    return dataclasses.replace(document, id=new_id)


def draft_files(paths: Iterable[str | Path]) -> list[Path]:
    """The drafts to lint: each file as named, and every draft file inside a folder
    (``.md``, ``.markdown``, ``.txt``, ``.html``, ``.htm``, ``.docx``), in path order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.append(path)
            continue
        inside = find_articles([path], DRAFT_SUFFIXES)
        if not inside:
            raise InputError(
                f"no drafts ({', '.join(f'*{s}' for s in DRAFT_SUFFIXES)}) in the folder {path}",
                Location(str(path)),
                hint="name the draft files, or a folder that holds some",
            )
        found.extend(inside)
    return found


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
    return _draft(_load_document(path, None), path)


def read_document(data: bytes, name: str) -> Document:
    """A draft given as bytes (standard input), read as the file ``name`` would be."""
    path = Path(name)
    return _draft(_read(data, path, None), path)


def _draft(document: Document | Skipped, path: Path) -> Document:
    """A draft's problems are errors: the editor is there to fix them."""
    if isinstance(document, Skipped):
        raise InputError(f"skipped, {document.reason}", Location(str(path)))
    if document.notices:
        first = document.notices[0]
        raise InputError(first.message, first.location, first.hint)
    return document


def _load_document(path: Path, listed: Meta | None) -> Document | Skipped:
    limit = MAX_BINARY_BYTES if path.suffix.lower() in _BINARY_KINDS else MAX_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            return Skipped(str(path), f"larger than {limit:,} bytes")
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(str(path), f"cannot read ({exc.strerror})")
    return _read(data, path, listed)


def _read(data: bytes, path: Path, listed: Meta | None) -> Document | Skipped:
    try:
        read = reader_for(path.suffix)(data, str(path))
    except Unreadable as exc:
        return Skipped(str(path), str(exc))
    meta = listed.over(read.meta) if listed is not None else read.meta
    return Document(
        id=path.stem,
        path=str(path),
        text=read.text,
        title=meta.title,
        outlet=meta.outlet,
        published=meta.published,
        via=meta.via,
        url=meta.url,
        author=meta.author,
        language=meta.language,
        extra=meta.extra,
        origin=read.origin,
        pages=read.pages,
        comments=read.comments,
        notices=meta.notices,
        skip=read.skip,
        crlf=read.crlf,
    )


def decode(data: bytes) -> str | None:
    """Decode article bytes, with every line break written as ``\n``."""
    text = decode_as_stored(data)
    return None if text is None else split_newlines(text)[0]


def load_text(path: str | Path) -> str | None:
    """A file's text as stored, for a renderer that shows it whole (offsets in
    reports point into it): for HTML, PDF and Word files, the text extracted from
    them; None when it cannot be read any more."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    suffix = Path(path).suffix.lower()
    if suffix in EXTRACTED:
        try:
            return reader_for(suffix)(data, str(path)).text
        except Unreadable:
            return None
    return decode_as_stored(data)
