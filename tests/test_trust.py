"""Findings an editor can trust: no green where the sources say otherwise.

Each case ran wrong before: a draft value no source states passed lint while the
sources conflicted; a claim whose sources all contradict its ``expect`` showed as
a green AGREE; a hedge kept by two of three sources was dropped silently; a name
swallowed the next sentence; a relative date in a draft went unchecked in silence.
All go through the command line, as an editor meets them.
"""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run_factcheck as factcheck

RULES = """\
story: Cloud deal
claims:
  - id: deal-value
    description: Value of the cloud deal.
    type: money
    cues: [deal]
    expect: $38 billion
  - id: investment
    description: Amount pledged.
    type: money
    cues: [invest, pledged]
  - id: chief
    description: Who runs revenue.
    type: text
    cues: [said]
  - id: signed
    description: When the deal was signed.
    type: date
    cues: [signed]
"""


def story(tmp_path: Path, sources: dict[str, str], rules: str = RULES) -> Path:
    (tmp_path / "rules.yaml").write_text(rules, encoding="utf-8")
    folder = tmp_path / "sources"
    folder.mkdir()
    for name, text in sources.items():
        (folder / f"{name}.txt").write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def lint(where: Path, draft: str, *args: str) -> subprocess.CompletedProcess[str]:
    (where / "draft.md").write_text(textwrap.dedent(draft), encoding="utf-8")
    return factcheck(
        where, "lint", "draft.md", *args, "--rules", "rules.yaml", "--sources", "sources"
    )


def test_a_draft_value_no_source_states_is_an_error_even_when_the_sources_conflict(
    tmp_path: Path,
) -> None:
    where = story(
        tmp_path,
        {
            "a": "The deal is worth $38 billion.",
            "b": "The $38 billion deal was signed.",
            "c": "The deal is worth $35 billion.",
        },
    )
    done = lint(where, "The deal is worth $40 billion.\n")
    assert done.returncode == 1, done.stdout + done.stderr
    line = next(x for x in done.stdout.splitlines() if "FC103" in x)
    assert line.startswith("draft.md:1:19: error FC103 [deal-value] the draft says $40 billion")
    assert "no source states" in line and "conflict" in line and "c says $35 billion" in line
    # A value one side of the conflict states stays a warning about the conflict.
    agreeing = lint(where, "The deal is worth $38 billion.\n")
    assert "FC205" in agreeing.stdout and "FC103" not in agreeing.stdout


@pytest.fixture
def contradicted(tmp_path: Path) -> Path:
    """Every source agrees on $40 billion; the rule expects $38 billion."""
    return story(
        tmp_path,
        {"a": "The deal is worth $40 billion.", "b": "A $40 billion deal, they said."},
    )


def test_expect_contradicted_by_every_source_is_visible_and_counted(contradicted: Path) -> None:
    args = ["check", "--rules", "rules.yaml", "--sources", "sources"]
    text = factcheck(contradicted, *args)
    assert text.returncode == 0
    header = next(x for x in text.stdout.splitlines() if "deal-value" in x)
    assert "AGREE" in header and "≠ expect $38 billion" in header
    assert text.stdout.rstrip().endswith("; 1 ≠ expect")
    report = json.loads(factcheck(contradicted, *args, "--format", "json").stdout)
    claim = next(c for c in report["claims"] if c["id"] == "deal-value")
    assert claim["expected"] == "mismatch" and report["summary"]["expect_mismatch"] == 1
    page = factcheck(contradicted, *args, "--format", "html", "-o", "page.html")
    assert page.returncode == 0
    html = (contradicted / "page.html").read_text(encoding="utf-8")
    assert "expect-mismatch" in html and "1 differ from expect" in html


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        ("expect-mismatch", 1),
        ("conflict,expect-mismatch", 1),
        ("conflict", 0),
        ("single", 0),
        ("conflict,bogus", 2),
    ],
)
def test_fail_on_takes_a_list_of_outcomes(contradicted: Path, fail_on: str, code: int) -> None:
    done = factcheck(
        contradicted, "check", "--rules", "rules.yaml", "--sources", "sources", "--fail-on", fail_on
    )
    assert done.returncode == code, done.stderr
    if code == 2:
        assert "'bogus'" in done.stderr and "expect-mismatch" in done.stderr


def test_a_hedge_half_the_sources_keep_is_kept_and_its_keepers_named(tmp_path: Path) -> None:
    where = story(
        tmp_path,
        {
            "a": "Amazon pledged up to $50 billion.",
            "b": "Amazon will invest up to $50 billion.",
            "c": "Amazon pledged $50 billion.",
        },
    )
    done = lint(where, "Amazon pledged $50 billion.\n")
    line = next(x for x in done.stdout.splitlines() if "FC203" in x)
    assert "without the hedge 2 of 3 sources keep: up to $50 billion (a, b)" in line


def test_a_name_ends_at_the_end_of_its_sentence(tmp_path: Path) -> None:
    where = story(
        tmp_path,
        {
            "a": "Revenue is up, said Dana Whitfield. The company agreed.",
            "b": "Sales grew, said Dana Whitfield. Analysts were surprised.",
        },
    )
    report = json.loads(
        factcheck(
            where, "check", "--rules", "rules.yaml", "--sources", "sources", "--format", "json"
        ).stdout
    )
    chief = next(c for c in report["claims"] if c["id"] == "chief")
    assert chief["status"] == "agree" and chief["consensus"]["value"] == "Dana Whitfield"
    done = lint(where, "Revenue is up, said Dana Whitman. The firm agreed.\n")
    assert done.returncode == 1 and "FC101 [chief]" in done.stdout


def test_a_relative_date_in_an_undated_draft_is_a_warning_until_dated(tmp_path: Path) -> None:
    where = story(
        tmp_path,
        {"a": "The deal was signed on 2026-04-28.", "b": "It was signed April 28, 2026."},
    )
    undated = lint(where, "The deal was signed last Tuesday.\n")
    assert "draft.md:1:21: warning FC208" in undated.stdout
    assert "'last Tuesday'" in undated.stdout and "--published" in undated.stdout
    dated = lint(where, "The deal was signed last Tuesday.\n", "--published", "2026-04-30", "-v")
    assert "FC208" not in dated.stdout and "FC301 [signed]" in dated.stdout
    wrong = lint(where, "The deal was signed last Tuesday.\n", "--published", "2026-05-08")
    assert wrong.returncode == 1 and "FC101 [signed]" in wrong.stdout
    bad = lint(where, "The deal was signed last Tuesday.\n", "--published", "soon")
    assert bad.returncode == 2 and "'soon' is not a date" in bad.stderr
