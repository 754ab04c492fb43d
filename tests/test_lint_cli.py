"""Lint through the real command line: formats, schemas, exit codes, configuration."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from factcheck.lint.model import lint_report_schema
from tests.conftest import ROOT

SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
MISTAKES = "examples/drafts/openai-mistakes.md"
FAITHFUL = "examples/drafts/openai-faithful.md"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, cwd=cwd, env=env
    )


def test_text_format_and_exit_code() -> None:
    proc = run("lint", MISTAKES)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"{MISTAKES}:7:21: error FC101 [aws-deal-value] the draft says $40")
    assert lines[-1] == "3 errors, 7 warnings (2 suppressed)"
    assert "\x1b[" not in proc.stdout


def test_underline_on_a_terminal() -> None:
    proc = run("lint", MISTAKES, "--color", "always")
    assert "\x1b[4m" in proc.stdout and "^^^^^^^^^^^" in proc.stdout


def test_faithful_draft_passes() -> None:
    proc = run("lint", FAITHFUL)
    assert proc.returncode == 0
    assert proc.stdout == "0 errors, 0 warnings\n"
    verbose = run("lint", FAITHFUL, "--verbose")
    assert verbose.returncode == 0 and verbose.stdout.count(" info FC301 ") == 6


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text(
        "Revenue-sharing payments to Microsoft will continue through 2030.\n", encoding="utf-8"
    )
    assert run("lint", str(draft)).returncode == 0
    assert run("lint", str(draft), "--strict").returncode == 1


def test_json_validates_against_the_published_schema() -> None:
    proc = run("lint", MISTAKES, "--format", "json")
    data = json.loads(proc.stdout)
    schema = json.loads((ROOT / "schema/lint-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    first = data["findings"][0]
    assert {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "level",
        "code",
        "claim",
        "message",
        "draft_value",
        "sources",
        "fingerprint",
    } <= set(first)
    assert first["draft_value"]["value"] == 40_000_000_000
    assert data["summary"] == {"error": 3, "warning": 7, "info": 0, "suppressed": 2}


def test_published_lint_schema_is_in_sync() -> None:
    committed = json.loads((ROOT / "schema/lint-report.schema.json").read_text(encoding="utf-8"))
    assert committed == lint_report_schema(), (
        "schema/lint-report.schema.json is stale: write factcheck.lint.model.lint_report_schema()"
    )


def test_sarif_validates_against_the_official_schema() -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"official SARIF schema not found at {SARIF_SCHEMA}")
    proc = run("lint", MISTAKES, "--format", "sarif")
    sarif = json.loads(proc.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert results[0]["ruleId"] == "FC101" and results[0]["level"] == "error"
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (7, 21)
    assert sarif["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_github_annotations() -> None:
    proc = run("lint", MISTAKES, "--format", "github")
    first = proc.stdout.splitlines()[0]
    assert first.startswith(
        f"::error file={MISTAKES},line=7,col=21,endLine=7,endColumn=32,"
        "title=FC101 [aws-deal-value]::the draft says $40 billion"
    )
    assert any(line.startswith("::warning ") for line in proc.stdout.splitlines())


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("lint").returncode == 2
    missing = run("lint", str(tmp_path / "nope.md"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_configuration_precedence(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("The stadium has 4 investors.\n", encoding="utf-8")
    (tmp_path / "r.yaml").write_text(
        "claims:\n  - id: investors\n    description: investors\n    type: number\n"
        "    cues: [investors]\n",
        encoding="utf-8",
    )
    (tmp_path / "draft.md").write_text("It has 4 investors.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nrules = ["r.yaml"]\nsources = ["src"]\n'
        '[tool.factcheck.severity]\nFC201 = "error"\n',
        encoding="utf-8",
    )
    proc = run("lint", "draft.md", cwd=tmp_path)
    assert proc.returncode == 1 and "error FC201 [investors]" in proc.stdout
    (tmp_path / "factcheck.toml").write_text('[severity]\nFC201 = "info"\n', encoding="utf-8")
    proc = run("lint", "draft.md", cwd=tmp_path)
    assert proc.returncode == 0 and "FC201" not in proc.stdout
    proc = run("lint", "draft.md", "--verbose", cwd=tmp_path)
    assert "info FC201 [investors]" in proc.stdout
    (tmp_path / "factcheck.toml").write_text("strict = true\n", encoding="utf-8")
    assert run("lint", "draft.md", cwd=tmp_path).returncode == 1  # FC201 warning, strict
    other = tmp_path / "other.yaml"
    other.write_text(
        "claims:\n  - id: x\n    description: x\n    type: number\n    cues: [seats]\n",
        encoding="utf-8",
    )
    assert run("lint", "draft.md", "--rules", str(other), cwd=tmp_path).returncode == 0


def test_bad_configuration_exits_2(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text("strict = 'maybe'\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("x\n", encoding="utf-8")
    proc = run("lint", "d.md", cwd=tmp_path)
    assert proc.returncode == 2 and "factcheck.toml" in proc.stderr


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.sarif"
    proc = run("lint", MISTAKES, "--format", "sarif", "-o", str(target))
    assert proc.returncode == 1 and proc.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_sarif_names_no_placeholder_host() -> None:
    """No informationUri until the project publishes a real one (no '.invalid' host)."""
    proc = run("lint", MISTAKES, "--format", "sarif")
    assert ".invalid" not in proc.stdout and "informationUri" not in proc.stdout


def test_an_unreadable_draft_does_not_hide_the_others(tmp_path: Path) -> None:
    """A blank new draft in the folder (or a damaged .docx) is reported, and the other
    drafts are still linted: a commit hook shows their findings; the exit is 2."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_bytes((ROOT / MISTAKES).read_bytes())
    (drafts / "new.md").write_text("", encoding="utf-8")
    (drafts / "memo.docx").write_bytes(b"not a zip")
    (drafts / "page.htm").write_text("<p>An empty page</p>", encoding="utf-8")
    rules, seeds = str(ROOT / "rules"), str(ROOT / "seeds")
    proc = run("lint", "drafts", "--rules", rules, "--sources", seeds, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout.splitlines()[-1] == "3 errors, 7 warnings (2 suppressed)"
    assert "drafts/new.md: error: skipped, empty file" in proc.stderr
    assert "drafts/memo.docx: error: skipped, cannot read the Word document" in proc.stderr
    assert "drafts/page.htm: error: skipped" in proc.stderr  # .htm is a draft kind, as .html
    assert "Traceback" not in proc.stderr
    report = run("lint", "drafts", "--rules", rules, "--sources", seeds, "--format", "json",
                 cwd=tmp_path)  # fmt: skip
    assert json.loads(report.stdout)["drafts"] == ["drafts/a.md"] and report.returncode == 2
