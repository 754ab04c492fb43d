"""``factcheck explain``: why each value bound to a claim, and why the others lost."""

from __future__ import annotations

import argparse
from typing import Any

from factcheck.cli.common import EXIT_OK, add_input_options, add_output_options, emit, refuse_inputs
from factcheck.cli.lint import iso_date


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "explain",
        help="show why a value bound to a claim (and why the others did not)",
        description="Show, sentence by sentence, the values and rule phrases found, every "
        "proposal a claim made with its score, and why each loser lost. Select with "
        "--claim, --source-id or --text (they combine).",
        epilog="examples:\n"
        "  factcheck explain --claim aws-deal-value\n"
        "  factcheck explain --source-id 003_d02de28758cf6ad8 --format json\n"
        "  factcheck explain --text 'Amazon will invest up to $50 billion.'\n"
        "exit status: 0 explained, 2 usage or rule error",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(parser)
    parser.add_argument(
        "--claim", action="append", default=[], metavar="ID", help="explain this claim only"
    )
    parser.add_argument(
        "--source-id", action="append", default=[], metavar="ID", help="this source only"
    )
    parser.add_argument("--text", help="explain this sentence; no sources needed")
    parser.add_argument(
        "--published", type=iso_date, metavar="YYYY-MM-DD", help="the --text's publication date"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_output_options(parser, color=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from factcheck.api import explain
    from factcheck.config import load_config
    from factcheck.report.explain import render, render_json

    if not (args.claim or args.source_id or args.text):
        from factcheck.errors import InputError

        raise InputError(
            "say what to explain: --claim ID, --source-id ID or --text 'a sentence'",
            hint="e.g. factcheck explain --claim aws-deal-value",
        )
    config = load_config()
    rules = args.rules or config.rules or ["rules"]
    sources = None if args.text else (args.sources or config.sources or ["seeds"])
    refuse_inputs(args, [*rules, *(sources or [])])
    report = explain(
        rules,
        sources,
        claims=args.claim,
        source_ids=args.source_id,
        text=args.text,
        published=args.published,
    )
    renderer = render_json if args.format == "json" else render
    emit(args, lambda stream: renderer(report, stream))
    return EXIT_OK
