"""A folder mixing every format checks end to end; a Word draft lints (issue 19).

The corpus (``tests/data/articles/corpus``) holds wire copy with a header
block, Markdown with front matter, a saved news page and a manifest with a
typo, an extra key and an entry for a missing file; each test copies it and
adds a two-page PDF, a scanned PDF, a Word memo, an image and hidden files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.sources.corpus import load_corpus
from tests.articles import FILING_PAGES, make_docx, make_pdf, write
from tests.conftest import ROOT, run_factcheck

CORPUS = ROOT / "tests" / "data" / "articles" / "corpus"
RULES = str(ROOT / "rules")


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    write(folder / "filing.pdf", make_pdf(FILING_PAGES, title="Form 8-K"))
    write(folder / "scan.pdf", make_pdf([[]]))
    memo = ["Desk memo", "Amazon pledged to invest up to $50 billion in OpenAI."]
    write(folder / "memo.docx", make_docx(memo))
    for name in ("chart.png", "figures.xlsx", "photo.jpg", "logo.gif"):
        write(folder / name, b"\x89 not text")
    write(folder / ".DS_Store", b"\x00\x01")
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD.txt").write_text("ref: refs/heads/main", "utf-8")
    return folder


def test_a_mixed_folder_checks_end_to_end(mixed: Path) -> None:
    proc = run_factcheck(
        mixed.parent, "check", "--rules", RULES, "--sources", "corpus", "--format", "json"
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    sources = {s["id"]: s for s in report["sources"]}
    assert {k: (s["outlet"], s["published"], s["extracted_from"]) for k, s in sources.items()} == {
        "analysis": ("Tech Weekly", "2026-04-15", None),  # manifest over front matter
        "filing": (None, "2026-04-13", "pdf"),  # the manifest's 'outlte' is no outlet
        "memo": (None, None, "docx"),
        "news-page": ("Example Wire", "2026-04-13", "html"),
        "undated": (None, None, None),  # 'published: sometime soon': a warning, no stop
        "wire-copy": ("Example Wire", "2026-04-14", None),  # header block
    }
    assert sources["analysis"]["url"] == "https://techweekly.example/aws-deal"
    assert (sources["analysis"]["author"], sources["analysis"]["language"]) == ("Lee Park", "en")
    assert sources["analysis"]["extra"] == {"desk": "Markets"}
    assert sources["filing"]["extra"] == {"outlte": "SEC EDGAR"}
    pages = {
        (s["source"], m["page"])
        for c in report["claims"]
        for s in c["sources"]
        for m in s["mentions"]
    }
    assert ("filing", 2) in pages and ("wire-copy", None) in pages
    [unresolved] = report["unresolved"]
    assert unresolved["source"] == "undated"


def test_the_warnings_of_a_mixed_folder(mixed: Path) -> None:
    proc = run_factcheck(mixed.parent, "check", "--rules", RULES, "--sources", "corpus")
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("warning:")]
    manifest = Path("corpus") / "sources.yaml"
    assert warnings == [
        f"warning: {manifest}:6:3: unknown key 'desk', kept as extra metadata "
        "(factcheck reads title, outlet, published, via, url, author, language)",
        f"warning: {manifest}:8:3: unknown key 'outlte', kept as extra metadata "
        "(did you mean 'outlet'?)",
        f"warning: {manifest}:10:1: entry 'ghost' names no article here "
        "(no file ghost.* beside the manifest) (hint: is the file missing, or misnamed?)",
        "warning: corpus: 4 file(s) not read, not a kind factcheck reads "
        "(.txt, .md, .markdown, .html, .htm, .pdf, .docx): chart.png, figures.xlsx, logo.gif "
        "and 1 more",
        "warning: corpus/scan.pdf: skipped, the PDF has no text layer (a scanned image?); "
        "run OCR on it first",
        "warning: corpus/undated.md:3:12: cannot read publication date 'sometime soon'; "
        "checked with its publication date unknown (relative dates stay unresolved)",
    ]
    assert ".DS_Store" not in proc.stderr and ".git" not in proc.stderr


def test_manifest_entries_accept_url_author_and_language(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.", "utf-8")
    (tmp_path / "sources.yaml").write_text(
        "a:\n  url: https://x.test/a\n  author: Kim Lee\n  language: de\n  via: AP\n", "utf-8"
    )
    corpus = load_corpus([tmp_path])
    doc = corpus.documents[0]
    assert (doc.url, doc.author, doc.language, doc.via) == (
        "https://x.test/a",
        "Kim Lee",
        "de",
        "AP",
    )
    assert corpus.notices == []


DRAFT = [
    "OpenAI and Amazon",
    "OpenAI signed a $38 billion deal with AWS.",
    "Amazon will invest $60 billion in OpenAI.",  # the planted error
    "Amazon will invest $70 billion in OpenAI, one analyst wrote.",  # a Word comment mutes it
    "Amazon would invest $80 billion in OpenAI. factcheck: ignore[amazon-investment]",
]


def lint(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_factcheck(folder, "lint", *args, "--rules", RULES, "--sources", "corpus")


def test_a_word_draft_lints_by_paragraph_and_character(mixed: Path) -> None:
    comments = {3: "factcheck: ignore[amazon-investment]", 1: "factcheck: ignore[aws-deal-years]"}
    write(mixed.parent / "story.docx", make_docx(DRAFT, comments))
    proc = lint(mixed.parent, "story.docx", "--format", "json")
    report = json.loads(proc.stdout)
    found = [
        (f["code"], f["line"], f["column"], f["text"], f["positions"]) for f in report["findings"]
    ]
    assert found == [
        ("FC207", 2, 1, "", "paragraph"),  # the comment is not in the text
        ("FC101", 3, 20, "$60 billion", "paragraph"),
    ]
    assert "unused suppression in a Word comment" in report["findings"][0]["message"]
    muted = {(f["line"], f["text"]) for f in report["suppressed"]}
    assert muted == {(4, "$70 billion"), (5, "$80 billion")}
    assert proc.returncode == 1


def _page(body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Draft</title>'
        f"</head><body><main><article>{body}</article></main>"
        "<footer><!-- factcheck: ignore aws-deal-value --><p>Subscribe.</p></footer></body></html>"
    )


HTML_DRAFT = (
    "<h1>OpenAI and Amazon</h1>"
    "<p>OpenAI signed a $38 billion deal with AWS, the two companies said in a statement.</p>"
    "<p>Amazon will invest $60 billion in OpenAI, according to two people familiar.</p>"
    "<p>Amazon will invest $70 billion in OpenAI, one analyst wrote in a note to clients."
    " <!-- factcheck: ignore amazon-investment --></p>"
    "<!-- factcheck: ignore amazon-investment -->"
    "<p>Amazon would invest $80 billion in OpenAI over the coming years, a rival said.</p>"
)


def test_an_html_draft_keeps_its_suppressions(mixed: Path) -> None:
    """trafilatura drops comments: the directives are read from the page and placed on
    the paragraph they sit in, or, alone, on the next one."""
    draft = mixed.parent / "story.html"
    draft.write_text(
        _page(HTML_DRAFT).replace("<footer><!-- factcheck: ignore aws-deal-value -->", "<footer>"),
        "utf-8",
    )
    report = json.loads(lint(mixed.parent, "story.html", "--format", "json").stdout)
    assert [(f["code"], f["line"], f["text"]) for f in report["findings"]] == [
        ("FC101", 3, "$60 billion")
    ]
    assert {(f["line"], f["text"]) for f in report["suppressed"]} == {
        (4, "$70 billion"),
        (5, "$80 billion"),
    }


def test_an_html_directive_the_extraction_leaves_out_is_an_error(mixed: Path) -> None:
    (mixed.parent / "story.html").write_text(_page(HTML_DRAFT), "utf-8")
    proc = lint(mixed.parent, "story.html")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "story.html: error: the directive <!-- factcheck: ignore aws-deal-value -->" in (
        proc.stderr
    )


def test_sarif_carries_paragraph_and_character(mixed: Path) -> None:
    write(mixed.parent / "story.docx", make_docx(DRAFT[:3]))
    sarif = json.loads(lint(mixed.parent, "story.docx", "--format", "sarif").stdout)
    [result] = sarif["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["properties"] == {
        "paragraph": 3,
        "character": 20,
        "endParagraph": 3,
        "endCharacter": 31,
    }
    assert (region["startLine"], region["startColumn"]) == (3, 20)
    assert "charOffset" not in region


def test_lint_takes_a_folder_and_standard_input(mixed: Path) -> None:
    drafts = mixed.parent / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text("Amazon will invest $90 billion in OpenAI.\n", "utf-8")
    write(drafts / "b.docx", make_docx(DRAFT[2:3]))
    write(drafts / "c.pdf", make_pdf([["Amazon will invest $1 billion."]]))  # not a draft
    proc = lint(mixed.parent, "drafts")
    assert [line.split(" ")[0] for line in proc.stdout.splitlines()[:-1]] == [
        "drafts/a.md:1:20:",
        "drafts/b.docx:1:20:",
    ]
    piped = subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck",
            "lint",
            "-",
            "--stdin-filename",
            "drafts/new.md",
            "--rules",
            RULES,
            "--sources",
            "corpus",
        ],
        input="---\ntitle: x\n---\nAmazon will invest $95 billion in OpenAI.\n",
        capture_output=True,
        text=True,
        cwd=mixed.parent,
        env={"PATH": "", "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )
    assert piped.stdout.startswith("drafts/new.md:4:20: error FC101"), piped.stderr


def test_plain_text_never_imports_the_heavy_readers() -> None:
    code = (
        "import sys\n"
        "from factcheck import api\n"
        f"api.check({RULES!r}, {str(ROOT / 'seeds')!r})\n"
        "print(sorted(m for m in ('trafilatura', 'pypdf', 'docx', 'lxml') if m in sys.modules))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )
    assert proc.stdout.strip() == "[]", proc.stderr


def test_trafilatura_imports_in_a_fresh_interpreter() -> None:
    """With current lxml, trafilatura needs lxml_html_clean (its justext imports
    lxml.html.clean): a dependency of ours, so the import works from a fresh install."""
    proc = subprocess.run(
        [sys.executable, "-c", "import trafilatura, lxml.html.clean"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def test_a_folder_named_twice_warns_once(mixed: Path) -> None:
    corpus = load_corpus([mixed, mixed])
    lines = [str(n) for n in corpus.notices]
    assert len(lines) == len(set(lines)) == 4  # desk, outlte, ghost, the files not read
