"""Lint text format: ``path:line:col: level code [claim] message``, like a compiler.

On a terminal the offending words are shown underlined beneath each finding;
a summary closes the output: ``2 errors, 3 warnings (1 suppressed)``.
"""

from __future__ import annotations

from typing import TextIO

from factcheck.display import plural
from factcheck.lint.model import Finding, LintReport
from factcheck.report.stored import LINE_BREAK, read_text

_COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
_BOLD, _DIM, _RESET, _UNDER = "\x1b[1m", "\x1b[2m", "\x1b[0m", "\x1b[4m"


def render(report: LintReport, stream: TextIO, color: bool) -> None:
    lines_cache: dict[str, list[str]] = {}
    for finding in report.findings:
        stream.write(_headline(finding, color) + "\n")
        if color:
            stream.write(_excerpt(finding, lines_cache))
    stream.write(summary(report) + "\n")


def _headline(finding: Finding, color: bool) -> str:
    where = f"{finding.path}:{finding.line}:{finding.column}:"
    claim = f" [{finding.claim}]" if finding.claim else ""
    if not color:
        return f"{where} {finding.level} {finding.code}{claim} {finding.message}"
    level = f"{_COLORS[finding.level]}{finding.level}{_RESET}"
    return f"{_BOLD}{where}{_RESET} {level} {finding.code}{claim} {finding.message}"


def _excerpt(finding: Finding, cache: dict[str, list[str]]) -> str:
    """The draft line with the offending words underlined and marked by carets."""
    if finding.path not in cache:
        # Lines as the finding counts them: only CRLF, CR and LF break a line.
        text = read_text(finding.path)
        cache[finding.path] = LINE_BREAK.split(text) if text is not None else []
    lines = cache[finding.path]
    if finding.line > len(lines):
        return ""
    line = lines[finding.line - 1]
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    marked = f"{line[:start]}{_UNDER}{_COLORS[finding.level]}{line[start:end]}{_RESET}{line[end:]}"
    gutter = f"{finding.line:>5} | "
    carets = " " * (len(gutter) + start) + _COLORS[finding.level] + "^" * max(1, end - start)
    return f"{_DIM}{gutter}{_RESET}{marked}\n{carets}{_RESET}\n"


def summary(report: LintReport) -> str:
    counts = report.summary
    parts = [plural(counts.error, "error"), plural(counts.warning, "warning")]
    if counts.info:
        parts.append(f"{counts.info} info")
    text = ", ".join(parts)
    if counts.suppressed:
        text += f" ({counts.suppressed} suppressed)"
    return text
