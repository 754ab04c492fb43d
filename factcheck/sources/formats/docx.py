"""Word documents (``.docx``), drafts and sources, with python-docx.

Each paragraph of the body (table cells included, in document order) is one
line of the text, so a position in a Word file is a paragraph and a character:
``line`` counts paragraphs from 1 (empty ones too) and ``column`` characters
in the paragraph from 1. Line breaks and tabs inside a paragraph are read as
spaces. The document's Title and Author properties are its title and author.

Word comments are kept with the paragraph they are anchored to, so a
suppression can be written in a comment (``factcheck: ignore[claim-id]``)
instead of in the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from typing import Any

from factcheck.model import Location
from factcheck.sources.formats import DAMAGED, Read, Unreadable
from factcheck.sources.metadata import read_fields

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\v": " ", "\f": " "})


def read(data: bytes, path: str) -> Read:
    import zipfile

    import docx  # only when a Word file is read
    from docx.opc.exceptions import OpcError

    failures: tuple[type[Exception], ...] = (OpcError, zipfile.BadZipFile, *DAMAGED)

    try:
        document = docx.Document(BytesIO(data))
        body = list(_body(document))
        notes = {str(c.comment_id): c.text for c in document.comments}
        properties = document.core_properties
    except failures as exc:  # a damaged or mislabelled file fails anywhere inside
        raise Unreadable(f"cannot read the Word document ({type(exc).__name__}: {exc})") from None
    text = "\n".join(paragraph.translate(_SPACES) for paragraph, _ in body)
    if not text.strip():
        raise Unreadable("the Word document has no text")
    comments = tuple(
        (number, notes[i])
        for number, (_, ids) in enumerate(body, start=1)
        for i in ids
        if i in notes
    )
    where = Location(path)
    fields = [
        (key, value, where)
        for key, value in (("title", properties.title), ("author", properties.author))
        if value
    ]
    meta = read_fields(fields, {"title": "title", "author": "author"})
    return Read(text, meta, origin="docx", comments=comments)


def _body(document: Any) -> Iterator[tuple[str, list[str]]]:
    """Each paragraph's text and the ids of the comments anchored in it."""
    for element in document.element.body.iter(f"{_W}p"):
        runs = "".join(_texts(element))
        ids = [
            str(e.get(f"{_W}id"))
            for e in element.iter(f"{_W}commentRangeStart", f"{_W}commentReference")
        ]
        yield runs, sorted(set(ids), key=ids.index)


def _texts(paragraph: Any) -> Iterator[str]:
    """A paragraph's text as Word shows it (runs, tabs and breaks)."""
    for e in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        yield (e.text or "") if e.tag == f"{_W}t" else " "
