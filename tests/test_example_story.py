"""End to end on the second story, examples/city-budget: four outlets report a
city budget vote. The expectations are read from the articles, not from output:

- the Riverbend Courier writes "$421 million" where the others write "$412
  million" (the rule's expect): a real conflict;
- "on Tuesday" (Gazette) and "yesterday" (Courier), both published on 11 June
  2025, resolve to 10 June 2025, as the others' "June 10" does;
- only the Gazette gives the library's opening year (2027); the Ledger's
  "first promised for 2022" is not an opening year;
- every outlet says the buses stay fare-paying, each with a different negation;
- no outlet mentions the rainy-day reserve: the claim stays silent.
"""

from __future__ import annotations

from typing import Any

import pytest

from factcheck import api
from factcheck.results import CheckReport, ClaimOut
from tests.conftest import ROOT

STORY = ROOT / "examples" / "city-budget"
SOURCES = ("courier", "gazette", "ledger", "wkhf")
DAY = {"start": "2025-06-10", "end": "2025-06-10"}


@pytest.fixture(scope="module")
def report() -> CheckReport:
    return api.check([STORY / "rules.yaml"], [STORY / "sources"])


def values(claim: ClaimOut) -> dict[str, Any]:
    """Each source's value (None when silent)."""
    return {s.source: None if s.value is None else s.value.value for s in claim.sources}


def statuses(claim: ClaimOut) -> dict[str, str]:
    return {s.source: s.status for s in claim.sources}


def test_sources_and_metadata(report: CheckReport) -> None:
    assert [s.id for s in report.sources] == list(SOURCES)
    outlets = {s.id: s.outlet for s in report.sources}
    assert outlets["courier"] == "Riverbend Courier"
    assert {s.id: s.published for s in report.sources}["ledger"] == "2025-06-13"


def test_summary(report: CheckReport) -> None:
    assert [c.id for c in report.claims] == [
        "budget-total",
        "property-tax-increase",
        "new-police-officers",
        "budget-vote-date",
        "library-opening-year",
        "fare-free-buses",
        "finance-director",
        "rainy-day-reserve",
    ]
    assert report.summary == {
        "agree": 5,
        "conflict": 1,
        "single": 1,
        "silent": 1,
        "expect_mismatch": 1,  # the Courier's $421 million against expect $412 million
    }
    assert report.claim("budget-total").expected == "mismatch"


def test_budget_total_is_a_real_conflict(report: CheckReport) -> None:
    claim = report.claim("budget-total")
    assert claim.status == "conflict" and claim.consensus is None
    assert values(claim) == {"courier": 421e6, "gazette": 412e6, "ledger": 412e6, "wkhf": 412e6}
    assert statuses(claim) == {
        "courier": "conflicts",
        "gazette": "agrees",
        "ledger": "agrees",
        "wkhf": "agrees",
    }
    expected = {s.source: s.expected for s in claim.sources}
    assert expected == {
        "courier": "mismatch",
        "gazette": "match",
        "ledger": "match",
        "wkhf": "match",
    }
    courier = next(s for s in claim.sources if s.source == "courier")
    assert courier.mentions[0].text == "$421 million" and courier.mentions[0].unit == "USD"


def test_property_tax_increase_agrees(report: CheckReport) -> None:
    claim = report.claim("property-tax-increase")
    assert claim.status == "agree"
    assert values(claim) == dict.fromkeys(SOURCES, 3.5)
    courier = next(s for s in claim.sources if s.source == "courier")
    assert courier.mentions[0].text == "3.5 percent"


def test_two_dozen_officers_is_24(report: CheckReport) -> None:
    claim = report.claim("new-police-officers")
    assert claim.status == "agree"
    assert values(claim) == dict.fromkeys(SOURCES, 24)
    courier = next(s for s in claim.sources if s.source == "courier")
    assert courier.mentions[0].text == "two dozen"  # not the department's 212 positions


def test_relative_vote_dates_resolve_against_publication(report: CheckReport) -> None:
    claim = report.claim("budget-vote-date")
    assert claim.status == "agree"
    assert values(claim) == dict.fromkeys(SOURCES, DAY)
    texts = {s.source: s.mentions[0].text for s in claim.sources}
    assert texts == {
        "courier": "yesterday",
        "gazette": "Tuesday",
        "ledger": "June 10",
        "wkhf": "June 10",
    }


def test_library_year_has_a_single_source(report: CheckReport) -> None:
    claim = report.claim("library-opening-year")
    assert claim.status == "single"
    assert values(claim) == {"courier": None, "gazette": 2027, "ledger": None, "wkhf": None}


def test_fare_free_buses_negated_four_ways(report: CheckReport) -> None:
    claim = report.claim("fare-free-buses")
    assert claim.status == "agree"
    assert values(claim) == dict.fromkeys(SOURCES, False)
    texts = {s.source: s.mentions[0].text for s in claim.sources}
    assert texts["gazette"] == "not include fare-free buses"
    assert texts["courier"] == "dropped a proposal for fare-free buses"
    assert texts["wkhf"] == "no fare-free bus service"


def test_finance_director_name(report: CheckReport) -> None:
    claim = report.claim("finance-director")
    assert claim.status == "agree"
    assert values(claim) == {
        "courier": "Alicia Moreno",
        "gazette": "Alicia Moreno",
        "ledger": "Alicia Moreno",
        "wkhf": None,
    }


def test_rainy_day_reserve_is_silent(report: CheckReport) -> None:
    claim = report.claim("rainy-day-reserve")
    assert claim.status == "silent"
    assert values(claim) == dict.fromkeys(SOURCES)
    assert all(s.status == "silent" and not s.mentions for s in claim.sources)


def test_every_evidence_offset_points_at_its_text(report: CheckReport) -> None:
    texts = {s.id: (ROOT / s.path).read_text(encoding="utf-8") for s in report.sources}
    for claim in report.claims:
        for source in claim.sources:
            for mention in source.mentions:
                assert texts[source.source][mention.start : mention.end] == mention.text
