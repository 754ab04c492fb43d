"""Renderer for ``factcheck test-rules``: a pass/fail table of rule examples.

One row per example: PASS or FAIL, the example's name (``claim[example-N]``),
where its text is written in the rule file, and for failures what was
expected and what the claim bound instead. A summary line ends the table.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.run.selftest import ExampleResult


def render(results: list[ExampleResult], stream: TextIO, color: bool) -> None:
    console = Console(
        file=stream,
        force_terminal=color,
        no_color=not color,
        width=None if color else 120,
        highlight=False,
    )
    table = Table(show_lines=False, box=None, padding=(0, 1))
    for column in ("result", "example", "location", "detail"):
        table.add_column(column, overflow="fold")
    for result in results:
        mark = Text("PASS", style="green") if result.passed else Text("FAIL", style="bold red")
        # Text(), not markup strings: "[example-1]" must not be read as a style tag.
        table.add_row(
            mark,
            Text(result.name),
            Text(str(result.example.location)),
            Text("" if result.passed else result.explain()),
        )
    console.print(table)
    failed = sum(not r.passed for r in results)
    summary = f"{len(results) - failed} passed, {failed} failed"
    console.print(Text(summary, style="bold red" if failed else "green"))
