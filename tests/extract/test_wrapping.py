"""A line break inside a figure is whitespace (issue 25): values read as unwrapped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_all
from factcheck.model import Mention


def _values(text: str) -> list[tuple[str, object, str | None]]:
    return [(m.kind, m.value, m.unit) for m in extract_all(text) if m.kind != "name"]


def _checked(text: str) -> list[Mention]:
    found = [m for m in extract_all(text) if m.kind != "name"]
    for m in found:
        assert text[m.start : m.end] == m.text
    return found


@pytest.mark.parametrize(
    ("wrapped", "flat"),
    [
        ("The deal is worth $38\nbillion.", "The deal is worth $38 billion."),
        ("The deal is worth $38\r\nbillion.", "The deal is worth $38 billion."),
        ("Growth was 38\nper cent.", "Growth was 38 per cent."),
        ("Growth was 38 \r\n per cent.", "Growth was 38 per cent."),
        ("It paid US$\n38bn.", "It paid US$ 38bn."),
        ("It paid $38 bil-\nlion.", "It paid $38 billion."),
        ("It paid $38 bil-\r\nlion.", "It paid $38 billion."),
        ("Rates rose 25 basis\npoints.", "Rates rose 25 basis points."),
        ("It raised £4\nmillion and\n€5\nbillion.", "It raised £4 million and €5 billion."),
    ],
)
def test_a_wrapped_figure_reads_as_the_unwrapped_one(wrapped: str, flat: str) -> None:
    assert _values(wrapped) == _values(flat)
    [first, *_] = _checked(wrapped)
    assert "\n" in first.text  # the span covers the break as written


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Revenue was 38\n\nbillion-dollar deals are rare.", 1),  # a paragraph ends
        ("Years:\n2019\n2020", 2),  # two rows, not 2019 2020
        ("a well-\nknown firm paid $5", 1),  # no figure word: no join
    ],
)
def test_breaks_that_are_no_figure_stay(text: str, count: int) -> None:
    assert len(_checked(text)) == count


def test_offsets_after_a_joined_break_stay_exact() -> None:
    text = "It paid $38 bil-\r\nlion; later 12% and 2020."
    found = _checked(text)
    assert [m.text for m in found] == ["$38 bil-\r\nlion", "12%", "2020"]


_FIGURES = (
    "$38 billion",
    "US$ 3.5 billion",
    "€5 million",
    "38 per cent",
    "4.5 billion euros",
    "25 basis points",
    "2.9 million",
    "£1.3 trillion",
)


@given(
    figure=st.sampled_from(_FIGURES),
    space=st.integers(min_value=0, max_value=3),
    newline=st.sampled_from(["\n", "\r\n", " \n", "\n  "]),
)
@settings(max_examples=150, deadline=None)
def test_any_break_inside_a_figure_reads_as_unwrapped(
    figure: str, space: int, newline: str
) -> None:
    spaces = [i for i, ch in enumerate(figure) if ch == " "]
    if not spaces:
        return
    at = spaces[space % len(spaces)]
    flat = f"The group said it was {figure} in total."
    wrapped = f"The group said it was {figure[:at]}{newline}{figure[at + 1 :]} in total."
    assert _values(wrapped) == _values(flat)
    _checked(wrapped)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab5$ -\n\r\t.%B\u00a0", max_size=40))
def test_breaks_are_found_where_the_pattern_s_own_scan_finds_them(text: str) -> None:
    from factcheck.extract import wrapping

    assert [m.span() for m in wrapping._breaks(text)] == [
        m.span() for m in wrapping._WRAP_RE.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["fell", "Rose", "cut", "by", "up", "down", "the", "$5", "5%", "7", " "]),
        max_size=12,
    )
)
def test_the_movement_prefilter_never_hides_a_direction(words: list[str]) -> None:
    from factcheck.extract import changes

    text = " ".join(words)
    found = extract_all(text)
    real = changes._may_move
    try:
        changes._may_move = lambda *_: True
        unfiltered = extract_all(text)
    finally:
        changes._may_move = real
    assert [m.direction for m in found] == [m.direction for m in unfiltered]
