"""``factcheck.dataclass``: the standard decorator, its generated code from a table.

What must hold: a class made through it is the class ``dataclasses.dataclass``
makes (same code in every generated method, same behaviour), the table holds
exactly what a fresh compile gives, and the standard module is left as found.
"""

from __future__ import annotations

import dataclasses
import marshal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck import dataclass as cached
from factcheck import pycache
from factcheck.dataclass import dataclass

NAME = pycache.file_name(cached.TABLE.name)


def _load(folder: Path) -> dict[str, object]:
    return pycache.load(cached.TABLE.name, cached.TABLE.stamp, str(folder))


METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """No table read yet, nothing new, and the table kept in ``tmp_path``."""
    monkeypatch.setattr(pycache, "FOLDER", str(tmp_path))
    monkeypatch.setattr(cached, "TABLE", pycache.Table(cached.TABLE.name, cached.TABLE.stamp))
    yield tmp_path


def _point(decorator: Any) -> Any:
    @decorator(frozen=True, slots=True)
    class Point:
        """A point."""

        x: int
        y: int = 0
        tags: tuple[str, ...] = ()

    return Point


def _code(cls: type, method: str) -> object:
    """A generated method's code (``__repr__`` is wrapped by a recursion guard)."""
    function = vars(cls).get(method)
    function = getattr(function, "__wrapped__", function)
    code = getattr(function, "__code__", function)
    return (code, getattr(code, "co_filename", None))  # == on code ignores the file name


def test_methods_are_those_of_the_standard_decorator(fresh: Path) -> None:
    ours, theirs = _point(dataclass), _point(dataclasses.dataclass)
    for method in METHODS:
        assert _code(ours, method) == _code(theirs, method), method
    a = ours(1, 2, ("x",))
    assert repr(a) == repr(theirs(1, 2, ("x",))) and repr(a).endswith(
        "Point(x=1, y=2, tags=('x',))"
    )
    assert a == ours(1, 2, ("x",)) and hash(a) == hash(ours(1, 2, ("x",)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.x = 5
    assert dataclasses.replace(a, y=7) == ours(1, 7, ("x",))
    assert [f.name for f in dataclasses.fields(ours)] == ["x", "y", "tags"]


def test_the_second_class_comes_from_the_table(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _point(dataclass)
    made = dict(cached.TABLE.new)
    assert made  # first time: compiled, and kept as new
    cached.TABLE.rebuild(str(fresh))
    assert cached.TABLE.new == {}
    monkeypatch.setattr(cached, "TABLE", pycache.Table(cached.TABLE.name, cached.TABLE.stamp))
    ours = _point(dataclass)
    assert cached.TABLE.new == {}  # every method came from the table
    assert ours(3) == ours(3, 0, ()) and ours(3) != ours(4)


def test_the_standard_module_is_left_as_found(fresh: Path) -> None:
    _point(dataclass)
    assert "exec" not in vars(dataclasses)
    with pytest.raises(TypeError):  # a field without default after one with

        @dataclass
        class Broken:
            a: int = 0
            b: str  # type: ignore[misc]

    assert "exec" not in vars(dataclasses)


def test_every_kept_method_is_a_fresh_compile_of_its_source() -> None:
    pycache.import_every_module()
    table = {**cached.TABLE.entries(), **cached.TABLE.new}
    assert len(table) > 200  # the package's classes, not a handful
    for source, code in table.items():
        assert cached.fresh(source) == code, source


def test_a_table_of_another_python_is_not_read(fresh: Path) -> None:
    _point(dataclass)
    cached.TABLE.rebuild(str(fresh))
    stamp, table = marshal.loads((fresh / NAME).read_bytes())
    assert _load(fresh) == table
    (fresh / NAME).write_bytes(marshal.dumps((("3.99.0 (elsewhere)", *stamp[1:]), table)))
    assert _load(fresh) == {}
    (fresh / NAME).write_bytes(b"\x00garbage")
    assert _load(fresh) == {}


def test_new_code_is_kept_only_where_python_writes_bytecode(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _point(dataclass)
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    cached.save_new_sources()
    assert not (fresh / NAME).exists()
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    cached.save_new_sources()
    assert cached.TABLE.new == {}
    assert set(_load(fresh)) == cached.TABLE.used


def test_classes_made_in_many_threads_leave_the_standard_module_as_found() -> None:
    start = threading.Barrier(6)

    def make() -> None:
        start.wait()
        for _ in range(40):
            _point(dataclass)

    threads = [threading.Thread(target=make) for _ in range(6)]
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(previous)
    assert "exec" not in vars(dataclasses)


def test_another_threads_plain_dataclass_is_compiled_as_usual(fresh: Path) -> None:
    """While our decorator runs in one thread, the hook is installed; a plain
    @dataclass in another thread must neither read nor add to the table."""
    inside, done = threading.Event(), threading.Event()

    class Pause:  # a field default the decorator reads: holds it mid-way
        def __get__(self, instance: object, owner: type) -> int:
            inside.set()
            done.wait(5)
            return 0

    def make_ours() -> None:
        @dataclass
        class Held:
            n: int = Pause()  # type: ignore[assignment]

    ours = threading.Thread(target=make_ours)
    ours.start()
    assert inside.wait(5)
    assert vars(dataclasses).get("exec") is cached.compile_and_run
    before = dict(cached.TABLE.new)

    @dataclasses.dataclass
    class Plain:
        label: str = "plain"

    assert cached.TABLE.new == before and Plain().label == "plain"
    done.set()
    ours.join()
    assert "exec" not in vars(dataclasses)
