"""``factcheck suggest``: draft a rule file from what several sources state."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from factcheck.cli.common import EXIT_OK, refuse_inputs


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "suggest",
        help="draft rules from the facts several sources state",
        description="Find values stated near the same words by several sources and write "
        "a rule file with a claim for each, cues mined from the sources and examples from "
        "their sentences (each confirmed by the binder). Review it before use.",
        epilog="examples:\n"
        "  factcheck suggest --sources seeds\n"
        "  factcheck suggest --sources seeds --rules rules -o rules/more.yaml\n"
        "  factcheck suggest --sources seeds --all\n"
        "exit status: 0 written, 2 no fact found, an existing output file, or a usage error",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sources", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--rules", nargs="+", metavar="PATH", help="existing rules: facts they bind are left out"
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
    from factcheck.run.suggest import suggest

    if args.output not in (None, "-") and Path(args.output).exists() and not args.force:
        raise InputError(
            f"{args.output} exists", Location(args.output), hint="pass --force to replace it"
        )
    config = load_config()
    sources = args.sources or config.sources or ["seeds"]
    refuse_inputs(args, [*sources, *(args.rules or [])])
    corpus = load_corpus(sources)
    existing = load_rules(args.rules) if args.rules else None
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
