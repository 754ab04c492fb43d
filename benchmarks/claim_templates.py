"""Sentence templates for the benchmark corpus: how articles state each seed claim.

Every claim of ``rules/openai-cloud.yaml`` has a true variant (the story's
facts) and, for five claims, a *planted* variant: a different value that a few
articles state, so the checker should report the claim in conflict and flag
those articles. Templates are paraphrases written for the benchmark (several
wordings per claim, some the rules' cues do not anticipate), not sentences of
the seed articles. ``{v}`` is the value slot; boolean claims have no slot,
their wording carries the polarity.

Each template states exactly one claim and nothing another claim could bind
(no stray dates near "signed", no chips near "AWS"). :data:`COMBOS` state two
claims in one sentence, as real copy often does.

``truth`` is the value as ``factcheck check --format json`` writes it, used by
the accuracy scoring.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Variant:
    """One value of a claim: the forms an article may write it in, and the sentences."""

    display: str
    value: Any  # as in the JSON report: a number, a year, {start, end}, a bool or a string
    forms: tuple[str, ...]
    templates: tuple[str, ...]


@dataclass(frozen=True)
class ClaimText:
    claim: str
    truth: Variant
    planted: Variant | None = None


@dataclass(frozen=True)
class Combo:
    """A sentence stating two claims (true values only): slots are claim ids."""

    template: str
    claims: tuple[str, str]


def _month(start: str, end: str) -> dict[str, str]:
    return {"start": start, "end": end}


_DEAL_VALUE_T = (
    "OpenAI signed a {v} deal with AWS to rent computing capacity in Amazon's data centres.",
    "The companies disclosed a {v} commitment for cloud services through Amazon Web Services.",
    "Under its contract with AWS, valued at {v}, OpenAI will rent servers across several regions.",
    "That {v} cloud deal was the largest OpenAI had agreed with anyone other than Microsoft.",
    "The AWS deal, worth {v}, gives the ChatGPT maker a new source of capacity outside Azure.",
    "Analysts put the agreement with AWS at {v} in total, spread across several years.",
    "OpenAI's cloud computing deal with Amazon Web Services is valued at {v}.",
    "Amazon Web Services will supply the compute under a {v} contract, one of the largest.",
)
_DEAL_YEARS_T = (
    "OpenAI's contract with AWS runs for {v} years.",
    "The agreement with Amazon covers a {v}-year period.",
    "OpenAI has locked in capacity from Amazon Web Services under a {v}-year arrangement.",
    "The AWS commitment stretches over {v} years, according to the announcement.",
)
_DEAL_START_T = (
    "OpenAI signed its first large contract with AWS in {v}.",
    "The AWS deal, struck in {v}, was followed by further agreements.",
    "Since the partnership with Amazon began in {v}, OpenAI has moved more of its workloads there.",
    "In {v}, OpenAI committed to buying capacity from Amazon Web Services.",
)
_END_YEAR_T = (
    "OpenAI will keep paying Microsoft a share of its revenue through {v}.",
    "Revenue-sharing payments from OpenAI to Microsoft will continue until {v}.",
    "Under the new terms, the revenue share Microsoft receives runs through the end of {v}.",
    "Microsoft will go on collecting its revenue share from OpenAI until {v}, the companies said.",
)

CLAIMS: tuple[ClaimText, ...] = (
    ClaimText(
        "aws-deal-value",
        Variant(
            "$38 billion",
            38_000_000_000,
            ("$38 billion", "$38bn", "US$38 billion", "US$38bn"),
            _DEAL_VALUE_T,
        ),
        Variant(
            "$40 billion", 40_000_000_000, ("$40 billion", "$40bn", "US$40 billion"), _DEAL_VALUE_T
        ),
    ),
    ClaimText(
        "aws-deal-years",
        Variant("7", 7, ("seven", "7"), _DEAL_YEARS_T),
        Variant("5", 5, ("five", "5"), _DEAL_YEARS_T),
    ),
    ClaimText(
        "amazon-investment",
        Variant(
            "up to $50 billion",
            50_000_000_000,
            ("up to $50 billion", "as much as $50 billion", "up to $50bn", "$50 billion"),
            (
                "Amazon has pledged to invest {v} in OpenAI.",
                "Amazon's investment in OpenAI could total {v}.",
                "Amazon agreed to invest {v} in the company, deepening a relationship that "
                "started with rented servers.",
                "For its part, Amazon will take a stake worth {v} in OpenAI.",
            ),
        ),
    ),
    ClaimText(
        "additional-aws-commitment",
        Variant(
            "an additional $100 billion",
            100_000_000_000,
            (
                "an additional $100 billion",
                "another $100 billion",
                "a further $100bn",
                "an extra $100 billion",
            ),
            (
                "OpenAI has increased its total spending commitment with Amazon by {v}.",
                "OpenAI also raised its spending on AWS by {v} over the coming years.",
                "The expanded commitment adds {v} to what OpenAI will spend with Amazon.",
                "On top of the original contract, OpenAI pledged {v} for Amazon's cloud.",
            ),
        ),
    ),
    ClaimText(
        "aws-deal-start",
        Variant(
            "November 2025",
            _month("2025-11-01", "2025-11-30"),
            ("November 2025", "Nov. 2025", "last November", "early November 2025"),
            _DEAL_START_T,
        ),
        Variant(
            "January 2026",
            _month("2026-01-01", "2026-01-31"),
            ("January 2026", "Jan. 2026"),
            _DEAL_START_T,
        ),
    ),
    ClaimText(
        "revenue-share-end-year",
        Variant("2030", 2030, ("2030",), _END_YEAR_T),
        Variant("2032", 2032, ("2032",), _END_YEAR_T),
    ),
    ClaimText(
        "revenue-share-cap",
        Variant(
            "true",
            True,
            ("",),
            (
                "Those revenue-share payments are now subject to a cap.",
                "The payments OpenAI makes to Microsoft out of its revenue are now capped at an "
                "undisclosed total.",
                "A ceiling now applies to the revenue share OpenAI hands over to Microsoft.",
            ),
        ),
        Variant(
            "false",
            False,
            ("",),
            (
                "The revenue-share payments to Microsoft remain uncapped, the documents show.",
                "There is no cap on the revenue OpenAI shares with Microsoft, people familiar with "
                "the terms said.",
            ),
        ),
    ),
    ClaimText(
        "microsoft-pays-revenue-share",
        Variant(
            "false",
            False,
            ("",),
            (
                "Microsoft will no longer pay a revenue share to OpenAI.",
                "Under the new arrangement, Microsoft stops paying OpenAI a revenue share.",
                "Microsoft, for its part, will not pay a share of revenue back to OpenAI any more.",
                "The deal also ends the revenue share Microsoft used to pay OpenAI.",
            ),
        ),
    ),
    ClaimText(
        "microsoft-ip-exclusivity",
        Variant(
            "false",
            False,
            ("",),
            (
                "The new terms end Microsoft's exclusive licence to OpenAI's intellectual property.",
                "Microsoft no longer holds exclusive rights to OpenAI's models.",
                "The updated agreement removes Microsoft's exclusive access to OpenAI's IP.",
                "Microsoft's exclusive license to the startup's technology has been dropped.",
            ),
        ),
    ),
    ClaimText(
        "revenue-chief",
        Variant(
            "Denise Dresser",
            "Denise Dresser",
            ("Denise Dresser",),
            (
                "OpenAI's chief revenue officer, {v}, told staff in a memo that the two moves were "
                "unrelated.",
                "Revenue chief {v} said the company was seeing the benefits of its work with Amazon.",
                "\u201cWe are meeting customers where they are,\u201d said {v}, OpenAI's head of "
                "revenue.",
                "{v}, who serves as chief revenue officer at OpenAI, played down any link between "
                "the announcements.",
            ),
        ),
    ),
    ClaimText(
        "uk-probe-dropped",
        Variant(
            "March 2025",
            _month("2025-03-01", "2025-03-31"),
            ("March 2025", "Mar. 2025", "5 March 2025"),
            (
                "Britain's Competition and Markets Authority dropped its probe of the "
                "partnership in {v}.",
                "The UK competition watchdog closed its investigation into the "
                "Microsoft-OpenAI tie-up in {v}.",
                "In {v} the CMA ended its review of the alliance without further action.",
                "The UK's decision to drop its probe into the Microsoft-OpenAI deal in {v} "
                "cleared the way for looser alliances.",
            ),
        ),
    ),
    ClaimText(
        "training-chips",
        Variant(
            "Trainium",
            "Trainium",
            ("Trainium", "Trainium2"),
            (
                "OpenAI will use Amazon's custom {v} chips to train some of its models.",
                "Training runs will take place on AWS's in-house {v} processors.",
                "OpenAI plans to train models on {v} accelerators designed by Amazon.",
            ),
        ),
    ),
    ClaimText(
        "restructuring-count",
        Variant(
            "2",
            2,
            ("second",),
            (
                "It is the {v} adjustment to the agreement in six months.",
                "This is the {v} revision of the partnership's terms.",
                "The {v} restructuring of their agreement ends a period of uncertainty for investors.",
                "The companies announced another change to their agreement, the {v} in six months.",
            ),
        ),
    ),
    ClaimText(
        "azure-start-year",
        Variant(
            "2016",
            2016,
            ("2016",),
            (
                "OpenAI first ran experiments on Microsoft's Azure cloud in {v}.",
                "The relationship began in {v}, when OpenAI started running workloads on Azure.",
                "OpenAI has relied on Azure since {v}.",
                "Azure has hosted OpenAI's research since {v}, long before ChatGPT made it a "
                "household name.",
            ),
        ),
    ),
)

COMBOS: tuple[Combo, ...] = (
    Combo(
        "OpenAI agreed to a {aws-deal-years}-year, {aws-deal-value} contract with AWS.",
        ("aws-deal-years", "aws-deal-value"),
    ),
    Combo(
        "Revenue-sharing payments from OpenAI to Microsoft will continue through "
        "{revenue-share-end-year} but are now subject to a cap.",
        ("revenue-share-end-year", "revenue-share-cap"),
    ),
    Combo(
        "The {aws-deal-value} AWS deal, which began in {aws-deal-start}, addresses the "
        "company's shortage of computing power.",
        ("aws-deal-value", "aws-deal-start"),
    ),
)

# Sentences with figures that no claim should take: realistic noise near the story.
DISTRACTORS: tuple[str, ...] = (
    "Microsoft has invested about $13 billion in OpenAI since 2019.",
    "Shares of Amazon rose 1.8% in early trading, while Microsoft slipped 0.6%.",
    "OpenAI's annualised revenue has passed $20 billion, according to people familiar with "
    "its finances.",
    "Global spending on AI data centres could top $400 billion a year by 2028, analysts estimate.",
    "Microsoft's Azure cloud unit grew 39% in the latest quarter.",
    "ChatGPT now has more than 800 million weekly users.",
    "The broader Nasdaq index closed 0.4% higher on the day.",
    "Alphabet, Microsoft and Amazon together plan to spend well over $300 billion on "
    "capital projects in 2026.",
    "Nvidia's market value briefly topped $5 trillion in the autumn.",
    "Around 70% of large companies now use more than one cloud provider, a recent survey found.",
)
