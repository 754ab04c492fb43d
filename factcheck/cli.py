"""The command line: arguments -> engine -> renderer -> exit code.

This is the only place that catches exceptions: factcheck's typed errors
become ``path:line:col: error: message`` lines and exit status 2. Heavy
modules are imported inside the commands so ``factcheck --help`` is fast.

Exit status: 0 success (a conflict is a finding, not a failure), 1 only with
``--fail-on``, 2 usage, rule or input errors.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from factcheck import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FAIL_LEVELS = {"conflict": ("conflict",), "single": ("conflict", "single")}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_USAGE
    from factcheck.errors import FactcheckError, RuleFileError

    try:
        result: int = args.run(args)
        return result
    except RuleFileError as exc:
        for error in exc.errors:
            _print_error(error.location, error.message, error.hint)
        return EXIT_USAGE
    except FactcheckError as exc:
        _print_error(exc.location, exc.message, exc.hint)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK


def _print_error(location: object, message: str, hint: str | None) -> None:
    where = f"{location}: " if location else ""
    print(f"{where}error: {message}", file=sys.stderr)
    if hint:
        print(f"  hint: {hint}", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Check where news sources agree, conflict or stay silent, claim by claim.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    check = commands.add_parser("check", help="reconcile sources claim by claim")
    check.add_argument("--rules", nargs="+", default=["rules"], metavar="PATH",
                       help="rule files or folders (default: rules/)")
    check.add_argument("--sources", nargs="+", default=["seeds"], metavar="PATH",
                       help="article files or folders (default: seeds/)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--fail-on", choices=tuple(FAIL_LEVELS), default=None,
                       help="exit 1 if any claim is in conflict (or, with 'single', "
                       "in conflict or backed by a single source)")
    _output_options(check)
    check.set_defaults(run=_run_check)

    schema = commands.add_parser("schema", help="print the JSON Schema of rule files")
    _output_options(schema, color=False)
    schema.set_defaults(run=_run_schema)

    test_rules = commands.add_parser("test-rules", help="run every claim's examples")
    test_rules.add_argument("paths", nargs="*", default=["rules"], metavar="PATH")
    _output_options(test_rules)
    test_rules.set_defaults(run=_run_test_rules)
    return parser


def _output_options(parser: argparse.ArgumentParser, color: bool = True) -> None:
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE (atomically) instead of standard output")
    if color:
        parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")


def _use_color(args: argparse.Namespace) -> bool:
    choice = getattr(args, "color", "never")
    if choice != "auto":
        return bool(choice == "always")
    return args.output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _emit(args: argparse.Namespace, write: Callable[[TextIO], None]) -> None:
    if args.output is None:
        write(sys.stdout)
        return
    from factcheck.output import write_atomically

    buffer = io.StringIO()
    write(buffer)
    write_atomically(args.output, buffer.getvalue())


def _run_check(args: argparse.Namespace) -> int:
    from factcheck.api import check
    from factcheck.report import CHECK_FORMATS

    report = check(args.rules, args.sources)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    renderer = CHECK_FORMATS[args.format]
    _emit(args, lambda stream: renderer(report, stream, _use_color(args)))
    failing = FAIL_LEVELS.get(args.fail_on or "", ())
    return EXIT_FINDINGS if any(c.status in failing for c in report.claims) else EXIT_OK


def _run_schema(args: argparse.Namespace) -> int:
    from factcheck.schema import schema_text

    _emit(args, lambda stream: stream.write(schema_text()))
    return EXIT_OK


def _run_test_rules(args: argparse.Namespace) -> int:
    from factcheck.report.examples import render
    from factcheck.rules import load_rules
    from factcheck.selftest import run_examples

    results = run_examples(load_rules(args.paths))
    _emit(args, lambda stream: render(results, stream, _use_color(args)))
    return EXIT_OK if all(r.passed for r in results) else EXIT_FINDINGS


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
