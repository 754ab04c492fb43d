"""The ``factcheck`` program ends with ``os._exit``: nothing it owes the user may be lost.

Skipping the interpreter's teardown must keep the output (flushed, also through a
pipe), the exit status and the exit handlers' work (temporary folders' cleanup).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ENTRY = [sys.executable, "-m", "factcheck"]


def test_output_and_status_survive_the_hard_exit(tmp_path: Path) -> None:
    done = subprocess.run([*ENTRY, "rule", "FC201"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("FC201")  # written to a pipe, flushed before the exit
    unknown = subprocess.run([*ENTRY, "rule", "FC999"], capture_output=True, text=True)
    assert unknown.returncode == 2 and "FC999" in unknown.stderr


def test_exit_handlers_still_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    program = (
        "import atexit, sys, tempfile\n"
        "from pathlib import Path\n"
        "from factcheck.cli.main import entry\n"
        "kept = tempfile.TemporaryDirectory()\n"
        f"atexit.register(lambda: Path({str(marker)!r}).write_text(kept.name))\n"
        "sys.argv = ['factcheck', 'rule', 'FC201']\n"
        "entry()\n"
        "raise AssertionError('entry() returned')\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    folder = Path(marker.read_text(encoding="utf-8"))
    assert not folder.exists()  # the TemporaryDirectory's finalizer ran at exit


def test_a_large_report_reaches_a_pipe_whole() -> None:
    """Larger than a pipe's buffer (64 KiB): a lost tail would show as a cut page."""
    repo = Path(__file__).resolve().parent.parent
    command = [*ENTRY, "check", "--rules", str(repo / "rules"), "--sources", str(repo / "seeds")]
    done = subprocess.run(
        [*command, "--format", "html", "-o", "-"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout) > 100_000 and done.stdout.rstrip().endswith("</html>")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_failed_last_write_is_an_error_not_a_success() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([*ENTRY, "rule", "FC201"], stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert b"cannot write the output" in done.stderr and b"Traceback" not in done.stderr


def test_no_standard_output_at_all_is_no_traceback(tmp_path: Path) -> None:
    """With its descriptor closed (``>&-``) Python has no sys.stdout; a report written
    to a file needs none."""
    repo = Path(__file__).resolve().parent.parent
    arguments = ["check", "--rules", str(repo / "rules"), "--sources", str(repo / "seeds")]
    arguments += ["--format", "json", "-o", str(tmp_path / "report.json")]
    program = f"import sys; sys.stdout = None; sys.argv = ['factcheck', *{arguments!r}]\n"
    program += "from factcheck.cli.main import entry\nentry()\n"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert (tmp_path / "report.json").stat().st_size > 1000


def test_output_of_exit_handlers_is_not_lost() -> None:
    program = (
        "import atexit, sys\n"
        "from factcheck.cli.main import entry\n"
        "atexit.register(lambda: print('handler ran'))\n"
        "sys.argv = ['factcheck', 'rule', 'FC201']\n"
        "entry()\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.rstrip().endswith("handler ran")


def test_a_profiler_still_gets_its_data(tmp_path: Path) -> None:
    profile = tmp_path / "run.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "factcheck"]
    done = subprocess.run([*command, "rule", "FC201"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert profile.stat().st_size > 0


def test_a_reader_that_stops_early_keeps_the_exit_status() -> None:
    """`factcheck check ... | head -1` must fail as the check does (CI runs with
    pipefail); the reader going away is no error of its own. The HTML page is larger
    than a pipe's buffer, so the write does meet the closed pipe."""
    repo = Path(__file__).resolve().parent.parent
    command = [*ENTRY, "check", "--rules", str(repo / "rules"), "--sources", str(repo / "seeds")]
    command += ["--format", "html", "-o", "-", "--fail-on", "single"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as head does after its line
        status = process.wait()
        err = process.stderr.read().decode()
    assert first.startswith(b"<!DOCTYPE html>")
    assert status == 1 and "Traceback" not in err and "Broken pipe" not in err
