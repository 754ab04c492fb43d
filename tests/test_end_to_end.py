"""End to end on the seed corpus: every listed claim's status and each source's value.

The expected table was written from the articles themselves, each value citing
its sentence, before the code that produces it. Sources not listed for a claim
must be silent on it (no noise binding).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.api import check
from factcheck.results import CheckReport

ROOT = Path(__file__).resolve().parent.parent
S000, S001, S002, S003, S004 = (
    "000_7b92ac5a6387e796",
    "001_1daeddfe6aa8ff9c",
    "002_65e4392a0e833253",
    "003_d02de28758cf6ad8",
    "004_d7e0d96dc0a5ec0d",
)
USD = "USD"

# claim id -> (status, {source: (value, unit, qualifier, line of first mention)})
EXPECTED: dict[str, tuple[str, dict[str, tuple[object, str | None, str | None, int]]]] = {
    # 003 L2 "a $38 billion commitment for cloud services through Amazon Web Services"
    # 004 L3 "The massive, multi-year $38 billion deal with AWS"
    "aws-deal-value": (
        "agree",
        {
            S003: (38_000_000_000, USD, None, 2),
            S004: (38_000_000_000, USD, None, 3),
        },
    ),
    # No seed states how many years the AWS deal runs ("multi-year" is no number).
    "aws-deal-years": ("silent", {}),
    # 001 L37 "Amazon pledged up to $50 billion in investment"
    # 003 L2 "Amazon's pledge to invest up to $50 billion in OpenAI"
    "amazon-investment": (
        "agree",
        {
            S001: (50_000_000_000, USD, "up_to", 37),
            S003: (50_000_000_000, USD, "up_to", 2),
        },
    ),
    # 003 L2 "increased its total spending commitment with Amazon by an additional $100 billion"
    "additional-aws-commitment": (
        "single",
        {
            S003: (100_000_000_000, USD, "additional", 2),
        },
    ),
    # 004 L3 "which began in November 2025"; 001 L37 "Late last year, OpenAI committed
    # significant resources to AWS" (published 2026-04-30: late 2025). Checked separately.
    "aws-deal-start": (
        "agree",
        {
            S001: (None, None, None, 37),
            S004: ({"start": "2025-11-01", "end": "2025-11-30"}, None, None, 3),
        },
    ),
    # 003 L3 "Revenue-sharing payments from OpenAI to Microsoft will continue through 2030"
    "revenue-share-end-year": ("single", {S003: (2030, None, None, 3)}),
    # 003 L3 "... but are now subject to a cap"
    "revenue-share-cap": ("single", {S003: (True, None, None, 3)}),
    # 003 L3 "while Microsoft will no longer pay a revenue share to OpenAI"
    "microsoft-pays-revenue-share": ("single", {S003: (False, None, None, 3)}),
    # 001 L25 "This latest change ends Microsoft's exclusive license to OpenAI's intellectual
    # property"; 003 L3 "The updated terms remove Microsoft's exclusive access to OpenAI's
    # intellectual property"
    "microsoft-ip-exclusivity": (
        "agree",
        {
            S001: (False, None, None, 25),
            S003: (False, None, None, 3),
        },
    ),
    # 000 L13 "Revenue Chief Denise Dresser recently highlighted"; L21 "said Denise Dresser,
    # OpenAI's revenue chief"; 003 L1 "The company's revenue chief, Denise Dresser, said"
    "revenue-chief": (
        "agree",
        {
            S000: ("Denise Dresser", None, None, 13),
            S003: ("Denise Dresser", None, None, 1),
        },
    ),
    # 004 L6 "The UK's decision to drop its probe into the Microsoft-OpenAI deal in March 2025"
    "uk-probe-dropped": (
        "single",
        {
            S004: ({"start": "2025-03-01", "end": "2025-03-31"}, None, None, 6),
        },
    ),
    # 001 L37 "commitments to use custom Trainium chips for training models" (also L88, L116);
    # 003 L2 "OpenAI plans to use AWS infrastructure, including custom Trainium chips"
    "training-chips": (
        "agree",
        {
            S001: ("Trainium", None, None, 37),
            S003: ("Trainium", None, None, 2),
        },
    ),
    # 001 L25 "another adjustment to their agreement—the second in six months"
    "restructuring-count": ("single", {S001: (2, None, None, 25)}),
    # 001 L17 "It started modestly back in 2016 with experiments running on Azure"
    "azure-start-year": ("single", {S001: (2016, None, None, 17)}),
}


@pytest.fixture(scope="module")
def report() -> CheckReport:
    return check([ROOT / "rules"], [ROOT / "seeds"])


def test_sources_carry_manifest_metadata(report: CheckReport) -> None:
    by_id = {s.id: s for s in report.sources}
    assert list(by_id) == [S000, S001, S002, S003, S004]
    assert by_id[S000].published == "2026-04-13" and by_id[S000].via == "pymnts.com"
    assert by_id[S001].published == "2026-04-30"
    assert by_id[S002].published == "2026-04-13"
    assert by_id[S003].published is None and by_id[S004].published is None


def test_every_listed_claim_is_reported_in_rule_order(report: CheckReport) -> None:
    assert [c.id for c in report.claims] == list(EXPECTED)


@pytest.mark.parametrize("claim_id", list(EXPECTED))
def test_claim_status_and_values(report: CheckReport, claim_id: str) -> None:
    status, sources = EXPECTED[claim_id]
    claim = report.claim(claim_id)
    assert claim.status == status
    for source in claim.sources:
        if source.source not in sources:
            assert source.status == "silent", (source.source, source.mentions)
            assert source.mentions == []
            continue
        value, unit, qualifier, line = sources[source.source]
        assert source.status in ("agrees", "single")
        assert source.mentions[0].line == line
        if value is not None:
            assert source.value is not None
            assert source.value.value == value
            assert source.value.unit == unit
            assert source.value.qualifier == qualifier


def test_late_last_year_resolves_against_publication_date(report: CheckReport) -> None:
    source = next(s for s in report.claim("aws-deal-start").sources if s.source == S001)
    assert source.mentions[0].text.lower().startswith("late last year")
    assert source.value is not None
    interval = source.value.value
    start, end = date.fromisoformat(interval["start"]), date.fromisoformat(interval["end"])
    assert date(2025, 7, 1) <= start <= date(2025, 11, 1)
    assert date(2025, 11, 30) <= end <= date(2025, 12, 31)


def test_expect_reference_is_compared(report: CheckReport) -> None:
    claim = report.claim("aws-deal-value")
    assert claim.expect is not None and claim.expect.value == 38_000_000_000
    assert {s.source: s.expected for s in claim.sources if s.status != "silent"} == {
        S003: "match",
        S004: "match",
    }


def test_agreeing_consensus_values(report: CheckReport) -> None:
    consensus = report.claim("amazon-investment").consensus
    assert consensus is not None and consensus.qualifier == "up_to"
    assert report.claim("microsoft-ip-exclusivity").consensus.value is False  # type: ignore[union-attr]
    assert report.claim("revenue-chief").consensus.value == "Denise Dresser"  # type: ignore[union-attr]
