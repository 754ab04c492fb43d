"""HTML check report: one self-contained page for editors.

A matrix of claims (rows) by sources (columns); each cell shows the source's
status with an icon, a word and a colour, and the value it states. Activating
a cell (click, Enter or Space) opens a side panel with the evidence: the
sentence with the value and the cue highlighted, its line, and a link into
the full text of the source, which the page holds with every bound value
highlighted. Filter and search narrow the claims and the source list. Up to
50 sources everything is markup; an archive's page keeps the sources worth a
look as columns and packs the evidence and texts (see :mod:`.html_layout`),
so it stays small to load and the run small in memory: the page is written as
it is made, never held whole. All text from sources and rules is escaped; the
same input gives the same bytes. The lint page shares the shell
(:mod:`.html_parts`).
"""

from __future__ import annotations

import io
from typing import TextIO

from factcheck.report.check import html_data, html_layout
from factcheck.report.check.html_parts import Span, esc, numbered_lines, page, quote_html
from factcheck.results import CheckReport
from factcheck.run.outcome import CheckRun

__all__ = ["Span", "esc", "numbered_lines", "page", "quote_html", "render", "render_page"]


def render(run: CheckRun, stream: TextIO, color: bool = False) -> None:
    """The page for a run, written to ``stream`` as it is made."""
    html_layout.write_page(html_data.from_run(run), stream)


def render_page(report: CheckReport, lead: str = "", title: str | None = None) -> str:
    """The self-contained page; ``lead`` (HTML) opens it, e.g. a story's title and a
    link back to the index of several stories; ``title``: the story's, as the heading."""
    out = io.StringIO()
    html_layout.write_page(html_data.from_report(report, title), out, lead)
    return out.getvalue()
