"""The pre-commit hook definition points at the real command."""

from __future__ import annotations

import yaml

from factcheck.cli.main import build_parser
from tests.conftest import ROOT


def test_hook_runs_the_lint_command() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "factcheck-lint")
    program, *arguments = hook["entry"].split()
    assert program == "factcheck" and arguments == ["lint", "--only-drafts"]
    assert hook["language"] == "python"
    # The hook appends file names: that must parse as `factcheck lint FILE...`.
    args = build_parser().parse_args([*arguments, "draft.md", "other.txt"])
    assert args.drafts == ["draft.md", "other.txt"]
    assert args.only_drafts
