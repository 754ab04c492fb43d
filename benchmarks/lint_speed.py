"""The bench's lint rows alone, as multiples of Python start-up, in a minute.

    .venv/bin/python benchmarks/lint_speed.py [--repeats N] [--draft PATH]

Measures, each a new process from an empty folder and alternating so that a
change of the machine's load touches every figure alike: bare Python start-up,
a cold ``factcheck lint`` (``FACTCHECK_NO_CACHE=1``) and a warm one (an empty
cache directory filled by one first lint) of the bench's 1,500-word draft
against the seed rules and sources. Prints medians of wall time and the ratios
that ``make bench`` reports with its targets (cold <= 13x, warm <= 7x).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import measure  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FACTCHECK = str(Path(sys.executable).with_name("factcheck"))


def lint_setup(
    folder: Path, draft: Path | None
) -> tuple[list[str], dict[str, str], dict[str, str]]:
    """The bench's lint, run in ``folder`` (on the generated 1,500-word draft unless
    ``draft`` is given), and the environments of a cold and of a warm run."""
    if draft is None:
        draft = folder / "draft.md"
        draft.write_text(corpus.draft(seed=7, words=1500), encoding="utf-8")
    lint = [FACTCHECK, "lint", str(draft), "--rules", str(REPO / "rules")]
    lint += ["--sources", str(REPO / "seeds"), "--format", "json", "-o", str(folder / "o")]
    return lint, {"FACTCHECK_NO_CACHE": "1"}, {"XDG_CACHE_HOME": str(folder / "cache")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--draft", type=Path, help="default: the bench's generated draft")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        lint, cold, warm = lint_setup(folder, args.draft)
        measure.run(lint, cwd=folder, env=warm)  # fills the cache
        times: dict[str, list[float]] = {"start-up": [], "cold": [], "warm": []}
        for _ in range(args.repeats):
            for label, command, env in (
                ("start-up", [sys.executable, "-c", "pass"], None),
                ("cold", lint, cold),
                ("warm", lint, warm),
            ):
                done = measure.run(command, cwd=folder, env=env)
                if not done.ok((0, 1)):
                    sys.exit(f"{label}: {done.failure()}")
                times[label].append(done.wall)
    start = statistics.median(times["start-up"])
    print(f"Python start-up {start:.3f} s")
    for label, target in (("cold", 13), ("warm", 7)):
        median = statistics.median(times[label])
        print(f"lint, {label}: {median:.3f} s, {median / start:.1f}x start-up (target {target}x)")


if __name__ == "__main__":
    main()
