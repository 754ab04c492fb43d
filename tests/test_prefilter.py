"""Skipping sentences where no cue can start is an optimisation only: same bindings."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.binding.binder import Binder
from factcheck.rules.ruleset import load_rules
from factcheck.sources.corpus import load_document
from tests.conftest import ROOT

TEXTS = sorted(
    [
        *(ROOT / "seeds").glob("*.txt"),
        *(ROOT / "examples").rglob("*.txt"),
        *(ROOT / "examples").rglob("*.md"),
    ]
)
RULES = load_rules([ROOT / "rules", ROOT / "examples" / "city-budget"])  # one set: no shared ids


# Sentences without a value, where only boolean and choice claims may bind.
VALUELESS = [
    "Microsoft's exclusive licence to OpenAI's intellectual property ends.",
    "Microsoft keeps exclusive rights to OpenAI's models, the filing says.",
    "The payments to Microsoft are no longer capped, and revenue keeps growing.",
    "Revenue-sharing payments remain uncapped.",
    "Microsoft will no longer pay a revenue share to OpenAI.",
    "OpenAI will train models on Amazon's Trainium chips through AWS.",
    "On AWS, OpenAI's chips will be Nvidia GPUs rather than Amazon's own.",
    "Microsoft and OpenAI talked about models, technology and revenue.",
    "Revenue chief Denise Dresser told staff about the AWS deal.",
]


def _unfiltered(monkeypatch: pytest.MonkeyPatch) -> Binder:
    """A binder that looks for every phrase in every sentence."""
    binder = Binder(RULES)
    monkeypatch.setattr(binder.matcher, "may_start", lambda *args: True)
    monkeypatch.setattr(binder.matcher, "may_match", lambda *args: True)
    binder.valueless = binder.matcher
    return binder


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_prefilter_changes_nothing(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = load_document(path)
    filtered = Binder(RULES).bind(document).bindings
    assert filtered == _unfiltered(monkeypatch).bind(document).bindings


@pytest.mark.parametrize("text", VALUELESS)
def test_valueless_sentences_bind_as_before(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert Binder(RULES).bind_text(text) == _unfiltered(monkeypatch).bind_text(text)


def test_valueless_sentences_do_bind_booleans_and_choices() -> None:
    binder = Binder(RULES)
    bound = [[(b.claim, b.value.value) for b in binder.bind_text(text)] for text in VALUELESS]
    assert bound[1] == [("microsoft-ip-exclusivity", True)]
    assert bound[2] == bound[3] == [("revenue-share-cap", False)]
    assert bound[4] == [("microsoft-pays-revenue-share", False)]
    assert bound[5] == [("training-chips", "Trainium")]
    assert bound[6] == [("training-chips", "Nvidia GPUs")]
    assert bound[7] == []  # context words alone bind nothing


def test_accented_and_misspelled_cue_words_are_never_skipped() -> None:
    matcher = Binder(RULES).matcher
    for text in ("Éxclusive licence.", "Its exclusivty ends.", "EXCLUSIVE RIGHTS"):
        assert matcher.may_start(matcher.content_stems(text, 0, len(text))), text
    text = "Élan vital."
    assert not matcher.may_start(matcher.content_stems(text, 0, len(text)))


def test_valueless_sentences_look_for_needed_phrases_only() -> None:
    """Without a value, a sentence with context phrases alone is skipped."""
    binder = Binder(RULES)
    text = "Microsoft and OpenAI talked about models, technology and revenue."
    stems = binder.matcher.content_stems(text, 0, len(text))
    assert binder.matcher.find_positions(stems)  # context phrases stand there
    assert not binder.valueless.may_start(stems)
