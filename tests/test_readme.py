"""The README's Python examples run as written (from the repository root)."""

from __future__ import annotations

import os
import re

import pytest

from tests.conftest import ROOT

BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
# Fixture examples are pytest test functions, exercised by tests/test_pytest_plugin.py.
RUNNABLE = [b for b in BLOCKS if "def test_" not in b]


def test_the_readme_has_python_examples() -> None:
    assert len(RUNNABLE) >= 2


@pytest.mark.parametrize("block", RUNNABLE, ids=[f"block-{i}" for i in range(len(RUNNABLE))])
def test_python_example_runs(
    block: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(block, "README.md", "exec"), {"__name__": "readme"})
    printed = capsys.readouterr().out
    for line in block.splitlines():
        comment = re.search(r"print\(.*\)\s+#\s*(.+)$", line)
        if comment:  # "print(x)   # expected output" comments must be true
            assert comment.group(1).strip() in printed


def test_relative_paths_exist() -> None:
    for link in re.findall(
        r"\]\(((?:docs|schema|examples)/[^)#]+)\)", (ROOT / "README.md").read_text(encoding="utf-8")
    ):
        assert (ROOT / link).exists(), link
    assert os.path.isdir(ROOT / "examples")
