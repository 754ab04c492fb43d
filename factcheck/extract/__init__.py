"""Extractors: find candidate values, with exact spans, in a text.

Each value kind has one module exposing ``extract(text, context) ->
Iterator[Mention]``; :data:`EXTRACTORS` is the explicit registry. Extractors
are pure functions of (text, context): no state, no I/O, no today's date.

:func:`extract_all` runs them all, resolves overlaps (a year inside
"November 2025" is part of the date, "38" inside "$38 billion" is part of the
money), extends from-to changes over their later steps and attaches hedges ("up
to", "about") with :mod:`.qualifiers`, directions ("fell 5%") with :mod:`.changes` and
physical units ("2 GW", "3.5 million tonnes") with :mod:`.units`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator

from factcheck.extract import (
    changes,
    durations,
    money,
    names,
    number,
    percent,
    qualifiers,
    units,
    wrapping,
    years,
)
from factcheck.extract.dates import extractor as dates
from factcheck.model import ExtractContext, Mention

Extractor = Callable[[str, ExtractContext], Iterator[Mention]]

# Order is priority: when spans overlap, the earlier kind wins.
EXTRACTORS: dict[str, Extractor] = {
    "money": money.extract,
    "percent": percent.extract,
    "duration": durations.extract,
    "date": dates.extract,
    "year": years.extract,
    "number": number.extract,
    "name": names.extract,
}
_PRIORITY = {kind: rank for rank, kind in enumerate(EXTRACTORS)}


def extract_all(text: str, context: ExtractContext | None = None) -> list[Mention]:
    """Every non-overlapping mention in ``text``, sorted by position, with qualifiers.

    A line break inside a figure ("worth $38\nbillion") is read as a space: the
    mentions are found in the unwrapped text, their spans given in ``text``.
    """
    context = context or ExtractContext()
    unwrapped = wrapping.unwrap(text)
    if unwrapped is None:
        return _extract_all(text, context)
    found = _extract_all(unwrapped.text, context)
    return [wrapping.restore(text, unwrapped, mention) for mention in found]


def _extract_all(text: str, context: ExtractContext) -> list[Mention]:
    found: list[Mention] = []
    for extractor in EXTRACTORS.values():
        found.extend(extractor(text, context))
    found.extend(units.glued(text))
    kept = changes.extend(text, resolve_overlaps(found))
    return [
        units.attach(text, changes.attach(text, qualifiers.attach(text, mention)))
        for mention in kept
    ]


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the best of overlapping mentions: higher-priority kind, then longer span.

    Names never suppress values and values never suppress names: a name and a
    number may overlap ("Amazon Web Services" never does, but "Series 2" could).
    Kept spans of a group never overlap, so each candidate is checked against
    its two neighbours only: linear-logarithmic in the number of mentions.
    """
    ranked = sorted(
        mentions,
        key=lambda m: (_PRIORITY.get(m.kind, len(_PRIORITY)), -(m.end - m.start), m.start),
    )
    kept: dict[bool, list[tuple[int, int]]] = {True: [], False: []}
    taken: list[Mention] = []
    for mention in ranked:
        spans = kept[mention.kind == "name"]
        if _free(spans, mention.start, mention.end):
            bisect.insort(spans, (mention.start, mention.end))
            taken.append(mention)
    return sorted(taken, key=lambda m: m.sort_key)


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps none of the sorted, disjoint ``spans``."""
    i = bisect.bisect_left(spans, (start, end))
    if i < len(spans) and spans[i][0] < end:
        return False
    return not (i > 0 and spans[i - 1][1] > start)
