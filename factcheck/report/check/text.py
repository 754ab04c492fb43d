"""Terminal report: per claim its status, consensus and each source's evidence.

Conflicts come first, each headed by the competing values and who says each;
then agreements and single-source claims; claims no source states are summed
up in one line at the end. Sources are named by their outlet (with the file id
where two share one). Drawn as wide as the terminal (``COLUMNS``, else the real
width, else 80), with no trailing spaces. ``View`` picks the detail: every
claim with its evidence, or one line per claim (the default above
:data:`SUMMARY_ABOVE` sources), only some outcomes, or the closing line alone.

Rendered with rich; colours only on a terminal and never with ``NO_COLOR``
(the command line decides and passes ``color``). Tests render into a
``StringIO``.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Sequence
from dataclasses import field
from typing import TextIO

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from factcheck.dataclass import dataclass
from factcheck.display import plural
from factcheck.results import CheckReport, ClaimOut, SourceClaimOut, SourceOut

THEME = Theme(
    {
        "agree": "bold green",
        "agrees": "green",
        "conflict": "bold red",
        "conflicts": "red",
        "self-conflict": "bold magenta",
        "single": "bold yellow",
        "silent": "dim",
        "changed": "bold blue",
        "superseded": "blue",
        "claim": "bold cyan",
        "quote": "italic",
        "muted": "dim",
    }
)
ICONS = {"agree": "✔", "conflict": "✘", "single": "◐", "silent": "·", "changed": "↻"}
ORDER = {"conflict": 0, "changed": 1, "agree": 2, "single": 3, "silent": 4}
SUMMARY_ABOVE = 50  # sources; above it the default view is one line per claim
FALLBACK_WIDTH = 80


@dataclass(frozen=True)
class View:
    """What to show: ``summary`` one line per claim (None: by the number of sources),
    ``only`` these outcomes (empty: all), ``quiet`` the closing line alone."""

    summary: bool | None = None
    only: frozenset[str] = field(default_factory=frozenset)
    quiet: bool = False
    width: int | None = None  # None: the terminal's


def render(report: CheckReport, stream: TextIO, color: bool, view: View | None = None) -> None:
    view = view or View()
    width = view.width or shutil.get_terminal_size((FALLBACK_WIDTH, 24)).columns
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        theme=THEME,
        force_terminal=color,
        no_color=not color,
        width=width,
        highlight=False,
        soft_wrap=False,
    )
    _draw(console, report, view)
    lines = buffer.getvalue().splitlines()
    stream.write("".join(line.rstrip() + "\n" for line in lines))


def _draw(console: Console, report: CheckReport, view: View) -> None:
    names = source_names(report.sources)
    summary = view.summary if view.summary is not None else len(report.sources) > SUMMARY_ABOVE
    claims = sorted(
        (c for c in report.claims if not view.only or c.status in view.only),
        key=lambda c: ORDER[c.status],
    )
    if not view.quiet:
        stated = [c for c in claims if c.status != "silent"]
        for claim in stated:
            console.print(_headline(claim, names) if summary else _claim(claim, names))
            if not summary:
                console.print()
        silent = [c.id for c in claims if c.status == "silent"]
        if silent:
            console.print(Text(f"{ICONS['silent']} silent: {', '.join(silent)}", style="silent"))
        copies = report.copies or []
        if summary and copies:
            console.print(
                Text(f"copies: {plural(len(copies), 'group')}, each counted once", style="muted")
            )
        for group in copies if not summary else ():
            members = ", ".join(names.get(m, m) for m in group.members)
            console.print(Text(f"copies: {group.label} ({members}), counted once", style="muted"))
        for item in report.unresolved if not summary else ():
            console.print(
                f"[muted]unresolved: {names.get(item.source, item.source)}:{item.line}:"
                f"{item.column} {item.text!r} ({item.reason})[/muted]"
            )
        extracted = extracted_note(report.sources, names)
        if extracted and not summary:
            console.print(Text(extracted, style="muted"))
        if summary and view.summary is None:
            console.print(
                Text(
                    f"{len(report.sources)} sources: one line per claim; "
                    "--detail shows the evidence, --only conflict narrows it",
                    style="muted",
                )
            )
    console.print(summary_line(report))


def source_names(sources: Sequence[SourceOut]) -> dict[str, str]:
    """A source's name for a reader: its outlet, with the file id where two share one."""
    outlets = [s.outlet for s in sources if s.outlet]
    shared = {o for o in outlets if outlets.count(o) > 1}
    return {
        s.id: (s.outlet if s.outlet not in shared else f"{s.outlet} ({s.id})") if s.outlet else s.id
        for s in sources
    }


_FORMATS = {"html": "HTML", "pdf": "PDF", "docx": "Word"}
_NAMED = 8  # extracted sources named before "and N more"


def extracted_note(sources: Sequence[SourceOut], names: dict[str, str]) -> str | None:
    """Which sources' texts were extracted from a web page, a PDF or a Word file: their
    lines count in the extracted text, not in the file as an editor opens it."""
    kinds = [(names[s.id], _FORMATS[s.extracted_from]) for s in sources if s.extracted_from]
    if not kinds:
        return None
    listed = ", ".join(f"{name} ({kind})" for name, kind in kinds[:_NAMED])
    more = f" and {len(kinds) - _NAMED} more" if len(kinds) > _NAMED else ""
    return f"text extracted from {listed}{more}: lines count in the extracted text"


def _headline(claim: ClaimOut, names: dict[str, str]) -> Text:
    header = Text()
    header.append(f"{ICONS[claim.status]} {claim.status.upper():<8} ", style=claim.status)
    header.append(claim.id, style="claim")
    header.append(f"  ({claim.type})", style="muted")
    if claim.status == "changed" and claim.timeline:
        header.append(f"  {_figures(claim)}", style="bold")
    elif claim.status == "conflict":
        header.append(f"  {_competing(claim, names)}", style="bold")
    elif claim.consensus is not None:
        header.append(f"  {claim.consensus.display}", style="bold")
    if claim.single_original is not None:
        header.append("  (one original report)", style="single")
    if claim.expect is not None and claim.expected == "mismatch":
        header.append(f"  ≠ expect {claim.expect.display}", style="conflict")
    elif claim.expect is not None:
        header.append(f"  expect {claim.expect.display}", style="muted")
    return header


def _competing(claim: ClaimOut, names: dict[str, str]) -> str:
    """'$38 billion: 3 sources · $35 billion: AlphaScala', most stated first."""
    said: dict[str, list[str]] = {}
    for source in claim.sources:
        if source.value is not None:
            said.setdefault(source.value.display, []).append(names[source.source])
    ranked = sorted(said.items(), key=lambda item: -len(item[1]))
    return " · ".join(
        f"{value}: {who[0] if len(who) == 1 else plural(len(who), 'source')}"
        for value, who in ranked
    )


def _figures(claim: ClaimOut) -> str:
    """'$500 billion → $730 billion (since 2026-09-28)'."""
    eras = claim.timeline or []
    return " → ".join(e.value.display for e in eras) + f" (since {eras[-1].first})"


def timeline_lines(claim: ClaimOut, names: dict[str, str]) -> list[str]:
    """The timeline of a claim, one line per figure, then the undated sources."""
    lines = []
    for era in claim.timeline or []:
        when = era.first if era.first == era.last else f"{era.first} .. {era.last}"
        who = ", ".join(names.get(s, s) for s in era.sources)
        lines.append(f"{when}  {era.value.display}  ({who})")
    if claim.undated:
        lines.append(f"undated: {', '.join(names.get(s, s) for s in claim.undated)}")
    return lines


def _claim(claim: ClaimOut, names: dict[str, str]) -> Group:
    parts: list[Text | Table | Padding] = [
        _headline(claim, names),
        _indented(claim.description, "muted"),
    ]
    if claim.timeline:
        parts.append(_indented("timeline:", "bold"))
        parts.extend(Padding(Text(line), (0, 0, 0, 4)) for line in timeline_lines(claim, names))
    stating = [s for s in claim.sources if s.status != "silent"]
    if stating:
        parts.append(Padding(_sources_table(stating, names), (0, 0, 0, 2)))
    silent = [names[s.source] for s in claim.sources if s.status == "silent"]
    if silent:
        parts.append(_indented(f"silent: {', '.join(silent)}", "silent"))
    parts.extend(_indented(f"note: {note}", "muted") for note in claim.notes)
    return Group(*parts)


def _indented(text: str, style: str) -> Padding:
    """A paragraph two columns in, wrapped lines too."""
    return Padding(Text(text, style=style), (0, 0, 0, 2))


def _sources_table(sources: list[SourceClaimOut], names: dict[str, str]) -> Table:
    table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1))
    table.add_column("source", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("value", no_wrap=True)
    table.add_column("evidence", ratio=1)
    for source in sources:
        for i, mention in enumerate(source.mentions):
            expected = "" if source.expected != "mismatch" or i else " ≠ expect"
            table.add_row(
                names[source.source] if i == 0 else "",
                Text(source.status if i == 0 else "", style=source.status),
                Text(mention.text + expected, style="bold" if i == 0 else ""),
                Text(f"{_page(mention.page)}L{mention.line}: {mention.quote}", style="quote"),
            )
    return table


def summary_line(report: CheckReport) -> Text:
    """The closing line: claims and sources, and the claims per outcome."""
    counts = report.summary
    claims, sources = plural(len(report.claims), "claim"), plural(len(report.sources), "source")
    text = Text(f"{claims}, {sources}: ")
    shown = ("agree", "conflict", "changed", "single", "silent")
    pieces = [(f"{counts[s]} {s}", s) for s in shown if s in counts]
    for i, (label, style) in enumerate(pieces):
        if i:
            text.append(", ")
        text.append(label, style=style)
    if counts.get("expect_mismatch"):
        text.append(f"; {counts['expect_mismatch']} ≠ expect", style="conflict")
    return text


def _page(page: int | None) -> str:
    """A PDF source's page before the line: "p.2 L7"."""
    return f"p.{page} " if page is not None else ""
