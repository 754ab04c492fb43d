"""The example newsroom (examples/newsroom) end to end, in every face: two
stories, openai-cloud and city-budget, both with a claim named 'total'.
Expected values come from the articles: the AWS deal is $38 billion in every
source that states it; the Riverbend Courier alone puts the city budget at
$421 million (the others, and the rule's expect, at $412 million)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, run_factcheck

NEWSROOM = ROOT / "examples" / "newsroom"


def test_check_reports_each_story_with_its_own_total() -> None:
    result = run_factcheck(NEWSROOM, "check", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    schema = json.loads((ROOT / "schema" / "check-report.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    totals = {
        s["name"]: next(c for c in s["claims"] if c["id"] == "total") for s in data["stories"]
    }
    assert totals["openai-cloud"]["status"] == "agree"
    assert totals["openai-cloud"]["consensus"]["value"] == 38_000_000_000
    assert totals["city-budget"]["status"] == "conflict"
    courier = next(s for s in totals["city-budget"]["sources"] if s["source"] == "courier")
    assert courier["value"]["value"] == 421_000_000


def test_check_text_then_a_line_per_story_and_fail_on() -> None:
    result = run_factcheck(NEWSROOM, "check", "--fail-on", "conflict")
    assert result.returncode == 1  # city-budget's total conflicts
    last = result.stdout.rstrip().splitlines()[-2:]
    assert [line.split()[0] for line in last] == ["openai-cloud", "city-budget"]
    one = run_factcheck(NEWSROOM, "check", "--story", "openai-cloud", "--fail-on", "conflict")
    assert one.returncode == 0 and "city-budget" not in one.stdout


def test_html_index_and_a_page_per_story(tmp_path: Path) -> None:
    result = run_factcheck(NEWSROOM, "check", "--format", "html", "-o", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    pages = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "site").iterdir()}
    assert sorted(pages) == ["city-budget.html", "index.html", "openai-cloud.html"]
    assert "Harbor Falls adopts its 2025-26 city budget" in pages["index.html"]
    assert "$421 million" in pages["city-budget.html"]
    assert "$421 million" not in pages["openai-cloud.html"]


def test_lint_each_draft_against_its_story() -> None:
    drafts = ["drafts/openai/pivot.md", "drafts/city/budget.md", "drafts/roundup.md"]
    result = run_factcheck(NEWSROOM, "lint", *drafts, "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    found = {(f["path"], f["code"], f["claim"]) for f in report["findings"]}
    assert ("drafts/openai/pivot.md", "FC101", "openai-cloud:total") in found  # $40 billion
    assert ("drafts/city/budget.md", "FC102", "city-budget:total") in found  # $421 million
    assert not any(path == "drafts/roundup.md" and code < "FC2" for path, code, _ in found)
    suppressed = [f["claim"] for f in report["suppressed"]]
    assert suppressed == ["city-budget:property-tax-increase"]  # the roundup's 4 percent


def test_lint_a_file_of_no_story() -> None:
    result = run_factcheck(NEWSROOM, "lint", "factcheck.toml")
    assert result.returncode == 2
    assert "openai-cloud" in result.stderr and "city-budget" in result.stderr


def test_test_rules_runs_both_stories() -> None:
    result = run_factcheck(NEWSROOM, "test-rules", "--format", "json")
    assert result.returncode == 0, result.stderr
    names = [e["name"] for e in json.loads(result.stdout)["examples"]]
    assert "openai-cloud:total[example-1]" in names and "city-budget:total[example-1]" in names


def test_pytest_plugin_names_items_by_story() -> None:
    command = [sys.executable, "-m", "pytest", "--factcheck", "rules", "--rootdir", "."]
    command += ["-p", "no:cacheprovider", "-q", "-rA", "-k", "total"]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=NEWSROOM,
        env={"PATH": "", "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert "PASSED rules/openai-cloud.yaml::openai-cloud::total[example-1]" in result.stdout
    assert "PASSED rules/city-budget.yaml::city-budget::total[example-1]" in result.stdout
    assert "PASSED rules/openai-cloud.yaml::openai-cloud::total\n" in result.stdout
    assert "FAILED rules/city-budget.yaml::city-budget::total - " in result.stdout
    assert "deal-years" not in result.stdout  # -k total selects the two stories' totals
    assert result.returncode == 1


@pytest.mark.parametrize("story", ["openai-cloud", "city-budget"])
def test_explain_a_qualified_claim(story: str) -> None:
    result = run_factcheck(NEWSROOM, "explain", "--claim", f"{story}:total")
    assert result.returncode == 0, result.stderr
    assert ("$38 billion" in result.stdout) is (story == "openai-cloud")


def test_lint_a_folder_takes_the_drafts_its_stories_claim() -> None:
    result = run_factcheck(NEWSROOM, "lint", "drafts", "--format", "json")
    assert result.returncode == 1, result.stderr
    paths = {f["path"] for f in json.loads(result.stdout)["findings"]}
    assert {"drafts/openai/pivot.md", "drafts/city/budget.md"} <= paths


def test_lint_standard_input_is_matched_to_stories_by_its_reported_name() -> None:
    draft = (NEWSROOM / "drafts" / "city" / "budget.md").read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "lint", "-", "--stdin-filename"]
        + ["drafts/city/budget.md", "--format", "json"],
        input=draft,
        capture_output=True,
        text=True,
        cwd=NEWSROOM,
        env={"PATH": "", "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    found = {(f["path"], f["code"], f["claim"]) for f in json.loads(result.stdout)["findings"]}
    assert ("drafts/city/budget.md", "FC102", "city-budget:total") in found


def test_lint_with_no_draft_named_lints_every_configured_draft(tmp_path: Path) -> None:
    result = run_factcheck(NEWSROOM, "lint", "--format", "json")
    assert result.returncode == 1, result.stderr
    drafts = set(json.loads(result.stdout)["drafts"])
    assert drafts == {"drafts/city/budget.md", "drafts/openai/pivot.md", "drafts/roundup.md"}
    unconfigured = run_factcheck(tmp_path, "lint")
    assert unconfigured.returncode == 2 and "name the drafts to lint" in unconfigured.stderr
