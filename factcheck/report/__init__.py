"""Renderers: one module per output format behind one small interface.

A check renderer takes a :class:`~factcheck.results.CheckRun` (the verdicts,
rendered lazily) and a text stream; a lint renderer takes a ``LintReport``.
The command line picks one from :data:`CHECK_FORMATS` by name; it never
branches on formats itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from factcheck.run.outcome import CheckRun

if TYPE_CHECKING:
    from factcheck.lint.model import LintReport
    from factcheck.report.check.text import View

CheckRenderer = Callable[[CheckRun, TextIO, bool], None]


def text_report(run: CheckRun, stream: TextIO, color: bool, view: View | None = None) -> None:
    """The terminal report; ``view`` picks the detail (see ``report.check.text.View``)."""
    from factcheck.report.check.text import render

    render(run.report(), stream, color, view)


def _json(run: CheckRun, stream: TextIO, color: bool) -> None:
    from factcheck.report.check.json import render

    render(run, stream)


def _html(run: CheckRun, stream: TextIO, color: bool) -> None:
    from factcheck.report.check.html import render

    render(run, stream, color)


CHECK_FORMATS: dict[str, CheckRenderer] = {"text": text_report, "json": _json, "html": _html}

LintRenderer = Callable[["LintReport", TextIO, bool], None]


def _lint_renderer(module: str) -> LintRenderer:
    def render(report: LintReport, stream: TextIO, color: bool) -> None:
        from importlib import import_module

        import_module(f"factcheck.report.{module}").render(report, stream, color)

    return render


LINT_FORMATS: dict[str, LintRenderer] = {
    name: _lint_renderer(f"lint.{name}") for name in ("text", "json", "sarif", "github", "html")
}
