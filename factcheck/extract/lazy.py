"""Regular expressions compiled when first used, not when their module is imported.

Python compiles a pattern in pure Python, about a microsecond per character, and
every process pays it before reading a word. Long patterns that most texts never
reach (behind a cheap test, or for a rare phrasing) are written ``lazy(...)`` and
called to get the compiled pattern: ``_CUE().search(text)``.
"""

from __future__ import annotations

import re

from factcheck.regexes import compiled, declare


class lazy:  # noqa: N801 - reads as the function it stands in for: lazy(pattern)
    """A pattern and its flags, compiled on the first call, then kept."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None
        declare(pattern, flags)

    def __call__(self) -> re.Pattern[str]:
        pattern = self._compiled
        if pattern is None:
            pattern = self._compiled = compiled(self.pattern, self.flags)
        return pattern
