"""factcheck explain: each reason a value did not bind, from a sentence built for it.

Every reason is asserted in the JSON (which validates against the committed
schema) and in the text an editor reads; explain's winners are check's bindings.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from factcheck import api
from factcheck.binding.binder import Binder
from factcheck.binding.evidence import check_document
from factcheck.report.explain import render
from factcheck.run.explain import ExplainReport, Proposal, explain_text, winners
from factcheck.sources.corpus import load_corpus
from tests.conftest import ROOT, make_rules

SCHEMA = json.loads((ROOT / "schema" / "explain.schema.json").read_text(encoding="utf-8"))

RULES = make_rules(
    """\
    claims:
      - id: deal-value
        description: Value of the deal.
        type: money
        cues: [deal]
        window: 3
      - id: aws-value
        description: Value of the AWS deal.
        type: money
        cues: [deal]
        context: [AWS]
      - id: investment
        description: Amount invested.
        type: money
        cues: [invest]
      - id: stake
        description: Value of the stake.
        type: money
        cues: [invest, stake]
      - id: count
        description: Which restructuring.
        type: number
        cues: [restructuring]
        ordinal: true
      - id: rank
        description: Place in the ranking.
        type: number
        cues: [second]
        ordinal: true
      - id: opened
        description: When it opened.
        type: year
        cues: [opened]
      - id: signed
        description: When it was signed.
        type: date
        cues: [signed]
      - id: exclusive
        description: Whether the licence is exclusive.
        type: boolean
        cues: [exclusive licence]
    """
)


def explained(text: str, *claims: str) -> tuple[ExplainReport, str]:
    report = explain_text(RULES, text, claims=claims)
    jsonschema.validate(report.model_dump(mode="json"), SCHEMA)
    from io import StringIO

    out = StringIO()
    render(report, out)
    return report, out.getvalue()


def proposals(report: ExplainReport, claim: str) -> list[Proposal]:
    return [p for s in report.sentences for p in s.proposals if p.claim == claim]


Case = tuple[str, tuple[str, ...], str, Callable[[Proposal], bool], str]
CASES: dict[str, Case] = {
    "out of window": (
        "The deal, which took many long months of talks to agree, is worth $38 billion.",
        ("deal-value",),
        "deal-value",
        lambda p: p.text == "$38 billion",
        "out of window: the nearest cue 'deal' is",
    ),
    "outscored": (
        "The deal is worth $38 billion, they said when asked to invest.",
        ("deal-value", "investment", "aws-value"),
        "investment",
        lambda p: p.text == "$38 billion",
        "outscored by deal-value",
    ),
    "claim already filled": (
        "They invest $5 billion or $6 billion.",
        ("investment",),
        "investment",
        lambda p: p.text == "$6 billion",
        "claim already filled in this sentence by '$5 billion'",
    ),
    "hedge not in qualifiers": (
        "The deal adds an additional $100 billion.",
        ("deal-value",),
        "deal-value",
        lambda p: "100" in p.text,
        "hedge 'additional' is not in the claim's qualifiers",
    ),
    "tie broken by claim order": (
        "They will invest $5 billion.",
        ("investment", "stake"),
        "stake",
        lambda p: p.text == "$5 billion",
        "tie broken by claim order: investment comes first",
    ),
    "ordinal required": (
        "The restructuring cut 3 divisions.",
        ("count",),
        "count",
        lambda p: p.text == "3",
        "an ordinal is required",
    ),
    "cue word is the value": (
        "It came second.",
        ("rank",),
        "rank",
        lambda p: p.text == "second",
        "the cue word is itself the value",
    ),
    "cross-kind penalty": (
        "The library opened on 3 March 2025.",
        ("opened",),
        "opened",
        lambda p: p.won,
        "cross-kind penalty: a date read as a year",
    ),
    "relative date unresolved": (
        "The deal was signed last month.",
        ("signed",),
        "signed",
        lambda p: p.text == "last month",
        "relative date left unresolved",
    ),
    "wrong type": (
        "The deal was signed by 40 people.",
        ("signed",),
        "signed",
        lambda p: p.text == "40",
        "wrong type: a number where a date is wanted",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_reason_a_value_lost_is_said(name: str) -> None:
    text, claims, claim, pick, reason = CASES[name]
    report, shown = explained(text, *claims)
    chosen = [p for p in proposals(report, claim) if pick(p)]
    assert chosen, f"no proposal of {claim} matched in {report.model_dump()}"
    assert any(reason in r for p in chosen for r in p.reasons), chosen
    if not name.startswith("wrong type"):  # wrong types are counted in the text, not listed
        assert reason in " ".join(shown.split())


def test_a_missing_context_phrase_is_named() -> None:
    report, shown = explained("The deal is worth $38 billion.", "aws-value")
    assert report.sentences[0].missing_context == {"aws-value": ["AWS"]}
    assert "✘ aws-value: no context phrase (AWS)" in shown
    assert report.misses[0].reason.startswith("a cue stands here but no context phrase")


def test_the_winner_is_marked_with_its_cue_and_distance() -> None:
    report, shown = explained("The deal is worth $38 billion.", "deal-value")
    (won,) = [p for p in proposals(report, "deal-value") if p.won]
    assert (won.text, won.cue, won.distance, won.breaks) == ("$38 billion", "deal", 2, 0)
    assert "✔ deal-value: '$38 billion' score" in shown and "cue 'deal' at 2 words" in shown


def test_yes_no_statements_say_what_set_their_polarity() -> None:
    report, shown = explained("Microsoft no longer has an exclusive licence.", "exclusive")
    (proposal,) = proposals(report, "exclusive")
    assert proposal.polarity == "false: negated by 'no longer'"
    assert "false: negated by 'no longer'" in shown
    asserted, _ = explained("Microsoft keeps an exclusive licence.", "exclusive")
    assert proposals(asserted, "exclusive")[0].polarity == "true: the cue is asserted"


@pytest.mark.parametrize(
    ("rules", "sources"),
    [
        ("rules", "seeds"),
        ("examples/city-budget/rules.yaml", "examples/city-budget/sources"),
    ],
)
def test_explains_winners_are_checks_bindings(rules: str, sources: str) -> None:
    rule_set = api.load_rules(ROOT / rules)
    corpus = load_corpus([ROOT / sources])
    report = api.explain(rule_set, corpus)
    binder = Binder(rule_set)
    bound = [
        (document.id, e.claim, e.start, e.end)
        for document in corpus.documents
        for e in check_document(binder, document).evidence
    ]
    assert sorted(winners(report)) == sorted(bound) and bound


def test_the_command_line_explains_a_sentence_without_sources(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text(
        textwrap.dedent(
            """\
            claims:
              - id: deal-value
                description: Value of the deal.
                type: money
                cues: [deal]
            """
        ),
        encoding="utf-8",
    )
    run = [sys.executable, "-m", "factcheck", "explain", "--rules", "rules.yaml"]
    env = {"PATH": "", "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [*run, "--text", "The deal is worth $38 billion.", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    jsonschema.validate(json.loads(done.stdout), SCHEMA)
    text = subprocess.run(
        [*run, "--text", "The deal is worth $38 billion."], capture_output=True, text=True,
        cwd=tmp_path, env=env,
    )  # fmt: skip
    assert "✔ deal-value: '$38 billion'" in text.stdout
    assert all(len(line) <= 80 for line in text.stdout.splitlines())
    for args, message in [
        ([], "say what to explain"),
        (["--claim", "deal-valu"], "did you mean 'deal-value'"),
    ]:
        bad = subprocess.run([*run, *args], capture_output=True, text=True, cwd=tmp_path, env=env)
        assert bad.returncode == 2 and message in bad.stderr and "Traceback" not in bad.stderr


def test_the_committed_schema_is_in_sync() -> None:
    generated = ExplainReport.model_json_schema()
    assert SCHEMA["$defs"] == generated["$defs"]
    assert SCHEMA["properties"] == generated["properties"]


def test_check_evidence_carries_cue_and_score_in_json_and_html() -> None:
    report = api.check(ROOT / "rules", ROOT / "seeds")
    mention = report.claim("aws-deal-value").sources[3].mentions[0]
    assert mention.cue == "commitment for cloud services" and mention.score > 0
    assert '"score":' in report.model_dump_json()
    from factcheck.report.check.html import render_page

    page = render_page(report)
    assert f"cue &#x27;commitment for cloud services&#x27;, score {mention.score:.2f}" in page
