"""The check page's source texts, and the packing that keeps an archive's page small.

Each source is a ``<details>`` whose body is its full text as numbered lines,
every bound value marked (``src-{c}-m{k}``, k in text order). In a page of
many sources the bodies are packed: eight at a time deflated (zlib) and
base64-encoded in a ``<template>`` that the page's script inflates with the
browser's ``DecompressionStream`` when one of them is opened; the evidence
blocks of a claim are packed the same way. The packed markup is this module's
own output, escaped like the rest of the page before it is compressed, and the
bytes are deterministic (zlib, fixed level, no timestamps).
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import Sequence
from typing import TextIO

from factcheck.results import ClaimOut, SourceClaimOut, SourceOut

CHUNK = 8  # source texts per packed template: a few KB to inflate, and shared words compress


def pack(markup: str) -> str:
    """Markup deflated (zlib format, the browser's "deflate") and base64-encoded."""
    return base64.b64encode(zlib.compress(markup.encode("utf-8"), 9)).decode("ascii")


def packed(template_id: str, markup: str) -> str:
    return f'<template id="{template_id}">{pack(markup)}</template>\n'


Span = tuple[int, int]


def bound_values(claims: Sequence[ClaimOut], said: Sequence[SourceClaimOut]) -> dict[Span, str]:
    """One source's bound values (``said``: its verdict on each claim): each span and its
    label ("claim: words"), in text order; a span's position is its anchor number."""
    labels: dict[Span, list[str]] = {}
    for claim, source in zip(claims, said, strict=True):
        for m in source.mentions:
            how = f" (cue {m.cue!r}, score {m.score:.2f})" if m.cue else ""
            labels.setdefault((m.start, m.end), []).append(f"{claim.id}: {m.text}{how}")
    return {span: "; ".join(labels[span]) for span in sorted(labels)}


def text_body(c: int, source: SourceOut, text: str | None, labels: dict[Span, str]) -> str:
    """Source ``c``'s path and its text with the bound values marked."""
    from factcheck.report.check.html_parts import esc, numbered_lines

    path = f'<p class="muted mono">{esc(source.path)}</p>\n{_extracted(source)}'
    if text is None:
        return f"{path}<p>The text could not be read.</p>"
    spans = list(labels)  # in text order: span k has anchor m{k}

    def mark(keys: tuple[int, ...], start: int, first: bool) -> str:
        own = [k for k in keys if spans[k][0] == start] if first else []
        anchor = f' id="src-{c}-m{own[0]}"' if own else ""
        return f'<mark class="bound"{anchor} title="{esc(labels[spans[keys[0]]])}">'

    return f'{path}<pre class="text">{numbered_lines(text, spans, f"src-{c}", mark)}</pre>'


_FORMATS = {"html": "HTML", "pdf": "PDF", "docx": "Word"}


def _extracted(source: SourceOut) -> str:
    """Say so when the text shown is extracted from a page, a PDF or a Word file."""
    if source.extracted_from is None:
        return ""
    kind = _FORMATS[source.extracted_from]
    return f'<p class="muted">Text extracted from {kind}; lines count in the extracted text.</p>\n'


class SourceList:
    """Writes the sources section entry by entry; packed, the bodies go out a chunk at a time."""

    def __init__(self, stream: TextIO, pack_texts: bool) -> None:
        self.stream = stream
        self.pack_texts = pack_texts
        self._chunk: list[str] = []
        self._first = 0

    def add(self, c: int, source: SourceOut, note: str, statuses: str, body: str) -> None:
        from factcheck.report.check.html_parts import esc

        about = " · ".join(esc(x) for x in (source.outlet, source.title, source.published) if x)
        zid = f' data-z="z-src-{c // CHUNK}"' if self.pack_texts else ""
        self.stream.write(
            f'<details class="source" id="src-{c}" data-statuses="{statuses}"{zid}><summary>'
            f'<span class="mono">{esc(source.id)}</span>{f" — {about}" if about else ""}'
            f' <span class="muted">{note}</span></summary>\n'
        )
        if not self.pack_texts:
            self.stream.write(f"{body}</details>\n")
            return
        self.stream.write("</details>\n")
        self._chunk.append(f'<div class="text-body" data-for="src-{c}">{body}</div>')
        if len(self._chunk) == CHUNK:
            self.flush()

    def flush(self) -> None:
        if self._chunk:
            self.stream.write(packed(f"z-src-{self._first // CHUNK}", "".join(self._chunk)))
            self._first += len(self._chunk)
            self._chunk = []
