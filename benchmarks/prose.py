"""Filler prose and page furniture for the benchmark corpus.

Filler is generic business writing assembled from phrase pools, so paragraphs
rarely repeat; it contains no figures and avoids the words the seed rules use
as cues for booleans ("exclusive", "cap", "limit"), so any value a checker
finds in it is a false binding. Furniture is what scraped news pages carry
around the story: section links, bylines, datelines in several formats,
"11 min read", "3 views", share prompts and related headlines.

All functions take the caller's ``random.Random``; nothing here keeps state.
"""

from __future__ import annotations

import random
from datetime import date

SUBJECTS = (
    "Enterprise buyers",
    "Chief information officers",
    "Cloud customers",
    "Investors",
    "Industry analysts",
    "Rival labs",
    "Smaller developers",
    "Procurement teams",
    "Regulators in Brussels",
    "Data-centre operators",
    "Start-up founders",
    "Bank analysts",
    "Software vendors",
    "Consultancies",
    "Hardware suppliers",
    "Board members",
    "Portfolio managers",
    "Technology executives",
    "Engineering leaders",
    "Power utilities",
)
VERBS = (
    "are watching",
    "have grown wary of",
    "continue to weigh",
    "have started to question",
    "are reassessing",
    "remain focused on",
    "are quietly preparing for",
    "keep returning to",
    "have long complained about",
    "are betting heavily on",
    "have begun to price in",
    "are paying closer attention to",
    "worry openly about",
    "are still debating",
)
OBJECTS = (
    "the cost of running large models",
    "long-term supply agreements",
    "the pace of new launches",
    "vendor lock-in",
    "power availability at new sites",
    "the economics of inference",
    "the shortage of skilled engineers",
    "how quickly margins can recover",
    "the balance of power among cloud providers",
    "security reviews for hosted models",
    "the next generation of custom silicon",
    "data residency rules",
    "pricing for model access",
    "the reliability of service commitments",
    "the gap between pilots and production",
    "capacity planning for the coming quarters",
    "how customers actually use assistants",
)
TAILS = (
    "",
    "",
    " as budgets tighten",
    ", according to several industry executives",
    " ahead of the next earnings season",
    ", people briefed on the discussions said",
    " in a market that changes by the week",
    " while demand keeps climbing",
    ", though few will say so publicly",
    " as competition intensifies",
)
STANDALONE = (
    "The shift did not happen overnight.",
    "Neither company would comment on the details of the negotiations.",
    "For customers, the practical effect may take months to show up.",
    "Some observers see the move as overdue.",
    "Others argue that the change is more symbolic than substantive.",
    "The timing raised eyebrows among people who follow the sector closely.",
    "Executives on both sides described the talks as cordial.",
    "What happens next depends largely on how much capacity comes online.",
    "The market reaction was muted.",
    "It is a pattern seen before in earlier technology cycles.",
    "That leaves plenty of room for surprises.",
    "Much of the work remains behind closed doors.",
    "Several large customers have already asked for more detail.",
    "The details matter more than the headlines suggest.",
    "Competitors were quick to respond with announcements of their own.",
    "Not everyone is convinced the arrangement will last.",
    "The companies described the relationship as strong and evolving.",
    "Building data centres at this scale takes years of planning.",
    "Pricing pressure is likely to persist for the foreseeable future.",
    "Developers say the choice of platform increasingly comes down to convenience.",
)
QUOTES = (
    "Nobody wants to depend on a single supplier for something this important",
    "The customers decide where the workloads go, not the vendors",
    "We are still early in working out what all this costs",
    "Every large buyer I talk to is asking the same question",
    "It is a negotiation that never really ends",
    "The hardware is only half the story; the software has to follow",
    "You cannot plan a data centre on a quarterly horizon",
    "Flexibility is worth paying for, up to a point",
)
ROLES = (
    "analyst",
    "industry veteran",
    "cloud executive",
    "investor",
    "former engineer",
    "consultant",
    "procurement manager",
    "fund manager",
)
OPENERS = (
    "",
    "",
    "",
    "Meanwhile, ",
    "Still, ",
    "In practice, ",
    "At the same time, ",
    "For now, ",
    "Even so, ",
    "More broadly, ",
    "Privately, ",
)
HEADINGS = (
    "Strategic Realignment",
    "What It Means for Customers",
    "The Competitive Picture",
    "Why It Matters",
    "Looking Ahead",
    "The Cloud Wars Heat Up",
    "Market Implications",
    "A Changing Partnership",
    "Industry Dynamics",
    "The Compute Crunch",
    "What Comes Next",
    "Analysis",
    "Key Takeaways",
    "The Bigger Picture",
)
OUTLETS = (
    "AlphaScala",
    "Market Ledger",
    "The Cloud Brief",
    "TechWire Daily",
    "Signal & Noise",
    "Northbridge Business",
    "The Compute Report",
    "Ledgerline",
    "Bay Street Digest",
)
SECTIONS = ("Markets", "Technology", "Cloud", "AI", "Business", "Enterprise")
FIRST_NAMES = (
    "Maya",
    "Jonas",
    "Priya",
    "Tom",
    "Elena",
    "Marcus",
    "Sofia",
    "Daniel",
    "Aisha",
    "Lukas",
    "Hannah",
    "Oliver",
    "Grace",
    "Ravi",
    "Clara",
    "Felix",
)
LAST_NAMES = (
    "Lindqvist",
    "Okafor",
    "Brennan",
    "Castellano",
    "Hughes",
    "Nakamura",
    "Petrov",
    "Whitaker",
    "Adeyemi",
    "Fontaine",
    "Kowalski",
    "Moreau",
    "Hartley",
)
TITLES = (
    "OpenAI Deepens Amazon Ties as Microsoft Pact Loosens",
    "OpenAI Shifts Toward Amazon Amid Microsoft Partnership Changes",
    "Why OpenAI Is Spreading Its Bets Across the Cloud",
    "OpenAI and Microsoft Rewrite Their Deal as Amazon Steps Up",
    "The Cloud Wars Enter a New Phase",
    "OpenAI's Multi-Cloud Pivot, Explained",
    "Amazon Gains Ground in the Race for OpenAI's Workloads",
    "What OpenAI's New Terms Mean for Microsoft",
)
RELATED = (
    "Five things to watch in cloud earnings this quarter",
    "How AI start-ups are rethinking their compute budgets",
    "Chipmakers race to meet demand for training hardware",
    "The quiet rise of multi-cloud strategies",
    "Regulators take a fresh look at Big Tech partnerships",
    "Inside the race to build bigger data centres",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _clause(rng: random.Random, lower: bool) -> str:
    subject = rng.choice(SUBJECTS)
    if lower:
        subject = subject[0].lower() + subject[1:]
    return f"{subject} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"


def filler_sentence(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.2:
        return rng.choice(STANDALONE)
    if shape < 0.3:
        quote = rng.choice(QUOTES)
        return f"\u201c{quote},\u201d said one {rng.choice(ROLES)}."
    if shape < 0.45:
        joiner = rng.choice((", and ", ", while ", ", but ", "; "))
        return f"{_clause(rng, False)}{joiner}{_clause(rng, True)}."
    opener = rng.choice(OPENERS)
    return f"{opener}{_clause(rng, bool(opener))}{rng.choice(TAILS)}."


def filler_paragraph(rng: random.Random) -> list[str]:
    """Three to six sentences of generic prose."""
    return [filler_sentence(rng) for _ in range(rng.randint(3, 6))]


def dateline(rng: random.Random, published: date) -> str:
    month = MONTHS[published.month - 1]
    hour, minute = rng.randint(6, 21), rng.randint(0, 59)
    formats = (
        f"{month} {published.day}, {published.year} at {hour % 12 or 12:02d}:{minute:02d} "
        f"{'PM' if hour >= 12 else 'AM'}",
        f"{month[:3]} {published.day}, {published.year}",
        f"{published.day:02d}/{published.month:02d}/{published.year}",
        f"Published {published.day} {month} {published.year}",
        f"Updated {month[:3]} {published.day}, {published.year} {hour:02d}:{minute:02d} UTC",
    )
    return rng.choice(formats)


def byline(rng: random.Random, outlet: str) -> str:
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return rng.choice(
        (
            f"By {name}",
            f"{name}, Technology Correspondent",
            f"By {outlet} staff",
            f"By {name} | {outlet}",
        )
    )


def header(rng: random.Random, title: str, outlet: str, published: date, words: int) -> list[str]:
    """Lines above the story: navigation, title, byline, date, reading time, views."""
    lines = []
    if rng.random() < 0.5:
        lines.append(
            rng.choice(
                (
                    f"Back to {rng.choice(SECTIONS)}",
                    "Home",
                    "No connection",
                    "MSFT, AMZN",
                    "Stocks\u25cf Neutral",
                    outlet,
                )
            )
        )
    lines.append(title)
    furniture = [byline(rng, outlet), dateline(rng, published)]
    if rng.random() < 0.6:
        furniture.append(f"{max(1, round(words / 230))} min read")
    if rng.random() < 0.5:
        furniture.append(f"{rng.randint(1, 4000)} views")
    rng.shuffle(furniture)
    return lines + furniture


def footer(rng: random.Random, outlet: str, year: int) -> list[str]:
    """Lines below the story: share prompts, related headlines, author bio, copyright."""
    options = [
        ["Share this article"],
        ["Related Articles", *rng.sample(RELATED, 3)],
        [
            "Sign up free to read the full analysis",
            "Create a free account to unlock personalised alerts and more.",
        ],
        [f"Comments ({rng.randint(0, 250)})"],
        [
            f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} writes about technology and "
            f"markets for {outlet}."
        ],
        ["This article is for information only and is not investment advice."],
        [f"\u00a9 {year} {outlet}. All rights reserved."],
    ]
    chosen = rng.sample(options, rng.randint(1, 4))
    return [line for block in chosen for line in block]
