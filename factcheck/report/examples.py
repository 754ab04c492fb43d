"""Renderer for ``factcheck test-rules``: a pass/fail table of rule examples."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.selftest import ExampleResult


def render(results: list[ExampleResult], stream: TextIO, color: bool) -> None:
    console = Console(file=stream, force_terminal=color, no_color=not color,
                      width=None if color else 110, highlight=False)
    table = Table(show_lines=False, box=None, padding=(0, 1))
    for column in ("result", "example", "location", "detail"):
        table.add_column(column, overflow="fold")
    for result in results:
        mark = Text("PASS", style="green") if result.passed else Text("FAIL", style="bold red")
        table.add_row(mark, result.name, str(result.example.location),
                      "" if result.passed else result.explain())
    console.print(table)
    failed = sum(not r.passed for r in results)
    passed = len(results) - failed
    console.print(f"{passed} passed, {failed} failed")
