"""The rule language says what editors mean: best cue, exclusion, all-of context,
patterns as cues, ties, shared values, hedges, choices."""

from __future__ import annotations

import textwrap

import pytest

from factcheck import api
from factcheck.binding.binder import Binder
from factcheck.model import Document
from factcheck.rules.ruleset import RuleSet
from factcheck.run.explain import explain_text
from factcheck.sources.corpus import Corpus
from tests.conftest import make_rules


def claim(id_: str, extra: str = "", cues: str = "[invest]", type_: str = "money") -> str:
    lines = [
        f"  - id: {id_}",
        f"    description: {id_}.",
        f"    type: {type_}",
        f"    cues: {cues}",
    ]
    lines += [f"    {line}" for line in textwrap.dedent(extra).splitlines() if line.strip()]
    return "\n".join(lines) + "\n"


def rules(*claims: str) -> RuleSet:
    return make_rules("claims:\n" + "".join(claims))


def bound(rule_set: RuleSet, text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for binding in Binder(rule_set).bind_text(text):
        found.setdefault(binding.claim, []).append(binding.mention.text)
    return found


def reasons(rule_set: RuleSet, text: str, claim_id: str) -> list[str]:
    report = explain_text(rule_set, text, claims=[claim_id])
    return [r for s in report.sentences for p in s.proposals for r in p.reasons]


def test_a_proposal_scores_by_its_best_cue_not_a_sum_of_word_forms() -> None:
    rule_set = rules(claim("stake", cues="[invest, investing, investment]"))
    report = explain_text(rule_set, "Microsoft's investment, investing heavily near $10 billion.")
    (proposal,) = [p for s in report.sentences for p in s.proposals if p.won]
    # 'investing' stands 2 words away: 1 / (1 + 2); a sum would add 'investment' too.
    assert proposal.score == pytest.approx(1 / 3, abs=1e-3)


def test_exclude_keeps_a_value_from_the_claim_within_its_window() -> None:
    rule_set = rules(claim("amazon-stake", "exclude: [Microsoft]\nwindow: 6"))
    assert bound(rule_set, "Amazon will invest $4 billion.") == {"amazon-stake": ["$4 billion"]}
    assert bound(rule_set, "Microsoft will invest $4 billion.") == {}
    assert "excluded by 'Microsoft'" in " ".join(
        reasons(rule_set, "Microsoft will invest $4 billion.", "amazon-stake")
    )
    far = (
        "Amazon will invest $4 billion in the startup over the coming years, a Microsoft aide said."
    )
    assert bound(rule_set, far) == {"amazon-stake": ["$4 billion"]}
    sentence_wide = rules(
        claim("amazon-stake", "exclude: {phrases: [Microsoft], scope: sentence}\nwindow: 6")
    )
    assert bound(sentence_wide, far) == {}


def test_context_all_needs_one_phrase_of_each_group() -> None:
    rule_set = rules(claim("amazon-stake", "context_all: [[Amazon, AWS], [OpenAI]]"))
    assert bound(rule_set, "AWS will invest $4 billion in OpenAI.") == {
        "amazon-stake": ["$4 billion"]
    }
    assert bound(rule_set, "AWS will invest $4 billion in Anthropic.") == {}
    report = explain_text(rule_set, "AWS will invest $4 billion in Anthropic.")
    assert report.sentences[0].missing_context == {"amazon-stake": ["OpenAI"]}


def test_a_pattern_is_a_cue_that_respects_context_and_exclude() -> None:
    pattern = 'patterns: ["a {value} deal with AWS"]\ncontext: [OpenAI]\nexclude: [Microsoft]'
    rule_set = rules(claim("deal", pattern, cues="[contract]"))
    assert bound(rule_set, "OpenAI signed a $38 billion deal with AWS.") == {
        "deal": ["$38 billion"]
    }
    assert bound(rule_set, "Anthropic signed a $38 billion deal with AWS.") == {}
    assert bound(rule_set, "OpenAI and Microsoft signed a $38 billion deal with AWS.") == {}


def test_a_tie_is_noted_on_both_claims_and_named_by_explain() -> None:
    rule_set = rules(claim("first"), claim("second"))
    text = "They invest $5 billion."
    assert bound(rule_set, text) == {"first": ["$5 billion"]}
    report = explain_text(rule_set, text)
    assert report.ties and "tie broken by claim order: first comes first" in report.ties[0]
    verdicts = api.run_check(
        rule_set, _corpus(text), spill_after=None
    ).verdicts  # a loaded corpus: one document
    notes = {v.claim.id: v.notes for v in verdicts}
    assert any("claim order gave it to first" in n for n in notes["first"])
    assert any("claim order gave it to first" in n for n in notes["second"])


def _corpus(text: str) -> Corpus:
    return Corpus([Document("s1", "s1.txt", text)])


def test_shared_claims_each_take_a_value_the_sentence_gives_to_each() -> None:
    both = rules(claim("amazon", "shared: true"), claim("google", "shared: true"))
    assert bound(both, "Both companies will each invest $2 billion.") == {
        "amazon": ["$2 billion"],
        "google": ["$2 billion"],
    }
    assert bound(both, "Both companies will invest $2 billion.") == {"amazon": ["$2 billion"]}
    one = rules(claim("amazon", "shared: true"), claim("google"))
    assert bound(one, "Both companies will each invest $2 billion.") == {"amazon": ["$2 billion"]}


@pytest.mark.parametrize(
    ("qualifiers", "text", "binds"),
    [
        (None, "They invest $5 billion.", True),
        (None, "They invest up to $5 billion.", True),
        (None, "They invest an additional $5 billion.", False),
        ("[up_to]", "They invest $5 billion.", False),
        ("[up_to]", "They invest up to $5 billion.", True),
        ("[none]", "They invest up to $5 billion.", False),
        ("[none, additional]", "They invest an additional $5 billion.", True),
    ],
)
def test_qualifiers_mean_exactly_what_they_list(
    qualifiers: str | None, text: str, binds: bool
) -> None:
    extra = f"qualifiers: {qualifiers}" if qualifiers else ""
    assert bool(bound(rules(claim("stake", extra)), text)) is binds


def test_a_bare_value_refused_says_so() -> None:
    said = reasons(rules(claim("stake", "qualifiers: [up_to]")), "They invest $5 billion.", "stake")
    assert "hedge 'none' is not in the claim's qualifiers (up_to)" in said


def test_the_longest_choice_wins_and_a_negated_choice_binds_nothing() -> None:
    choices = "choices: {Microsoft: [], Microsoft Azure: [Azure]}"
    rule_set = rules(claim("cloud", choices, cues="[cloud]", type_="text"))
    (binding,) = Binder(rule_set).bind_text("Its cloud is Microsoft Azure.")
    assert binding.value.value == "Microsoft Azure"
    assert bound(rule_set, "Its cloud is not Microsoft Azure.") == {}


def test_signed_claims_read_direction_as_a_sign() -> None:
    signed = rules(claim("move", "signed: true\nexpect: -5%", cues="[shares]", type_="percent"))
    (binding,) = Binder(signed).bind_text("Shares fell 5% on Tuesday.")
    assert binding.value.value == -5 and signed.claims[0].expect is not None
    assert signed.claims[0].expect.value == -5
    (rise,) = Binder(signed).bind_text("Shares rose 5% on Tuesday.")
    assert rise.value.value == 5
    plain = rules(claim("move", cues="[shares]", type_="percent"))
    assert Binder(plain).bind_text("Shares fell 5% on Tuesday.")[0].value.value == 5


def test_a_from_to_change_binds_the_new_value_or_with_role_the_previous() -> None:
    text = "It raised its forecast from $4 billion to $6 billion."
    new = rules(claim("forecast", cues="[forecast]"))
    assert Binder(new).bind_text(text)[0].value.value == 6e9
    old = rules(claim("old-forecast", "role: previous", cues="[forecast]"))
    assert Binder(old).bind_text(text)[0].value.value == 4e9
    assert bound(old, "Its forecast is $6 billion.") == {}
    assert "not a from-to change" in " ".join(
        reasons(old, "Its forecast is $6 billion.", "old-forecast")
    )


def test_points_bind_only_a_claim_in_points() -> None:
    text = "The bank raised rates by 25 basis points to 4.5%."
    points = rules(claim("hike", "unit: points", cues="[raised rates]", type_="percent"))
    (binding,) = Binder(points).bind_text(text)
    assert binding.value.value == pytest.approx(0.25)
    level = rules(claim("rate", cues="[rates]", type_="percent"))
    assert [b.value.value for b in Binder(level).bind_text(text)] == [4.5]


@pytest.mark.parametrize(
    ("extra", "type_"),
    [("signed: true", "money"), ("unit: points", "number"), ("role: previous", "date")],
)
def test_value_fields_are_refused_on_types_they_do_not_fit(extra: str, type_: str) -> None:
    from factcheck.errors import RuleFileError

    with pytest.raises(RuleFileError, match="applies to"):
        rules(claim("x", extra, cues="[deal]", type_=type_))
