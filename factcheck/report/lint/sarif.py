"""SARIF 2.1.0 for lint findings, for code-scanning dashboards.

Columns are Unicode code points (``columnKind: unicodeCodePoints``), as in
factcheck's own output. Each result carries a partial fingerprint that
survives edits elsewhere in the draft. In a Word draft the region's lines are
paragraphs and its columns characters in them, said again in the region's
``properties`` (``paragraph``, ``character``, ``endParagraph``,
``endCharacter``); it has no character offsets, which would count into the
zipped file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from factcheck import __version__
from factcheck.lint.model import CODES, Finding, LintReport

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(report: LintReport, stream: TextIO, color: bool = False) -> None:
    json.dump(to_sarif(report), stream, indent=2, sort_keys=True, ensure_ascii=False)
    stream.write("\n")


def to_sarif(report: LintReport) -> dict[str, Any]:
    rule_ids = list(CODES)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "rules": [_rule(code) for code in rule_ids],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, rule_ids.index(f.code)) for f in report.findings],
            }
        ],
    }


def _rule(code: str) -> dict[str, Any]:
    spec = CODES[code]
    return {
        "id": spec.code,
        "name": spec.name,
        "shortDescription": {"text": spec.summary},
        "defaultConfiguration": {"level": _LEVELS[spec.level]},
    }


def _region(finding: Finding) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "snippet": {"text": finding.text},
    }
    if finding.positions == "paragraph":
        region["properties"] = {
            "paragraph": finding.line,
            "character": finding.column,
            "endParagraph": finding.end_line,
            "endCharacter": finding.end_column,
        }
    else:
        region["charOffset"] = finding.start
        region["charLength"] = finding.end - finding.start
    return region


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.level],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": Path(finding.path).as_posix()},
                    "region": _region(finding),
                }
            }
        ],
        "partialFingerprints": {"factcheck/v1": finding.fingerprint},
    }
    if finding.claim:
        result["properties"] = {"claim": finding.claim}
    return result
