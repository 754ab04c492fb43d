"""Loading articles: encodings, metadata from manifest and front matter, bad files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.sources.corpus import decode, load_corpus

TEXT = "Amazon pledged €50 million in investment — café naïve."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_encodings_are_detected(encoding: str) -> None:
    data = TEXT.encode(encoding)
    assert decode(data) == TEXT


def test_latin1_is_decoded() -> None:
    text = "Le café coûte cher à Genève, déjà très élevé pour une journée d'été."
    assert decode(text.encode("latin-1")) == text


def test_binary_is_rejected() -> None:
    assert decode(bytes(range(256)) * 4) is None


def test_crlf_is_normalised() -> None:
    assert decode(b"one\r\ntwo\rthree") == "one\ntwo\nthree"


def test_manifest_and_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Plain article.", encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: From front matter\noutlet: Weekly\npublished: 2026-01-02\n---\nBody text.\n",
        encoding="utf-8",
    )
    (tmp_path / "c.txt").write_text("Unlisted article.", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "a:\n  outlet: Daily\n  published: April 13, 2026\nb:\n  outlet: Manifest wins\n",
        encoding="utf-8",
    )
    corpus = load_corpus([tmp_path])
    docs = {d.id: d for d in corpus.documents}
    assert list(docs) == ["a", "b", "c"]
    assert docs["a"].outlet == "Daily" and docs["a"].published == date(2026, 4, 13)
    assert docs["b"].title == "From front matter" and docs["b"].outlet == "Manifest wins"
    assert docs["b"].published == date(2026, 1, 2)
    assert docs["c"].published is None
    # Front matter is not checked but keeps its lines: the body starts on line 6.
    assert docs["b"].checkable_text().index("Body") == docs["b"].text.index("Body")
    assert "title" not in docs["b"].checkable_text()


def test_bad_files_are_skipped_with_warnings(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("An article.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["good"]
    reasons = {Path(s.path).name: s.reason for s in corpus.skipped}
    assert reasons["binary.txt"] == "binary or undecodable content"
    assert reasons["empty.txt"] == "empty file"


def test_empty_corpus_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no readable articles"):
        load_corpus([tmp_path])


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_corpus([tmp_path / "missing"])


def test_bad_manifest_date_is_a_located_notice_and_the_source_is_still_read(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("An article.", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a:\n  published: sometime soon\n", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    [notice] = corpus.notices
    assert (notice.location.line, notice.location.column) == (2, 14)
    assert "'sometime soon'" in notice.message and "unknown" in notice.message
    assert corpus.documents[0].published is None


def test_line_and_column_in_code_points() -> None:
    from factcheck.model import Document

    doc = Document("d", "d.txt", "héllo\nwörld $5")
    assert doc.line_col(doc.text.index("$")) == (2, 7)


def test_a_bad_manifest_entry_is_located_even_in_a_large_manifest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("An article.", encoding="utf-8")
    entries = "".join(f"s{i}:\n  outlet: Wire {i}\n" for i in range(300))
    (tmp_path / "sources.yaml").write_text(
        entries + "a:\n  outlet: [not, text]\n", encoding="utf-8"
    )
    notices = load_corpus([tmp_path]).notices
    [notice] = [n for n in notices if "outlet" in n.message]
    assert notice.location.line == 602 and "should be text" in notice.message
    assert "295 more entries name no article here" in str(notices[-1])


def test_a_large_valid_manifest_loads(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("An article.", encoding="utf-8")
    entries = "".join(f"s{i}:\n  published: 2026-01-{1 + i % 28:02d}\n" for i in range(300))
    (tmp_path / "sources.yaml").write_text(
        entries + "a:\n  published: 13 April 2026\n", encoding="utf-8"
    )
    assert load_corpus([tmp_path]).documents[0].published == date(2026, 4, 13)
