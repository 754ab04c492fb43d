"""Binding: values go to the claim whose cue stands next to them, and noise binds nothing."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.binding.binder import Binder
from factcheck.rules.ruleset import RuleSet
from tests.conftest import make_rules

DEALS = make_rules("""
    aliases:
      AWS: [Amazon Web Services]
    claims:
      - id: deal-value
        description: value of the cloud deal
        type: money
        cues: [deal with AWS, commitment for cloud services, cloud deal]
      - id: investment
        description: Amazon's investment
        type: money
        cues: [pledge to invest, investment]
        context: [Amazon]
      - id: extra
        description: additional commitment
        type: money
        cues: [spending commitment]
        qualifiers: [additional]
      - id: start
        description: when the deal began
        type: date
        cues: [began, signed]
      - id: views
        description: a count nobody states
        type: number
        cues: [subscribers]
""")


def bound(rules: RuleSet, text: str, published: date | None = None) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for binding in Binder(rules).bind_text(text, published):
        result.setdefault(binding.claim, []).append(binding.mention.text)
    return result


def test_each_value_goes_to_its_own_claim_in_one_sentence() -> None:
    text = (
        "The companies disclosed a $38 billion commitment for cloud services through "
        "Amazon Web Services, followed by Amazon's pledge to invest up to $50 billion in OpenAI."
    )
    assert bound(DEALS, text) == {
        "deal-value": ["$38 billion"],
        "investment": ["up to $50 billion"],
    }


def test_additional_amount_is_not_the_deal_value() -> None:
    text = (
        "OpenAI plans to use AWS infrastructure and has increased its total spending "
        "commitment with Amazon by an additional $100 billion."
    )
    assert bound(DEALS, text) == {"extra": ["an additional $100 billion"]}


def test_page_furniture_binds_nothing() -> None:
    text = (
        "11 min read\n3 views\nApr 30, 2026\nCorporate Score 68 Neutral\nApr 13, 2026 17:20 UTC\n"
    )
    assert bound(DEALS, text) == {}


def test_value_beyond_the_window_is_not_bound() -> None:
    text = (
        "The deal with AWS, which analysts on both coasts of the country had been "
        "discussing for many long and tiring months in private, was valued at $38 billion."
    )
    assert bound(DEALS, text) == {}


def test_context_phrase_is_required() -> None:
    assert bound(DEALS, "Microsoft's investment of $13 billion paid off.") == {}
    assert bound(DEALS, "Amazon's investment of $8 billion paid off.") == {
        "investment": ["$8 billion"]
    }


def test_a_value_binds_to_one_claim_only() -> None:
    # "$38 billion" is near cues of both deal-value and start; it is money, so only
    # deal-value can take it, and the date goes to start.
    text = "The $38 billion deal with AWS began in November 2025."
    assert bound(DEALS, text) == {"deal-value": ["$38 billion"], "start": ["November 2025"]}


def test_relative_date_needs_a_publication_date() -> None:
    text = "The cloud deal was signed last November."
    assert bound(DEALS, text) == {}
    assert bound(DEALS, text, date(2026, 3, 1)) == {"start": ["last November"]}


BOOLEANS = make_rules("""
    claims:
      - id: exclusive-ip
        description: exclusive licence to IP
        type: boolean
        cues: [exclusive licence, exclusive access]
        context: [intellectual property]
      - id: capped
        description: payments capped
        type: boolean
        cues: [subject to a cap, capped]
        false_cues: [uncapped]
      - id: pays-share
        description: Microsoft pays a revenue share
        type: boolean
        cues: [pay a revenue share]
""")


@pytest.mark.parametrize(
    ("text", "claim", "value"),
    [
        (
            "This latest change ends Microsoft's exclusive license to OpenAI's intellectual property.",
            "exclusive-ip",
            False,
        ),
        (
            "The updated terms remove Microsoft's exclusive access to OpenAI's intellectual property.",
            "exclusive-ip",
            False,
        ),
        (
            "Microsoft keeps its exclusive licence to OpenAI's intellectual property.",
            "exclusive-ip",
            True,
        ),
        (
            "Microsoft's exclusive licence to the intellectual property was removed.",
            "exclusive-ip",
            False,
        ),
        ("Payments continue through 2030 but are now subject to a cap.", "capped", True),
        ("Payments will remain uncapped.", "capped", False),
        ("Payments are not capped.", "capped", False),
        ("Microsoft will no longer pay a revenue share to OpenAI.", "pays-share", False),
        ("Microsoft won't pay a revenue share anymore.", "pays-share", False),
        ("Microsoft will pay a revenue share to OpenAI.", "pays-share", True),
    ],
)
def test_boolean_polarity(text: str, claim: str, value: bool) -> None:
    bindings = [b for b in Binder(BOOLEANS).bind_text(text) if b.claim == claim]
    assert [b.value.value for b in bindings] == [value]


def test_boolean_needs_its_context() -> None:
    assert Binder(BOOLEANS).bind_text("The exclusive licence for the stadium ended.") == []


TEXTS = make_rules("""
    claims:
      - id: chief
        description: revenue chief
        type: text
        cues: [revenue chief, chief revenue officer]
      - id: chips
        description: chips used
        type: text
        cues: [chips]
        choices:
          Trainium: [Trainium2]
          Nvidia GPUs: [GPUs]
""")


@pytest.mark.parametrize(
    ("text", "claim", "value"),
    [
        (
            "Revenue Chief Denise Dresser recently highlighted the growing collaboration.",
            "chief",
            "Denise Dresser",
        ),
        (
            '"We are pleased," said Denise Dresser, OpenAI’s revenue chief, during remarks.',
            "chief",
            "Denise Dresser",
        ),
        ("OpenAI will use custom Trainium chips for training models.", "chips", "Trainium"),
        ("OpenAI will use Trainium2 chips.", "chips", "Trainium"),
        ("The company buys GPUs and other chips from Nvidia.", "chips", "Nvidia GPUs"),
    ],
)
def test_text_values(text: str, claim: str, value: str) -> None:
    bindings = [b for b in Binder(TEXTS).bind_text(text) if b.claim == claim]
    assert [b.value.value for b in bindings] == [value]


def test_name_far_from_the_cue_is_not_bound() -> None:
    text = (
        "A leaked memo from OpenAI's revenue chief indicates the organisation is deepening "
        "its alliance with Amazon, as analysts at Morgan Stanley and other banks noted this week."
    )
    assert [b for b in Binder(TEXTS).bind_text(text) if b.claim == "chief"] == []


def test_patterns_bind_precisely() -> None:
    rules = make_rules("""
        claims:
          - id: price
            description: ticket price
            type: money
            cues: [tickets]
            patterns: ["tickets cost {value} each"]
    """)
    text = "Parking is $20, while tickets cost $95 each."
    assert [b.mention.text for b in Binder(rules).bind_text(text)] == ["$95"]


def test_over_a_duration_is_not_a_hedge() -> None:
    from factcheck.extract import extract_all

    found = [(m.text, m.qualifier) for m in extract_all("over 5 million units over seven years")]
    assert found == [("over 5 million", "more_than"), ("seven years", None)]


def test_patterns_match_whole_words_only() -> None:
    from factcheck.binding.binder import _pattern_fits
    from factcheck.extract import extract_all

    def fits(text: str) -> bool:
        money = next(m for m in extract_all(text) if m.kind == "money")
        return _pattern_fits("a {value} grant", text, money)

    assert fits("It won a $5 million grant.")
    assert not fits("Its data $5 million grant.")
    assert not fits("It won a $5 million grantee award.")


RATES = make_rules("""
    claims:
      - id: rate
        description: the policy rate
        type: percent
        cues: [policy rate]
      - id: forecast
        description: the revenue forecast
        type: money
        cues: [forecast]
""")


def test_a_change_binds_its_new_value() -> None:
    binder = Binder(RATES)
    text = "The company raised its forecast from $4 billion to $6 billion."
    [binding] = [b for b in binder.bind_text(text) if b.claim == "forecast"]
    assert binding.mention.detail == "change"
    assert binding.value.value == 6e9


def test_points_never_bind_as_a_percentage() -> None:
    text = "The central bank lifted its policy rate by 25 basis points to 4.5%."
    assert bound(RATES, text) == {"rate": ["4.5%"]}
    assert bound(RATES, "The policy rate rose 2 percentage points.") == {}
