"""JSON renderer: the :class:`~factcheck.results.CheckReport` model, keys sorted."""

from __future__ import annotations

import json
from typing import TextIO

from factcheck.results import CheckReport


def render(report: CheckReport, stream: TextIO) -> None:
    json.dump(report.model_dump(mode="json"), stream, indent=2, sort_keys=True, ensure_ascii=False)
    stream.write("\n")
