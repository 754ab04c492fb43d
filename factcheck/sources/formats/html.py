"""Saved web pages (``.html``, ``.htm``): the article's main text and its metadata.

trafilatura finds the main text — navigation, cookie banners, comments and
footers are not the article — and the page's title, author, site name (the
outlet), canonical URL and publication date (through htmldate, which reads
the page's metadata and markup, never today's date: the latest date it
accepts is fixed, so a report does not change with the day it is run). The
language is the ``<html lang>`` attribute. Evidence points into the extracted
text, one paragraph a line; the report says the text was extracted from HTML.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.model import Location
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
    return Read(text.replace("\r\n", "\n"), meta, origin="html")


def _language(data: bytes) -> str | None:
    match = _LANG.search(data, 0, 4096)
    return match.group(1).decode("ascii") if match else None
