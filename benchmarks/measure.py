"""Run a command in a child process and measure it: wall time, CPU time, peak RSS.

Each measurement is a new process (nothing warm survives between runs). The
peak resident set size comes from ``os.wait4`` on that one child, so it is
that process's own peak (Linux: the largest of it and any children it waited
for), never a maximum carried over from earlier children the way
``getrusage(RUSAGE_CHILDREN)`` would be.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    command: tuple[str, ...]
    wall: float  # seconds
    cpu: float  # user + system seconds of the child
    peak_rss_mb: float
    returncode: int
    timed_out: bool
    stderr: str

    def ok(self, allowed: Sequence[int] = (0,)) -> bool:
        """Finished in time with an allowed status and no traceback (a crash exits 1 too)."""
        return (
            not self.timed_out
            and self.returncode in allowed
            and "Traceback (most recent call last)" not in self.stderr
        )

    def failure(self) -> str:
        """A short reason for a failed run, for the table's note column."""
        if self.timed_out:
            return "timed out"
        lines = [line for line in self.stderr.strip().splitlines() if line.strip()]
        return f"failed (exit {self.returncode}): " + (lines[-1][:100] if lines else "")


def run(
    command: Sequence[str],
    cwd: Path | None = None,
    timeout: float = 900.0,
    env: dict[str, str] | None = None,
) -> Run:
    """Run ``command`` (stdout discarded, stderr kept), killing it after ``timeout``
    seconds; ``env`` is added to this process's environment."""
    environment = None if env is None else {**os.environ, **env}
    with open(os.devnull, "wb") as devnull:
        started = time.perf_counter()
        proc = subprocess.Popen(
            list(command), cwd=cwd, stdout=devnull, stderr=subprocess.PIPE, env=environment
        )
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        stderr = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.stderr:
            proc.stderr.close()
    return Run(
        tuple(command),
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        proc.returncode,
        killed.is_set(),
        stderr.decode("utf-8", "replace")[-2000:],
    )


def median_wall(
    command: Sequence[str],
    repeats: int,
    cwd: Path | None = None,
    allowed: Sequence[int] = (0,),
    output: Path | None = None,
    env: dict[str, str] | None = None,
) -> tuple[float | None, list[Run]]:
    """Median wall time of ``repeats`` fresh runs (None if any run failed).

    With ``output``, each run must also (re)write that file.
    """
    runs = []
    for _ in range(repeats):
        if output is not None:
            output.unlink(missing_ok=True)
        result = run(command, cwd=cwd, timeout=120, env=env)
        runs.append(result)
        if not result.ok(allowed) or (output is not None and not output.exists()):
            return None, runs
    return statistics.median(r.wall for r in runs), runs


def check_options(factcheck: str) -> str:
    """The text of ``factcheck check --help``, to see which options this version has."""
    result = subprocess.run(
        [factcheck, "check", "--help"], capture_output=True, text=True, check=False
    )
    return result.stdout
