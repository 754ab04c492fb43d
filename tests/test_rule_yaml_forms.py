"""Rule files read as their author meant: YAML 1.1 number forms and cues of only
small words are located errors, not silent surprises (issue 25)."""

from __future__ import annotations

import pytest

from factcheck.errors import RuleFileError
from tests.conftest import make_rules

CLAIM = """
    claims:
      - id: deal
        description: the deal value
        type: money
        cues: {cues}
        {extra}
"""


def errors(
    cues: str = "[deal]", extra: str = ""
) -> list[tuple[int | None, int | None, str, str | None]]:
    with pytest.raises(RuleFileError) as caught:
        make_rules(CLAIM.format(cues=cues, extra=extra))
    return [
        (e.location.line, e.location.column, e.message, e.hint)
        for e in caught.value.errors
        if e.location
    ]


@pytest.mark.parametrize(
    ("extra", "read_as"),
    [
        ("tolerance: 0x10", "16"),
        ("tolerance: 1:30", "90"),
        ("window: 010", "8"),
        ("tolerance: 0b11", "3"),
        ("window: 1:30", "90"),
    ],
)
def test_yaml_11_number_forms_are_located_errors(extra: str, read_as: str) -> None:
    found = errors(extra=extra)
    written = extra.split(": ")[1]
    line, column, message, hint = found[0]
    assert (line, column) == (7, len(extra.split(": ")[0]) + 7)
    assert message.startswith(f"YAML reads {written} as {read_as} ")
    assert hint == f"put it in quotes to keep it as text, or write {read_as}"


def test_window_true_is_not_read_as_1() -> None:
    ((line, _, message, _),) = errors(extra="window: true")
    assert line == 7 and "must be a whole number, not true" in message


@pytest.mark.parametrize(
    "extra", ["tolerance: 0", "tolerance: 0.5", "window: 12", "tolerance: '1:30 hours'"]
)
def test_ordinary_numbers_are_not_flagged(extra: str) -> None:
    try:
        make_rules(CLAIM.format(cues="[deal]", extra=extra))
    except RuleFileError as exc:
        assert all("YAML reads" not in e.message for e in exc.errors)


def test_cues_of_only_small_words_are_located_errors() -> None:
    found = errors(cues="[the, of, the deal]")
    assert [(line, column) for line, column, _, _ in found] == [(6, 12), (6, 17)]
    assert found[0][2].startswith("cue 'the' has only small words")


@pytest.mark.parametrize("text", ["000_7b92ac5a6387e796", "0755abc", "12:30pm", "0x1Fz"])
def test_text_that_opens_like_a_number_form_is_no_error(text: str) -> None:
    """The seed files' manifest keys open like octal numbers; YAML keeps them as text."""
    from factcheck.yamlio import marks

    located = marks.load(f"{text}:\n  outlte: Wire\n", "sources.yaml", collect=True)
    assert located.errors == [] and list(located.data) == [text]


@pytest.mark.parametrize(
    ("written", "absolute", "relative"),
    [
        ("2%", 0.0, 0.02),
        ("2 percent", 0.0, 0.02),
        ("2 pct", 0.0, 0.02),
        ("3 per cent", 0.0, 0.03),
        ("5", 5.0, 0.0),
        ("5 days", 5.0, 0.0),
        ("1 point", 1.0, 0.0),
    ],
)
def test_a_tolerance_reads_as_its_author_means(
    written: str, absolute: float, relative: float
) -> None:
    from factcheck.values import parse_tolerance

    tolerance = parse_tolerance(written)
    assert (tolerance.absolute, tolerance.relative) == pytest.approx((absolute, relative))


@pytest.mark.parametrize("written", ["2 million", "2percent", "5 bn"])
def test_a_tolerance_word_factcheck_does_not_know_is_an_error_not_dropped(written: str) -> None:
    """'2 million' was read as an absolute 2: a silent conflict where the author meant
    two million."""
    found = errors(extra=f"tolerance: {written}")
    assert any(f"cannot read tolerance {written!r}" in message for _, _, message, _ in found)


def test_a_misspelt_choice_names_its_field_and_the_close_word() -> None:
    """`scope: sentense` was reported as an unknown qualifier with 'none' suggested."""
    found = errors(extra="exclude: {phrases: [rumour], scope: sentense}")
    [(line, _, message, hint)] = [f for f in found if "sentense" in f[2]]
    assert line == 7 and message.startswith("scope cannot be 'sentense'")
    assert "window, sentence" in message and hint == "did you mean 'sentence'?"
