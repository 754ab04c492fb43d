"""``factcheck rule CODE``: what a lint code means, as ``ruff rule`` does."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from factcheck.cli.common import EXIT_OK

NAME = "rule"


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        NAME,
        help="explain a lint code (FC201) or list them all",
        epilog="examples:\n  factcheck rule FC201\n  factcheck rule --all\n"
        "exit status: 0 explained, 2 unknown code",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("code", nargs="?", metavar="CODE", help="a lint code, e.g. FC201")
    parser.add_argument("--all", action="store_true", help="list every code")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from factcheck.errors import InputError
    from factcheck.lint.model import CODES

    if args.all or not args.code:
        for code in CODES.values():
            sys.stdout.write(f"{code.code}  {code.level:<7}  {code.name}: {code.summary}\n")
        return EXIT_OK
    wanted = args.code.upper()
    if wanted not in CODES:
        from difflib import get_close_matches

        # A letter O for a zero ('FC2O1') is the usual slip: read it as meant first.
        close = get_close_matches(wanted.replace("O", "0"), list(CODES), n=1, cutoff=0.6)
        hint = f"did you mean {close[0]}?" if close else "factcheck rule --all lists them"
        raise InputError(f"no lint code {args.code!r}", hint=hint)
    code = CODES[wanted]
    sys.stdout.write(
        f"{code.code} ({code.name})\n\n{code.summary}\n\n"
        f"Level: {code.level} by default. Change it for a project in the configuration "
        f'([tool.factcheck.severity] {code.code} = "warning" or "off"), or silence one '
        "place in a draft with a comment naming the claim: factcheck: ignore[claim-id].\n"
    )
    return EXIT_OK
