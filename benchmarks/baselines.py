"""Baselines measured in the benchmark run, in this process, on the same articles.

* :func:`regex_floor`: read each article and find money amounts with one
  regular expression: the least any checker must do, so the floor.
* :func:`quantulum_peer`: quantulum3 (the ``bench`` extra) extracting every
  quantity, paragraph by paragraph (its unit disambiguation scans the text
  it is given, so whole articles are several times slower; paragraphs are
  the fair use). ``None`` when it cannot be imported.

Both return articles per second, timed after one untimed warm-up call so
that import and lazy loading are not counted as per-article cost.
"""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

MONEY = re.compile(
    r"(?:US|C|A)?[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:trillion|billion|million|bn|mn|m|k)\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s(?:trillion|billion|million)\s(?:dollars|euros|pounds)\b",
    re.IGNORECASE,
)


def regex_floor(paths: Sequence[Path]) -> tuple[float, int]:
    """Articles per second and money amounts found."""
    MONEY.findall("warm-up $5 billion")
    found = 0
    started = time.perf_counter()
    for path in paths:
        found += len(MONEY.findall(path.read_text(encoding="utf-8")))
    return len(paths) / (time.perf_counter() - started), found


def quantulum_peer(paths: Sequence[Path]) -> tuple[float, int] | None:
    """Articles per second and quantities found, or None if quantulum3 is unavailable."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except Exception:  # noqa: BLE001 - any import failure means "not available"
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser.parse("warm-up: $5 billion and 20%")
        found = 0
        started = time.perf_counter()
        for path in paths:
            text = path.read_text(encoding="utf-8")
            for paragraph in text.split("\n"):
                if paragraph.strip():
                    found += len(parser.parse(paragraph))
        elapsed = time.perf_counter() - started
    return len(paths) / elapsed, found
