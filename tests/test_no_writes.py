"""factcheck never writes to its inputs, and writes its outputs atomically.

``check``, ``lint`` and ``test-rules`` run over a copy of the seeds, the
rules, the second example story and the drafts; afterwards every input file
has the same bytes and modification time and no file appeared or vanished.
An output file is replaced in one rename: a renderer that fails half-way, a
write that fails (disk full) or an interruption leave the previous file
intact and no temporary file behind.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import pytest

from factcheck import report as renderers
from factcheck.cli.main import main
from factcheck.cli.output import write_atomically

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ["seeds", "rules", "examples"]

Snapshot = dict[str, tuple[str, int, int]]


def snapshot(root: Path) -> Snapshot:
    """Every file under ``root``: content hash, modification time (ns) and mode."""
    return {
        str(path.relative_to(root)): (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
            path.stat().st_mode,
        )
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    root = tmp_path / "inputs"
    for name in INPUTS:
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_check_lint_and_test_rules_never_touch_their_inputs(
    inputs: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = snapshot(inputs)
    assert len(before) > 10
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(inputs)  # relative defaults (rules/, seeds/) resolve to the copy
    city = [
        "--rules",
        "examples/city-budget/rules.yaml",
        "--sources",
        "examples/city-budget/sources",
    ]
    runs = [
        ["check"],
        ["check", "--format", "json", "-o", str(out / "report.json")],
        ["check", "--format", "html", "-o", str(out / "report.html"), "--jobs", "2"],
        ["check", *city, "--fail-on", "conflict"],
        ["lint", "examples/drafts/openai-mistakes.md", "examples/drafts/openai-faithful.md"],
        [
            "lint",
            "examples/drafts/openai-mistakes.md",
            "--format",
            "sarif",
            "-o",
            str(out / "lint.sarif"),
        ],
        ["test-rules", "rules", "examples/city-budget/rules.yaml"],
    ]
    for argv in runs:
        code = main(argv)
        assert code in (0, 1), (argv, capsys.readouterr().err)
    capsys.readouterr()
    assert snapshot(inputs) == before
    assert sorted(p.name for p in out.iterdir()) == ["lint.sarif", "report.html", "report.json"]


# --- atomic output ----------------------------------------------------------------------

PREVIOUS = '{"previous": "report"}\n'


def _half_then(error: BaseException) -> Callable[..., None]:
    def render(report: object, stream: TextIO, color: bool = False) -> None:
        stream.write('{"claims": [')  # half a report...
        raise error  # ...then the renderer fails

    return render


@pytest.mark.parametrize("error", [RuntimeError("renderer bug"), KeyboardInterrupt()])
def test_a_renderer_failing_half_way_leaves_the_previous_file(
    error: BaseException,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "report.json"
    target.write_text(PREVIOUS, encoding="utf-8")
    monkeypatch.setitem(renderers.CHECK_FORMATS, "json", _half_then(error))
    argv = [
        "check",
        "--rules",
        str(ROOT / "rules"),
        "--sources",
        str(ROOT / "seeds"),
        "--format",
        "json",
        "-o",
        str(target),
    ]
    if isinstance(error, KeyboardInterrupt):
        assert main(argv) == 130  # the command line's status for an interruption
    else:
        with pytest.raises(RuntimeError, match="renderer bug"):
            main(argv)
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


class _FailingFile(io.StringIO):
    """A file whose write fails half-way, as on a full disk."""

    def write(self, text: str) -> int:
        super().write(text[: len(text) // 2])
        raise OSError(28, "No space left on device")

    def fileno(self) -> int:
        raise AssertionError("never reached")


@pytest.mark.parametrize("stage", ["write", "fsync", "replace", "interrupt"])
def test_an_interrupted_write_leaves_the_previous_file(
    stage: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "report.json"
    target.write_text(PREVIOUS, encoding="utf-8")

    def fail(*args: object) -> None:
        if stage == "interrupt":
            raise KeyboardInterrupt
        raise OSError(5, "Input/output error")

    if stage == "write":

        def fdopen(fd: int, *args: object, **kwargs: object) -> _FailingFile:
            os.close(fd)
            return _FailingFile()

        monkeypatch.setattr(os, "fdopen", fdopen)
    elif stage == "replace":
        monkeypatch.setattr(os, "replace", fail)
    else:
        monkeypatch.setattr(os, "fsync", fail)
    expected = KeyboardInterrupt if stage == "interrupt" else Exception
    with pytest.raises(expected) as info:
        write_atomically(target, '{"new": "report"}\n' * 1000)
    if stage != "interrupt":
        assert "cannot write" in str(info.value)
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_complete_write_replaces_the_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text(PREVIOUS, encoding="utf-8")
    target.chmod(0o640)
    write_atomically(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.json"
    write_atomically(fresh, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's private 0600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.json", "report.json"]
