"""PDF sources (filings, press releases): the text layer, page by page, with pypdf.

pypdf is pure Python (no system libraries to install) and gives the text of
each page on its own, which is what a ``page`` on every mention needs;
pdfminer.six reads layouts more closely but is slower and hands back one
stream to be cut at form feeds. Pages are joined with a blank line, and
:attr:`Read.pages` keeps where each starts, so evidence carries its page.
The document's Title and Author properties are its title and author. A PDF
with no text layer (a scan) is skipped with a warning that says so: it would
need OCR first.
"""

from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any

from factcheck.model import Location
from factcheck.sources.encoding import split_newlines
from factcheck.sources.formats import DAMAGED, Read, Unreadable
from factcheck.sources.metadata import read_fields

_PAGE_BREAK = "\n\n"


def read(data: bytes, path: str) -> Read:
    from pypdf import PdfReader  # only when a PDF is read
    from pypdf.errors import PyPdfError

    failures: tuple[type[Exception], ...] = (PyPdfError, *DAMAGED)

    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("the PDF is encrypted with a password")
        pages = [split_newlines(page.extract_text() or "")[0].strip() for page in reader.pages]
        properties: Mapping[str, Any] = reader.metadata or {}
    except failures as exc:  # a damaged file can fail anywhere inside pypdf
        raise Unreadable(f"cannot read the PDF ({type(exc).__name__}: {exc})") from None
    if not any(pages):
        raise Unreadable("the PDF has no text layer (a scanned image?); run OCR on it first")
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + len(_PAGE_BREAK)
    where = Location(path)
    fields = [
        (key, str(properties.get(name)), where)
        for key, name in (("title", "/Title"), ("author", "/Author"))
        if properties.get(name)
    ]
    meta = read_fields(fields, {"title": "title", "author": "author"})
    return Read(_PAGE_BREAK.join(pages), meta, origin="pdf", pages=tuple(starts))
