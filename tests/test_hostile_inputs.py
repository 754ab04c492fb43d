"""Unusual encodings and manifests read right or refused clearly (issue 25)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.errors import InputError
from factcheck.sources.corpus import decode, load_corpus

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "city-budget"

WESTERN = [
    "The deal was worth €38 billion.",
    "“A fair plan,” she said — €38bn.",
    "Der Preis: €38 Milliarden für Müller’s Firma.",
    "Cost: €5.",
]


@pytest.mark.parametrize("text", WESTERN)
def test_short_cp1252_text_is_not_read_as_a_dos_code_page(text: str) -> None:
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Привет, мир! Это тест кодировки для проверки.", "cp1251"),
        ("Καλημέρα κόσμε, αυτό είναι ένα τεστ.", "cp1253"),
    ],
)
def test_other_legacy_code_pages_still_decode(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom_decodes(encoding: str) -> None:
    text = "The deal was worth €38 billion.\n"
    data = text.encode(encoding)
    if encoding != "utf-32":
        data = ("\ufeff" + text).encode(encoding)
    assert decode(data) == text


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    for article in (EXAMPLE / "sources").glob("*.txt"):
        shutil.copy(article, folder)
    return folder


def test_a_latin1_manifest_is_decoded_as_articles_are(sources: Path) -> None:
    (sources / "sources.yaml").write_bytes("courier:\n  outlet: Café Times\n".encode("latin-1"))
    by_id = {d.id: d for d in load_corpus([sources]).documents}
    assert by_id["courier"].outlet == "Café Times"


def test_a_utf16_manifest_is_decoded(sources: Path) -> None:
    (sources / "sources.yaml").write_bytes("courier:\n  outlet: Café Times\n".encode("utf-16"))
    assert {d.id: d.outlet for d in load_corpus([sources]).documents}["courier"] == "Café Times"


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (b"\x00\x01\x02\xff" * 300, "sources.yaml: error: the manifest is not text"),
        (
            b"courier:\n  outlet: A\ncourier:\n  outlet: B\n",
            "sources.yaml:3:1: error: duplicate key 'courier'\n  hint: give each source one entry",
        ),
    ],
)
def test_a_bad_manifest_is_a_located_error(
    sources: Path, capsys: pytest.CaptureFixture[str], manifest: bytes, message: str
) -> None:
    (sources / "sources.yaml").write_bytes(manifest)
    with pytest.raises(InputError):
        load_corpus([sources])
    code = main(["check", "--rules", str(EXAMPLE / "rules.yaml"), "--sources", str(sources)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (
            b"courier:\n  published: 86400\n",
            "sources.yaml:2:14: publication date 86400 is a number, not a date",
        ),
        (b"courier:\n  published: 20251103\n", "publication date 20251103 is a number, not a date"),
    ],
)
def test_a_bad_manifest_date_is_a_located_warning(
    sources: Path, capsys: pytest.CaptureFixture[str], manifest: bytes, message: str
) -> None:
    """Bad metadata in one entry never stops the run: the source is checked undated."""
    (sources / "sources.yaml").write_bytes(manifest)
    assert {d.id: d.published for d in load_corpus([sources]).documents}["courier"] is None
    code = main(["check", "--rules", str(EXAMPLE / "rules.yaml"), "--sources", str(sources)])
    err = capsys.readouterr().err
    assert code != 2 and message in err and "Traceback" not in err


def test_links_and_unreadable_folders_are_reported_by_name(
    sources: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never skipped silently: a broken link, a link loop, a link back up the tree, and
    a folder that cannot be read (simulated: root can read a chmod 000 folder)."""
    (sources / "gone.txt").symlink_to(sources / "nowhere.txt")
    (sources / "self").symlink_to(sources / "self")
    (sources / "sub").mkdir()
    (sources / "sub" / "up").symlink_to(sources)
    private = sources / "private"
    private.mkdir()
    (private / "hidden.txt").write_text("The council approved a budget.\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str | Path) -> Iterator[os.DirEntry[str]]:
        if Path(path) == private:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code = main(["check", "--rules", str(EXAMPLE / "rules.yaml"), "--sources", str(sources)])
    err = capsys.readouterr().err.splitlines()
    assert code == 0
    assert (
        f"warning: {sources / 'gone.txt'}: skipped, a broken link (no such file or directory)"
        in err
    )
    assert (
        f"warning: {sources / 'self'}: skipped, cannot read (Too many levels of symbolic links)"
        in err
    )
    assert (
        f"warning: {sources / 'sub' / 'up'}: skipped, a link to a folder already read (a loop or a duplicate)"
        in err
    )
    assert f"warning: {private}: skipped, folder cannot be read (Permission denied)" in err


def test_a_linked_folder_is_read(tmp_path: Path, sources: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "linked").symlink_to(sources)
    assert sorted(d.id for d in load_corpus([folder]).documents) == sorted(
        p.stem for p in sources.glob("*.txt")
    )


def test_a_folder_of_drafts_lints_every_draft_in_it(
    tmp_path: Path, sources: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("a.md", "b.txt"):
        (drafts / name).write_text("The council approved a budget.\n", encoding="utf-8")
    (drafts / "photo.png").write_bytes(b"\x89PNG")
    rules = str(EXAMPLE / "rules.yaml")
    code = main(
        ["lint", str(drafts), "--rules", rules, "--sources", str(sources), "--format", "json"]
    )
    out = capsys.readouterr().out
    assert code == 0 and json.loads(out)["drafts"] == [str(drafts / "a.md"), str(drafts / "b.txt")]


def test_a_folder_without_drafts_is_said_to_hold_none(
    tmp_path: Path, sources: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "drafts"
    empty.mkdir()
    (empty / "notes.xlsx").write_bytes(b"PK")
    code = main(
        ["lint", str(empty), "--rules", str(EXAMPLE / "rules.yaml"), "--sources", str(sources)]
    )
    err = capsys.readouterr().err
    assert code == 2 and f"{empty}: error: no drafts (*.md, *.markdown" in err


def test_a_tag_in_front_matter_gets_a_hint_about_front_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        "---\ntitle: !!python/object:os.system x\n---\nThe budget.\n", encoding="utf-8"
    )
    rules = str(EXAMPLE / "rules.yaml")
    assert main(["lint", str(draft), "--rules", rules, "--sources", str(EXAMPLE / "sources")]) == 2
    err = capsys.readouterr().err
    assert f"{draft}:2:8: error: front matter: unsupported YAML tag" in err
    assert "hint: front matter holds plain data only" in err and "rule file" not in err


def test_coloured_lint_shows_the_line_the_finding_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """U+2028, U+0085 and a form feed do not break a line: the excerpt is the line
    the finding's number names, with its words underlined."""
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Intro\u2028more\x0cstill\x85the first line.\n"
        "The council approved a $500 million operating budget.\n",
        encoding="utf-8",
    )
    rules = str(EXAMPLE / "rules.yaml")
    sources = str(EXAMPLE / "sources")
    main(["lint", str(draft), "--rules", rules, "--sources", sources, "--color", "always"])
    out = capsys.readouterr().out
    assert "    2 | " in out and "\x1b[4m" in out
    excerpt = out[out.index("    2 | ") :].splitlines()[0]
    assert "$500 million" in excerpt and "\x1b[4m\x1b[1;31m$500 million" in excerpt
