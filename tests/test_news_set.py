"""The news-style accuracy set and its scorer (``benchmarks/news_set.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import news_set  # noqa: E402


def test_the_set_is_large_and_covers_every_type_and_file() -> None:
    cases = news_set.load()
    assert len(cases) >= 300
    assert {c.file for c in cases} == {"wire", "markets", "sport", "politics"}
    types = {item.type for c in cases for item in c.expected}
    assert types == set(news_set.TYPES)
    assert any("direction" in i.extras for c in cases for i in c.expected)
    assert any("steps" in i.extras for c in cases for i in c.expected)
    assert any(not c.expected for c in cases)  # identifiers, vague quantities


def test_every_label_is_located_in_its_text() -> None:
    for case in news_set.load():
        for item in case.expected:
            assert 0 <= item.start < item.end <= len(case.text)


def _case(text: str, rows: list[list[object]]) -> news_set.Case:
    items, pos = [], 0
    for row in rows:
        item, pos = news_set._label(text, list(row), pos)
        items.append(item)
    return news_set.Case("test", text, tuple(items))


def test_a_right_reading_scores_every_hit() -> None:
    case = _case("Shares fell 5%.", [["percent", "5%", 5, None, {"direction": "down"}]])
    counts, misses = news_set.score_case(case, news_set.predict(case.text))
    c = counts["percent"]
    assert (c.span_hits, c.value_hits, c.direction_hits) == (1, 1, 1)
    assert misses == []


def test_a_wrong_value_a_wrong_unit_and_an_extra_are_counted() -> None:
    case = _case("Rates rose 25 basis points; Game 6.", [["percent", "25 basis points", 25]])
    counts, misses = news_set.score_case(case, news_set.predict(case.text))
    assert (counts["percent"].span_hits, counts["percent"].value_hits) == (1, 0)
    wrong = news_set.Item("number", 0, 6, 6.0, None)
    counts, misses = news_set.score_case(_case("Game 6", []), [wrong])
    assert counts["number"].predicted == 1
    assert misses == ["extra number 'Game 6' = 6.0"]


def test_the_table_has_a_row_per_type_and_overall() -> None:
    results = news_set.run()
    lines = news_set.table(results)
    assert [line.split()[0] for line in lines[3:8]] == [*news_set.TYPES, "all"]
    assert results["types"]["all"]["expected"] == sum(
        results["types"][t]["expected"] for t in news_set.TYPES
    )
