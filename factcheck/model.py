"""Core value types shared by every stage of the pipeline.

Data flows one way: rules + documents -> mentions -> claim values -> verdicts.
Internal objects are frozen dataclasses (cheap, hashable, immutable); the
user-facing rule format lives in :mod:`factcheck.rules.ruleset` and the result types
in :mod:`factcheck.results` as pydantic models.
"""

from __future__ import annotations

import bisect
from dataclasses import field
from datetime import date
from typing import Literal

from factcheck.dataclass import dataclass
from factcheck.regexes import compiled

_NEWLINE = compiled("\n")

ValueType = Literal[
    "money", "percent", "number", "quantity", "duration", "date", "year", "boolean", "text"
]
VALUE_TYPES: tuple[ValueType, ...] = (
    "money",
    "percent",
    "number",
    "quantity",
    "duration",
    "date",
    "year",
    "boolean",
    "text",
)

Direction = Literal["up", "down"]  # the way a stated movement goes ("fell 5%": down)

Qualifier = Literal["up_to", "about", "more_than", "at_least", "less_than", "additional"]
QUALIFIERS: tuple[Qualifier, ...] = (
    "up_to",
    "about",
    "more_than",
    "at_least",
    "less_than",
    "additional",
)


@dataclass(frozen=True, slots=True, order=True)
class DateInterval:
    """A calendar interval, both ends inclusive ("November 2025" = 1..30 Nov)."""

    start: date
    end: date

    def single_year(self) -> int | None:
        return self.start.year if self.start.year == self.end.year else None


@dataclass(frozen=True, slots=True, order=True)
class NumberRange:
    """A numeric range such as "10 to 20" or "between 5% and 7%"; None = unbounded end.

    ``low_closed``/``high_closed`` say whether an end belongs to the range as
    the text states it: "more than 100 and at most 300" is (100, 300]. Ranges
    written with a connector ("10 to 20", "between 10 and 20") are closed.
    Comparisons treat every range as the closed interval [low, high]; the
    flags are a detail for display and for scoring against other conventions.
    """

    low: float | None
    high: float | None
    low_closed: bool = True
    high_closed: bool = True


Value = float | int | bool | str | DateInterval | NumberRange


@dataclass(frozen=True, slots=True)
class Mention:
    """One candidate value found in a text, with its exact character span.

    ``kind`` names the extractor that produced it (money, percent, number,
    date, year, name, boolean, choice). ``value`` is the normalised value, or
    None when it cannot be resolved (a relative date with no reference date).
    ``start``/``end`` are 0-based, end-exclusive offsets into the decoded text
    and cover the qualifier too ("up to $50 billion").

    ``direction`` is the way a stated movement goes: "up" for "rose 3%", "up 3%",
    "gained", "+0.7%"; "down" for "fell 5%", "a 5% drop", "-0.7%", "(1.2%)" in
    market copy. The value itself stays positive (5, not -5).

    A from-to change ("raised its forecast from $4 billion to $6 billion", "from 2%
    to 3.5% and then to 5%") is one mention with ``detail="change"``: ``value`` is
    the last value, ``previous`` the first, ``steps`` every value in order (first
    and last included). "between X and Y" and "X-Y" stay ranges.

    ``measure`` is the physical unit written after a count ("2 GW": ``gigawatt``), for
    quantity claims; ``unit`` stays what money and percentages carry.
    """

    kind: str
    start: int
    end: int
    text: str
    value: Value | None
    unit: str | None = None
    qualifier: Qualifier | None = None
    detail: str | None = None  # e.g. "ordinal", "relative", "spelled", "change"
    direction: Direction | None = None
    previous: Value | None = None
    steps: tuple[Value, ...] = ()
    measure: str | None = None  # a count's physical unit, as a pint expression ("gigawatt")

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.kind)


@dataclass(frozen=True, slots=True)
class Location:
    """A point (or span) in a file: path, 1-based line and column."""

    path: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.path
        if self.column is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was found but not checked, and why (for a warning that names it)."""

    path: str
    reason: str  # "empty file", "cannot read (Permission denied)"...

    def __str__(self) -> str:
        return f"{self.path}: skipped, {self.reason}"


@dataclass(frozen=True, slots=True)
class Notice:
    """Something a reader should know about a file that is still read (an unreadable
    date, a manifest key that is not one), or about a folder: a warning, never a stop."""

    location: Location
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{self.location}: {self.message}{hint}"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's character span in its document's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """One source article (or a draft), decoded to text, with its metadata."""

    id: str
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    via: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    extra: tuple[tuple[str, str], ...] = ()  # metadata under keys factcheck does not read
    # "html", "pdf", "docx": the text was extracted from that format (None: the file's text).
    origin: str | None = None
    # A PDF's page starts, as offsets into ``text`` (page 1 starts at 0).
    pages: tuple[int, ...] = ()
    # Word comments, as (paragraph, comment text): a suppression may be written there.
    comments: tuple[tuple[int, str], ...] = ()
    # Warnings about the file's metadata (an unreadable date): it is checked all the same.
    notices: tuple[Notice, ...] = ()
    # Spans not to check (front matter, code blocks), as (start, end) offsets.
    skip: tuple[tuple[int, int], ...] = ()
    # ``text`` writes every line break as "\n"; these are the offsets in ``text`` of
    # the breaks the file stores as CRLF (two characters), for :meth:`file_offset`.
    crlf: tuple[int, ...] = ()
    _line_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        starts.extend(m.end() for m in _NEWLINE.finditer(self.text))
        object.__setattr__(self, "_line_starts", starts)

    def checkable_text(self) -> str:
        """The text with skipped spans blanked out, offsets and line breaks kept."""
        if not self.skip:
            return self.text
        chars = list(self.text)
        for start, end in self.skip:
            for i in range(start, end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    def page(self, offset: int) -> int | None:
        """The 1-based PDF page holding a character offset; None for other formats."""
        return bisect.bisect_right(self.pages, offset) if self.pages else None

    def file_offset(self, offset: int) -> int:
        """An offset into ``text`` as an offset into the file as stored (a CR counts)."""
        return offset + bisect.bisect_left(self.crlf, offset) if self.crlf else offset

    def line_start(self, line: int) -> int:
        """The offset where a 1-based line starts (the text's end past the last line)."""
        return self._line_starts[line - 1] if 0 < line <= len(self._line_starts) else len(self.text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def location(self, start: int, end: int | None = None) -> Location:
        line, col = self.line_col(start)
        if end is None:
            return Location(self.path, line, col)
        end_line, end_col = self.line_col(end)
        return Location(self.path, line, col, end_line, end_col)


@dataclass(frozen=True, slots=True)
class ExtractContext:
    """What extractors may know beyond the text: the reference date for
    relative expressions ("last month"). None means relative dates stay
    unresolved; factcheck never falls back to today's date."""

    reference_date: date | None = None
