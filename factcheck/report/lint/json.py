"""Lint JSON format: the :class:`~factcheck.lint.model.LintReport`, keys sorted."""

from __future__ import annotations

import json
from typing import TextIO

from factcheck.lint.model import LintReport


def render(report: LintReport, stream: TextIO, color: bool = False) -> None:
    json.dump(report.to_json(), stream, indent=2, sort_keys=True, ensure_ascii=False)
    stream.write("\n")
