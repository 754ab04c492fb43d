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


def test_the_hook_passes_every_kind_of_draft_lint_reads() -> None:
    import re

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "factcheck-lint")
    for name in ("a.md", "b.markdown", "c.txt", "d.html", "e.htm", "f.docx", "dir/g.md"):
        assert re.search(hook["files"], name), name
    for name in ("rules.yaml", "photo.png", "notes.md.bak"):
        assert not re.search(hook["files"], name), name


def test_the_readme_pins_a_commit_of_this_repository() -> None:
    import re
    import shutil
    import subprocess

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (rev,) = re.findall(r"^\s+rev: (\S+)", readme, re.MULTILINE)
    assert re.fullmatch(r"[0-9a-f]{40}", rev), "pin a full commit id, not a tag"
    git = ROOT / ".git"
    if not git.is_dir() or (git / "shallow").exists() or shutil.which("git") is None:
        return  # an export or a shallow clone cannot say which commits exist
    known = subprocess.run(
        ["git", "cat-file", "-e", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True
    )
    assert known.returncode == 0, f"{rev} is no commit of this repository"
