"""Where a lint's fixed costs go, in this process: imports, dataclasses, regexes.

    .venv/bin/python benchmarks/startup_costs.py [--cold] [DRAFT]

Runs one ``factcheck lint`` of DRAFT (default: the bench's generated
1,500-word draft) against the seed rules and sources, warm (a first run fills
an empty cache directory; ``--cold`` turns the caches off instead), with the
standard library's dataclass builder and regex compiler wrapped to time them.
Prints how long importing took, then the whole run, and the share of each that
went to creating dataclasses and compiling regular expressions (those missing
from :mod:`factcheck.regexes`' table, and the standard library's), with the
modules that compile the most.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import os
import re._compiler as compiler
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
spent: collections.Counter[str] = collections.Counter()
counts: collections.Counter[str] = collections.Counter()
by_module: collections.Counter[str] = collections.Counter()


def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            spent[label] += elapsed
            counts[label] += 1
            if label == "regex":
                by_module[_caller()] += elapsed

    return wrapper


def _caller() -> str:
    for frame in reversed(traceback.extract_stack(limit=14)[:-2]):
        if f"{os.sep}factcheck{os.sep}" in frame.filename:
            return frame.filename.rsplit(f"{os.sep}factcheck{os.sep}", 1)[1]
    return "(not factcheck)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", nargs="?", type=Path)
    parser.add_argument("--cold", action="store_true", help="caches off (FACTCHECK_NO_CACHE)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        draft = args.draft or Path(work) / "draft.md"
        if args.draft is None:
            draft.write_text(corpus.draft(seed=7, words=1500), encoding="utf-8")
        argv = ["lint", str(draft), "--rules", str(REPO / "rules"), "--sources"]
        argv += [str(REPO / "seeds"), "--format", "json", "-o", str(Path(work) / "out.json")]
        if args.cold:
            os.environ["FACTCHECK_NO_CACHE"] = "1"
        else:  # fill the cache in another process, as the first lint of a day does
            os.environ["XDG_CACHE_HOME"] = str(Path(work) / "cache")
            import subprocess

            command = [sys.executable, "-m", "factcheck", *argv]
            subprocess.run(command, check=False, capture_output=True)
        measure(argv)


def measure(argv: list[str]) -> None:
    dataclasses._process_class = timed("dataclasses", dataclasses._process_class)  # type: ignore[attr-defined]
    compiler.compile = timed("regex", compiler.compile)
    from factcheck import regexes  # its table spares the compile, not the engine objects

    regexes._entry = timed("regex", regexes._entry)
    regexes.from_entry = timed("regex objects", regexes.from_entry)
    start = time.perf_counter()
    import factcheck.api
    import factcheck.cli.lint
    import factcheck.lint.findings
    import factcheck.report.lint.json  # noqa: F401 - what every lint imports
    from factcheck.cli.main import main as run_cli

    imported = time.perf_counter()
    at_import = dict(spent), dict(counts)
    run_cli(argv)
    done = time.perf_counter()
    print(
        f"importing the lint's modules {1000 * (imported - start):.0f} ms, "
        f"with the lint {1000 * (done - start):.0f} ms"
    )
    for label in ("dataclasses", "regex", "regex objects"):
        print(
            f"  {label}: {at_import[1].get(label, 0)} made while importing "
            f"({1000 * at_import[0].get(label, 0):.0f} ms), {counts[label]} in all "
            f"({1000 * spent[label]:.0f} ms)"
        )
    print("  regex compile time by module:")
    for module, seconds in by_module.most_common(8):
        print(f"    {1000 * seconds:5.1f} ms  {module}")


if __name__ == "__main__":
    main()
