"""A progress bar on standard error for long checks, drawn with rich.

Shown only when standard error is a terminal (never in CI logs or pipes) and
only once a run has taken about a second, so short runs print nothing extra.
The bar is transient: it is erased when the run ends, also on Ctrl-C.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

DELAY = 1.0  # seconds before a bar appears


class ProgressBar:
    """A ``progress(done, total)`` callback for :func:`factcheck.api.run_check`."""

    def __init__(self, label: str = "checking", enabled: bool | None = None) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._started = time.monotonic()
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            if time.monotonic() - self._started < DELAY or done >= total:
                return
            self._open(total)
        assert self._bar is not None and self._task is not None
        self._bar.update(self._task, completed=done)

    def _open(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._bar = Progress(
            f"[progress.description]{self.label}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task(self.label, total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
