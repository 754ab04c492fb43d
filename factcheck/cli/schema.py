"""``factcheck schema``: print the JSON Schema of rule files."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from factcheck.cli.common import EXIT_OK, add_output_options, emit

NAME = "schema"


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        NAME, help="print the JSON Schema of rule files"
    )
    add_output_options(parser, color=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from factcheck.rules.schema import schema_text

    def write(stream: TextIO) -> None:
        stream.write(schema_text())

    emit(args, write)
    return EXIT_OK
