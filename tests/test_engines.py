"""Parallel and distributed checking give exactly the serial result."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.api import check
from factcheck.errors import InputError
from tests.conftest import ROOT

TEMPLATES = [
    "Report {i}: OpenAI signed a ${v} billion deal with AWS. Amazon pledged up to $50 billion.",
    "Note {i}. The AWS deal, worth ${v} billion, began in November 2025.",
    "Piece {i}: revenue chief Denise Dresser said payments run through 2030. 3 views.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(40):
        value = 38 if i % 7 else 40  # a few planted conflicts
        text = TEMPLATES[i % len(TEMPLATES)].format(i=i, v=value)
        (folder / f"a{i:03d}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\xff" * 50)
    return folder


def _json(*args: str) -> str:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck",
            "check",
            "--format",
            "json",
            "--rules",
            str(ROOT / "rules"),
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_jobs_output_is_identical_to_serial(corpus: Path) -> None:
    serial = _json("--sources", str(corpus))
    parallel = _json("--sources", str(corpus), "--jobs", "2")
    assert serial == parallel
    data = json.loads(serial)
    assert data["claims"][0]["status"] == "conflict"
    assert any("binary.txt" in w for w in data["warnings"])
    assert data["copies"]  # the templated articles make copy groups: the same in both


def test_dask_local_cluster_matches_serial(corpus: Path) -> None:
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    serial = check([ROOT / "rules"], [corpus])
    distributed = check([ROOT / "rules"], [corpus], jobs=2, engine="dask")
    assert distributed.model_dump() == serial.model_dump()
    assert serial.copies  # copy groups included


def test_bad_jobs_and_engine(corpus: Path) -> None:
    with pytest.raises(InputError, match="at least 1"):
        check([ROOT / "rules"], [corpus], jobs=0)
    with pytest.raises(InputError, match="unknown engine"):
        check([ROOT / "rules"], [corpus], engine="spark")


class _FakeFuture:
    def __init__(self, client: _FakeClient, part: list[str]) -> None:
        self.client, self.part = client, part

    def result(self) -> list[str]:
        return self.part

    def release(self) -> None:
        self.client.outstanding -= 1


class _FakeClient:
    """Counts the partitions submitted and not yet released."""

    def __init__(self) -> None:
        self.outstanding = 0
        self.most = 0

    def compute(self, part: list[str]) -> _FakeFuture:
        self.outstanding += 1
        self.most = max(self.most, self.outstanding)
        return _FakeFuture(self, part)


def test_dask_results_stream_in_order_with_a_bounded_window() -> None:
    from factcheck.run.engines import _in_order

    parts = [[f"p{p}-{i}" for i in range(3)] for p in range(20)]
    client = _FakeClient()
    stream: Iterator[object] = _in_order(client, parts, jobs=2)  # fake outcomes: strings
    assert next(stream) == "p0-0"
    assert client.outstanding == 4  # the first partitions compute ahead, not all twenty
    assert list(stream) == [o for part in parts for o in part][1:]
    assert client.most == 4 and client.outstanding == 0


def test_a_pool_worker_dies_by_sigterm_the_plain_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool stops its workers with SIGTERM. A forked worker that kept the command
    line's Python-level SIGTERM handler made about every other --jobs 2 run over the
    bench's 1,000 articles hang in the pool's shutdown; workers reset it on start."""
    import signal

    from factcheck.rules.ruleset import load_rules
    from factcheck.run import engines

    def handler(signum: int, frame: object) -> None:
        raise AssertionError("the command line's handler ran in a worker")

    previous = signal.signal(signal.SIGTERM, handler)
    interrupt = signal.getsignal(signal.SIGINT)
    try:
        engines._init_worker(load_rules([ROOT / "rules"]))
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, previous)
        # A worker ignores Ctrl-C; left so here, every later child process would too
        # (an ignored signal is inherited) and tests/test_interrupt.py could not stop one.
        signal.signal(signal.SIGINT, interrupt)
