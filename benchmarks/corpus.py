"""Generate a deterministic benchmark corpus from the seed story, with planted conflicts.

    .venv/bin/python benchmarks/corpus.py OUT_DIR [--articles N] [--seed S]

Writes ``OUT_DIR/a00000.txt ...``, a ``sources.yaml`` manifest (title, outlet,
publication date) and ``ground-truth.json``: per claim the expected verdict,
the true value, and which articles state the true value and which the planted
one. Each article states a random subset of the 14 seed claims in paraphrase
(:mod:`claim_templates`), sometimes twice, among filler paragraphs, figures no
claim should take, headings and page furniture (:mod:`prose`); it runs to 600
to 3,000 words. About 5% of the articles stating one of five claims state a
planted value instead, so the claim should be in ``conflict`` and those
articles flagged ``conflicts``.

Everything derives from ``random.Random`` seeded with strings built from the
seed and the article index: the same seed gives the same bytes, and article
``i`` does not depend on how many articles are generated (except that a
corpus too small to plant a conflict by chance gets one forced).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import prose  # noqa: E402
from claim_templates import CLAIMS, COMBOS, DISTRACTORS, ClaimText, Variant  # noqa: E402

MIN_WORDS, MAX_WORDS = 600, 3000
PLANT_RATE = 0.05
REPEAT_RATE = 0.2
COMBO_RATE = 0.35
FIRST_DAY, DAYS = date(2026, 4, 1), 61
TRUTH_FILE = "ground-truth.json"
BY_ID: dict[str, ClaimText] = {c.claim: c for c in CLAIMS}


@dataclass(frozen=True)
class Plan:
    """What one article says, decided before any text is written."""

    index: int
    id: str
    published: date
    target_words: int
    stated: tuple[str, ...]
    planted: frozenset[str] = field(default_factory=frozenset)


def plan_article(seed: int, index: int) -> Plan:
    rng = random.Random(f"{seed}:{index}:plan")
    stated = sorted(rng.sample(range(len(CLAIMS)), rng.randint(3, 11)))
    ids = tuple(CLAIMS[i].claim for i in stated)
    planted = frozenset(c for c in ids if BY_ID[c].planted and rng.random() < PLANT_RATE)
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    target = int(rng.triangular(MIN_WORDS + 50, MAX_WORDS - 150, 1000))
    return Plan(index, f"a{index:05d}", published, target, ids, planted)


def plan_corpus(seed: int, n: int) -> list[Plan]:
    """Plans for ``n`` articles; every plantable claim stated by 3+ articles gets a plant."""
    plans = [plan_article(seed, i) for i in range(n)]
    for claim in CLAIMS:
        if claim.planted is None or any(claim.claim in p.planted for p in plans):
            continue
        stating = [p for p in plans if claim.claim in p.stated]
        if len(stating) >= 3:
            chosen = stating[len(stating) // 2]
            plans[chosen.index] = replace(chosen, planted=chosen.planted | {claim.claim})
    return plans


def _fill(template: str, variant: Variant, rng: random.Random) -> str:
    sentence = template.replace("{v}", rng.choice(variant.forms))
    return sentence[0].upper() + sentence[1:]


def _claim_sentences(plan: Plan, rng: random.Random) -> list[str]:
    """One sentence per stated claim (combos cover two), some claims stated twice."""
    covered: set[str] = set()
    sentences: list[str] = []
    for combo in COMBOS:
        usable = all(
            c in plan.stated and c not in plan.planted and c not in covered for c in combo.claims
        )
        if usable and rng.random() < COMBO_RATE:
            text = combo.template
            for slot in combo.claims:
                text = text.replace("{" + slot + "}", rng.choice(BY_ID[slot].truth.forms))
            sentences.append(text)
            covered.update(combo.claims)
    for claim_id in plan.stated:
        claim = BY_ID[claim_id]
        variant = claim.planted if claim_id in plan.planted and claim.planted else claim.truth
        templates = rng.sample(variant.templates, min(2, len(variant.templates)))
        if claim_id not in covered:
            sentences.append(_fill(templates[0], variant, rng))
        if rng.random() < REPEAT_RATE:
            sentences.append(_fill(templates[-1], variant, rng))
    return sentences


def _words(lines: Iterable[str]) -> int:
    return sum(len(line.split()) for line in lines)


def render_article(seed: int, plan: Plan, furniture: bool = True) -> tuple[str, str, str]:
    """The article text, its title and its outlet (``furniture=False``: the story only)."""
    rng = random.Random(f"{seed}:{plan.index}:text")
    title, outlet = rng.choice(prose.TITLES), rng.choice(prose.OUTLETS)
    statements = _claim_sentences(plan, rng)
    statements += rng.sample(DISTRACTORS, rng.randint(0, 3))
    rng.shuffle(statements)
    head = prose.header(rng, title, outlet, plan.published, plan.target_words)
    foot = prose.footer(rng, outlet, plan.published.year)
    if not furniture:
        head, foot = [f"# {title}"], []
    budget = _words(head) + _words(foot) + _words(statements)
    paragraphs: list[list[str]] = []
    while budget < plan.target_words or len(paragraphs) < 2:
        paragraph = prose.filler_paragraph(rng)
        budget += _words(paragraph)
        paragraphs.append(paragraph)
    paragraphs[0].insert(rng.randint(0, 1), statements[0])  # the lede states something
    for sentence in statements[1:]:
        target = paragraphs[rng.randrange(len(paragraphs))]
        target.insert(rng.randint(0, len(target)), sentence)
    body: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if i and rng.random() < 0.25:
            body.append(rng.choice(prose.HEADINGS))
        body.append(" ".join(paragraph))
    joiner = "\n\n" if rng.random() < 0.7 else "\n"
    text = "\n".join(head) + "\n\n" + joiner.join(body) + "\n\n" + "\n".join(foot) + "\n"
    return text, title, outlet


def draft(seed: int, words: int = 1500) -> str:
    """A Markdown draft stating every claim, two of them with planted values."""
    plan = Plan(
        0,
        "draft",
        date(2026, 5, 4),
        words,
        tuple(c.claim for c in CLAIMS),
        frozenset({"aws-deal-value", "revenue-share-end-year"}),
    )
    return render_article(seed, plan, furniture=False)[0]


def ground_truth(seed: int, plans: list[Plan]) -> dict[str, Any]:
    claims = []
    for claim in CLAIMS:
        planted = [p.id for p in plans if claim.claim in p.planted]
        agreeing = [p.id for p in plans if claim.claim in p.stated and p.id not in planted]
        stating = len(planted) + len(agreeing)
        status = (
            "conflict" if planted else "agree" if stating > 1 else "single" if stating else "silent"
        )
        claims.append(
            {
                "id": claim.claim,
                "expected_status": status,
                "truth": claim.truth.display,
                "truth_value": claim.truth.value,
                "planted_value": claim.planted.display if claim.planted else None,
                "stated": agreeing,
                "planted": planted,
            }
        )
    return {"seed": seed, "articles": len(plans), "claims": claims}


def generate(folder: Path, n: int, seed: int = 7) -> dict[str, Any]:
    """Write ``n`` articles, the manifest and the ground truth to ``folder``; return the truth."""
    folder.mkdir(parents=True, exist_ok=True)
    plans = plan_corpus(seed, n)
    manifest = ["# Generated by benchmarks/corpus.py; keyed by file stem."]
    for plan in plans:
        text, title, outlet = render_article(seed, plan)
        (folder / f"{plan.id}.txt").write_text(text, encoding="utf-8")
        manifest.append(
            f"{plan.id}:\n  title: {json.dumps(title)}\n  outlet: "
            f"{json.dumps(outlet)}\n  published: {plan.published.isoformat()}"
        )
    (folder / "sources.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    truth = ground_truth(seed, plans)
    (folder / TRUTH_FILE).write_text(json.dumps(truth, indent=1) + "\n", encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    truth = generate(args.out, args.articles, args.seed)
    planted = sum(len(c["planted"]) for c in truth["claims"])
    print(f"{args.articles} articles, {planted} planted statements -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
