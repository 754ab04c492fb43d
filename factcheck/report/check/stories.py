"""Reports of several stories: each story's report, titled, then one line per story.

One story keeps its single report (text, JSON, one HTML file) byte for byte;
these renderers are for a check of several. Text: each story's report headed by
its name and title, then a closing line per story. JSON: see
:func:`factcheck.report.check.json.render_stories`. HTML: an index page and one
self-contained page per story (``pages`` returns them; the command line writes
them into a folder).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.text import Text

from factcheck.display import plural
from factcheck.report.check import text as text_report
from factcheck.run.outcome import StoryRun

INDEX = "index.html"


def heading(story: StoryRun) -> str:
    return f"{story.name}: {story.title}" if story.title else story.name


def render_text(
    stories: Sequence[StoryRun],
    stream: TextIO,
    color: bool,
    view: text_report.View | None = None,
) -> None:
    view = view or text_report.View()
    reports = [s.run.report() for s in stories]
    for story, report in zip(stories, reports, strict=True):
        if not view.quiet:
            _print(Text(heading(story), style="claim"), stream, color, view)
            stream.write("=" * len(heading(story)) + "\n")
            text_report.render(report, stream, color, view)
            stream.write("\n")
    width = max(len(s.name) for s in stories)
    for story, report in zip(stories, reports, strict=True):
        line = Text(f"{story.name.ljust(width)}  ")
        line.append_text(text_report.summary_line(report))
        _print(line, stream, color, view)


def _print(line: Text, stream: TextIO, color: bool, view: text_report.View) -> None:
    buffer = io.StringIO()
    Console(
        file=buffer,
        theme=text_report.THEME,
        force_terminal=color,
        no_color=not color,
        width=view.width or 10_000,  # one line: never wrapped
        highlight=False,
        soft_wrap=True,
    ).print(line)
    stream.write(buffer.getvalue().rstrip() + "\n")


def pages(stories: Sequence[StoryRun]) -> dict[str, str]:
    """File name -> HTML: ``index.html`` and ``NAME.html`` per story. Each page is
    written from its run as one story's page is (no report models of an archive)."""
    import dataclasses

    from factcheck.report.check import html_data, html_layout

    found = {}
    for story in stories:
        out = io.StringIO()  # the lead names the story and its title
        data = dataclasses.replace(html_data.from_run(story.run), title=None)
        html_layout.write_page(data, out, _lead(story))
        found[page_name(story.name)] = out.getvalue()
    found[INDEX] = _index(stories)
    return found


def page_name(story: str) -> str:
    """``NAME.html``; a story named 'index' does not take the index's place."""
    return f"story-{story}.html" if story.casefold() == "index" else f"{story}.html"


def _lead(story: StoryRun) -> str:
    from factcheck.report.check.html import esc

    return (
        f'<nav class="no-print"><a href="{INDEX}">All stories</a></nav>\n'
        f'<p class="story">Story <strong>{esc(story.name)}</strong>'
        + (f": {esc(story.title)}" if story.title else "")
        + "</p>\n"
    )


def _index(stories: Sequence[StoryRun]) -> str:
    from factcheck.report.check.html import esc, page

    rows = "".join(
        f'<tr><th scope="row"><a href="{esc(page_name(story.name))}">{esc(story.name)}</a></th>'
        f"<td>{esc(story.title or '')}</td>"
        f"<td>{esc(plural(len(story.run.verdicts), 'claim'))}, "
        f"{esc(plural(len(story.run.documents), 'source'))}</td>"
        + "".join(
            f'<td class="{status}">{summary.get(status, 0)}</td>'
            for status in ("agree", "conflict", "single", "silent")
        )
        + "</tr>\n"
        for story, summary in ((s, s.run.summary()) for s in stories)
    )
    title = f"factcheck: {len(stories)} {'story' if len(stories) == 1 else 'stories'}"
    body = (
        f"<main>\n<header><h1>{esc(title)}</h1></header>\n"
        '<table class="stories"><thead><tr><th scope="col">Story</th><th scope="col">Title</th>'
        '<th scope="col">Checked</th><th scope="col">Agree</th><th scope="col">Conflict</th>'
        '<th scope="col">Single</th><th scope="col">Silent</th></tr></thead>\n'
        f"<tbody>\n{rows}</tbody></table>\n</main>"
    )
    return page(title, body, "")
