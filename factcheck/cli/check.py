"""``factcheck check``: reconcile sources claim by claim."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from factcheck.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_output_options,
    emit,
    refuse_inputs,
    use_color,
    warn,
)

if TYPE_CHECKING:
    from factcheck.reconcile.verdicts import ClaimVerdict

# Outcomes --fail-on can name: the claim statuses, and a difference from `expect`.
FAIL_OUTCOMES = ("conflict", "single", "silent", "expect-mismatch")


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


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "check", help="reconcile sources claim by claim"
    )
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
        help="check sources in N processes (default 1); output is identical",
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
        help="with --engine dask: an existing scheduler (default: a LocalCluster)",
    )
    add_output_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from factcheck.api import run_check
    from factcheck.config import config_files, load_config
    from factcheck.report import CHECK_FORMATS
    from factcheck.run.engines import JOBS_PER_CORE, max_jobs

    config = load_config()
    rules = args.rules or config.rules or ["rules"]
    sources = args.sources or config.sources or ["seeds"]
    refuse_inputs(args, [*rules, *sources, *config_files()])
    most = max_jobs()
    if args.jobs > most and args.scheduler is None:
        warn(
            f"--jobs {args.jobs} is more than this machine can use; "
            f"running {most} processes at most ({JOBS_PER_CORE} per core)"
        )
    run = run_check(
        rules,
        sources,
        jobs=args.jobs,
        engine=args.engine,
        scheduler=args.scheduler,
    )
    with run:  # removes the evidence spilled to a temporary file, also on error
        for message in run.warnings:
            warn(message)
        renderer = CHECK_FORMATS[args.format]
        emit(args, lambda stream: renderer(run, stream, use_color(args)))
    failing = any(_fails(v, args.fail_on) for v in run.verdicts)
    return EXIT_FINDINGS if failing else EXIT_OK
