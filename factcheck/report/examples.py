"""Renderer for ``factcheck test-rules``: a pass/fail table of rule examples.

One row per example: PASS or FAIL, the example's name (``claim[example-N]``),
where its text is written in the rule file, and for failures what was
expected and what the claim bound instead. Then each failure's
explanation (``factcheck explain`` of its text): what every claim proposed and
why the expected value did not bind. A summary line ends the output.
"""

from __future__ import annotations

import io
import json
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.display import display
from factcheck.report.explain import render as render_explanation
from factcheck.run.selftest import ExampleResult


def render(results: list[ExampleResult], stream: TextIO, color: bool) -> None:
    buffer = io.StringIO()
    _draw(results, buffer, color)
    stream.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))


def _draw(results: list[ExampleResult], stream: TextIO, color: bool) -> None:
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
    for result in results:
        if result.why is not None:
            console.print(Text(f"\nwhy {result.name} failed ({result.explain()}):"))
            console.out(explanation_text(result), end="", highlight=False)
    failed = sum(not r.passed for r in results)
    summary = f"{len(results) - failed} passed, {failed} failed"
    console.print(Text(summary, style="bold red" if failed else "green"))


def explanation_text(result: ExampleResult) -> str:
    """The explanation of a failed example's text, as ``factcheck explain`` prints it."""
    if result.why is None:
        return ""
    out = io.StringIO()
    render_explanation(result.why, out)
    return out.getvalue()


def render_json(results: list[ExampleResult], stream: TextIO, color: bool = False) -> None:
    """Every example with its outcome; failures carry the explanation's JSON."""
    entries = [_entry(r) for r in results]
    failed = sum(not r.passed for r in results)
    data = {"examples": entries, "summary": {"passed": len(results) - failed, "failed": failed}}
    stream.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _entry(result: ExampleResult) -> dict[str, Any]:
    expected = result.example.expected
    return {
        "name": result.name,
        "claim": result.claim_name,
        "location": str(result.example.location),
        "text": result.example.text,
        "passed": result.passed,
        "expected": None if expected is None else display(expected),
        "found": [display(v) for v in result.found],
        "explanation": None if result.why is None else result.why.model_dump(mode="json"),
    }
