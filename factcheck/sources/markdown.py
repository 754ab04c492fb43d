"""Markdown without shifting a character: the spans of markup to blank out.

factcheck reads a Markdown draft as the editor sees it in their editor:
line and column of every finding point into the file itself. Instead of
rendering Markdown (which moves text), we find the spans of markup — front
matter, fenced and indented code, inline code, HTML comments and tags,
link targets, emphasis markers, heading hashes — and blank them out, keeping
offsets and line breaks. Code is not checked at all; link text and
emphasised words are.

    "**$38 billion** [deal with AWS](https://x.test)"
 -> "  $38 billion    deal with AWS                 "
"""

from __future__ import annotations

import re

from factcheck.regexes import compiled
from factcheck.sources import spans as pairs

Span = tuple[int, int]

FRONT_MATTER_RE = compiled(r"\A---[ \t]*\n(.*?)^---[ \t]*$\n?", re.S | re.M)
_FENCE_RE = compiled(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?\2[ \t]*$|\Z)", re.S | re.M)
_INDENTED_CODE_RE = compiled(r"(?:(?<=\n\n)|\A)((?: {4}|\t)[^\n]*(?:\n(?: {4}|\t)[^\n]*)*)")
_INLINE_CODE_RE = compiled(r"(`+)[^`\n].*?\1", re.S)
_TAG_RE = compiled(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK_DEFINITION_RE = compiled(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.M)
_HEADING_RE = compiled(r"^ {0,3}(#{1,6})[ \t]", re.M)
_TRAILING_HASHES_RE = compiled(r"[ \t]#+[ \t]*$", re.M)
_QUOTE_LIST_RE = compiled(r"^ {0,3}(?:>[ \t]?)+", re.M)


def front_matter(text: str) -> tuple[str | None, Span | None]:
    """The YAML front matter's text and span, if the file starts with one."""
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        return None, None
    return match.group(1), (0, match.end())


def markup_spans(text: str) -> list[Span]:
    """Spans to blank out so that only the prose of a Markdown text is checked."""
    spans: list[Span] = []
    _, matter = front_matter(text)
    if matter:
        spans.append(matter)
    for regex in (
        _FENCE_RE,
        _INDENTED_CODE_RE,
        _INLINE_CODE_RE,
        _TAG_RE,
        _LINK_DEFINITION_RE,
    ):
        spans.extend(m.span() for m in regex.finditer(text))
    spans.extend(pairs.comments(text))
    # [text](target "title") and ![alt](src): blank the brackets and the target, keep the text.
    for middle in "([":
        for opener, closer in pairs.links(text, middle):
            spans.extend((opener, closer))
    spans.extend(pairs.emphasis(text))
    spans.extend(pairs.strikes(text))
    for regex in (_HEADING_RE, _QUOTE_LIST_RE):
        spans.extend(m.span(1) if regex is _HEADING_RE else m.span() for m in regex.finditer(text))
    spans.extend(m.span() for m in _TRAILING_HASHES_RE.finditer(text))
    return merge(spans)


def merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
