"""The terminal report: order, names, views and width."""

from __future__ import annotations

import io

from factcheck import api
from factcheck.report.check.text import View, extracted_note, render, source_names
from factcheck.results import CheckReport, SourceOut
from tests.conftest import ROOT

CITY = ROOT / "examples" / "city-budget"


def shown(report: CheckReport, **view: object) -> str:
    out = io.StringIO()
    render(report, out, False, View(width=100, **view))  # type: ignore[arg-type]
    return out.getvalue()


def test_conflicts_come_first_with_the_competing_values_and_who_says_each() -> None:
    text = shown(api.check(CITY / "rules.yaml", CITY / "sources"))
    first = text.splitlines()[0]
    assert first.startswith("✘ CONFLICT budget-total")
    assert "$412 million: 3 sources · $421 million: Riverbend Courier" in first
    assert (
        text.index("✔ AGREE") < text.index("◐ SINGLE") < text.index("· silent: rainy-day-reserve")
    )
    assert all(line == line.rstrip() and len(line) <= 100 for line in text.splitlines())


def test_views_summary_only_and_quiet() -> None:
    report = api.check(CITY / "rules.yaml", CITY / "sources")
    summary = shown(report, summary=True).splitlines()
    assert len(summary) == 1 + 6 + 1 + 1 + 1  # wrapped conflict, 6 claims, silent, closing
    only = shown(report, only=frozenset({"conflict"}))
    assert "budget-total" in only and "AGREE" not in only and "SINGLE" not in only
    assert shown(report, quiet=True).splitlines() == [summary[-1]]


def test_many_sources_default_to_one_line_per_claim() -> None:
    report = api.check(CITY / "rules.yaml", CITY / "sources")
    many = report.model_copy(update={"sources": [*report.sources] * 13})  # 52 sources
    text = shown(many)
    assert "--detail shows the evidence" in text and "L5:" not in text
    assert "L5:" in shown(many, summary=False)


def test_sources_are_named_by_outlet_and_by_id_where_two_share_one() -> None:
    sources = [
        SourceOut(id="a", path="a.txt", title=None, outlet="Wire", published=None, via=None),
        SourceOut(id="b", path="b.txt", title=None, outlet="Wire", published=None, via=None),
        SourceOut(id="c", path="c.txt", title=None, outlet="Gazette", published=None, via=None),
        SourceOut(id="d", path="d.txt", title=None, outlet=None, published=None, via=None),
    ]
    assert source_names(sources) == {"a": "Wire (a)", "b": "Wire (b)", "c": "Gazette", "d": "d"}


def test_sources_read_from_html_pdf_or_word_say_their_lines_are_the_extracted_text() -> None:
    def source(name: str, extracted: str | None) -> SourceOut:
        return SourceOut(
            id=name, path=name, title=None, outlet=None, published=None, via=None,
            extracted_from=extracted,  # type: ignore[arg-type]
        )  # fmt: skip

    mixed = [source("a.html", "html"), source("b.md", None), source("c.pdf", "pdf")]
    note = extracted_note(mixed, source_names(mixed))
    assert (
        note == "text extracted from a.html (HTML), c.pdf (PDF): lines count in the extracted text"
    )
    assert extracted_note([source("b.md", None)], {"b.md": "b.md"}) is None
    many = [source(f"p{i}.docx", "docx") for i in range(11)]
    assert (note := extracted_note(many, source_names(many))) is not None
    assert note.count("(Word)") == 8 and "and 3 more" in note


def test_the_detailed_report_says_which_texts_were_extracted() -> None:
    report = api.check(CITY / "rules.yaml", CITY / "sources")
    first = report.sources[0].model_copy(update={"extracted_from": "html"})
    extracted = report.model_copy(update={"sources": [first, *report.sources[1:]]})
    name = source_names(extracted.sources)[first.id]
    assert f"text extracted from {name} (HTML)" in shown(extracted, summary=False)
    assert "text extracted" not in shown(extracted, summary=True)
    assert "text extracted" not in shown(report, summary=False)
