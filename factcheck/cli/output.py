"""Writing output files atomically: a temporary file beside the target, then rename.

A reader never sees a half-written report, and an interrupted run leaves the
previous file intact and no temporary file behind. A target that cannot be
written (a missing folder, a directory, no permission) is a located
:class:`~factcheck.errors.FactcheckError`, reported by the command line.

A symbolic link is written through (the file it points to is replaced, the
link stays); a named pipe or a device (``/dev/stdout``) is written as a stream.
A target that is one of the run's inputs is refused before anything runs.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from factcheck.errors import FactcheckError
from factcheck.model import Location


def write_atomically(path: str | Path, content: str) -> None:
    with open_atomically(path) as handle:
        handle.write(content)


@contextmanager
def open_atomically(path: str | Path) -> Iterator[TextIO]:
    """A text stream to a temporary file beside ``path`` that replaces ``path``
    when the block ends, so a long report streams to disk instead of memory.
    If the block raises, the temporary file is removed and ``path`` is untouched."""
    if _is_stream(Path(path)):  # a pipe or a device, also behind a link (/dev/stdout)
        yield from _stream(Path(path))
        return
    target = Path(os.path.realpath(path))  # through a symbolic link, not over it
    try:
        descriptor, temporary = _temporary_beside(target)
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode(target))
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from None
        raise


def _is_stream(target: Path) -> bool:
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def _stream(target: Path) -> Iterator[TextIO]:
    """A named pipe or a device: written in place, as a stream (nothing to rename)."""
    try:
        handle = open(target, "w", encoding="utf-8")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    try:
        with handle:
            yield handle
    except BrokenPipeError:
        raise  # the reader stopped (| head): as on standard output, not an error
    except OSError as exc:
        raise _cannot_write(target, exc) from None


# What a later run reads if it finds it in an input folder: articles, manifests, rules.
READ_SUFFIXES = (".txt", ".md", ".yaml", ".yml")


def refuse_inputs(output: str, inputs: Iterable[str | Path]) -> None:
    """Raise if ``output`` names no file or, followed through links, is one of the
    files the run reads (given by name, or of a kind read from an input folder)."""
    if not output.strip():
        raise FactcheckError(
            "the output path is empty", hint="give -o a file name, or leave -o out for stdout"
        )
    target = Path(os.path.realpath(output))
    for raw in inputs:
        given = Path(os.path.realpath(raw))
        inside = given.is_dir() and given in target.parents and target.suffix in READ_SUFFIXES
        if target == given or inside:
            raise FactcheckError(
                f"the output is one of the inputs: {output}"
                + ("" if target == given else f" (in {raw})"),
                Location(output),
                hint="write the report to a file that the run does not read",
            )


# mkstemp's flags: binary on Windows (Python's own text layer handles newlines).
_NEW_PRIVATE_FILE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOINHERIT", 0)
)


def _temporary_beside(target: Path) -> tuple[int, str]:
    """A new, private file next to ``target``, as ``tempfile.mkstemp`` makes one (whose
    import, with shutil's, is a noticeable part of a quick lint)."""
    for _ in range(100):
        name = os.path.join(target.parent, f".{target.name}.{os.urandom(6).hex()}")
        try:
            return os.open(name, _NEW_PRIVATE_FILE, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def _mode(target: Path) -> int:
    """The replaced file's permissions, or what a new file gets under the umask
    (mkstemp's temporary file is private, 0600)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _cannot_write(target: Path, exc: OSError) -> FactcheckError:
    reason = exc.strerror or str(exc)
    return FactcheckError(
        f"cannot write {target}: {reason}",
        Location(str(target)),
        hint="check that the folder exists and is writable, and that the path is not a folder",
    )
