"""A header block: the ``Key: value`` lines a saved or wire article begins with.

    Title: OpenAI deepens Amazon ties
    URL: https://news.example/openai-amazon
    Source: Example Wire
    Published: 2026-04-13T09:30:00Z

    OpenAI has committed $38 billion...

The block is the run of ``Key: value`` lines at the very top of the file,
ended by a blank line (or the end of the file), holding at least one key
factcheck reads; a first paragraph that happens to start "Update: ..." and
runs on is no header. Keys are read case-insensitively: Title (Headline), URL
(Link), Source/Outlet (Publisher), Author (By, Byline), Published/Date, Via,
Language; any other key is kept as extra metadata. The block is not article
text: its span is blanked, so line numbers still count the file's own lines.
"""

from __future__ import annotations

from factcheck.model import Location
from factcheck.regexes import compiled
from factcheck.sources.metadata import Meta, read_fields

ALIASES = {
    "title": "title",
    "headline": "title",
    "url": "url",
    "link": "url",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "author": "author",
    "by": "author",
    "byline": "author",
    "published": "published",
    "date": "published",
    "via": "via",
    "language": "language",
}
_LINE = compiled(r"([A-Za-z][\w-]*(?: [\w-]+){0,2})[ \t]*:[ \t]*(.*?)[ \t]*(?:\n|\Z)")
_MAX_LINES = 40  # a header is a few lines; a long run of "Key: value" is a table, not one


def read_header(text: str, path: str) -> tuple[Meta, tuple[int, int] | None]:
    """The header block's metadata and its span (to blank), or nothing when there is none."""
    fields = []
    pos = 0
    for line in range(1, _MAX_LINES + 1):
        match = _LINE.match(text, pos)
        if match is None:
            break
        key, value = match.group(1), match.group(2)
        fields.append((key, value, Location(path, line, match.start(2) - pos + 1)))
        pos = match.end()
    ended = pos == len(text) or text.startswith("\n", pos) or text[pos:].strip() == ""
    if not fields or not ended or not any(k.lower() in ALIASES for k, _, _ in fields):
        return Meta(), None
    return read_fields(fields, ALIASES), (0, pos)
