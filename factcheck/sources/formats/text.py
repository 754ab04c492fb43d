"""Plain-text articles (``.txt``): decoded text, with a header block read as metadata.

See :mod:`~factcheck.sources.formats.header` for the header block.
"""

from __future__ import annotations

from factcheck.sources.formats import Read, decoded
from factcheck.sources.formats.header import read_header


def read(data: bytes, path: str) -> Read:
    text, crlf = decoded(data)
    meta, header = read_header(text, path)
    return Read(text, meta, skip=(header,) if header else (), crlf=crlf)
