"""The bench's lint rows counted in instructions, which do not move with the machine's load.

    .venv/bin/python benchmarks/instructions.py [--draft PATH]

Wall-time ratios swing with a shared machine (Python's own start-up varied from
22 to 38 ms within an hour here); the number of instructions a run executes
hardly does, so it shows what a change to start-up really saved. Runs bare
Python start-up, a cold ``factcheck lint`` (``FACTCHECK_NO_CACHE=1``) and a warm
one (after a first lint filled an empty cache directory) of the bench's
1,500-word draft against the seed rules and sources, each once under valgrind's
callgrind (about 50 times slower than a normal run), and prints millions of
instructions and their ratio to start-up. Needs valgrind (Debian: ``apt install
valgrind``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lint_speed  # noqa: E402

_COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(command: list[str], env: dict[str, str], cwd: Path) -> int:
    """Instructions ``command`` executes, counted by callgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        env={**os.environ, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        sys.exit(f"callgrind counted nothing for {' '.join(command)}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draft", type=Path, help="default: the bench's generated draft")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt install valgrind)")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        lint, cold, warm = lint_speed.lint_setup(folder, args.draft)
        subprocess.run(lint, env={**os.environ, **warm}, cwd=folder, capture_output=True)
        start = instructions([sys.executable, "-c", "pass"], {}, folder)
        print(f"Python start-up  {start / 1e6:8.1f} M instructions")
        for label, env in (("cold", cold), ("warm", warm)):
            count = instructions(lint, env, folder)
            print(f"lint, {label:<9} {count / 1e6:8.1f} M, {count / start:.1f}x start-up")


if __name__ == "__main__":
    main()
