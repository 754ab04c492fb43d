"""Each reader on a real-shaped article: extracted text, metadata, bound values, positions.

Fixtures: wire copy with a header block and a saved news page with navigation,
a cookie banner, comments and a footer (``tests/data/articles/corpus``); a
two-page PDF, a PDF without a text layer and Word files built by
``tests/articles.py``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck import api
from factcheck.model import Document, Skipped
from factcheck.results import CheckReport
from factcheck.sources.corpus import load_corpus, load_text
from factcheck.sources.formats.header import read_header
from tests.articles import FILING_PAGES, make_docx, make_pdf, write
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "articles" / "corpus"
RULES = ROOT / "rules"


def only(path: Path) -> Document:
    [document] = load_corpus([path]).documents
    return document


def mentions(report: CheckReport, claim: str) -> list[tuple[str, int, int, int | None]]:
    return [
        (m.text, m.line, m.column, m.page) for s in report.claim(claim).sources for m in s.mentions
    ]


# --- plain text with a header block ---------------------------------------------------


def test_wire_copy_header_is_metadata_and_not_text() -> None:
    doc = only(CORPUS / "wire-copy.txt")
    assert (doc.title, doc.outlet, doc.author) == (
        "OpenAI widens its Amazon bet",
        "Example Wire",
        "Sam Ortiz",
    )
    assert doc.url == "https://wire.example/2031/openai-amazon-38bn"
    assert doc.published == date(2026, 4, 14)  # 08:15 at +02:00: the date where it was filed
    assert doc.extra == (("Slug", "OPENAI-AMAZON/"),)
    lines = doc.checkable_text().split("\n")
    assert all(not line.strip() for line in lines[:7])  # the header is blanked...
    assert doc.text.split("\n")[:2] == [  # ...and the file's lines are kept
        "Title: OpenAI widens its Amazon bet",
        "URL: https://wire.example/2031/openai-amazon-38bn",
    ]


def test_wire_copy_binds_below_its_header_at_the_files_own_lines() -> None:
    report = api.check(RULES, CORPUS / "wire-copy.txt")
    assert mentions(report, "aws-deal-value") == [("$38 billion", 8, 17, None)]
    assert mentions(report, "amazon-investment") == [("up to $50 billion", 9, 29, None)]
    start = report.claim("aws-deal-start")  # "last November", dated by the header
    assert start.consensus is not None and start.consensus.value == {
        "start": "2025-11-01",
        "end": "2025-11-30",
    }
    assert all(m.line >= 8 for c in report.claims for s in c.sources for m in s.mentions)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Title: A\nDate: 2026-01-02\n\nBody.", "A"),
        ("TITLE: A\nSource:  Wire \n", "A"),  # the whole file a header, keys in any case
        ("Update: the company said it would pay $5.\nMore text.\n", None),  # runs on
        ("Note: nothing factcheck reads\n\nBody.\n", None),  # no key it knows
        ("The deal: $38 billion.\n\nTitle: late\n", None),  # not at the top
    ],
)
def test_what_makes_a_header_block(text: str, title: str | None) -> None:
    meta, span = read_header(text, "a.txt")
    assert meta.title == title and (span is not None) == (title is not None)


def test_an_unreadable_header_date_is_a_located_notice(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title: A\nPublished: soonish\n\nLast week.\n", "utf-8")
    doc = only(tmp_path / "a.txt")
    [notice] = doc.notices
    assert (notice.location.line, notice.location.column) == (2, 12)
    assert "'soonish'" in notice.message and doc.published is None


# --- front matter ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("matter", "published"),
    [
        ("date: 2026-04-13", date(2026, 4, 13)),
        ("date: 2026-04-13T23:30:00-05:00", date(2026, 4, 13)),
        ("published: 2026-04-13T09:30:00Z", date(2026, 4, 13)),
        ("published: '13 April 2026'", date(2026, 4, 13)),
        ("published: unknown", None),
    ],
)
def test_front_matter_dates(tmp_path: Path, matter: str, published: date | None) -> None:
    (tmp_path / "a.md").write_text(f"---\n{matter}\n---\nText.\n", "utf-8")
    doc = only(tmp_path / "a.md")
    assert doc.published == published and doc.notices == ()


def test_an_unreadable_front_matter_date_leaves_relative_dates_unresolved() -> None:
    report = api.check(RULES, CORPUS / "undated.md")
    assert report.sources[0].published is None
    assert any(
        "undated.md:3:12: cannot read publication date 'sometime soon'" in w
        for w in report.warnings
    )
    [unresolved] = report.unresolved
    assert (unresolved.text, unresolved.line) == ("last November", 5)
    assert "no publication date" in unresolved.reason


# --- HTML -----------------------------------------------------------------------------


def test_a_saved_news_page_gives_its_article_and_metadata() -> None:
    doc = only(CORPUS / "news-page.html")
    for chrome in (
        "cookies",
        "Accept all",
        "Markets",
        "2029",
        "Comments",
        "$50 billion",
        "All rights reserved",
        "1851",
    ):
        assert chrome not in doc.text
    assert doc.text.split("\n")[0] == "OpenAI commits $38 billion to AWS"
    assert "The deal runs through 2032" in doc.text
    assert (doc.title, doc.outlet, doc.author, doc.language, doc.origin) == (
        "OpenAI commits $38 billion to AWS",
        "Example Wire",
        "Dana Reyes",
        "en",
        "html",
    )
    assert (doc.url, doc.published) == (
        "https://wire.example/tech/openai-aws-deal",
        date(2026, 4, 13),
    )


def test_evidence_in_a_page_points_into_its_extracted_text() -> None:
    report = api.check(RULES, CORPUS / "news-page.html")
    assert report.sources[0].extracted_from == "html"
    [(text, line, column, page)] = mentions(report, "aws-deal-value")
    assert (text, line, column, page) == ("$38 billion", 2, 21, None)
    mention = report.claim("aws-deal-value").sources[0].mentions[0]
    extracted = load_text(CORPUS / "news-page.html")  # what the HTML report shows
    assert extracted is not None and extracted[mention.start : mention.end] == "$38 billion"


def test_a_page_without_article_text_is_skipped(tmp_path: Path) -> None:
    page = "<html><head><title>Gone</title></head><body><script>go()</script></body></html>"
    (tmp_path / "empty.html").write_text(page, "utf-8")
    (tmp_path / "a.txt").write_text("Text.", "utf-8")
    [skipped] = load_corpus([tmp_path]).skipped
    assert skipped.reason == "no article text found in the HTML page"


# --- PDF ------------------------------------------------------------------------------


def test_a_two_page_pdf_gives_each_mention_its_page(tmp_path: Path) -> None:
    pdf = write(tmp_path / "filing.pdf", make_pdf(FILING_PAGES, title="Form 8-K"))
    doc = only(pdf)
    assert (doc.origin, doc.title) == ("pdf", "Form 8-K")
    assert doc.text.split("\n")[0] == "Amazon.com, Inc. - Form 8-K"
    assert len(doc.pages) == 2 and doc.page(doc.text.index("Item 8.01")) == 2
    assert doc.page(doc.text.index("Item 1.01")) == 1
    report = api.check(RULES, pdf)
    assert mentions(report, "amazon-investment") == [("up to $50 billion", 7, 24, 2)]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (make_pdf([[], []]), "the PDF has no text layer (a scanned image?); run OCR on it first"),
        (b"%PDF-1.4\nnot really\n", "cannot read the PDF"),
    ],
)
def test_a_pdf_without_text_is_skipped_saying_why(tmp_path: Path, data: bytes, reason: str) -> None:
    write(tmp_path / "scan.pdf", data)
    (tmp_path / "a.txt").write_text("Text.", "utf-8")
    [skipped] = load_corpus([tmp_path]).skipped
    assert isinstance(skipped, Skipped) and skipped.reason.startswith(reason)


# --- Word -----------------------------------------------------------------------------


def test_a_word_source_is_one_paragraph_a_line(tmp_path: Path) -> None:
    memo = ["Desk memo", "", "Amazon pledged to invest up to $50 billion in OpenAI."]
    docx = write(tmp_path / "memo.docx", make_docx(memo, title="Desk memo"))
    doc = only(docx)
    assert doc.text == "\n".join(memo) and (doc.origin, doc.title) == ("docx", "Desk memo")
    report = api.check(RULES, docx)
    assert mentions(report, "amazon-investment") == [("up to $50 billion", 3, 26, None)]
    assert report.sources[0].extracted_from == "docx"


def test_a_file_that_is_no_word_document_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "fake.docx", b"PK\x03\x04 not a zip")
    (tmp_path / "a.txt").write_text("Text.", "utf-8")
    [skipped] = load_corpus([tmp_path]).skipped
    assert skipped.reason.startswith("cannot read the Word document")


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("a.md", "---\npublished: 2025-02-30\n---\nText.\n", (2, 12)),
        ("a.md", "---\ntitle: !!python/object:os.system x\n---\nText.\n", (2, 8)),
        ("sources.yaml", "a:\n  published: 2025-02-30\n", (2, 14)),
    ],
)
def test_impossible_dates_and_bad_front_matter_never_stop_a_source(
    tmp_path: Path, name: str, text: str, where: tuple[int, int]
) -> None:
    (tmp_path / "a.txt").write_text("Text.", "utf-8")
    (tmp_path / name).write_text(text, "utf-8")
    corpus = load_corpus([tmp_path])
    notices = [*corpus.notices, *(n for d in corpus.documents for n in d.notices)]
    [notice] = notices
    assert (notice.location.line, notice.location.column) == where
    assert all(d.published is None for d in corpus.documents)


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_damaged_pdf_and_word_files_are_unreadable_never_a_crash(kind: str) -> None:
    """Cut short or with bytes overwritten, a file is skipped with a reason."""
    import random

    from factcheck.sources.formats import READERS, Unreadable

    whole = make_pdf(FILING_PAGES) if kind == "pdf" else make_docx(["A $5 deal.", "More."])
    rng = random.Random(19)
    for i in range(60):
        data = bytearray(whole)
        if i % 2:
            data = data[: rng.randrange(len(data))]
        else:
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            READERS[f".{kind}"](bytes(data), f"damaged.{kind}")
        except Unreadable as exc:
            assert str(exc)


def test_the_first_of_published_and_date_wins_and_lists_are_kept_as_text(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\npublished: 2026-04-13\ndate: unknown\ntags: [ai, cloud]\n---\nText.\n", "utf-8"
    )
    doc = only(tmp_path / "a.md")
    assert doc.published == date(2026, 4, 13) and doc.extra == (("tags", "ai, cloud"),)
