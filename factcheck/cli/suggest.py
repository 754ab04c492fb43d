"""``factcheck suggest``: draft a rule file from what several sources state."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.cli.common import EXIT_OK, refuse_inputs

if TYPE_CHECKING:
    from factcheck.config import Config


NAME = "suggest"


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        NAME,
        help="draft rules from the facts several sources state",
        description="Find values stated near the same words by several sources and write "
        "a rule file with a claim for each, cues mined from the sources and examples from "
        "their sentences (each confirmed by the binder). Review it before use.",
        epilog="examples:\n"
        "  factcheck suggest --sources seeds\n"
        "  factcheck suggest --sources seeds --rules rules -o rules/more.yaml\n"
        "  factcheck suggest --sources seeds --all\n"
        "  factcheck suggest --story city-budget -o more.yaml\n"
        "exit status: 0 written, 2 no fact found, an existing output file, or a usage error",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sources", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--rules", nargs="+", metavar="PATH", help="existing rules: facts they bind are left out"
    )
    parser.add_argument(
        "--story", metavar="NAME", help="a configured story: its sources, and its rules left out"
    )
    parser.add_argument("--all", action="store_true", help="also facts that only one source states")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the rule file here")
    parser.add_argument("--force", action="store_true", help="replace an existing --output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from factcheck.api import load_corpus, load_rules
    from factcheck.config import load_config
    from factcheck.errors import InputError
    from factcheck.model import Location
    from factcheck.rules.ruleset import find_rule_files
    from factcheck.run.suggest import suggest

    if args.output not in (None, "-") and Path(args.output).exists() and not args.force:
        raise InputError(
            f"{args.output} exists", Location(args.output), hint="pass --force to replace it"
        )
    sources, rules = _story_paths(args, load_config())
    # A new rule file belongs in the rules folder (the next check reads it: that is the
    # point); the rule files this run reads, and the sources, are refused.
    refuse_inputs(args, [*sources, *(find_rule_files(rules) if rules else [])])
    corpus = load_corpus(sources)
    existing = load_rules(rules) if rules else None
    text = suggest(corpus.documents, existing, include_single=args.all)
    if "\n  - id:" not in text:
        raise InputError(
            "no fact is stated near the same words by two or more sources",
            hint="--all also suggests facts that one source states",
        )
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        from factcheck.cli.output import write_atomically

        write_atomically(args.output, text)
    return EXIT_OK


def _story_paths(args: argparse.Namespace, config: Config) -> tuple[list[str], list[str] | None]:
    """The sources to read and the rules whose facts are left out: given, the
    ``--story``'s, or the configured ones (with several stories, say which)."""
    from factcheck.errors import InputError
    from factcheck.stories import check_paths, configured_stories, select

    stories = configured_stories(config)
    named = [s for s in stories if s.name]
    if args.story is None and (args.sources or not named):
        return args.sources or config.sources or ["seeds"], args.rules
    if args.story is None:
        raise InputError(
            "several stories are configured: say whose sources to read",
            hint="pass --story NAME (" + ", ".join(str(s.name) for s in named) + ") or --sources",
        )
    (story,) = select(stories, [args.story])
    check_paths(story)
    return list(args.sources or story.sources), args.rules or list(story.rules)
