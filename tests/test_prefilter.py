"""Skipping sentences where no cue can start is an optimisation only: same bindings."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.bind import Binder
from factcheck.corpus import load_document
from factcheck.rules import load_rules
from tests.conftest import ROOT

TEXTS = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "examples").rglob("*.txt"),
                *(ROOT / "examples").rglob("*.md")])
RULES = load_rules([ROOT / "rules", ROOT / "examples"])


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_prefilter_changes_nothing(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = load_document(path)
    filtered = Binder(RULES).bind(document).bindings
    unfiltered_binder = Binder(RULES)
    monkeypatch.setattr(unfiltered_binder.matcher, "may_match", lambda *args: True)
    assert filtered == unfiltered_binder.bind(document).bindings


def test_accented_sentences_are_never_skipped() -> None:
    binder = Binder(RULES)
    text = "Élan vital."
    assert binder.matcher.may_match(text, 0, len(text))
