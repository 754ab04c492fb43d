"""``factcheck test-rules``: run every claim's examples, print a pass/fail table."""

from __future__ import annotations

import argparse
from typing import Any

from factcheck.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_output_options,
    emit,
    refuse_inputs,
    use_color,
    warn,
)


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "test-rules", help="run every claim's examples"
    )
    parser.add_argument(
        "paths",
        nargs="*",
        default=["rules"],
        metavar="PATH",
        help="rule files or folders (default: rules/)",
    )
    add_output_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from factcheck.report.examples import render
    from factcheck.rules.ruleset import load_rules
    from factcheck.run.selftest import run_examples

    refuse_inputs(args, args.paths)
    rules = load_rules(args.paths)
    for claim in rules.claims:
        if not claim.examples:
            warn(f"{claim.location}: claim {claim.id!r} has no examples to test")
    results = run_examples(rules)
    emit(args, lambda stream: render(results, stream, use_color(args)))
    return EXIT_OK if all(r.passed for r in results) else EXIT_FINDINGS
