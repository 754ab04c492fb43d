"""Ctrl-C and the progress bar: a clean stop (exit 130, no worker tracebacks, no
partial output file) and a bar only on a terminal, only for runs past a second."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.cli import progress as progress_module
from factcheck.cli.progress import ProgressBar
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough articles that a check runs for many seconds: the seeds, each six times
    over, 300 times."""
    folder = tmp_path_factory.mktemp("archive")
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8") * 6
        for i in range(300):
            (folder / f"{seed.stem}_{i}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_cleanly(tmp_path: Path, archive: Path, jobs: str) -> None:
    output = tmp_path / "report.json"
    command = [sys.executable, "-m", "factcheck", "check", "--rules", str(ROOT / "rules")]
    command += ["--sources", str(archive), "--jobs", jobs, "--format", "json", "-o", str(output)]
    process = subprocess.Popen(
        command,
        env={"PATH": "", "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        cwd=tmp_path,
    )
    time.sleep(1.5)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole group
    out, err = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the check finished before Ctrl-C reached it")  # a very fast machine
    assert process.returncode == 130, err
    assert err == "" and out == ""  # no traceback from the parent or any worker
    assert list(tmp_path.iterdir()) == []  # no partial report, no temporary file


def test_no_bar_for_a_short_run_or_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [0.0]
    monkeypatch.setattr("factcheck.cli.progress.time.monotonic", lambda: clock[0])
    quiet = ProgressBar(enabled=False)
    clock[0] = 5.0
    quiet(1, 10)
    assert quiet._bar is None
    short = ProgressBar(enabled=True)
    clock[0] = 5.5
    short(10, 10)  # done before a bar was worth drawing
    assert short._bar is None


def test_a_bar_appears_after_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    monkeypatch.setattr("factcheck.cli.progress.time.monotonic", lambda: clock[0])
    bar = ProgressBar(enabled=True)
    bar(1, 10)
    assert bar._bar is None
    clock[0] += progress_module.DELAY + 0.1
    with bar:
        bar(2, 10)
        assert bar._bar is not None and bar._task is not None
        assert bar._bar.tasks[0].completed == 2 and bar._bar.tasks[0].total == 10
    assert bar._bar is None  # closed with the run


def test_a_piped_run_draws_no_bar(tmp_path: Path) -> None:
    # Past the bar's delay (about 2 seconds of work), with standard error a pipe.
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8") * 3
        for i in range(30):
            (tmp_path / f"{seed.stem}_{i}.txt").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--rules", str(ROOT / "rules")]
        + ["--sources", str(tmp_path), "--summary"],
        capture_output=True,
        text=True,
        env={"PATH": "", "PYTHONPATH": str(ROOT)},
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0 and done.stderr == ""
