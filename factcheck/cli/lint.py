"""``factcheck lint``: point at the words in a draft that the sources don't support.

Exit status like ruff's: 0 no errors, 1 errors found (warnings too with
``--strict``), 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from factcheck.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_input_options,
    add_output_options,
    emit,
    refuse_inputs,
    use_color,
)

if TYPE_CHECKING:
    from factcheck.model import Document


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "lint",
        help="check drafts against the sources before publication",
        epilog="examples:\n"
        "  factcheck lint drafts/story.md\n"
        "  factcheck lint drafts/          # every .md, .markdown, .txt, .html, .docx inside\n"
        "  factcheck lint drafts/story.md --published 2026-04-30 --format sarif -o lint.sarif\n"
        "  cat story.md | factcheck lint - --stdin-filename drafts/story.md\n"
        "  factcheck rule FC203    # what a code means\n"
        "exit status: 0 no errors, 1 errors (warnings too with --strict), 2 usage, rule "
        "or input error",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "drafts",
        nargs="+",
        metavar="DRAFT",
        help="draft files (.md, .markdown, .txt, .html, .docx) or folders of them; "
        "- reads a draft from standard input",
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="the path to report for the draft read from standard input (its suffix "
        "says how to read it, e.g. story.md)",
    )
    add_input_options(parser)
    parser.add_argument(
        "--format", choices=("text", "json", "sarif", "github", "html"), default="text"
    )
    parser.add_argument(
        "--strict", action="store_true", default=None, help="exit 1 on warnings too"
    )
    parser.add_argument(
        "--published",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the drafts' publication date, to resolve 'last Tuesday' (wins over front matter)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also report the claims the draft agrees on (info)",
    )
    add_output_options(parser)
    parser.set_defaults(run=run)


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-04-30"
        ) from None


def _stdin(args: argparse.Namespace) -> list[Document]:
    """The draft on standard input, when ``-`` is given, read as ``--stdin-filename``."""
    if "-" not in args.drafts:
        return []
    import sys

    from factcheck.sources.corpus import read_document

    return [read_document(sys.stdin.buffer.read(), args.stdin_filename or "-")]


def run(args: argparse.Namespace) -> int:
    from factcheck.api import lint
    from factcheck.config import config_files, load_config
    from factcheck.lint.model import check_codes
    from factcheck.model import Location
    from factcheck.report import LINT_FORMATS

    config = load_config()
    where = Location(config.severity_file) if config.severity_file else None
    check_codes(config.severity, where)
    rules = args.rules or config.rules or ["rules"]
    sources = args.sources or config.sources or ["seeds"]
    files = [d for d in args.drafts if d != "-"]
    refuse_inputs(args, [*files, *rules, *sources, *config_files()])
    report = lint(
        [*_stdin(args), *files],
        rules=rules,
        sources=sources,
        severity=config.severity,
        include_info=args.verbose,
        published=args.published,
    )
    renderer = LINT_FORMATS[args.format]
    emit(args, lambda stream: renderer(report, stream, use_color(args)))
    strict = args.strict if args.strict is not None else bool(config.strict)
    failing = report.summary.error + (report.summary.warning if strict else 0)
    return EXIT_FINDINGS if failing else EXIT_OK
