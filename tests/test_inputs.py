"""Input files through the command line: encodings, bad files, empty corpora, exit codes.

Encodings decode to the same text; binary, oversized, empty and unreadable
files are skipped with a warning that names them; a corpus with nothing
readable, a folder without articles and a missing path are errors with a
clear message and exit status 2; findings never change the exit status
unless ``--fail-on`` asks (1). Decoding details are in ``test_corpus.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.errors import InputError
from factcheck.sources.corpus import MAX_BYTES, decode, load_corpus

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "examples" / "city-budget" / "rules.yaml"
ARTICLE = (
    "The council approved a $412 million operating budget for the café district "
    "on June 10, 2025 — “a fair plan”, said Finance Director Alicia Moreno.\n"
)
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--rules", str(RULES), "--color", "never", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


# --- encodings ---------------------------------------------------------------------------

ENCODINGS = {
    "utf-8": ARTICLE.encode("utf-8"),
    "utf-8-bom": ARTICLE.encode("utf-8-sig"),
    "utf-16": ARTICLE.encode("utf-16"),  # with BOM, little-endian here
    "utf-16-be-bom": b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
    "utf-16-le-no-bom": ARTICLE.encode("utf-16-le"),
    "utf-16-be-no-bom": ARTICLE.encode("utf-16-be"),
    "cp1252": ARTICLE.encode("cp1252"),  # curly quotes and the dash at 0x80-0x9f
    "crlf": ARTICLE.replace("\n", "\r\n").encode("utf-8"),
}


@pytest.mark.parametrize("name", list(ENCODINGS))
def test_each_encoding_decodes_to_the_same_text(name: str) -> None:
    assert decode(ENCODINGS[name]) == ARTICLE


def test_latin1_decodes() -> None:
    text = (
        "Le conseil a voté un budget de 412 millions de dollars; le café à Genève "
        "coûte déjà très cher, même pour une journée d'été.\n"
    )
    assert decode(text.encode("latin-1")) == text


def test_every_encoding_gives_the_same_report(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name, data in ENCODINGS.items():
        (tmp_path / f"{name}.txt").write_bytes(data)
    code, out, err = run(capsys, "--sources", str(tmp_path), "--format", "json")
    assert code == 0 and err == ""
    report = json.loads(out)
    budget = next(c for c in report["claims"] if c["id"] == "budget-total")
    assert budget["status"] == "agree"
    quotes = {s["source"]: s["mentions"][0]["quote"] for s in budget["sources"]}
    assert set(quotes) == set(ENCODINGS)
    assert len(set(quotes.values())) == 1 and "café" in next(iter(quotes.values()))


# --- files that are skipped, with a warning naming them -------------------------------------


def test_binary_oversized_and_empty_files_are_skipped_by_name(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "zeros.txt").write_bytes(b"\x00" * 4096)
    (tmp_path / "gzip.md").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(200)) * 3)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "huge.txt").write_bytes(b"a" * (MAX_BYTES + 1))
    code, out, err = run(capsys, "--sources", str(tmp_path))
    assert code == 0
    warnings = sorted(line for line in err.splitlines() if line.startswith("warning: "))
    assert warnings == sorted(
        [
            f"warning: {tmp_path / 'image.txt'}: skipped, binary or undecodable content",
            f"warning: {tmp_path / 'zeros.txt'}: skipped, binary or undecodable content",
            f"warning: {tmp_path / 'gzip.md'}: skipped, binary or undecodable content",
            f"warning: {tmp_path / 'empty.txt'}: skipped, empty file",
            f"warning: {tmp_path / 'blank.md'}: skipped, empty file",
            f"warning: {tmp_path / 'huge.txt'}: skipped, larger than {MAX_BYTES:,} bytes",
        ]
    )
    assert "1 source:" in out and "1 sources" not in out


def test_an_unreadable_file_is_skipped_by_name(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Simulated (root reads everything): the read fails with EACCES."""
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, _, err = run(capsys, "--sources", str(tmp_path))
    assert code == 0
    assert f"warning: {locked}: skipped, cannot read (Permission denied)" in err.splitlines()


@pytest.mark.skipif(
    IS_ROOT,
    reason="running as root: chmod 000 does not stop root from "
    "reading, so a real permission failure cannot happen here",
)
def test_a_chmod_000_file_and_folder_are_reported(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "private"
    folder.mkdir()
    (folder / "hidden.txt").write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    folder.chmod(0)
    try:
        code, _, err = run(capsys, "--sources", str(tmp_path))
    finally:
        locked.chmod(0o644)
        folder.chmod(0o755)
    assert code == 0
    assert f"warning: {locked}: skipped, cannot read (Permission denied)" in err.splitlines()


# --- nothing to check: exit 2 with a clear message ------------------------------------------


def test_an_empty_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--sources", str(tmp_path))
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == f"error: no readable articles ({KINDS}) found in {tmp_path}"
    assert "hint: point --sources at a folder of article files" in err


KINDS = "*.txt, *.md, *.markdown, *.html, *.htm, *.pdf, *.docx"


def test_a_folder_without_articles_is_an_error(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "chart.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "figures.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "sources.yaml").write_text("a:\n  outlet: Daily\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    code, _, err = run(capsys, "--sources", str(tmp_path))
    assert code == 2 and f"no readable articles ({KINDS}) found in" in err
    assert "2 file(s) not read, not a kind factcheck reads" in err
    assert "chart.png, figures.xlsx" in err and "entry 'a' names no article here" in err


def _only_unreadable(folder: Path) -> list[Path]:
    files = [folder / "empty.txt", folder / "binary.txt"]
    files[0].write_bytes(b"")
    files[1].write_bytes(bytes(range(256)) * 4)
    return files


def test_a_corpus_of_only_unreadable_files_says_why(tmp_path: Path) -> None:
    empty, binary = _only_unreadable(tmp_path)
    with pytest.raises(InputError) as info:
        load_corpus([tmp_path])
    assert info.value.message == (
        f"no readable articles ({KINDS}) found in {tmp_path}: 2 file(s) skipped "
        f"({binary}: skipped, binary or undecodable content; {empty}: skipped, empty file)"
    )


def test_the_command_line_names_the_skipped_files_of_an_empty_corpus(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    empty, _ = _only_unreadable(tmp_path)
    code, _, err = run(capsys, "--sources", str(tmp_path))
    assert code == 2 and "error: no readable articles" in err
    assert f"{empty}: skipped, empty file" in err


@pytest.mark.parametrize("where", ["missing", "dangling-link"])
def test_a_missing_path_is_an_error(
    where: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "nowhere.txt"
    if where == "dangling-link":
        path.symlink_to(tmp_path / "gone.txt")
    code, _, err = run(capsys, "--sources", str(path))
    assert code == 2 and err.startswith(f"{path}: error: no such file or directory: {path}")


def test_a_missing_rule_file_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--rules", "no/such/rules.yaml", "--sources", str(ROOT / "seeds")])
    err = capsys.readouterr().err
    assert code == 2 and "error: no such file or directory: no/such/rules.yaml" in err


def test_empty_corpus_in_process_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no readable articles"):
        load_corpus([tmp_path])


# --- exit statuses ----------------------------------------------------------------------------


def test_exit_status_through_a_real_process(tmp_path: Path) -> None:
    """0 with a conflict in the report, 1 when --fail-on asks, 2 for a usage error."""
    sources = ROOT / "examples" / "city-budget" / "sources"

    def status(*args: str) -> int:
        done = subprocess.run(
            [sys.executable, "-m", "factcheck", *args],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        assert "Traceback" not in done.stderr
        return done.returncode

    base = ["check", "--rules", str(RULES), "--sources", str(sources)]
    assert status(*base) == 0
    assert status(*base, "--fail-on", "conflict") == 1
    assert status(*base, "--format", "pdf") == 2
    assert status("check", "--rules", str(RULES), "--sources", str(tmp_path)) == 2


def test_output_to_a_missing_folder_is_an_error_not_a_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "no" / "such" / "report.json"
    code, _, err = run(
        capsys,
        "--sources",
        str(ROOT / "examples" / "city-budget" / "sources"),
        "--format",
        "json",
        "-o",
        str(target),
    )
    assert code == 2 and f"error: cannot write {target}: No such file or directory" in err
    code, _, err = run(
        capsys, "--sources", str(ROOT / "examples" / "city-budget" / "sources"), "-o", str(tmp_path)
    )
    assert code == 2 and "Is a directory" in err
    assert list(tmp_path.iterdir()) == []  # and no temporary file left behind
