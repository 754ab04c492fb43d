"""Suppression directives in a draft, for a deliberate difference from the sources.

    <!-- factcheck: ignore aws-deal-value -->         Markdown / HTML comment
    <!-- factcheck: ignore aws-deal-value, other -->  several claims
    factcheck: ignore[aws-deal-value]                 plain text
    factcheck: ignore                                 every claim
    <!-- factcheck: ignore-file aws-deal-value -->    the whole draft
    factcheck: ignore-file                            the whole draft, every claim
    <!-- factcheck: ignore city-budget:total -->      one story's claim (bare: any story's)

On a line with other text a directive covers that line; alone on a line it
covers the next line. In a Word draft a line is a paragraph, and a directive
may also be written in a Word comment: it then covers the paragraph the
comment is anchored to (``ignore-file`` there covers the whole draft).
Directives are parsed into small objects here and applied after checking;
the lint reports the ones that suppressed nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.dataclass import dataclass
from factcheck.model import Document
from factcheck.regexes import compiled

_DIRECTIVE_RE = compiled(
    r"<!--\s*factcheck:\s*(?P<html_kind>ignore-file|ignore)\b(?P<html_ids>[^>]*?)\s*-->"
    r"|(?<![\w-])factcheck:\s*(?P<kind>ignore-file|ignore)(?:\[(?P<ids>[^\]\n]*)\])?",
)
_ID_SPLIT_RE = compiled(r"[\s,]+")


@dataclass(frozen=True, slots=True)
class Suppression:
    """A ``factcheck: ignore`` directive: where it is written and what it silences."""

    line: int  # where the directive is written
    column: int
    start: int  # character span of the directive
    end: int
    covers: int | None  # the line it covers; None for the whole file
    claims: frozenset[str] | None  # None: every claim
    comment: bool = False  # written in a Word comment, not in the text

    def applies(self, line: int, claim: str) -> bool:
        """Whether it silences ``claim`` (``story:id`` in a story, matched by the
        qualified name or the bare id) on ``line``."""
        if self.covers is not None and self.covers != line:
            return False
        bare = claim.partition(":")[2] or claim
        return self.claims is None or claim in self.claims or bare in self.claims

    @property
    def text(self) -> str:
        scope = "file" if self.covers is None else f"line {self.covers}"
        claims = "every claim" if self.claims is None else ", ".join(sorted(self.claims))
        return f"{claims} on {scope}"


def parse(text: str) -> list[Suppression]:
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    found = []
    for match in _DIRECTIVE_RE.finditer(text):
        kind = match.group("html_kind") or match.group("kind")
        raw_ids = match.group("html_ids") if match.group("html_kind") else match.group("ids")
        ids = frozenset(i for i in _ID_SPLIT_RE.split(raw_ids or "") if i)
        line = _line_of(line_starts, match.start())
        line_start = line_starts[line - 1]
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        rest = text[line_start : match.start()] + text[match.end() : line_end]
        alone = not _without_comment_markers(rest).strip()
        covers = None if kind == "ignore-file" else (line + 1 if alone else line)
        found.append(
            Suppression(
                line,
                match.start() - line_start + 1,
                match.start(),
                match.end(),
                covers,
                ids or None,
            )
        )
    return found


def in_comments(draft: Document) -> Iterator[Suppression]:
    """The directives written in a Word draft's comments, each covering the paragraph
    its comment is anchored to (a zero-width span at the paragraph's start)."""
    for paragraph, note in draft.comments:
        start = draft.line_start(paragraph)
        for match in _DIRECTIVE_RE.finditer(note):
            kind = match.group("html_kind") or match.group("kind")
            raw_ids = match.group("html_ids") if match.group("html_kind") else match.group("ids")
            ids = frozenset(i for i in _ID_SPLIT_RE.split(raw_ids or "") if i)
            covers = None if kind == "ignore-file" else paragraph
            yield Suppression(paragraph, 1, start, start, covers, ids or None, comment=True)


def _without_comment_markers(text: str) -> str:
    """Plain-text directives often sit in a comment: '# factcheck: ignore[x]'."""
    return re.sub(r"^\s*(?:#|//|<!--|-->|%)+|(?:-->)\s*$", "", text)


def _line_of(line_starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(line_starts, offset)


def spans(suppressions: list[Suppression]) -> list[tuple[int, int]]:
    """The directives' own text, which is not checked."""
    return [(s.start, s.end) for s in suppressions]
