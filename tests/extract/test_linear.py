"""Extraction time grows linearly with hostile input (issue 25).

Each case times the percent extractor (or :func:`extract_all`) on a text of size n
and of size 8n. A linear extractor takes about 8x as long; a quadratic one 64x. The
bound is generous (24x, best of three runs) so a loaded machine does not fail it,
and the quadratic behaviour these cases guard against (whitespace rescanned from
every newline, every unit word checked against every value) fails it by far.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from factcheck.extract import extract_all, percent
from factcheck.model import ExtractContext

_FACTOR = 24.0


def _best_of_three(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _percent(text: str) -> Callable[[], object]:
    return lambda: list(percent.extract(text, ExtractContext()))


def _all(text: str) -> Callable[[], object]:
    return lambda: extract_all(text)


@pytest.mark.parametrize(
    ("unit", "size", "runner"),
    [
        pytest.param("\n", 40_000, _percent, id="blank lines"),
        pytest.param(" \n ", 15_000, _percent, id="spaces and newlines"),
        pytest.param("3 percent\n", 800, _percent, id="percent lines"),
        pytest.param("3 percent, a percent ", 400, _percent, id="values and unit words"),
        pytest.param("percent of 3. ", 600, _percent, id="percent of headings"),
        pytest.param("Shell (1.2%), ", 600, _percent, id="parentheses on one line"),
        pytest.param("worth $38\nbillion ", 300, _all, id="wrapped figures"),
        pytest.param("rose from 2% to 3% and then to 4%; ", 200, _all, id="changes"),
    ],
)
def test_time_grows_linearly(
    unit: str, size: int, runner: Callable[[str], Callable[[], object]]
) -> None:
    small = _best_of_three(runner(unit * size))
    large = _best_of_three(runner(unit * size * 8))
    assert large <= _FACTOR * max(small, 5e-3), (small, large)
