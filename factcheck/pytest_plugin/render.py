"""Text for the pytest plugin's failures: rule errors, a failing claim as a table,
a failing example. Pure functions of the results, kept apart from the collectors."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from factcheck.errors import RuleError
from factcheck.model import Location
from factcheck.results import ClaimOut
from factcheck.run.selftest import ExampleResult


def where_relative(location: Location | None, root: Path) -> str:
    """A location with its path relative to the rootdir, as pytest shows paths."""
    if location is None:
        return "<rules>"
    path = Path(location.path)
    if path.is_absolute() and path.is_relative_to(root):
        path = path.relative_to(root)
    return str(Location(str(path), location.line, location.column))


def render_rule_errors(errors: Sequence[RuleError], root: Path) -> str:
    lines = []
    for error in errors:
        lines.append(f"{where_relative(error.location, root)}: error: {error.message}")
        if error.hint:
            lines.append(f"  hint: {error.hint.replace(f'{root}{os.sep}', '')}")
    return "\n".join(lines)


QUOTE_WIDTH = 90


def render_claim(out: ClaimOut, reasons: Sequence[str], where: str) -> str:
    """The failing claim as a compact table: a row per source that states it
    (more rows for its other mentions), then the silent ones."""
    lines = [f"{out.id}: {'; '.join(reasons)}", f"  {where}: {out.type} claim: {out.description}"]
    header = ["source", "status", "value", "qualifier"]
    if out.expect is not None:
        lines.append(f"  expect: {out.expect.display}")
        header.append("expect")
    rows = [(header, "quote")]
    for source in out.sources:
        if not source.mentions:
            continue
        value: str
        qualifier: str
        if source.value is not None:
            value, qualifier = source.value.display, source.value.qualifier or "-"
        else:  # a self-conflict: the source's own values disagree
            value = " / ".join(m.text for m in source.mentions)
            qualifier = " / ".join(m.qualifier or "-" for m in source.mentions)
        cells = [source.source, source.status, value, qualifier]
        if out.expect is not None:
            cells.append(source.expected or "-")
        for mention in source.mentions:
            rows.append((cells, f"L{mention.line}: {_cut(mention.quote)}"))
            cells = [""] * len(cells)
    widths = [max(len(row[i]) for row, _ in rows) for i in range(len(header))]
    for row, quote in rows:
        lines.append(
            "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + "  " + quote
        )
    silent = [s.source for s in out.sources if not s.mentions]
    if silent:
        lines.append(f"  silent: {', '.join(silent)}")
    lines.extend(f"  note: {note}" for note in out.notes)
    return "\n".join(line.rstrip() for line in lines)


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_WIDTH else text[: QUOTE_WIDTH - 3].rstrip() + "..."


def render_example(result: ExampleResult, where: str) -> str:
    from factcheck.report.examples import explanation_text

    lines = [f"{result.name}: {result.explain()}", f"  {where}: text: {result.example.text}"]
    if result.example.published is not None:
        lines.append(f"  published: {result.example.published.isoformat()}")
    if result.why is not None:
        lines.append("why (factcheck explain of the text):")
        lines.append(explanation_text(result).rstrip("\n"))
    return "\n".join(lines)
