"""``factcheck check`` over several stories: one run per story, one report of all.

Each story goes through the one check path on its own (claim ids are scoped
per story); the renderers in :mod:`factcheck.report.check.stories` put the
runs together. HTML for several stories is a folder (``-o DIR``): an index
and a page per story, written into a temporary folder beside it and moved
into place, so a reader never sees half of it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.cli.common import EXIT_FINDINGS, EXIT_OK, emit, use_color, warn
from factcheck.errors import FactcheckError, InputError
from factcheck.model import Location

if TYPE_CHECKING:
    from factcheck.reconcile.records import ClaimVerdict
    from factcheck.report.check.text import View
    from factcheck.run.outcome import StoryRun
    from factcheck.stories import Story

Fails = Callable[["ClaimVerdict", frozenset[str]], bool]


def check_stories(
    args: argparse.Namespace,
    stories: Sequence[Story],
    jobs: int,
    engine: str,
    view: View,
    fails: Fails,
) -> int:
    from factcheck.api import run_check
    from factcheck.cli.progress import ProgressBar
    from factcheck.rules.ruleset import load_rules
    from factcheck.run.outcome import StoryRun

    if args.format == "html" and args.output in (None, "-"):
        raise InputError(
            "the HTML report of several stories is a folder: an index and a page per story",
            hint="pass -o DIR (or --story NAME for one story's single page)",
        )
    if args.format == "html":
        _refuse_folder(args.output, [p for s in stories for p in (*s.rules, *s.sources)])
    with ExitStack() as stack:
        runs: list[StoryRun] = []
        for story in stories:
            assert story.name is not None  # several stories are always named
            rules = load_rules(story.rules)
            with ProgressBar(f"checking {story.name}") as progress:
                run = run_check(
                    rules, story.sources, jobs, engine, args.scheduler, progress=progress
                )
            stack.enter_context(run)  # removes its spilled evidence, also on error
            for message in run.warnings:
                warn(f"{story.name}: {message}")
            runs.append(StoryRun(story.name, rules.title(), run))
        _render(args, runs, view)
    failing = any(fails(v, args.fail_on) for r in runs for v in r.run.verdicts)
    return EXIT_FINDINGS if failing else EXIT_OK


def _render(args: argparse.Namespace, runs: list[StoryRun], view: View) -> None:
    from factcheck.report.check import stories as reports

    if args.format == "html":
        write_folder(args.output, reports.pages(runs))
    elif args.format == "json":
        from factcheck.report.check.json import render_stories

        emit(args, lambda stream: render_stories(runs, stream))
    else:
        emit(args, lambda stream: reports.render_text(runs, stream, use_color(args), view))


def _refuse_folder(output: str, inputs: Sequence[str]) -> None:
    target = Path(os.path.realpath(output))
    for raw in inputs:
        given = Path(os.path.realpath(raw))
        if target == given or given in target.parents or target in given.parents:
            raise FactcheckError(
                f"the output folder overlaps an input: {output} ({raw})",
                Location(output),
                hint="write the report to a folder that the run does not read",
            )


def write_folder(folder: str, files: Mapping[str, str]) -> None:
    """``files`` (name -> text) as the folder's whole content, replacing it at once.
    A folder that holds anything but a report's HTML pages is not replaced."""
    target = Path(folder)
    if target.exists() and not _is_report_folder(target):
        raise FactcheckError(
            f"{folder} exists and is not a folder of HTML pages",
            Location(folder),
            hint="name a new folder, or one an earlier report wrote",
        )
    parent = target.resolve().parent
    try:
        fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    except OSError as exc:
        raise _cannot_write(folder, exc) from None
    old = parent / f"{fresh.name}.old"
    try:
        for name, text in files.items():
            (fresh / name).write_text(text, encoding="utf-8")
        fresh.chmod(0o777 & ~_umask())
        if target.exists():
            target.rename(old)
        fresh.rename(target)
    except BaseException as exc:  # also Ctrl-C: the earlier report stays whole
        if old.exists() and not target.exists():
            old.rename(target)
        if isinstance(exc, OSError):
            raise _cannot_write(folder, exc) from None
        raise
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def _is_report_folder(path: Path) -> bool:
    return path.is_dir() and all(p.is_file() and p.suffix == ".html" for p in path.iterdir())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _cannot_write(folder: str, exc: OSError) -> FactcheckError:
    return FactcheckError(
        f"cannot write {folder}: {exc.strerror or exc}",
        Location(folder),
        hint="check that the parent folder exists and is writable",
    )
