"""Where per-document work runs: in this process, in N processes, or on Dask.

Checking a source is a pure function of (rules, source task) -> result, so
every engine returns the same results in the same order; only the place of
execution differs. Each worker compiles the rules once and streams through
its share of the documents, keeping only their evidence.

- ``local`` with ``jobs=1``: serial, in this process.
- ``local`` with ``jobs=N``: a :mod:`multiprocessing` pool, results in input order.
- ``dask``: a Dask bag over the tasks, on a ``LocalCluster`` of ``jobs``
  workers, or on an existing cluster given by its scheduler address; the
  partitions' results come back in order, a few computing ahead, so neither
  this process nor the workers hold the whole archive's results.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from factcheck.binding.binder import Binder
from factcheck.binding.evidence import DocumentResult, check_document
from factcheck.errors import InputError
from factcheck.model import Notice, Skipped
from factcheck.rules.ruleset import RuleSet
from factcheck.run import memo
from factcheck.sources.corpus import SourceTask, load_source

# a result, a file that could not be read, or a notice about the sources
Outcome = DocumentResult | Skipped | Notice
ENGINES = ("local", "dask")
_CHUNK = 8  # tasks per message to a worker: amortises pickling, keeps order cheap
_PARTITION = 200  # tasks per Dask partition at most: what a result batch holds


def check_task(binder: Binder, task: SourceTask) -> Outcome:
    """The task's source read and checked (or kept from an earlier run, when the
    command line keeps checked sources: :mod:`factcheck.run.memo`)."""
    return memo.checked(binder.fingerprint, task, lambda: _check_task(binder, task))


def _check_task(binder: Binder, task: SourceTask) -> Outcome:
    loaded = load_source(task)
    return loaded if isinstance(loaded, Skipped | Notice) else check_document(binder, loaded)


def run(
    rules: RuleSet,
    tasks: Sequence[SourceTask],
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    binder: Binder | None = None,
) -> Iterator[Outcome]:
    """Each task's outcome, in task order; ``binder``, if the caller has one for
    ``rules``, serves the serial path (workers build their own)."""
    if jobs < 1:
        raise InputError(f"--jobs must be at least 1, not {jobs}")
    if scheduler is None:  # processes on this machine
        jobs = min(jobs, max_jobs())
    if engine == "dask":
        return _run_dask(rules, tasks, jobs, scheduler)
    if engine != "local":
        raise InputError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    jobs = min(jobs, len(tasks))  # an idle process is only start-up time
    if jobs <= 1:
        serial = binder or Binder(rules)
        return (check_task(serial, task) for task in tasks)
    return _run_pool(rules, tasks, jobs)


# Past this many processes per core, more only adds start-up time and memory.
JOBS_PER_CORE = 4


def max_jobs() -> int:
    """The most processes worth starting on this machine (those it lets us use)."""
    import os

    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return JOBS_PER_CORE * max(cores, 1)


# --- processes -------------------------------------------------------------

_worker_binder: Binder | None = None


def _init_worker(rules: RuleSet) -> None:
    global _worker_binder
    # A forked worker inherits the command line's SIGTERM handler; the pool stops its
    # workers with SIGTERM, and a Python-level handler there can leave the pool
    # waiting on a half-dead worker. Workers die the plain way.
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # Ctrl-C reaches the whole process group: the parent alone handles it (stopping the
    # pool), so workers print no traceback of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_binder = Binder(rules)


def _work(task: SourceTask) -> Outcome:
    assert _worker_binder is not None, "worker not initialised"
    return check_task(_worker_binder, task)


def _run_pool(rules: RuleSet, tasks: Sequence[SourceTask], jobs: int) -> Iterator[Outcome]:
    import multiprocessing

    context = multiprocessing.get_context("spawn" if _threads_running() else "fork")
    with context.Pool(jobs, initializer=_init_worker, initargs=(rules,)) as pool:
        yield from pool.imap(_work, tasks, chunksize=_CHUNK)


def _threads_running() -> bool:
    import threading

    return threading.active_count() > 1


# --- dask ------------------------------------------------------------------


def _check_partition(tasks: Iterable[SourceTask], rules: RuleSet) -> list[Outcome]:
    binder = Binder(rules)
    return [check_task(binder, task) for task in tasks]


def _run_dask(
    rules: RuleSet,
    tasks: Sequence[SourceTask],
    jobs: int,
    scheduler: str | None,
) -> Iterator[Outcome]:
    try:
        import dask.bag as db
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError("the dask engine needs Dask: pip install 'factcheck[dask]'") from None
    partitions = max(1, min(len(tasks), max(jobs * 4, math.ceil(len(tasks) / _PARTITION))))
    bag = db.from_sequence(list(tasks), npartitions=partitions)
    parts = bag.map_partitions(_check_partition, rules).to_delayed()
    if scheduler:
        with _client(Client, scheduler) as client:
            yield from _in_order(client, parts, jobs)
        return
    with (
        LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield from _in_order(client, parts, jobs)


def _client(make: Any, scheduler: str) -> Any:
    """A client of the scheduler at ``scheduler``; one that cannot be reached (refused,
    timed out, a malformed address) is an input error, not a traceback."""
    try:
        return make(scheduler)
    except (OSError, ValueError) as exc:
        raise InputError(
            f"--scheduler: cannot reach a Dask scheduler at {scheduler!r} "
            f"({type(exc).__name__}: {exc})",
            hint="is `dask scheduler` running there? Without --scheduler, "
            "--engine dask starts a cluster on this machine",
        ) from None


def _in_order(client: Any, parts: Sequence[Any], jobs: int) -> Iterator[Outcome]:
    """Each partition's outcomes in order, with a few partitions computing ahead: the
    results of an archive never all wait in memory at once, here or on the workers."""
    ahead = max(2, 2 * jobs)
    futures = deque(client.compute(part) for part in parts[:ahead])
    following = iter(parts[ahead:])
    while futures:
        future = futures.popleft()
        outcomes: list[Outcome] = future.result()
        future.release()
        part = next(following, None)
        if part is not None:
            futures.append(client.compute(part))
        yield from outcomes
