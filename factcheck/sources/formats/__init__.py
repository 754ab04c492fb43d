"""Readers: a file's bytes to checkable text and the metadata the file carries.

One module per format, each with the same surface, ``read(data, path) -> Read``
(raising :class:`Unreadable` with a reason for a file that cannot be read),
chosen by suffix from :data:`READERS`. The readers of HTML, PDF and Word
import their libraries (trafilatura, pypdf, python-docx) inside ``read``, so a
run over plain text never loads them.

- ``text``: ``.txt``, with a leading header block of ``Key: value`` lines (``header``);
- ``markdown``: ``.md``/``.markdown``, front matter and markup blanked in place;
- ``html``: ``.html``/``.htm``, the main text and metadata (trafilatura);
- ``pdf``: the text layer, page by page (pypdf);
- ``docx``: Word paragraphs, one per line, and the comments on them (python-docx).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable

from factcheck.dataclass import dataclass
from factcheck.sources.encoding import decode_as_stored, split_newlines
from factcheck.sources.metadata import Meta

Span = tuple[int, int]


class Unreadable(Exception):
    """The file cannot be read as its kind; the message says why (it is skipped)."""


@dataclass(frozen=True)
class Read:
    """What a reader found: the text to check and what the file says about itself."""

    text: str
    meta: Meta = Meta()
    skip: tuple[Span, ...] = ()  # spans of ``text`` not to check (a header block, markup)
    crlf: tuple[int, ...] = ()  # see Document.crlf
    origin: str | None = None  # "html", "pdf", "docx": the text was extracted from that
    pages: tuple[int, ...] = ()  # where each PDF page starts in ``text``
    comments: tuple[tuple[int, str], ...] = ()  # Word comments: (paragraph, text)


Reader = Callable[[bytes, str], Read]

# What a parser of a damaged or mislabelled file raises (besides its own error base):
# a PDF or Word file is a container of streams, each of which can be cut short (a
# Word reader adds the zip archive's own error).
DAMAGED: tuple[type[Exception], ...] = (
    ValueError,
    LookupError,
    TypeError,
    AttributeError,
    ArithmeticError,
    AssertionError,
    RuntimeError,  # RecursionError: a reference loop
    SyntaxError,  # lxml's XMLSyntaxError
    OSError,
    EOFError,
    struct.error,
    zlib.error,
)


def decoded(data: bytes) -> tuple[str, tuple[int, ...]]:
    """Text bytes decoded (see :mod:`~factcheck.sources.encoding`), line breaks as
    ``\\n``, with where CRLFs were; raises :class:`Unreadable` for binary or empty files."""
    stored = decode_as_stored(data)
    if stored is None:
        raise Unreadable("binary or undecodable content")
    text, crlf = split_newlines(stored)
    if not text.strip():
        raise Unreadable("empty file")
    return text, crlf


def _readers() -> dict[str, Reader]:
    from factcheck.sources.formats import docx, html, markdown, pdf, text

    return {
        ".txt": text.read,
        ".md": markdown.read,
        ".markdown": markdown.read,
        ".html": html.read,
        ".htm": html.read,
        ".pdf": pdf.read,
        ".docx": docx.read,
    }


READERS: dict[str, Reader] = _readers()
SUFFIXES = tuple(READERS)


def reader_for(suffix: str) -> Reader:
    """The reader for a file's suffix (any case); plain text for an unknown one, as a
    file named on the command line is read whatever it is called."""
    return READERS.get(suffix.lower(), READERS[".txt"])
