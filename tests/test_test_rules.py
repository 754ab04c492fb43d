"""``factcheck test-rules``, driven through the command line as an editor would."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck.cli.main import main
from tests.conftest import ROOT

STORY_RULES = ROOT / "examples" / "city-budget" / "rules.yaml"
RULES = """\
claims:
  - id: library-cost
    description: Cost of the new library branch.
    type: money
    cues: [library branch, library]
    examples:
      - text: The new library branch will cost $6 million.
        value: $6 million
      - text: The new library branch will cost $6 million.
        value: $7 million
      - text: The library opens in 2027.
        value: null
      - text: The library will cost $6 million, up from $5 million.
        value: null
"""


def run(*args: str, cwd: Path = ROOT) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "test-rules", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": "", "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
    )
    return proc.returncode, proc.stdout, proc.stderr


def write(tmp_path: Path, text: str, name: str = "rules.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def rows(out: str) -> dict[str, list[str]]:
    """The table's rows by example name: [result, location, detail...]."""
    table = {}
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] in ("PASS", "FAIL"):
            table[parts[1]] = [parts[0], *parts[2:]]
    return table


def test_story_examples_all_pass() -> None:
    code, out, err = run(str(STORY_RULES.relative_to(ROOT)))
    assert code == 0, err
    table = rows(out)
    assert len(table) == 21 and {r[0] for r in table.values()} == {"PASS"}
    assert table["budget-total[example-1]"][1] == "examples/city-budget/rules.yaml:18:15"
    assert out.rstrip().endswith("21 passed, 0 failed")
    assert "\x1b[" not in out


def test_default_path_is_the_rules_folder() -> None:
    code, out, _ = run()
    assert code == 0
    assert "aws-deal-value[example-1]" in out and "rules/openai-cloud.yaml:" in out


def test_failing_examples_exit_1_with_what_was_found(tmp_path: Path) -> None:
    write(tmp_path, RULES)
    code, out, err = run("rules.yaml", cwd=tmp_path)
    assert code == 1, err
    table = rows(out)
    assert table["library-cost[example-1]"] == ["PASS", "rules.yaml:7:15"]
    assert table["library-cost[example-2]"] == [
        "FAIL",
        "rules.yaml:9:15",
        "expected",
        "$7",
        "million,",
        "got",
        "$6",
        "million",
    ]
    assert table["library-cost[example-3]"][0] == "PASS"
    assert table["library-cost[example-4]"][0] == "FAIL"
    assert "expected nothing, got $6 million" in out
    assert out.rstrip().endswith("2 passed, 2 failed")


def test_a_bad_rule_file_is_located_and_exits_2(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        RULES.replace("type: money", "type: mony").replace("value: $7 million", "value: seven"),
    )
    code, out, err = run(str(path))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[:2] == [
        f"{path}:4:11: error: unknown value type 'mony'; expected one of money, percent, "
        "number, quantity, duration, date, year, boolean, text",
        "  hint: did you mean 'money'?",
    ]
    # The example's bad value is reported in the same run, read as the type meant.
    assert lines[2] == (
        f"{path}:10:16: error: the value of example #2 does not fit a money claim: "
        "'seven' is not a money value"
    )


def test_all_located_errors_of_a_file_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        RULES.replace("value: $7 million", "value: seven").replace(
            "cues: [library branch, library]", "cues: [library branch, 'librar(y|ies)']"
        ),
    )
    code, _, err = run(str(path))
    assert code == 2
    located = [line.split(": error: ")[0] for line in err.splitlines() if ": error: " in line]
    assert located == [f"{path}:5:28", f"{path}:10:16"]
    assert "looks like a regular expression" in err and "'seven' is not a money value" in err


def test_missing_path_exits_2() -> None:
    code, _, err = run("no/such/rules.yaml")
    assert code == 2
    assert err.startswith("no/such/rules.yaml: error: no such file or directory")
    assert "Traceback" not in err


def test_claims_without_examples_are_named(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        RULES + "  - id: library-year\n    description: Opening year.\n"
        "    type: year\n    cues: [opens]\n",
    )
    code, _, err = run(str(path))
    assert code == 1
    assert f"warning: {path}:15:9: claim 'library-year' has no examples to test" in err


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "table.txt"
    assert main(["test-rules", str(STORY_RULES), "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert "21 passed, 0 failed" in target.read_text(encoding="utf-8")


def test_a_failing_example_says_why_in_text_and_json(tmp_path: Path) -> None:
    write(tmp_path, RULES)
    code, out, _ = run("rules.yaml", cwd=tmp_path)
    assert code == 1
    why = out.split("why library-cost[example-4] failed (expected nothing, got $6 million):")[1]
    assert "✔ library-cost: '$6 million' score" in why
    code, out, _ = run("rules.yaml", "--format", "json", cwd=tmp_path)
    import json

    data = json.loads(out)
    assert data["summary"] == {"passed": 2, "failed": 2}
    failed = {e["name"]: e for e in data["examples"] if not e["passed"]}
    assert set(failed) == {"library-cost[example-2]", "library-cost[example-4]"}
    explanation = failed["library-cost[example-2]"]["explanation"]
    (winner,) = [p for s in explanation["sentences"] for p in s["proposals"] if p["won"]]
    assert winner["text"] == "$6 million" and winner["cue"] == "library branch"
    assert all(e["explanation"] is None for e in data["examples"] if e["passed"])


def test_select_examples_and_strictness_about_claims_without_examples(tmp_path: Path) -> None:
    write(
        tmp_path,
        RULES
        + "  - id: tax-rate\n    description: Tax rate.\n    type: percent\n    cues: [tax]\n",
    )
    code, out, err = run("rules.yaml", "-k", "example-1", cwd=tmp_path)
    assert code == 0 and "1 passed, 0 failed" in out
    assert "warning: rules.yaml:" in err and "'tax-rate' has no examples" in err
    code, _, err = run("rules.yaml", "-k", "example-1", "--strict", cwd=tmp_path)
    assert code == 1 and "error: rules.yaml:" in err


def test_the_configured_rules_are_the_default(tmp_path: Path) -> None:
    write(tmp_path, RULES, "story.yaml")
    (tmp_path / "factcheck.toml").write_text('rules = ["story.yaml"]\n', encoding="utf-8")
    code, out, _ = run("-k", "example-1", cwd=tmp_path)
    assert code == 0 and "library-cost[example-1]" in out
