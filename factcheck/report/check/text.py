"""Terminal report: per claim its status, consensus and each source's evidence.

Rendered with rich; colours only on a terminal and never with ``NO_COLOR``
(the command line decides and passes ``color``). Tests render into a
``StringIO``.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from factcheck.display import plural
from factcheck.results import CheckReport, ClaimOut, SourceClaimOut

THEME = Theme(
    {
        "agree": "bold green",
        "agrees": "green",
        "conflict": "bold red",
        "conflicts": "red",
        "self-conflict": "bold magenta",
        "single": "bold yellow",
        "silent": "dim",
        "claim": "bold cyan",
        "quote": "italic",
        "muted": "dim",
    }
)
ICONS = {"agree": "✔", "conflict": "✘", "single": "◐", "silent": "·"}
WIDTH = 110


def render(report: CheckReport, stream: TextIO, color: bool) -> None:
    console = Console(
        file=stream,
        theme=THEME,
        force_terminal=color,
        no_color=not color,
        width=WIDTH if not color else None,
        highlight=False,
        soft_wrap=False,
    )
    published = {s.id: s.published for s in report.sources}
    for claim in report.claims:
        console.print(_claim(claim, published))
        console.print()
    for item in report.unresolved:
        console.print(
            f"[muted]unresolved: {item.source}:{item.line}:{item.column} "
            f"{item.text!r} ({item.reason})[/muted]"
        )
    console.print(_summary(report))


def _claim(claim: ClaimOut, published: dict[str, str | None]) -> Group:
    header = Text()
    header.append(f"{ICONS[claim.status]} {claim.status.upper():<8} ", style=claim.status)
    header.append(claim.id, style="claim")
    header.append(f"  ({claim.type})", style="muted")
    if claim.consensus is not None:
        header.append(f"  {claim.consensus.display}", style="bold")
    if claim.expect is not None and claim.expected == "mismatch":
        header.append(f"  ≠ expect {claim.expect.display}", style="conflict")
    elif claim.expect is not None:
        header.append(f"  expect {claim.expect.display}", style="muted")
    parts: list[Text | Table | Padding] = [header, Text(f"  {claim.description}", style="muted")]
    stating = [s for s in claim.sources if s.status != "silent"]
    if stating:
        parts.append(Padding(_sources_table(stating), (0, 0, 0, 2)))
    silent = [s.source for s in claim.sources if s.status == "silent"]
    if silent:
        parts.append(Text(f"  silent: {', '.join(silent)}", style="silent"))
    parts.extend(Text(f"  note: {note}", style="muted") for note in claim.notes)
    return Group(*parts)


def _sources_table(sources: list[SourceClaimOut]) -> Table:
    table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1))
    table.add_column("source", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("value", no_wrap=True)
    table.add_column("evidence", ratio=1)
    for source in sources:
        for i, mention in enumerate(source.mentions):
            value = f"{mention.text}"
            expected = "" if source.expected != "mismatch" or i else " ≠ expect"
            table.add_row(
                source.source if i == 0 else "",
                Text(source.status if i == 0 else "", style=source.status),
                Text(value + expected, style="bold" if i == 0 else ""),
                Text(f"L{mention.line}: {mention.quote}", style="quote"),
            )
    return table


def _summary(report: CheckReport) -> Text:
    counts = report.summary
    claims, sources = plural(len(report.claims), "claim"), plural(len(report.sources), "source")
    text = Text(f"{claims}, {sources}: ")
    pieces = [(f"{counts[s]} {s}", s) for s in ("agree", "conflict", "single", "silent")]
    for i, (label, style) in enumerate(pieces):
        if i:
            text.append(", ")
        text.append(label, style=style)
    if counts.get("expect_mismatch"):
        text.append(f"; {counts['expect_mismatch']} ≠ expect", style="conflict")
    return text
