"""``factcheck test-rules``: run every claim's examples, print a pass/fail table."""

from __future__ import annotations

import argparse
from typing import Any

from factcheck.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_output_options,
    add_story_option,
    chosen_stories,
    emit,
    refuse_inputs,
    use_color,
    warn,
)

NAME = "test-rules"


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        NAME,
        help="run every claim's examples",
        description="Bind each claim's examples with the whole rule set and check the "
        "value each claim takes; a failure says why (the explain of its text).",
        epilog="examples:\n"
        "  factcheck test-rules\n"
        "  factcheck test-rules rules/openai-cloud.yaml -k aws-deal\n"
        "  factcheck test-rules --strict --format json\n"
        "exit status: 0 all pass, 1 a failure (or, with --strict, a claim without "
        "examples), 2 rule errors",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="rule files or folders (default: configured, else rules/)",
    )
    parser.add_argument(
        "-k", metavar="PATTERN", dest="pattern", help="only examples whose name contains PATTERN"
    )
    add_story_option(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--strict", action="store_true", help="a claim without examples fails the run"
    )
    add_output_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from factcheck.config import load_config
    from factcheck.report.examples import render, render_json
    from factcheck.rules.ruleset import load_rules
    from factcheck.run.selftest import run_examples

    stories = chosen_stories(args, load_config(), rules=args.paths, sources=False)
    refuse_inputs(args, [p for story in stories for p in story.rules])
    results = []
    untested = []
    for story in stories:
        rules = load_rules(story.rules)
        untested += [(story, c) for c in rules.claims if not c.examples]
        results += run_examples(rules, args.pattern, story.name)
    for story, claim in untested:
        level = "error" if args.strict else "warning"
        warn(
            f"{claim.location}: claim {story.qualified(claim.id)!r} has no examples to test", level
        )
    for result in results:
        for tie in result.ties:
            warn(f"{result.example.location}: {result.name}: {tie.split(': ', 1)[1]}")
    if args.pattern and not results:  # a typo in -k must not read as a clean pass
        from factcheck.errors import InputError

        raise InputError(
            f"no example matches -k {args.pattern!r}",
            hint="an example is named claim-id[example-N]; leave -k out to run them all",
        )
    renderer = render_json if args.format == "json" else render
    emit(args, lambda stream: renderer(results, stream, use_color(args)))
    failing = any(not r.passed for r in results) or (args.strict and bool(untested))
    return EXIT_FINDINGS if failing else EXIT_OK
