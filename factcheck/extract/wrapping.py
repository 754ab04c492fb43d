"""Line breaks inside a figure: read the value as in the unwrapped text.

Plain-text wire copy and text taken from PDFs wrap lines anywhere, also inside a
figure. A line break (LF or CRLF, with the spaces around it) inside a figure is
whitespace, and a word hyphenated across a line is one word:

    "worth $38\\nbillion"     -> "$38 billion", 38e9 USD (the span covers the break)
    "38\\r\\nper cent"          -> "38 per cent", 38.0
    "US$\\n38bn"               -> "US$ 38bn", 38e9 USD
    "$38 bil-\\nlion"          -> "$38 billion", 38e9 USD
    not joined: a blank line (a paragraph ends), a break before a list marker or
    between two digits ("2019\\n2020" are two rows), "well-\\nknown" (no figure word)

:func:`unwrap` gives the text with those breaks joined and how to map its offsets
back; :func:`restore` maps a mention found in it back onto the original text, so
the span still covers the text exactly as written (break included). A regular
expression tried once at each line break: linear in the text.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator

from factcheck.dataclass import dataclass
from factcheck.extract.vocabulary import CURRENCY_WORDS, SCALE_ABBREVIATIONS, SCALE_WORDS
from factcheck.model import Mention
from factcheck.regexes import compiled

_SPACE_CHARS = "\x20\t\u00a0"
_SPACE = rf"[{_SPACE_CHARS}]*"
_SYMBOLS = "$€£¥₹"
_WRAP_RE = compiled(
    rf"(?P<hyphen>(?<=[A-Za-z])-\r?\n(?=[A-Za-z]))"
    rf"|(?<=[\d%{_SYMBOLS}]){_SPACE}\r?\n{_SPACE}(?=[A-Za-z%{_SYMBOLS}])"
    rf"|(?<=[{_SYMBOLS}]){_SPACE}\r?\n{_SPACE}(?=\d)"
    rf"|(?P<word>(?<=[A-Za-z.]){_SPACE}\r?\n{_SPACE}(?=[A-Za-z]))"
)
# Words a figure may be hyphenated in: "bil-\nlion", "per-\ncent", "dol-\nlars".
_FIGURE_WORDS = frozenset(
    {
        *SCALE_WORDS,
        *(f"{w}s" for w in SCALE_WORDS),
        *SCALE_ABBREVIATIONS,
        "percent",
        "percentage",
        "points",
        *(w for w in CURRENCY_WORDS if " " not in w),
    }
)
# Words a figure goes on after, across a break: "billion\neuros", "per\ncent",
# "basis\npoints", "Swiss\nfrancs" (the first words of two-word units and currencies).
_GOES_ON_AFTER = frozenset(
    {
        *SCALE_WORDS,
        *(f"{w}s" for w in SCALE_WORDS),
        *SCALE_ABBREVIATIONS,
        "per",
        "basis",
        "percentage",
        "percent",
        *(w.split()[0] for w in CURRENCY_WORDS if " " in w),
    }
)
_WORD_LIMIT = 20  # letters looked at on each side of a hyphen


@dataclass(frozen=True, slots=True)
class Unwrapped:
    """The joined text, and where offsets shift: (first joined offset, its shift)."""

    text: str
    starts: list[int]
    shifts: list[int]

    def original(self, offset: int) -> int:
        """The offset in the original text of the character at ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return offset + (self.shifts[i] if i >= 0 else 0)


def unwrap(text: str) -> Unwrapped | None:
    """The text with line breaks inside figures joined, or None if there are none."""
    if "\n" not in text:
        return None
    pieces: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []
    done = 0
    length = 0  # of the joined text so far
    for m in _breaks(text):
        if m.group("hyphen") and not _joins_a_figure_word(text, m.start(), m.end()):
            continue
        if m.group("word") and not _goes_on(text, m.start()):
            continue
        pieces.append(text[done : m.start()])
        length += m.start() - done
        joint = "" if m.group("hyphen") else " "
        pieces.append(joint)
        length += len(joint)
        starts.append(length)
        shifts.append(m.end() - length)
        done = m.end()
    if not starts:
        return None
    pieces.append(text[done:])
    return Unwrapped("".join(pieces), starts, shifts)


def _breaks(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_WRAP_RE``, tried only where a line breaks: found with
    ``str.find``, which is many times faster than the regular expression's own scan
    (a pattern opening with look-behinds is tried at every character)."""
    at = text.find("\n")
    while at != -1:
        start = at - 1 if at > 0 and text[at - 1] == "\r" else at
        if start > 0 and text[start - 1] == "-":
            found = _WRAP_RE.match(text, start - 1)
        else:
            while start > 0 and text[start - 1] in _SPACE_CHARS:
                start -= 1
            found = _WRAP_RE.match(text, start)
        if found is not None:
            yield found
        at = text.find("\n", at + 1)


def _joins_a_figure_word(text: str, hyphen: int, after: int) -> bool:
    left = hyphen
    while left > max(0, hyphen - _WORD_LIMIT) and text[left - 1].isalpha():
        left -= 1
    right = after
    while right < min(len(text), after + _WORD_LIMIT) and text[right].isalpha():
        right += 1
    return (text[left:hyphen] + text[after:right]).lower() in _FIGURE_WORDS


def _goes_on(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` is one a figure goes on after ("billion", "per")."""
    start = end
    while start > max(0, end - _WORD_LIMIT) and (
        text[start - 1].isalpha() or text[start - 1] == "."
    ):
        start -= 1
    return text[start:end].lower() in _GOES_ON_AFTER


def restore(text: str, unwrapped: Unwrapped, mention: Mention) -> Mention:
    """``mention``, found in the unwrapped text, with its span in ``text``."""
    start = unwrapped.original(mention.start)
    end = unwrapped.original(mention.end - 1) + 1 if mention.end > mention.start else start
    return dataclasses.replace(mention, start=start, end=end, text=text[start:end])
