"""The command line: arguments -> engine -> renderer -> exit code.

This is the only place that catches exceptions: factcheck's typed errors
become ``path:line:col: error: message`` lines and exit status 2. Each
subcommand lives in :mod:`factcheck.cli` and imports the engine only
when it runs, so ``factcheck --help`` is fast.

Exit status: 0 success (a conflict is a finding, not a failure), 1 findings
that the options make fatal, 2 usage, rule or input errors.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Sequence
from types import FrameType

from factcheck import __version__
from factcheck.cli import check, explain, lint, rule, schema, suggest, test_rules
from factcheck.cli.common import EXIT_OK, EXIT_USAGE, print_error

COMMANDS = (check, lint, explain, test_rules, suggest, rule, schema)
NAMES = tuple(command.NAME for command in COMMANDS)


def entry() -> None:
    """The ``factcheck`` program: :func:`main`, then exit without tearing down.

    Freeing every object and module at exit costs a quick lint about 6% of its
    time, for memory the system takes back anyway. So, as mypy does, the program
    ends with ``os._exit``, after what a normal exit does that matters: threads
    joined, exit handlers run (temporary folders' finalizers among them), standard
    output and error flushed. Under a profiler or a coverage tracer it exits
    normally, so that they write their data. Only the program adds to the compiled
    tables (:mod:`factcheck.pycache`); tests and the API call :func:`main`, which
    returns.
    """
    try:
        code = main()
    except KeyboardInterrupt:  # before main() handles it (parsing the arguments)
        code = 130
    from factcheck import dataclass, regexes

    regexes.save_new_patterns()  # where Python writes bytecode
    dataclass.save_new_sources()
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    _join_threads()
    atexit._run_exitfuncs()
    os._exit(_flushed(code))


def _join_threads() -> None:
    threading = sys.modules.get("threading")  # never imported: no thread to wait for
    if threading is None:
        return
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()


def _flushed(code: int) -> int:
    """Flush standard output and error; a failed write (a full disk) is an error, a
    reader that went away (``| head``) is not, as during the run."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (BrokenPipeError, ValueError):  # a reader gone; a closed stream
            continue
        except OSError as exc:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                os.write(2, f"factcheck: error: cannot write the output: {exc}\n".encode())
            code = EXIT_USAGE
    return code


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    # Only the command asked for is built (argparse takes a few ms a command); help,
    # a bare `factcheck` and a mistake get them all.
    parser = build_parser(given[0] if given else None)
    unknown = _unknown_command(given)
    if unknown is not None:
        print(unknown, file=sys.stderr)
        return EXIT_USAGE
    args = parser.parse_args(given)
    if not hasattr(args, "run"):
        parser.print_usage()
        print("commands: " + ", ".join(NAMES))
        print("factcheck COMMAND --help explains one")
        return EXIT_USAGE
    from factcheck.errors import FactcheckError, RuleFileError

    # factcheck's validation models need no pydantic plugin, and looking for one reads
    # every installed package's entry points (~10 ms a run); a user's setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        previous = signal.signal(signal.SIGTERM, _terminate_here(os.getpid()))
        main_thread = True
    except ValueError:  # only the main thread may set a signal handler
        main_thread = False
    _use_rule_cache(args)
    try:
        result: int = args.run(args)
        return result
    except Terminated:
        return 128 + signal.SIGTERM
    except RuleFileError as exc:
        for error in exc.errors:
            print_error(error.location, error.message, error.hint)
        return EXIT_USAGE
    except FactcheckError as exc:
        print_error(exc.location, exc.message, exc.hint)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:  # writing the output failed (a full disk): no traceback
        print(f"factcheck: error: cannot write the output: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
        from factcheck.rules import cache

        cache.deactivate()


def _use_rule_cache(args: argparse.Namespace) -> None:
    """Commands that read rule files keep them compiled in the user's cache directory,
    unless ``--no-cache`` or ``FACTCHECK_NO_CACHE`` says otherwise."""
    if not hasattr(args, "no_cache") or args.no_cache:
        return
    from factcheck.rules import cache

    if not cache.disabled_by_environment():
        cache.activate()


class Terminated(BaseException):
    """SIGTERM (a CI cancel, ``timeout``): unwinds like Ctrl-C, so the temporary
    output file and the spilled evidence are removed on the way out."""


def _terminate_here(pid: int) -> Callable[[int, FrameType | None], None]:
    def handler(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != pid:  # a forked worker: die as it would have
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise Terminated

    return handler


def _unknown_command(given: list[str]) -> str | None:
    """An error with a did-you-mean when the first word is no command."""
    if not given or given[0].startswith("-") or given[0] in NAMES:
        return None
    from difflib import get_close_matches

    close = get_close_matches(given[0], NAMES, n=1, cutoff=0.5)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"factcheck: error: unknown command {given[0]!r}{hint} (see factcheck --help)"


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every command, or only ``only`` when it names one."""
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Check where news sources agree, conflict or stay silent, claim by claim.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for command in COMMANDS:
        if only not in NAMES or only == command.NAME:
            command.register(commands)
    return parser


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
