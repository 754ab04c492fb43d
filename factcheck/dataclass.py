"""``@dataclass``, with the methods it writes compiled once per installation.

The standard decorator writes each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` and, for frozen classes, ``__setattr__`` and ``__delattr__`` as
Python source and compiles it when the class is created. On Python 3.11 that is
one compile per method, about 360 for the classes a lint imports: a third of the
instructions of a warm lint went to them (callgrind). This decorator is the
standard one, unchanged, except that each source it compiles is looked up first
in a table beside the package's bytecode (see :mod:`factcheck.pycache`), where
the build keeps the code objects Python would make of it.

How: ``dataclasses`` compiles with the builtin ``exec(source, globals, locals)``.
While our decorator runs, the module's global name ``exec`` is a function that
compiles the source exactly as ``exec`` would (file ``<string>``, no inherited
``__future__`` flags), from the table when it holds it, then executes it with
the same namespaces. The classes, their methods and their behaviour are those of
``dataclasses.dataclass``; a test compares every cached code object with a fresh
compile. A Python whose ``dataclasses`` does not compile this way simply never
consults the table.

Type checkers see :func:`dataclasses.dataclass` itself. Build the table:
``python -m factcheck.dataclass [-q]``.
"""

from __future__ import annotations

import _thread
import dataclasses
from types import CodeType
from typing import TYPE_CHECKING, Any

from factcheck import pycache

# The stamp: this table's format (the Python version is in every table's stamp).
TABLE: pycache.Table[str, CodeType] = pycache.Table("dataclasses", (1,))

# One decoration at a time installs and removes the hook (classes made in two threads
# at once would otherwise leave it installed), and only the thread that installed it
# reads the table: another thread's plain @dataclass in that window compiles as usual.
_HOOK_LOCK = _thread.RLock()
_inside = _thread._local()

if TYPE_CHECKING:
    from dataclasses import dataclass as dataclass
else:

    def dataclass(cls=None, /, **options):
        """:func:`dataclasses.dataclass`, its generated methods compiled from the table."""

        def wrap(cls):
            with _HOOK_LOCK:
                previous = vars(dataclasses).get("exec")
                dataclasses.exec = compile_and_run  # found before the builtin, as a global
                _inside.depth = getattr(_inside, "depth", 0) + 1
                try:
                    return dataclasses.dataclass(cls, **options)
                finally:
                    _inside.depth -= 1
                    if previous is None:
                        del dataclasses.exec
                    else:
                        dataclasses.exec = previous

        return wrap if cls is None else wrap(cls)


def compile_and_run(source: str | CodeType, *args: Any, **kwargs: Any) -> None:
    """``exec(source, ...)``, a source text compiled from the table when our decorator
    runs in this thread."""
    if isinstance(source, str) and getattr(_inside, "depth", 0) > 0:
        TABLE.used.add(source)
        code = TABLE.entries().get(source) or TABLE.new.get(source)
        if code is None:
            code = TABLE.new[source] = fresh(source)
        source = code
    exec(source, *args, **kwargs)


def fresh(source: str) -> CodeType:
    """What ``exec(source)`` compiles, called from ``dataclasses`` (no ``__future__``)."""
    return compile(source, "<string>", "exec", dont_inherit=True)


def save_new_sources() -> None:
    """Add this process's new code to the table, where Python writes bytecode."""
    TABLE.save_new()


def _table_of_the_package() -> pycache.Table[str, CodeType]:
    from factcheck import dataclass  # this file runs as __main__: the registry is that module

    return dataclass.TABLE


if __name__ == "__main__":
    pycache.build_main(_table_of_the_package, "dataclass methods")
