"""Saved web pages (``.html``, ``.htm``): the article's main text and its metadata.

trafilatura finds the main text — navigation, cookie banners, comments and
footers are not the article — and the page's title, author, site name (the
outlet), canonical URL and publication date (through htmldate, which reads
the page's metadata and markup, never today's date: the latest date it
accepts is fixed, so a report does not change with the day it is run). The
language is the ``<html lang>`` attribute. Evidence points into the extracted
text, one paragraph a line; the report says the text was extracted from HTML.

A draft's ``<!-- factcheck: ignore ... -->`` comments do not survive the
extraction, so they are read from the page itself and placed as a Word
comment is: on the paragraph they sit in, or, alone between paragraphs, on the
next one (found in the extracted text by its first words). One whose paragraph
the extraction left out is reported and ignored.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from factcheck.model import Location, Notice
from factcheck.sources.formats import Read, Unreadable
from factcheck.sources.metadata import Meta, read_fields

# htmldate refuses dates after its ``max_date``, which defaults to today: fixed here.
_DATES = {"extensive_search": False, "original_date": True, "max_date": "2099-12-31"}
_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)", re.I)


def read(data: bytes, path: str) -> Read:
    import trafilatura  # heavy (lxml, htmldate, justext): only when a page is read

    extracted: Any = trafilatura.bare_extraction(
        data,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params=_DATES,
    )
    found: dict[str, Any] = extracted.as_dict() if extracted is not None else {}
    text = found.get("text")
    if not isinstance(text, str) or not text.strip():
        raise Unreadable("no article text found in the HTML page")
    where = Location(path)
    fields = [
        (key, value, where)
        for key, value in (
            ("title", found.get("title")),
            ("author", found.get("author")),
            ("outlet", found.get("sitename")),
            ("url", found.get("url")),
            ("published", found.get("date")),
            ("language", _language(data)),
        )
        if value
    ]
    meta: Meta = read_fields(fields, {k: k for k, _, _ in fields})
    text = text.replace("\r\n", "\n")
    comments, unplaced = _directives(data, text) if b"factcheck:" in data else ((), ())
    notices = tuple(
        Notice(
            where,
            f"the directive <!--{note.rstrip()} --> sits in text the extraction leaves out "
            "(navigation, an aside, a footer): it would silence nothing",
            hint="write it inside the paragraph it is about",
        )
        for note in unplaced
    )
    if notices:
        meta = dataclasses.replace(meta, notices=(*meta.notices, *notices))
    return Read(text, meta, origin="html", comments=comments)


# Elements that hold a paragraph of the extracted text (a directive inside one covers it).
_BLOCKS = frozenset("p li h1 h2 h3 h4 h5 h6 blockquote td th dd dt figcaption pre".split())
_WORD = re.compile(r"\w+")
_ANCHOR_WORDS = 8


def _directives(data: bytes, text: str) -> tuple[tuple[tuple[int, str], ...], tuple[str, ...]]:
    """Each ``factcheck:`` comment of the page as (paragraph of ``text``, comment), and
    those that could not be placed."""
    import lxml.html  # trafilatura's own parser, already loaded

    try:
        root = lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        return (), ()
    lines = [" ".join(_WORD.findall(line.casefold())) for line in text.split("\n")]
    placed: list[tuple[int, str]] = []
    unplaced: list[str] = []
    for comment in root.iter(lxml.etree.Comment):
        note = comment.text or ""
        if "factcheck:" not in note:
            continue
        line = _line_of(_anchor(comment), lines)
        if line is None:
            unplaced.append(note)
        else:
            placed.append((line, f"<!--{note}-->"))
    return tuple(placed), tuple(unplaced)


def _anchor(comment: Any) -> str:
    """The text a directive is about: its block's, or the next block's when it stands
    alone between blocks."""
    parent = comment.getparent()
    if parent is not None and parent.tag in _BLOCKS and _has_text(parent):
        return str(parent.text_content())
    sibling = comment.getnext()
    while sibling is not None and not _has_text(sibling):
        sibling = sibling.getnext()
    return str(sibling.text_content()) if sibling is not None else ""


def _has_text(element: Any) -> bool:
    return isinstance(element.tag, str) and bool(element.text_content().strip())


def _line_of(anchor: str, lines: list[str]) -> int | None:
    words = " ".join(_WORD.findall(anchor.casefold())[:_ANCHOR_WORDS])
    if not words:
        return None
    return next((number for number, line in enumerate(lines, 1) if words in line), None)


def _language(data: bytes) -> str | None:
    match = _LANG.search(data, 0, 4096)
    return match.group(1).decode("ascii") if match else None
