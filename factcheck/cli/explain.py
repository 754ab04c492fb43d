"""``factcheck explain``: why each value bound to a claim, and why the others lost."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from factcheck.cli.common import (
    EXIT_OK,
    add_input_options,
    add_output_options,
    add_story_option,
    chosen_stories,
    emit,
    refuse_inputs,
)
from factcheck.cli.lint import iso_date

if TYPE_CHECKING:
    from factcheck.rules.ruleset import RuleSet
    from factcheck.stories import Story


NAME = "explain"


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        NAME,
        help="show why a value bound to a claim (and why the others did not)",
        description="Show, sentence by sentence, the values and rule phrases found, every "
        "proposal a claim made with its score, and why each loser lost. Select with "
        "--claim, --source-id or --text (they combine).",
        epilog="examples:\n"
        "  factcheck explain --claim aws-deal-value\n"
        "  factcheck explain --source-id 003_d02de28758cf6ad8 --format json\n"
        "  factcheck explain --text 'Amazon will invest up to $50 billion.'\n"
        "  factcheck explain --claim city-budget:total    # in one of several stories\n"
        "exit status: 0 explained, 2 usage or rule error",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(parser)
    add_story_option(parser)
    parser.add_argument(
        "--claim",
        action="append",
        default=[],
        metavar="ID",
        help="explain this claim only (story:ID where several stories have it)",
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
    stories = chosen_stories(args, load_config(), sources=not args.text)
    story, rules, claims = _one_story(stories, args.claim)
    sources = None if args.text else list(story.sources)
    refuse_inputs(args, [*story.rules, *(sources or [])])
    report = explain(
        rules or list(story.rules),
        sources,
        claims=claims,
        source_ids=args.source_id,
        text=args.text,
        published=args.published,
    )
    renderer = render_json if args.format == "json" else render
    emit(args, lambda stream: renderer(report, stream))
    return EXIT_OK


def _one_story(
    stories: Sequence[Story], claims: list[str]
) -> tuple[Story, RuleSet | None, list[str]]:
    """The story to explain, its rules when they were loaded to find it, and the
    claims' bare ids: explain reads one story's rules (the one ``--story`` names,
    or the one whose claims ``--claim`` names)."""
    if not any(s.name for s in stories):
        return stories[0], None, claims
    from factcheck.api import load_rules
    from factcheck.errors import InputError
    from factcheck.stories import pick_claim

    loaded = {s.name: load_rules(s.rules) for s in stories}
    ids = {name: [c.id for c in rules.claims] for name, rules in loaded.items()}
    picked = [pick_claim(claim, ids) for claim in claims]
    names = list(dict.fromkeys(name for name, _ in picked)) or [s.name for s in stories]
    if len(names) > 1:
        raise InputError(
            f"explain reads one story at a time, not {', '.join(map(str, names))}",
            hint="pass --story NAME, or claims of one story",
        )
    story = next(s for s in stories if s.name == names[0])
    return story, loaded[story.name], [claim for _, claim in picked]
