"""``factcheck check``: reconcile sources claim by claim."""

from __future__ import annotations

import argparse
import functools
from typing import TYPE_CHECKING, Any

from factcheck.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_input_options,
    add_output_options,
    add_story_option,
    chosen_stories,
    emit,
    refuse_inputs,
    use_color,
    warn,
)

if TYPE_CHECKING:
    from factcheck.reconcile.records import ClaimVerdict
    from factcheck.report.check.text import View

# Outcomes --fail-on can name: the claim statuses, and a difference from `expect`.
FAIL_OUTCOMES = ("conflict", "changed", "single", "silent", "expect-mismatch")


def fail_outcomes(text: str) -> frozenset[str]:
    """``conflict,expect-mismatch`` -> the outcomes that make the check exit 1."""
    named = {part.strip() for part in text.split(",") if part.strip()}
    unknown = sorted(named - set(FAIL_OUTCOMES))
    if unknown or not named:
        raise argparse.ArgumentTypeError(
            f"unknown outcome {', '.join(map(repr, unknown)) or repr(text)}; "
            f"choose from {', '.join(FAIL_OUTCOMES)} (comma-separated)"
        )
    return frozenset(named)


def _fails(verdict: ClaimVerdict, outcomes: frozenset[str]) -> bool:
    return verdict.status in outcomes or (
        "expect-mismatch" in outcomes and verdict.expected == "mismatch"
    )


NAME = "check"


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        NAME,
        help="reconcile sources claim by claim",
        epilog="examples:\n"
        "  factcheck check --rules rules --sources seeds\n"
        "  factcheck check --only conflict --fail-on conflict,expect-mismatch\n"
        "  factcheck check --format html -o report.html\n"
        "  factcheck check --story city-budget    # one of several configured stories\n"
        "exit status: 0 checked (a conflict is a finding), 1 an outcome named in "
        "--fail-on, 2 usage, rule or input error",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(parser)
    add_story_option(parser)
    parser.add_argument("--format", choices=("text", "json", "html"), default="text")
    parser.add_argument(
        "--fail-on",
        type=fail_outcomes,
        default=frozenset(),
        metavar="OUTCOMES",
        help="exit 1 if any claim has one of these outcomes, comma-separated: "
        f"{', '.join(FAIL_OUTCOMES)} (default: none)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="check sources in N processes (default 1; 0: one per core); output is identical",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where to run: local processes, or a Dask cluster",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="an existing Dask scheduler (implies --engine dask; default: a LocalCluster)",
    )
    shown = parser.add_argument_group("text report")
    detail = shown.add_mutually_exclusive_group()
    detail.add_argument(
        "--summary",
        dest="summary",
        action="store_true",
        default=None,
        help="one line per claim (the default above 50 sources)",
    )
    detail.add_argument(
        "--detail", dest="summary", action="store_false", help="every claim with its evidence"
    )
    shown.add_argument(
        "--only",
        type=_statuses,
        default=frozenset(),
        metavar="OUTCOMES",
        help="only claims with these outcomes, comma-separated: agree, conflict, changed, "
        "single, silent",
    )
    shown.add_argument("-q", "--quiet", action="store_true", help="the closing line alone")
    add_output_options(parser)
    parser.set_defaults(run=run)


def _statuses(text: str) -> frozenset[str]:
    named = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = sorted(named - {"agree", "conflict", "changed", "single", "silent"})
    if unknown or not named:
        raise argparse.ArgumentTypeError(
            f"unknown outcome {', '.join(map(repr, unknown)) or repr(text)}; "
            "choose from agree, conflict, changed, single, silent (comma-separated)"
        )
    return named


def _view(args: argparse.Namespace) -> View:
    from factcheck.report.check.text import View

    return View(summary=args.summary, only=args.only, quiet=args.quiet)


def run(args: argparse.Namespace) -> int:
    from factcheck.config import config_files, load_config

    config = load_config()
    stories = chosen_stories(args, config)
    paths = [p for story in stories for p in (*story.rules, *story.sources)]
    refuse_inputs(args, [*paths, *config_files()])
    jobs = _jobs(args)
    engine = "dask" if args.scheduler else args.engine  # a scheduler is a Dask one
    if len(stories) > 1:
        from factcheck.cli.stories import check_stories

        return check_stories(args, stories, jobs, engine, _view(args), _fails)
    from factcheck.api import run_check
    from factcheck.cli.progress import ProgressBar
    from factcheck.report import CHECK_FORMATS, text_report

    story = stories[0]
    with ProgressBar() as progress:
        run = run_check(
            story.rules,
            story.sources,
            jobs=jobs,
            engine=engine,
            scheduler=args.scheduler,
            progress=progress,
        )
    with run:  # removes the evidence spilled to a temporary file, also on error
        for message in run.warnings:
            warn(message)
        renderer = CHECK_FORMATS[args.format]
        if args.format == "text":  # the text report's view: detail, outcomes, quiet
            renderer = functools.partial(text_report, view=_view(args))
        emit(args, lambda stream: renderer(run, stream, use_color(args)))
    failing = any(_fails(v, args.fail_on) for v in run.verdicts)
    return EXIT_FINDINGS if failing else EXIT_OK


def _jobs(args: argparse.Namespace) -> int:
    from factcheck.errors import InputError
    from factcheck.run.engines import JOBS_PER_CORE, max_jobs

    if args.jobs < 0:
        hint = "give a number of processes, or 0 for one per core"
        raise InputError(f"--jobs cannot be {args.jobs}", hint=hint)
    most = max_jobs()
    jobs: int = args.jobs if args.jobs != 0 else max(1, most // JOBS_PER_CORE)  # 0: one per core
    if jobs > most and args.scheduler is None:
        warn(
            f"--jobs {args.jobs} is more than this machine can use; "
            f"running {most} processes at most ({JOBS_PER_CORE} per core)"
        )
    return jobs
