"""HTML lint report: each draft with its findings underlined, and a side list.

The draft is shown as written (Markdown source, numbered lines) so lines and
columns match the other formats. Each finding's words are underlined in a
style per level (wavy error, dashed warning, dotted info) with the level's
icon, so colour is never the only signal; the side list groups the findings
by severity, each linking to its words. Escaped and deterministic like the
check page (:mod:`factcheck.report.check.html`), whose helpers it uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from factcheck.display import plural
from factcheck.lint.model import LEVELS, Finding, LintReport
from factcheck.report.check.html_parts import Span, esc, numbered_lines, page
from factcheck.report.html_assets import LINT_JS
from factcheck.report.stored import read_text, same_words

ICONS = {"error": "✘", "warning": "⚠", "info": "ℹ"}
HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Info"}
RANK = {level: i for i, level in enumerate(LEVELS)}  # error first


def render(report: LintReport, stream: TextIO, color: bool = False) -> None:
    stream.write(render_page(report))


def render_page(report: LintReport) -> str:
    paths = list(
        dict.fromkeys(
            [
                *report.drafts,
                *(f.path for f in report.findings),
                *(f.path for f in report.suppressed),
            ]
        )
    )
    title = f"factcheck lint: {plural(len(paths), 'draft')}"
    sections = "".join(_draft(i, path, report) for i, path in enumerate(paths))
    body = (
        '<a class="skip" href="#draft-0">Skip to the first draft</a>\n<main>\n'
        f"<header><h1>{esc(title)}</h1>\n{_summary(report)}</header>\n"
        '<h2 id="legend-h">Legend</h2>\n<ul class="legend" aria-labelledby="legend-h">'
        f"{_legend()}</ul>\n"
        '<p class="no-print muted">Select underlined words (click, or Tab to them and press '
        "Enter) to find their findings in the list; the list links back to the words.</p>\n"
        f"{sections}</main>"
    )
    return page(title, body, LINT_JS)


def _summary(report: LintReport) -> str:
    counts = report.summary
    words = {
        "error": plural(counts.error, "error"),
        "warning": plural(counts.warning, "warning"),
        "info": f"{counts.info} info",
    }
    chips = [
        f'<li class="chip level {level}"><span aria-hidden="true">{ICONS[level]}</span> '
        f"{words[level]}</li>"
        for level in LEVELS
    ]
    chips.append(f'<li class="chip silent">{counts.suppressed} suppressed</li>')
    return f'<ul class="summary" aria-label="Findings per level">{"".join(chips)}</ul>'


def _legend() -> str:
    styles = {"error": "wavy", "warning": "dashed", "info": "dotted"}
    return "".join(
        f'<li><span class="lint {level} starts">{level}</span> {styles[level]} underline, '
        f"{ICONS[level]} icon</li>"
        for level in LEVELS
    )


def _draft(i: int, path: str, report: LintReport) -> str:
    findings = [(n, f) for n, f in enumerate(report.findings) if f.path == path]
    suppressed = [(n, f) for n, f in enumerate(report.suppressed) if f.path == path]
    text = read_text(path)
    shown = [
        (n, f)
        for n, f in findings
        if text is not None and f.start < f.end and same_words(text[f.start : f.end], f.text)
    ]
    anchors = {n: f"d{i}-at{f.start}" for n, f in shown}
    if text is None:
        draft = f"<p>The draft could not be read: {esc(path)}</p>"
    else:
        draft = f'<pre class="text">{_marked(i, text, shown)}</pre>'
    return (
        f'<section class="draft" id="draft-{i}" aria-labelledby="draft-{i}-h">'
        f'<h2 id="draft-{i}-h" class="mono">{esc(path)}</h2>\n'
        f'<div class="lint-grid"><div>{draft}</div>\n'
        f'<nav class="findings" aria-label="Findings in {esc(path)}">'
        f"{_side_list(i, findings, suppressed, anchors)}</nav></div></section>\n"
    )


def _marked(i: int, text: str, shown: Sequence[tuple[int, Finding]]) -> str:
    spans: list[Span] = [(f.start, f.end) for _, f in shown]

    def mark(keys: tuple[int, ...], start: int, first: bool) -> str:
        covering = [shown[k] for k in keys]
        level = min((f.level for _, f in covering), key=RANK.__getitem__)
        starts = first and any(f.start == start for _, f in covering)
        anchor = f' id="d{i}-at{start}"' if starts else ""
        ids = " ".join(str(n) for n, _ in covering)
        described = " ".join(f"item-{n}" for n, _ in covering)
        title = "; ".join(f"{f.code} {f.message}" for _, f in covering)
        return (
            f'<mark class="lint {level}{" starts" if starts else ""}"{anchor} tabindex="0" '
            f'data-findings="{ids}" aria-describedby="{described}" title="{esc(title)}">'
        )

    return numbered_lines(text, spans, f"d{i}", mark)


def _side_list(
    i: int,
    findings: Sequence[tuple[int, Finding]],
    suppressed: Sequence[tuple[int, Finding]],
    anchors: dict[int, str],
) -> str:
    parts = []
    if not findings and not suppressed:
        parts.append("<p>No findings.</p>")
    for level in LEVELS:
        group = [(n, f) for n, f in findings if f.level == level]
        if group:
            items = "".join(
                _item(f"item-{n}", f, f"#{anchors.get(n, f'd{i}-L{f.line}')}") for n, f in group
            )
            parts.append(f"<h3>{HEADINGS[level]} ({len(group)})</h3><ol>{items}</ol>")
    if suppressed:
        items = "".join(
            _item(f"suppressed-{n}", f, f"#d{i}-L{f.line}", " suppressed") for n, f in suppressed
        )
        parts.append(f"<h3>Suppressed ({len(suppressed)})</h3><ol>{items}</ol>")
    return "".join(parts)


def _item(item_id: str, f: Finding, href: str, extra: str = "") -> str:
    claim = f' <span class="mono">[{esc(f.claim)}]</span>' if f.claim else ""
    sources = "".join(
        f'<li><span class="mono">{esc(s.source)}</span>: {esc(s.status)}'
        f"{f' {esc(s.value.display)}' if s.value else ''}"
        f"{f' (line {s.line})' if s.line else ''}</li>"
        for s in f.sources
    )
    return (
        f'<li class="finding {f.level}{extra}" id="{item_id}">'
        f'<a href="{esc(href)}"><span class="badge level {f.level}"><span aria-hidden="true">'
        f"{ICONS[f.level]}</span> {f.level}</span> "
        f'<span class="mono">{f.line}:{f.column}</span> {esc(f.code)} {esc(f.name)}</a>{claim}'
        f"<br>{esc(f.message)}"
        f"{f'<ul class=sources-list>{sources}</ul>' if sources else ''}</li>"
    )
