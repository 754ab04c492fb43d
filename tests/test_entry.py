"""The ``factcheck`` program ends with ``os._exit``: nothing it owes the user may be lost.

Skipping the interpreter's teardown must keep the output (flushed, also through a
pipe), the exit status and the exit handlers' work (temporary folders' cleanup).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
