"""Boolean cues: reading the polarity of each cue hit looks only at the words
near it, so many hits cost linear time (issue 25)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from factcheck.binding.binder import Binder
from factcheck.binding.evidence import check_document
from factcheck.model import Document
from tests.conftest import make_rules
from tests.scaling import LIMIT, growth

RULES = make_rules("""
    claims:
      - id: exclusive
        description: exclusivity
        type: boolean
        cues: [exclusive licence]
""")


def binding(text: str) -> Callable[[], object]:
    binder = Binder(RULES)
    return lambda: check_document(binder, Document("a", "a.txt", text))


@pytest.mark.parametrize(
    "unit",
    [
        "Microsoft no longer has an exclusive licence. ",
        "Microsoft no longer has an exclusive licence, ",
    ],
    ids=["sentences", "clauses"],
)
def test_many_cue_hits_bind_in_linear_time(unit: str) -> None:
    """8x the hits, well under 64x the time (16,000 sentences took 21 s)."""
    assert growth(lambda n: binding(unit * n), 1_000, repeat=2) < LIMIT


def test_polarity_is_read_as_before() -> None:
    binder = Binder(RULES)
    text = "Microsoft no longer has an exclusive licence. Microsoft keeps an exclusive licence."
    result = check_document(binder, Document("a", "a.txt", text))
    assert [e.value.value for e in result.evidence if e.claim == "exclusive"] == [False, True]
