"""Options and output helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.stories import Story

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """--rules and --sources, defaulting to the configured paths, else rules/ and seeds/."""
    parser.add_argument(
        "--rules",
        nargs="+",
        metavar="PATH",
        help="rule files or folders (default: configured, else rules/)",
    )
    parser.add_argument(
        "--sources",
        nargs="+",
        metavar="PATH",
        help="article files or folders (default: configured, else seeds/)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="use nothing kept in the user's cache directory, and keep nothing there: "
        "the rule files are compiled afresh and, for lint, every source is checked "
        "again (also FACTCHECK_NO_CACHE=1)",
    )


def add_story_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--story",
        action="append",
        default=[],
        metavar="NAME",
        help="only this story (repeatable; default: every configured story)",
    )


def chosen_stories(
    args: argparse.Namespace,
    config: Config,
    rules: list[str] | None = None,
    sources: bool = True,
) -> list[Story]:
    """The stories a command runs: configured (or ``rules`` as one story), narrowed
    by ``--story``, their paths checked (the sources too unless ``sources`` is false)."""
    from factcheck.errors import InputError
    from factcheck.stories import check_paths, configured_stories, select

    rules = rules or getattr(args, "rules", None)
    names = getattr(args, "story", [])
    if rules and names:
        raise InputError(
            "--story selects configured stories, and rule paths given make one story of their own",
            hint="leave out the rule paths, or --story",
        )
    stories = select(configured_stories(config, rules, getattr(args, "sources", None)), names)
    for story in stories:
        if story.name:  # the implicit story's missing paths are reported as before
            check_paths(story, sources)
    return stories


def add_output_options(parser: argparse.ArgumentParser, color: bool = True) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically) instead of standard output",
    )
    if color:
        parser.add_argument(
            "--color",
            choices=("auto", "always", "never"),
            default="auto",
            help="colour output (auto: only on a terminal without NO_COLOR)",
        )


def use_color(args: argparse.Namespace) -> bool:
    choice = getattr(args, "color", "never")
    if choice != "auto":
        return bool(choice == "always")
    to_stdout = args.output in (None, "-")
    return to_stdout and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def refuse_inputs(args: argparse.Namespace, inputs: Iterable[str | Path]) -> None:
    """Before anything runs: an error if ``--output`` would replace one of the inputs."""
    if getattr(args, "output", None) in (None, "-"):
        return
    from factcheck.cli.output import refuse_inputs as refuse

    refuse(args.output, inputs)


def emit(args: argparse.Namespace, write: Callable[[TextIO], None]) -> None:
    """Write to standard output (no ``--output``, or ``-o -``), or to ``--output``
    atomically (streamed to a temporary file beside it, so a large report is never
    held in memory)."""
    if args.output is None or args.output == "-":
        try:
            write(sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader stopped (| head): the rest goes nowhere, and the command still
            # ends with its own exit status (findings are findings, also in a pipe).
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        return
    from factcheck.cli.output import open_atomically

    with open_atomically(args.output) as stream:
        write(stream)


def print_error(location: object, message: str, hint: str | None) -> None:
    """``path:line:col: error: message`` and the hint, on standard error."""
    where = f"{location}: " if location else ""
    print(f"{where}error: {message}", file=sys.stderr)
    if hint:
        print(f"  hint: {hint}", file=sys.stderr)


def warn(message: str, level: str = "warning") -> None:
    print(f"{level}: {message}", file=sys.stderr)
