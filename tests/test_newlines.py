"""Line breaks as stored: LF, CRLF, CR and a mix, in every format.

Decided: line and column count as an editor shows them (a CRLF is one line
break); ``start``/``end`` are character offsets into the file as stored (a CR
counts), so ``stored[start:end]`` is the value's words in every format.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.model import Document
from factcheck.sources.encoding import split_newlines
from tests.conftest import run_factcheck as factcheck

RULES = """\
claims:
  - id: deal-value
    description: Value of the deal.
    type: money
    cues: [deal]
"""
LINES = ["Cloud news", "", "Some context first.", "The deal is worth $38 billion, they said."]
BREAKS = {"lf": ["\n"] * 3, "crlf": ["\r\n"] * 3, "cr": ["\r"] * 3, "mixed": ["\r\n", "\r", "\n"]}


def stored(kind: str) -> str:
    breaks = BREAKS[kind]
    return "".join(line + (breaks[i] if i < len(breaks) else "\n") for i, line in enumerate(LINES))


@pytest.fixture(params=sorted(BREAKS))
def story(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    kind: str = request.param
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "sources").mkdir()
    for name in ("a", "b"):
        (tmp_path / "sources" / f"{name}.txt").write_bytes(stored(kind).encode("utf-8"))
    (tmp_path / "draft.md").write_bytes(stored(kind).replace("$38", "$40").encode("utf-8"))
    return tmp_path, stored(kind)


def test_check_json_offsets_point_into_the_file_as_stored(story: tuple[Path, str]) -> None:
    where, text = story
    done = factcheck(
        where, "check", "--rules", "rules.yaml", "--sources", "sources", "--format", "json"
    )
    claim = json.loads(done.stdout)["claims"][0]
    mention = claim["sources"][0]["mentions"][0]
    assert (mention["line"], mention["column"]) == (4, 19)
    assert text[mention["start"] : mention["end"]] == "$38 billion" == mention["text"]


def test_lint_positions_in_text_json_and_sarif(story: tuple[Path, str]) -> None:
    where, text = story
    draft = text.replace("$38", "$40")
    base = ["lint", "draft.md", "--rules", "rules.yaml", "--sources", "sources"]
    assert factcheck(where, *base).stdout.startswith("draft.md:4:19: error FC101")
    finding = json.loads(factcheck(where, *base, "--format", "json").stdout)["findings"][0]
    assert (finding["line"], finding["column"], finding["end_column"]) == (4, 19, 30)
    assert draft[finding["start"] : finding["end"]] == "$40 billion"
    sarif = json.loads(factcheck(where, *base, "--format", "sarif").stdout)
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (4, 19)
    offset = region["charOffset"]
    assert draft[offset : offset + region["charLength"]] == "$40 billion"
    coloured = factcheck(where, *base, "--color", "always").stdout
    assert "The deal is worth" in coloured and "Some context" not in coloured


def test_the_html_reports_mark_the_value_in_the_stored_text(story: tuple[Path, str]) -> None:
    where, _ = story
    check = ["check", "--rules", "rules.yaml", "--sources", "sources", "--format", "html"]
    assert factcheck(where, *check, "-o", "check.html").returncode == 0
    page = (where / "check.html").read_text(encoding="utf-8")
    assert '<mark class="val">$38 billion</mark>' in page  # the quote, not the fallback
    assert 'id="src-0-L5"' in page and 'id="src-0-L6"' not in page  # 4 lines and the end
    lint = ["lint", "draft.md", "--rules", "rules.yaml", "--sources", "sources"]
    factcheck(where, *lint, "--format", "html", "-o", "lint.html")
    assert '">$40 billion</mark>' in (where / "lint.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", sorted(BREAKS))
def test_file_offsets_undo_the_newline_normalisation(kind: str) -> None:
    raw = stored(kind)
    text, crlf = split_newlines(raw)
    assert "\r" not in text and text.count("\n") == raw.count("\n") + raw.count("\r") - raw.count(
        "\r\n"
    )
    document = Document("d", "d.txt", text, crlf=crlf)
    for offset, char in enumerate(text):
        if char != "\n":
            assert raw[document.file_offset(offset)] == char
    assert document.file_offset(len(text)) == len(raw)
