"""Paired Markdown markup found in linear time: comments, links, emphasis, strike.

A regular expression such as ``<!--.*?-->`` or ``\\*(.+?)\\*`` rescans the rest of
the text (or line) from every opener that is never closed, so a draft with
thousands of stray ``*``, ``[`` or ``<!--`` took minutes. These scanners find
exactly what those expressions found (the same spans, leftmost first, never
overlapping), but look for each closer once: the closers are listed ahead
(or found by a search that later openers reuse), and each opener takes the
first one after it by bisection.

    emphasis("a *b* c")        -> [(2, 3), (4, 5)]
    links("[x](y) z", "(")     -> [((0, 1), (2, 6))]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from factcheck.regexes import compiled

Span = tuple[int, int]

_SPACE = compiled(r"\s")
_WORDISH = compiled(r"[\w*_]")
_EMPHASIS_OPENER = compiled(r"(?<![\w*_\\])[*_]")
_TARGET_CLOSERS = {"(": ")\n", "[": "]\n"}


class _NextOf:
    """The first index at or after ``i`` holding one of ``chars`` (or the text's
    length); for queries that never go backwards, each part of the text is searched once."""

    def __init__(self, text: str, chars: str) -> None:
        self.text = text
        self.regex = re.compile(f"[{re.escape(chars)}]")
        self.since, self.found = 0, -1

    def at(self, i: int) -> int:
        if not self.since <= i <= self.found:
            match = self.regex.search(self.text, i)
            self.since, self.found = i, match.start() if match else len(self.text)
        return self.found


def comments(text: str) -> Iterator[Span]:
    """``<!-- ... -->`` spans (an unclosed one is no comment, as in the regex)."""
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            return  # no closer after this opener, so none after any later one
        yield start, end + 3
        pos = end + 3


def links(text: str, middle: str) -> Iterator[tuple[Span, Span]]:
    """``[text](target)`` (``middle`` "(") or ``[text][label]`` (``middle`` "["):
    the opening bracket (with a leading ``!``) and the closing part, as
    ``(!?\\[)([^\\]\\n]*)(\\]\\(([^)\\n]*\\))`` finds them."""
    text_end = _NextOf(text, "]\n")
    target_end = _NextOf(text, _TARGET_CLOSERS[middle])
    pos = 0
    while (opener := text.find("[", pos)) >= 0:
        close = text_end.at(opener + 1)
        if close + 1 < len(text) and text[close] == "]" and text[close + 1] == middle:
            end = target_end.at(close + 2)
            if end < len(text) and text[end] == _TARGET_CLOSERS[middle][0]:
                image = middle == "(" and opener > pos and text[opener - 1] == "!"
                start = opener - 1 if image else opener
                yield (start, opener + 1), (close, end + 1)
                pos = end + 1
                continue
        pos = opener + 1


def emphasis(text: str) -> Iterator[Span]:
    """The markers of ``*a*``, ``__a__``, ``***a***``: what
    ``(?<![\\w*_\\\\])(\\*{1,3}|_{1,3})(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*_])`` matches."""
    closers = {
        (c, k): [m.start() for m in re.finditer(rf"(?<=\S)(?={re.escape(c * k)}(?![\w*_]))", text)]
        for c in "*_"
        for k in (1, 2, 3)
    }
    line_end = _NextOf(text, "\n")
    pos = 0
    for opener in _EMPHASIS_OPENER.finditer(text):
        start = opener.start()
        if start < pos:
            continue
        marker = text[start]
        run = _run(text, start)
        for k in range(min(3, run), 0, -1):
            if start + k >= len(text) or _SPACE.match(text, start + k):
                continue
            candidates = closers[(marker, k)]
            at = bisect.bisect_left(candidates, start + k + 1)
            if at < len(candidates) and candidates[at] < line_end.at(start):
                end = candidates[at]
                yield start, start + k
                yield end, end + k
                pos = end + k
                break


def strikes(text: str) -> Iterator[Span]:
    """The markers of ``~~a~~``: what ``(~~)(?=\\S)(.+?)(?<=\\S)~~`` matches."""
    closers = [m.start() for m in re.finditer(r"(?<=\S)(?=~~)", text)]
    line_end = _NextOf(text, "\n")
    pos = 0
    while (start := text.find("~~", pos)) >= 0:
        if start + 2 < len(text) and not _SPACE.match(text, start + 2):
            at = bisect.bisect_left(closers, start + 3)
            if at < len(closers) and closers[at] < line_end.at(start):
                end = closers[at]
                yield start, start + 2
                yield end, end + 2
                pos = end + 2
                continue
        pos = start + 1


def _run(text: str, start: int) -> int:
    """How many times the character at ``start`` repeats from there (at most 4 counted)."""
    marker = text[start]
    count = 1
    while count < 4 and start + count < len(text) and text[start + count] == marker:
        count += 1
    return count
