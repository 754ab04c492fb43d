"""``factcheck lint``: point at the words in a draft that the sources don't support.

Exit status like ruff's: 0 no errors, 1 errors found (warnings too with
``--strict``), 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_input_options,
    add_output_options,
    add_story_option,
    chosen_stories,
    emit,
    print_error,
    refuse_inputs,
    use_color,
)

if TYPE_CHECKING:
    from factcheck.lint.model import LintReport
    from factcheck.model import Document
    from factcheck.stories import Story


NAME = "lint"


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        NAME,
        help="check drafts against the sources before publication",
        epilog="examples:\n"
        "  factcheck lint drafts/story.md\n"
        "  factcheck lint drafts/          # every draft file inside (.md, .txt, .html, .docx...)\n"
        "  factcheck lint drafts/story.md --published 2026-04-30 --format sarif -o lint.sarif\n"
        "  factcheck lint drafts/city/budget.md --story city-budget\n"
        "  cat story.md | factcheck lint - --stdin-filename drafts/story.md\n"
        "  factcheck rule FC203    # what a code means\n"
        "exit status: 0 no errors, 1 errors (warnings too with --strict), 2 usage, rule "
        "or input error",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "drafts",
        nargs="*",
        metavar="DRAFT",
        help="draft files (.md, .markdown, .txt, .html, .htm, .docx) or folders of them; "
        "- reads a draft from standard input; none: every draft the configured stories' "
        "drafts globs match",
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="the path to report for the draft read from standard input (its suffix "
        "says how to read it, e.g. story.md)",
    )
    add_input_options(parser)
    add_story_option(parser)
    parser.add_argument(
        "--only-drafts",
        action="store_true",
        help="skip files no story's drafts globs match (without stories: files in the "
        "sources); for the pre-commit hook",
    )
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


def _configured_drafts(stories: list[Story]) -> list[str]:
    """Every file the stories' ``drafts`` globs match, as paths from here when inside."""
    from factcheck.errors import InputError
    from factcheck.stories import draft_globs_files

    globs = [g for s in stories for g in s.drafts]
    if not globs:
        raise InputError(
            "name the drafts to lint",
            hint="e.g. factcheck lint drafts/story.md, or configure stories with drafts globs",
        )
    return draft_globs_files(stories)


def _lint_stories(
    args: argparse.Namespace,
    files: list[str],
    stdin: list[Document],
    stories: list[Story],
    severity: Mapping[str, str],
) -> LintReport:
    from factcheck.api import lint_stories
    from factcheck.stories import plan_drafts

    named = [*files, *(d.path for d in stdin)]
    plan = plan_drafts(named, stories, chosen=bool(args.story))
    read = {d.path: d for d in stdin}  # the draft from standard input, by its reported path
    return lint_stories(
        [(read.get(draft, draft), mine) for draft, mine in plan],
        severity,
        args.verbose,
        args.published,
    )


def _draft_paths(args: argparse.Namespace, stories: list[Story]) -> list[str]:
    """The draft files named, with folders opened: every draft inside, or with
    stories (and no --story) the ones a story's drafts globs claim."""
    from factcheck.sources.corpus import draft_files
    from factcheck.stories import is_draft

    if not args.drafts:
        return _configured_drafts(stories)
    claimed = any(s.name for s in stories) and not args.story
    paths: list[str] = []
    for given in (d for d in args.drafts if d != "-"):
        inside = [str(p) for p in draft_files([given])]
        if claimed and Path(given).is_dir():
            inside = [p for p in inside if is_draft(p, stories)]
        paths.extend(inside)
    return paths


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


@contextmanager
def _sources_kept() -> Iterator[None]:
    """While the rule cache is on, keep checked sources in the user's cache too: the
    next lint of a draft re-checks only the sources that changed."""
    from factcheck import store
    from factcheck.rules import cache
    from factcheck.run import memo

    if cache.active_directory() is not None:
        store.activate_sources()
    try:
        yield
    finally:
        memo.prune()


def run(args: argparse.Namespace) -> int:
    from factcheck.api import lint
    from factcheck.config import config_files, key_location, load_config
    from factcheck.lint.model import check_codes
    from factcheck.report import LINT_FORMATS

    config = load_config()
    for code in config.severity:
        file = config.severity_file
        check_codes([code], key_location(file, code) if file else None)
    stories = chosen_stories(args, config)
    files = _draft_paths(args, stories)
    stdin = _stdin(args)
    if args.only_drafts:
        from factcheck.stories import is_draft

        files = [d for d in files if is_draft(d, stories)]
        stdin = [d for d in stdin if is_draft(d.path, stories)]
        if not files and not stdin:
            return EXIT_OK
    paths = [p for story in stories for p in (*story.rules, *story.sources)]
    refuse_inputs(args, [*files, *paths, *config_files()])
    drafts, unreadable = _read_drafts(files)
    with _sources_kept():
        if any(story.name for story in stories):
            report = _lint_stories(args, [], [*stdin, *drafts], stories, config.severity)
        else:
            report = lint(
                [*stdin, *drafts],
                rules=stories[0].rules,
                sources=stories[0].sources,
                severity=config.severity,
                include_info=args.verbose,
                published=args.published,
            )
    renderer = LINT_FORMATS[args.format]
    emit(args, lambda stream: renderer(report, stream, use_color(args)))
    strict = args.strict if args.strict is not None else bool(config.strict)
    failing = report.summary.error + (report.summary.warning if strict else 0)
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if failing else EXIT_OK


def _read_drafts(files: list[str]) -> tuple[list[Document], int]:
    """Each draft file read, and how many could not be: one unreadable draft (an empty
    new file, a damaged .docx) is reported and the others are still linted, so a
    commit hook still shows their findings; the run then exits 2."""
    from factcheck.errors import FactcheckError
    from factcheck.sources.corpus import load_document

    drafts: list[Document] = []
    unreadable = 0
    for path in files:
        try:
            drafts.append(load_document(path))
        except FactcheckError as exc:
            print_error(exc.location, exc.message, exc.hint)
            unreadable += 1
    return drafts, unreadable
