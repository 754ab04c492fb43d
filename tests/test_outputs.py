"""Where ``-o`` writes: never over an input, through a link, into a pipe, and
nothing left behind when the run is terminated (issue 25)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

import pytest

from factcheck import report as renderers
from factcheck.cli.main import main
from factcheck.rules.ruleset import RuleSet
from factcheck.run.engines import Outcome
from factcheck.run.outcome import CheckRun
from factcheck.sources.corpus import SourceTask

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "city-budget"
PREVIOUS = '{"previous": "report"}\n'


@pytest.fixture
def story(tmp_path: Path) -> Path:
    copy = tmp_path / "story"
    shutil.copytree(EXAMPLE, copy)
    (copy / "draft.md").write_text(
        "The council approved a $500 million budget.\n", encoding="utf-8"
    )
    return copy


def check(story: Path, *args: str) -> list[str]:
    return [
        "check",
        "--rules",
        str(story / "rules.yaml"),
        "--sources",
        str(story / "sources"),
        *args,
    ]


def lint(story: Path, *args: str) -> list[str]:
    return ["lint", str(story / "draft.md"), *check(story)[1:], *args]


def files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize(
    ("command", "target"),
    [
        (check, "sources/courier.txt"),
        (check, "sources/sources.yaml"),
        (check, "rules.yaml"),
        (check, "sources/new-report.txt"),  # the next run would read it as an article
        (lint, "draft.md"),
        (lint, "sources/gazette.txt"),
    ],
)
def test_an_output_that_is_an_input_is_refused(
    story: Path,
    command: Callable[..., list[str]],
    target: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = files(story)
    assert main(command(story, "-o", str(story / target))) == 2
    err = capsys.readouterr().err
    assert f"{story / target}: error: the output is one of the inputs" in err
    assert "Traceback" not in err
    assert files(story) == before


def test_an_output_reached_through_a_link_to_an_input_is_refused(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "report.txt"
    link.symlink_to(story / "rules.yaml")
    before = files(story)
    assert main(check(story, "-o", str(link))) == 2
    assert "the output is one of the inputs" in capsys.readouterr().err
    assert files(story) == before


def test_an_empty_output_path_is_refused(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(check(story, "-o", "")) == 2
    assert "error: the output path is empty" in capsys.readouterr().err


def test_a_link_is_written_through(story: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text(PREVIOUS, encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    assert main(check(story, "--format", "json", "-o", str(link))) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert '"claims"' in real.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_written_as_a_stream(story: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    assert main(check(story, "--format", "json", "-o", str(pipe))) == 0
    reader.join(timeout=60)
    assert b'"claims"' in received[0]
    assert pipe.exists() and not pipe.is_file()  # still a pipe
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe", "story"]


def test_dev_stdout_is_written_as_a_stream(tmp_path: Path) -> None:
    """/dev/stdout is a link to a pipe that has no path; it is written, not resolved."""
    rules, sources = str(EXAMPLE / "rules.yaml"), str(EXAMPLE / "sources")
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--rules", rules, "--sources", sources,
         "--format", "json", "-o", "/dev/stdout"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert '"claims"' in done.stdout


def _terminated_half_way(run: CheckRun, stream: TextIO, color: bool) -> None:
    stream.write('{"half": ')
    os.kill(os.getpid(), signal.SIGTERM)
    raise AssertionError("SIGTERM did not stop the run")


def test_sigterm_removes_the_temporary_output_and_the_spilled_evidence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enough sources to spill evidence to the temporary folder (past 500)."""
    sources = tmp_path / "sources"
    sources.mkdir()
    text = (EXAMPLE / "sources" / "courier.txt").read_bytes()
    for i in range(520):
        (sources / f"s{i:03}.txt").write_bytes(text)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    monkeypatch.setitem(renderers.CHECK_FORMATS, "json", _terminated_half_way)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.json"
    target.write_text(PREVIOUS, encoding="utf-8")
    rules = str(EXAMPLE / "rules.yaml")
    argv = [
        "check",
        "--rules",
        rules,
        "--sources",
        str(sources),
        "--format",
        "json",
        "-o",
        str(target),
    ]
    assert main(argv) == 128 + signal.SIGTERM
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert [p.name for p in out.iterdir()] == ["report.json"]
    assert list(temporary.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) is not None  # the handler is put back


def test_jobs_are_capped_and_the_cap_is_said(
    story: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.run import engines

    monkeypatch.setattr(engines, "max_jobs", lambda: 2)
    started: list[int] = []
    pool = engines._run_pool

    def counted(rules: RuleSet, tasks: Sequence[SourceTask], jobs: int) -> Iterator[Outcome]:
        started.append(jobs)
        return pool(rules, tasks, jobs)

    monkeypatch.setattr(engines, "_run_pool", counted)
    assert main(check(story, "--jobs", "1024")) == 0
    assert (
        "warning: --jobs 1024 is more than this machine can use; running 2"
        in capsys.readouterr().err
    )
    assert started == [2]
    monkeypatch.setattr(engines, "max_jobs", lambda: 64)
    started.clear()
    assert main(check(story, "--jobs", "64")) == 0
    assert started == [4]  # four sources: no more processes than sources
