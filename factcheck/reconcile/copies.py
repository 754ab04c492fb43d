"""Copies of one report: sources grouped so that a syndicated story counts once.

Five outlets printing the same agency story are one source, not five votes.
Sources are grouped when

- the manifest says so: the same ``via:`` credit, or an outlet named by
  another source's ``via:`` (the original itself); or
- their texts are near duplicates. Candidates come from the MinHash band
  keys each document left behind (:mod:`factcheck.binding.minhash`): two
  documents sharing a band key in any band are candidates, found band by band
  with one dictionary of at most one entry per document, never by comparing
  all pairs. Each group of candidates is confirmed with rapidfuzz: the two
  texts' words (lower-cased, one space apart) must reach
  :data:`SIMILARITY` on ``fuzz.ratio`` (0-100, an edit distance scaled by
  length): light edits ("centres"/"centers", a dropped "on") stay far above
  it, two articles on one story far below. And two texts that state a
  different value for any claim they both state are never merged, however
  alike: "$500 billion" and "$530 billion" are two reports.

Grouping runs after every document has been read, from the signatures (20
integers a document); only the texts of candidates are read again, one
candidate group at a time. The groups depend only on the sources and their
order, so every engine and any ``--jobs`` gives the same groups.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from factcheck.binding.evidence import SourceInfo
from factcheck.binding.minhash import BANDS, words
from factcheck.values import ClaimValue

SIMILARITY = 90.0  # fuzz.ratio a candidate pair must reach to count as a copy

Values = dict[str, frozenset[ClaimValue]]


@dataclass(frozen=True, slots=True)
class CopyGroup:
    """Sources that repeat one original report, in report order."""

    original: str  # the original report's name: the via credit, else its first outlet
    members: tuple[str, ...]  # source ids
    reason: str  # "via", "near-duplicate" or "via, near-duplicate"

    def label(self) -> str:
        """'Wire Service, via 3 outlets'."""
        count = len(self.members)
        return f"{self.original}, via {count} outlet{'' if count == 1 else 's'}"


class _Union:
    """Union-find over document indexes; the smallest index names a set."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def sets(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for item in range(len(self.parent)):
            found.setdefault(self.find(item), []).append(item)
        return list(found.values())


def find_copies(
    sources: Sequence[SourceInfo],
    signature: Callable[[int], tuple[int, ...]],
    text_of: Callable[[int], str | None],
    values_of: Callable[[set[int]], dict[int, Values]],
) -> tuple[CopyGroup, ...]:
    """The copy groups among ``sources`` (in report order), from each one's band keys
    (``signature``), its text read again for candidates (``text_of``, None when it
    cannot be), and the values it states (``values_of``)."""
    manifest = _by_manifest(sources)
    texts = _Union(len(sources))
    for group in candidates(len(sources), signature):
        _confirm(group, text_of, values_of, texts)
    both = _Union(len(sources))
    for members in (*manifest.sets(), *texts.sets()):
        for member in members[1:]:
            both.join(members[0], member)
    groups = []
    for members in sorted(both.sets()):
        via = [v for m in members if (v := sources[m].via)]
        if len(members) < 2 and not via:
            continue
        near = len({texts.find(m) for m in members}) < len(members)
        by_via = len({manifest.find(m) for m in members}) < len(members) or bool(via)
        reason = ", ".join(r for r, on in (("via", by_via), ("near-duplicate", near)) if on)
        first = sources[members[0]]
        original = via[0] if via else first.outlet or first.id
        groups.append(CopyGroup(original, tuple(sources[m].id for m in members), reason))
    return tuple(groups)


def _by_manifest(sources: Sequence[SourceInfo]) -> _Union:
    """Sources joined by a shared ``via:`` credit, or by an outlet another one credits."""
    found = _Union(len(sources))
    credited: dict[str, int] = {}
    for index, source in enumerate(sources):
        if source.via:
            key = source.via.casefold()
            found.join(credited.setdefault(key, index), index)
    for index, source in enumerate(sources):
        if source.outlet and source.outlet.casefold() in credited:
            found.join(credited[source.outlet.casefold()], index)
    return found


def candidates(count: int, signature: Callable[[int], tuple[int, ...]]) -> list[list[int]]:
    """Documents that share a band key in some band, as groups of two or more: one band
    at a time, each document joined to the first that had its key."""
    found = _Union(count)
    for band in range(BANDS):
        first: dict[int, int] = {}
        for document in range(count):
            keys = signature(document)
            if keys:
                found.join(first.setdefault(keys[band], document), document)
    return [members for members in found.sets() if len(members) > 1]


def _confirm(
    group: list[int],
    text_of: Callable[[int], str | None],
    values_of: Callable[[set[int]], dict[int, Values]],
    into: _Union,
) -> None:
    """Join the candidates that are near duplicates stating the same values: each
    joins the first cluster whose leader it matches and whose members it agrees with."""
    from rapidfuzz import fuzz

    values = values_of(set(group))
    clusters: list[tuple[str, list[int]]] = []
    for member in group:
        text = text_of(member)
        if text is None:
            continue
        flat = " ".join(words(text))
        for leader, members in clusters:
            if fuzz.ratio(flat, leader, score_cutoff=SIMILARITY) and all(
                _same_values(values[member], values[other]) for other in members
            ):
                members.append(member)
                into.join(members[0], member)
                break
        else:
            clusters.append((flat, [member]))


def _same_values(a: Values, b: Values) -> bool:
    """No claim that both state with different values."""
    return all(b[claim] == found for claim, found in a.items() if claim in b)
