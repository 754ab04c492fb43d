"""Lint through the API: every finding kind, suppressions, Markdown positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.api import lint
from factcheck.lint.model import LintReport
from factcheck.rules.ruleset import RuleSet
from factcheck.sources.corpus import load_document
from tests.conftest import ROOT, make_rules

RULES = make_rules("""
    claims:
      - id: price
        description: value of the stadium deal
        type: money
        cues: [stadium deal]
        expect: $2 billion
      - id: investors
        description: how many investors
        type: number
        cues: [investors]
      - id: opening
        description: when the stadium opens
        type: date
        cues: [opens]
      - id: capacity
        description: seats
        type: number
        cues: [seats]
      - id: loan
        description: the city loan
        type: money
        cues: [city loan]
      - id: architect
        description: lead architect
        type: text
        cues: [architect]
""")
SOURCES = {
    "a.txt": "The $2 billion stadium deal was signed. It has 4 investors. It opens in March 2027. "
    "The city loan is up to $300 million. The stadium has 60,000 seats.\n",
    "b.txt": "The stadium deal is worth $2bn. The venue opens in March 2027. "
    "A city loan of up to $300 million helps. The stadium has 65,000 seats.\n",
    "c.txt": "Architect Maria Lopez designed it. The city loan of up to $300 million is cheap.\n",
}


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    for name, text in SOURCES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run_lint(
    tmp_path: Path,
    sources: Path,
    draft: str,
    rules: RuleSet = RULES,
    name: str = "draft.md",
    info: bool = False,
) -> LintReport:
    path = tmp_path / name
    path.write_text(draft, encoding="utf-8")
    return lint([path], rules, [sources], include_info=info)


def codes(report: LintReport) -> list[tuple[int, str, str | None]]:
    return [(f.line, f.code, f.claim) for f in report.findings]


def test_contradiction_of_sources_and_reference(tmp_path: Path, sources: Path) -> None:
    report = run_lint(tmp_path, sources, "The $3 billion stadium deal is done.\n")
    assert codes(report) == [(1, "FC101", "price"), (1, "FC102", "price")]
    error = report.findings[0]
    assert error.level == "error" and error.text == "$3 billion"
    assert (error.column, error.end_column) == (5, 15)
    assert "$2 billion" in error.message and "a, b" in error.message
    assert {s.source for s in error.sources} == {"a", "b"}


def test_agreement_is_info_only_when_verbose(tmp_path: Path, sources: Path) -> None:
    draft = "The $2 billion stadium deal is done.\n"
    assert codes(run_lint(tmp_path, sources, draft)) == []
    assert codes(run_lint(tmp_path, sources, draft, info=True)) == [(1, "FC301", "price")]


def test_single_source_and_unsupported(tmp_path: Path, sources: Path) -> None:
    report = run_lint(tmp_path, sources, "It has 4 investors.\nArchitect Maria Lopez drew it.\n")
    assert codes(report) == [(1, "FC201", "investors"), (2, "FC201", "architect")]
    rules = make_rules("""
        claims:
          - id: parking
            description: parking spaces
            type: number
            cues: [parking spaces]
    """)
    report = run_lint(tmp_path, sources, "There are 900 parking spaces.\n", rules)
    assert codes(report) == [(1, "FC202", "parking")]


def test_dropped_hedge_and_added_precision(tmp_path: Path, sources: Path) -> None:
    report = run_lint(
        tmp_path, sources, "The city loan is $300 million.\nThe stadium opens on 14 March 2027.\n"
    )
    assert codes(report) == [(1, "FC203", "loan"), (2, "FC204", "opening")]


def test_sources_conflict(tmp_path: Path, sources: Path) -> None:
    report = run_lint(tmp_path, sources, "The stadium has 60,000 seats.\n")
    assert codes(report) == [(1, "FC205", "capacity")]
    assert "a says 60,000" in report.findings[0].message


def test_draft_contradicting_itself(tmp_path: Path, sources: Path) -> None:
    report = run_lint(tmp_path, sources, "It has 4 investors.\nLater: it has 5 investors.\n")
    assert (2, "FC206", "investors") in codes(report)


def test_suppressions(tmp_path: Path, sources: Path) -> None:
    draft = (
        "The $3 billion stadium deal. <!-- factcheck: ignore price -->\n"
        "<!-- factcheck: ignore investors -->\n"
        "It has 9 investors.\n"
        "It opens in March 2027. factcheck: ignore[capacity]\n"
    )
    report = run_lint(tmp_path, sources, draft)
    assert codes(report) == [(4, "FC207", None)]
    assert report.summary.suppressed == 3  # FC101 + FC102 on line 1, FC101 on line 3
    assert report.findings[0].column == 25


def test_ignore_file(tmp_path: Path, sources: Path) -> None:
    draft = "<!-- factcheck: ignore-file -->\nThe $3 billion stadium deal.\nIt has 9 investors.\n"
    report = run_lint(tmp_path, sources, draft)
    assert report.findings == [] and report.summary.suppressed == 3


def test_markdown_positions(tmp_path: Path, sources: Path) -> None:
    draft = (
        "---\ntitle: Draft\n---\n"
        "# Heading\n\n"
        "The **[$3 billion](https://x.test/a) stadium deal** is _done_.\n\n"
        "```\nThe $9 billion stadium deal in code is not checked.\n```\n"
        "Inline `$8 billion stadium deal` is not checked either.\n"
    )
    report = run_lint(tmp_path, sources, draft)
    assert codes(report) == [(6, "FC101", "price"), (6, "FC102", "price")]
    finding = report.findings[0]
    assert (finding.line, finding.column, finding.text) == (6, 8, "$3 billion")


def test_severity_override(tmp_path: Path, sources: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("It has 4 investors. The $3 billion stadium deal.\n", encoding="utf-8")
    report = lint([path], RULES, [sources], severity={"FC201": "error", "FC102": "off"})
    assert [(f.code, f.level) for f in report.findings] == [("FC201", "error"), ("FC101", "error")]


def test_fingerprint_survives_edits_elsewhere(tmp_path: Path, sources: Path) -> None:
    first = run_lint(tmp_path, sources, "The $3 billion stadium deal.\n")
    second = run_lint(tmp_path, sources, "New intro.\n\nMore.\n\nThe $3 billion stadium deal.\n")
    assert [f.fingerprint for f in first.findings] == [f.fingerprint for f in second.findings]
    assert first.findings[0].line != second.findings[0].line


def test_example_drafts() -> None:
    faithful = lint(
        [ROOT / "examples/drafts/openai-faithful.md"], [ROOT / "rules"], [ROOT / "seeds"]
    )
    assert faithful.findings == []
    mistakes = lint(
        [ROOT / "examples/drafts/openai-mistakes.md"], [ROOT / "rules"], [ROOT / "seeds"]
    )
    found = [(f.line, f.column, f.code, f.claim) for f in mistakes.findings]
    assert found == [
        (7, 21, "FC101", "aws-deal-value"),  # "$40 billion deal with AWS"
        (7, 21, "FC102", "aws-deal-value"),  # ... and the rule's reference $38 billion
        (8, 20, "FC203", "amazon-investment"),  # "$50 billion": sources say "up to"
        (10, 27, "FC204", "aws-deal-start"),  # "3 November 2025": sources say November
        (11, 4, "FC206", "aws-deal-value"),  # "$38 billion" after "$40 billion"
        (13, 61, "FC201", "revenue-share-end-year"),  # 2030: only 003 says so
        (14, 35, "FC201", "restructuring-count"),  # "second": only 001 says so
        (18, 5, "FC202", "aws-deal-years"),  # "seven-year": no source says
        (19, 15, "FC101", "revenue-chief"),  # "Mark Chen": sources say Denise Dresser
        (20, 1, "FC207", None),  # directive covering an empty line
    ]
    assert mistakes.summary.suppressed == 2  # "third revision" (FC101 and FC206)


def test_missing_draft_is_an_error(tmp_path: Path, sources: Path) -> None:
    from factcheck.errors import InputError

    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "missing.md")
