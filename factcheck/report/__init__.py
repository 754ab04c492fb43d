"""Renderers: one module per output format behind one small interface.

A renderer takes a :class:`~factcheck.results.CheckReport` and a text stream.
The command line picks one from :data:`CHECK_FORMATS` by name; it never
branches on formats itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from factcheck.results import CheckReport

CheckRenderer = Callable[[CheckReport, TextIO, bool], None]


def _text(report: CheckReport, stream: TextIO, color: bool) -> None:
    from factcheck.report.text import render

    render(report, stream, color)


def _json(report: CheckReport, stream: TextIO, color: bool) -> None:
    from factcheck.report.json import render

    render(report, stream)


CHECK_FORMATS: dict[str, CheckRenderer] = {"text": _text, "json": _json}
