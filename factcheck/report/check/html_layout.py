"""The check page, written to its stream piece by piece.

Up to :data:`INLINE_SOURCES` sources the page holds everything as markup:
a column per source, every cell's evidence, every full text (it prints, and
reads without JavaScript). Past that, an archive's page stays small to load:
the matrix has a column only for the sources that conflict, contradict
themselves or alone state a claim (at most :data:`MAX_COLUMNS`); each claim's
row counts what all sources say; the evidence of each claim and the full
texts are packed (deflated, see :mod:`.html_texts`) and inflated by the
browser when asked for; every source is listed, paged and searchable, with
its text. Nothing is held whole: the matrix is written a claim at a time and
the texts a source at a time, the evidence read back as each source is
written (:mod:`.html_data`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TextIO

from factcheck.display import plural
from factcheck.report.check import html_texts
from factcheck.report.check.html_data import PageData
from factcheck.report.check.html_parts import (
    ICONS,
    LEGEND,
    SUPERSEDED,
    _column_head,
    _evidence,
    _row,
    esc,
    page_end,
    page_start,
)
from factcheck.report.html_assets import CHECK_JS
from factcheck.report.stored import read_text
from factcheck.results import SourceClaimOut

INLINE_SOURCES = 50  # past this many sources, columns are chosen and evidence and texts packed
MAX_COLUMNS = 200  # columns of a large page: the sources worth a look first
NOTABLE = ("conflicts", "self-conflict", "single")
LIST_PAGE = 50  # sources listed per page (the script pages the list)
SHORT = {"agrees": "agree", "conflicts": "conflict"}  # a count's word per source status


def write_page(data: PageData, stream: TextIO, lead: str = "") -> None:
    large = len(data.sources) > INLINE_SOURCES
    counts, notable = _survey(data)
    shown = sorted(notable)[:MAX_COLUMNS] if large else list(range(len(data.sources)))
    heading = f"{plural(len(data.claims), 'claim')}, {plural(len(data.sources), 'source')}"
    timed = any(c.timeline for c in data.claims)
    stream.write(page_start(f"{data.title} · factcheck" if data.title else f"factcheck: {heading}"))
    stream.write(
        f'<a class="skip" href="#matrix">Skip to the matrix</a>\n<main>\n{lead}<header>'
        + (
            f'<h1>{esc(data.title)}</h1>\n<p class="muted">factcheck: {esc(heading)}</p>\n'
            if data.title
            else f"<h1>factcheck: {esc(heading)}</h1>\n"
        )
        + f"{_summary(data.summary)}</header>\n{_legend(timed)}{_toolbar()}"
        '<p class="no-print muted hint">Select a cell (click, or Tab into the matrix, move with '
        "the arrow keys and press Enter) to see the evidence; Escape closes it.</p>\n"
    )
    if large:
        stream.write(_columns_note(len(shown), len(notable), len(data.sources)))
    _matrix(data, shown, counts, stream)
    stream.write(_extras(data))
    evidence = _sources(data, set(shown), large, stream)
    stream.write(
        "</main>\n"
        '<aside class="panel" id="panel" aria-labelledby="panel-title" hidden>\n'
        '<div class="panel-head"><h2 id="panel-title" tabindex="-1">Evidence</h2>'
        '<button type="button" class="close" id="panel-close">Close '
        '<span aria-hidden="true">✕</span></button></div>\n'
    )
    for r, blocks in enumerate(evidence):
        if large and blocks:
            stream.write(html_texts.packed(f"z-ev-{r}", "".join(blocks)))
        else:
            stream.write("".join(blocks))
    stream.write("</aside>" + page_end(CHECK_JS))


def _survey(data: PageData) -> tuple[list[Counter[str]], set[int]]:
    """Per claim, its sources per status; and the columns of notable sources."""
    counts: list[Counter[str]] = []
    notable: set[int] = set()
    for r in range(len(data.claims)):
        found: Counter[str] = Counter()
        for c, status in enumerate(data.statuses(r)):
            found[status] += 1
            if status in NOTABLE:
                notable.add(c)
        counts.append(found)
    return counts, notable


def _count_line(found: Counter[str]) -> str:
    order = ("agrees", "conflicts", "self-conflict", "single", "silent")
    return " · ".join(f"{found[s]} {SHORT.get(s, s)}" for s in order if found[s])


def _matrix(data: PageData, shown: list[int], counts: list[Counter[str]], out: TextIO) -> None:
    ids = {data.sources[c].id: c for c in shown}
    out.write(
        '<div class="matrix-wrap"><table class="matrix" id="matrix" role="grid" '
        f'aria-label="Claims by source" data-rows="{len(data.claims)}" '
        f'data-cols="{len(shown)}">\n<thead><tr><th scope="col">Claim</th>'
        f"{''.join(_column_head(data.sources[c]) for c in shown)}</tr></thead>\n<tbody>\n"
    )
    for r, claim in enumerate(data.claims):
        cells = [(ids[s.source], s) for s in data.verdicts(r, ids)]
        out.write(_row(r, claim, cells, _count_line(counts[r])))
    out.write("</tbody></table></div>\n")


def _sources(data: PageData, shown: set[int], large: bool, out: TextIO) -> list[list[str]]:
    """Writes every source's entry and text; returns the shown cells' evidence per claim."""
    out.write(
        '<section class="sources" aria-labelledby="sources-h"><h2 id="sources-h">Sources</h2>\n'
        f'<nav class="pager no-print" id="pager" data-size="{LIST_PAGE}" hidden></nav>\n'
    )
    evidence: list[list[str]] = [[] for _ in data.claims]
    listing = html_texts.SourceList(out, pack_texts=large)
    for c, (source, said) in enumerate(zip(data.sources, _by_source(data), strict=True)):
        text = read_text(source.path)
        labels = html_texts.bound_values(data.claims, said)
        if c in shown:
            anchors = {span: k for k, span in enumerate(labels)}
            for r, (claim, verdict) in enumerate(zip(data.claims, said, strict=True)):
                evidence[r].append(_evidence(r, c, claim, verdict, text, anchors))
        statuses = sorted({s.status for s in said})
        listing.add(
            c,
            source,
            _source_note(data, said),
            " ".join(statuses),
            html_texts.text_body(c, source, text, labels),
        )
    listing.flush()
    out.write("</section>\n")
    return evidence


def _by_source(data: PageData) -> Iterator[list[SourceClaimOut]]:
    """Each source's verdicts on every claim, walking the claims' sources side by side."""
    walks = [data.verdicts(r, None) for r in range(len(data.claims))]
    for _ in data.sources:
        yield [next(walk) for walk in walks]


def _source_note(data: PageData, said: Sequence[SourceClaimOut]) -> str:
    stated = [s for s in said if s.status != "silent"]
    odd = [
        esc(claim.id)
        for claim, s in zip(data.claims, said, strict=True)
        if s.status in ("conflicts", "self-conflict")
    ]
    note = f"states {plural(len(stated), 'claim')}"
    return note + (f"; conflicts on {', '.join(odd)}" if odd else "")


def _columns_note(shown: int, notable: int, total: int) -> str:
    more = f" (the first {shown} of {notable} such)" if notable > shown else ""
    return (
        f'<p class="columns-note">Columns: {shown} of the {total} sources{more}, those that '
        "conflict, contradict themselves or alone state a claim. Each row counts what every "
        "source says; every source is listed with its text below the matrix.</p>\n"
    )


def _summary(summary: dict[str, int]) -> str:
    chips = "".join(
        f'<li class="chip {status}"><span aria-hidden="true">{ICONS[status]}</span> '
        f"{summary.get(status, 0)} {status}</li>"
        for status in ("agree", "conflict", "changed", "single", "silent")
        if status in summary
    )
    mismatched = summary.get("expect_mismatch", 0)
    if mismatched:
        chips += (
            f'<li class="chip conflict expect-mismatch"><span aria-hidden="true">≠</span> '
            f"{mismatched} differ from expect</li>"
        )
    return f'<ul class="summary" aria-label="Claims per status">{chips}</ul>'


def _legend(timed: bool = False) -> str:
    """The statuses as badges on one line; what each means folds out (a phone's screen
    is not filled by it). ``timed``: some claim changed over time (adds superseded)."""
    legend = (*LEGEND, *((SUPERSEDED,) if timed else ()))
    badges = "".join(
        f'<span class="badge {status}"><span aria-hidden="true">{ICONS[status]}</span> '
        f"{status}</span>"
        for status, _ in legend
    )
    meanings = "".join(
        f'<li><span class="badge {status}"><span aria-hidden="true">{ICONS[status]}</span> '
        f"{status}</span>{esc(meaning)}</li>"
        for status, meaning in legend
    )
    return (
        '<details class="legend-box"><summary><span id="legend-h">Legend</span> '
        f'<span class="badges">{badges}</span></summary>\n'
        f'<ul class="legend" aria-labelledby="legend-h">{meanings}</ul></details>\n'
    )


def _toolbar() -> str:
    """Filter and search: shown by the script (they need it)."""
    options = "".join(
        f'<option value="{value}">{label}</option>'
        for value, label in (
            ("all", "all claims"),
            ("conflict", "conflict"),
            ("changed", "changed"),
            ("agree", "agree"),
            ("single", "single"),
            ("silent", "silent"),
        )
    )
    return (
        '<div class="toolbar no-print" id="toolbar" hidden>'
        f'<label>Show <select id="filter">{options}</select></label>'
        '<label>Search <input type="search" id="search" placeholder="claim, value or source" '
        'autocomplete="off"></label><span class="muted" id="shown" aria-live="polite"></span>'
        "</div>\n"
    )


def _extras(data: PageData) -> str:
    parts = []
    if data.copies:
        items = "".join(
            f"<li><strong>{esc(g.label)}</strong>: "
            f'<span class="mono">{esc(", ".join(g.members))}</span> '
            f'<span class="muted">({esc(g.reason)})</span></li>'
            for g in data.copies
        )
        parts.append(
            '<h2>Copies of one report</h2>\n<p class="muted">Each group counts once in '
            f"a consensus.</p>\n<ul>{items}</ul>\n"
        )
    if data.unresolved:
        items = "".join(
            f'<li><span class="mono">{esc(u.source)}:{u.line}:{u.column}</span> '
            f"“{esc(u.text)}” ({esc(u.reason)})</li>"
            for u in data.unresolved
        )
        parts.append(f"<h2>Unresolved values</h2>\n<ul>{items}</ul>\n")
    if data.warnings:
        items = "".join(f"<li>{esc(w)}</li>" for w in data.warnings)
        parts.append(f"<h2>Warnings</h2>\n<ul>{items}</ul>\n")
    return "".join(parts)
