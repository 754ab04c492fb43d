"""Overlap resolution keeps exactly what the plain pairwise rule keeps."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import _PRIORITY, resolve_overlaps
from factcheck.model import Mention

KINDS = [*_PRIORITY, "name"]


def brute_force(mentions: list[Mention]) -> list[Mention]:
    ranked = sorted(
        mentions, key=lambda m: (_PRIORITY.get(m.kind, len(_PRIORITY)), -(m.end - m.start), m.start)
    )
    taken: list[Mention] = []
    for m in ranked:
        if not any(
            (m.kind == "name") == (o.kind == "name") and m.start < o.end and o.start < m.end
            for o in taken
        ):
            taken.append(m)
    return sorted(taken, key=lambda m: m.sort_key)


mention = st.builds(
    lambda start, length, kind: Mention(kind, start, start + length, "x" * length, 1.0),
    st.integers(0, 60),
    st.integers(1, 12),
    st.sampled_from(KINDS),
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(mention, max_size=25, unique_by=lambda m: (m.start, m.end, m.kind)))
def test_same_result_as_pairwise_rule(mentions: list[Mention]) -> None:
    assert resolve_overlaps(mentions) == brute_force(mentions)
