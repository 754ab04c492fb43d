"""Timing for the linear-time tests: compare sizes n and 8n, never an absolute time.

The garbage collector is paused while timing (its passes grow with everything
the rest of the suite keeps alive, not with the input), and each size keeps its
best of a few runs, so a busy machine does not make the ratio flaky.
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable

FACTOR = 8
# Linear time gives about 8x; quadratic 64x. Generous for noise, far under quadratic.
LIMIT = 24


def best_seconds(action: Callable[[], object], repeat: int = 3) -> float:
    """The best time of ``repeat`` runs; an action under 50 ms is timed over as many
    calls as fill 50 ms, so a few milliseconds of noise do not swing the ratio."""
    gc.collect()
    gc.disable()
    try:
        calls = max(1, math.ceil(0.05 / max(_once(action), 1e-6)))
        return min(sum(_once(action) for _ in range(calls)) / calls for _ in range(repeat))
    finally:
        gc.enable()


def _once(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def growth(action_for: Callable[[int], Callable[[], object]], n: int, repeat: int = 3) -> float:
    """How many times longer size ``FACTOR * n`` takes than size ``n``."""
    small = best_seconds(action_for(n), repeat)
    large = best_seconds(action_for(FACTOR * n), repeat)
    return large / max(small, 1e-4)
