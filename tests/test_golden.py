"""Golden outputs: the text reports as an editor reads them, pinned byte for byte.

Wording, layout and plural slips show up in review as a diff of these files.
When a change to the output is intended, regenerate them and review the diff:

    FACTCHECK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "golden"
CITY = "examples/city-budget"
CASES = {
    "check-seeds-80.txt": ["check", "--rules", "rules", "--sources", "seeds"],
    "check-seeds-120.txt": ["check", "--rules", "rules", "--sources", "seeds"],
    "check-seeds-summary-80.txt": ["check", "--rules", "rules", "--sources", "seeds", "--summary"],
    "check-city-budget-80.txt": [
        "check", "--rules", f"{CITY}/rules.yaml", "--sources", f"{CITY}/sources",
    ],
    "check-city-budget-120.txt": [
        "check", "--rules", f"{CITY}/rules.yaml", "--sources", f"{CITY}/sources",
    ],
    "lint-drafts.txt": [
        "lint", "examples/drafts/openai-faithful.md", "examples/drafts/openai-mistakes.md",
        "--rules", "rules", "--sources", "seeds",
    ],
    "test-rules-seeds.txt": ["test-rules", "rules"],
}  # fmt: skip


def _run(args: list[str], columns: int) -> str:
    """The command's standard output without colour, as in a CI log ``columns`` wide."""
    env = {"PATH": os.environ.get("PATH", ""), "NO_COLOR": "1", "COLUMNS": str(columns)}
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


@pytest.mark.parametrize("name", sorted(CASES))
def test_text_output_matches_the_golden_file(name: str) -> None:
    width = name.rsplit("-", 1)[-1].removesuffix(".txt")
    output = _run(CASES[name], int(width) if width.isdigit() else 80)
    assert all(line == line.rstrip() for line in output.splitlines())  # no trailing spaces
    if width.isdigit():
        assert max(len(line) for line in output.splitlines()) <= int(width)
    golden = GOLDEN / name
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.write_bytes(output.encode("utf-8"))
    assert golden.exists(), f"no golden file {golden.name}: run with FACTCHECK_UPDATE_GOLDEN=1"
    assert output == golden.read_bytes().decode("utf-8")
