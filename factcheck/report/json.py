"""JSON renderer: the :class:`~factcheck.results.CheckReport` format, keys sorted.

The report is written claim by claim instead of being built whole and dumped:
over an archive the full report is far larger than what the check keeps, so
streaming keeps peak memory to one claim's worth. The bytes are exactly those
of ``json.dump(report.model_dump(mode="json"), indent=2, sort_keys=True)``.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from factcheck import __version__
from factcheck.results import CheckRun, claim_out


def render(run: CheckRun, stream: TextIO) -> None:
    top: dict[str, Any] = {
        "claims": None,  # streamed below
        "sources": [s.model_dump(mode="json") for s in run.sources()],
        "summary": run.summary(),
        "unresolved": [u.model_dump(mode="json") for u in run.unresolved()],
        "version": __version__,
        "warnings": run.warnings,
    }
    stream.write("{")
    for i, key in enumerate(sorted(top)):
        stream.write(("," if i else "") + f"\n  {json.dumps(key)}: ")
        if key == "claims":
            _write_claims(run, stream)
        else:
            stream.write(_dumps(top[key], level=1))
    stream.write("\n}\n")


def _write_claims(run: CheckRun, stream: TextIO) -> None:
    if not run.verdicts:
        stream.write("[]")
        return
    stream.write("[")
    for i, verdict in enumerate(run.verdicts):
        claim = claim_out(verdict).model_dump(mode="json")
        stream.write(("," if i else "") + "\n    " + _dumps(claim, level=2))
    stream.write("\n  ]")


def _dumps(value: Any, level: int) -> str:
    text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    return text.replace("\n", "\n" + "  " * level)
