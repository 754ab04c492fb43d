"""GitHub Actions workflow annotations: ``::error file=...,line=...::message``."""

from __future__ import annotations

from typing import TextIO

from factcheck.lint.model import LintReport

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(report: LintReport, stream: TextIO, color: bool = False) -> None:
    for f in report.findings:
        claim = f" [{f.claim}]" if f.claim else ""
        properties = ",".join(
            [
                f"file={_property(f.path)}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={f.end_line}",
                f"endColumn={f.end_column}",
                f"title={_property(f'{f.code}{claim}')}",
            ]
        )
        stream.write(f"::{_COMMANDS[f.level]} {properties}::{_data(f.message)}\n")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
