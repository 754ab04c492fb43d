"""Copies of one report: sources grouped so that a syndicated story counts once.

Five outlets printing the same agency story are one source, not five votes.
Sources are grouped when

- the manifest says so: the same ``via:`` credit, or an outlet named by
  another source's ``via:`` (the original itself); or
- their texts are near duplicates. Candidates come from the MinHash
  signature each document left behind (:mod:`factcheck.binding.minhash`) by
  locality-sensitive hashing: 16 bands of 4 bins, documents sharing a band's
  bins meet in a bucket, and two that meet count as candidates when their
  signatures estimate at least :data:`ESTIMATE` of their shingles shared
  (see :func:`candidates`); never by comparing all pairs. A pair sharing 75%
  of its shingles meets in some band with probability 0.998, one sharing 30%
  with 0.12. Each group of candidates is confirmed with rapidfuzz: the two
  texts' words (lower-cased, one space apart, the first :data:`COMPARED`
  characters) must reach :data:`SIMILARITY` on ``fuzz.ratio`` (0-100, an edit distance scaled by
  length): light edits ("centres"/"centers", a dropped "on") stay far above
  it, two articles on one story far below. And two texts that state a
  different value for any claim they both state are never merged, however
  alike: "$500 billion" and "$530 billion" are two reports.

Grouping runs after every document has been read, from the signatures (64
16-bit numbers a document); only the texts of candidates are read again, one
candidate group at a time. The groups depend only on the sources and their
order, so every engine and any ``--jobs`` gives the same groups.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence

from factcheck.binding.evidence import SourceInfo
from factcheck.binding.minhash import BANDS, band, packed, similarity, words
from factcheck.dataclass import dataclass
from factcheck.values import ClaimValue

SIMILARITY = 90.0  # fuzz.ratio a candidate pair must reach to count as a copy
# Characters of each text compared: fuzz.ratio is quadratic in the length, and the
# opening 20,000 characters (some 3,000 words, most articles whole) tell a copy.
COMPARED = 20_000
LEADERS = 16  # clusters whose text a candidate is compared with, the most alike first
SCANNED = 256  # latest clusters of a candidate group whose signatures are compared
BUCKET_LEADERS = 4  # members of an LSH bucket a document is compared with
ESTIMATE = 0.5  # estimated shingle similarity (share of equal MinHash bins) of a candidate

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
    # Packed signatures, 0 for a text too short to have one: about 150 bytes a document.
    signatures = [packed(keys) if (keys := signature(d)) else 0 for d in range(len(sources))]
    groups = candidates(signatures)
    values = values_of({member for group in groups for member in group})  # one pass
    for group in groups:
        _confirm(group, text_of, values, signatures, texts)
    both = _Union(len(sources))
    for members in (*manifest.sets(), *texts.sets()):
        for member in members[1:]:
            both.join(members[0], member)
    found = []
    for members in sorted(both.sets()):
        if len(members) < 2:
            continue  # one source crediting an agency is still one report, counted once
        via = [v for m in members if (v := sources[m].via)]
        near = len({texts.find(m) for m in members}) < len(members)
        by_via = len({manifest.find(m) for m in members}) < len(members) or bool(via)
        reason = ", ".join(r for r, on in (("via", by_via), ("near-duplicate", near)) if on)
        first = sources[members[0]]
        original = via[0] if via else first.outlet or first.id
        found.append(CopyGroup(original, tuple(sources[m].id for m in members), reason))
    return tuple(found)


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


def candidates(signatures: Sequence[int]) -> list[list[int]]:
    """Documents likely to be copies, as groups of two or more, never comparing all pairs.

    Band by band (:data:`~factcheck.binding.minhash.ROWS` bins each), documents with
    the same bins share a bucket; in its bucket a document is compared, by the
    signatures' estimate, with the bucket's first :data:`BUCKET_LEADERS` dissimilar members
    and joins the first whose estimated similarity reaches :data:`ESTIMATE`. So
    articles of one template or topic that share a band now and then do not chain
    into one group, and the work is at most ``documents x bands x BUCKET_LEADERS``
    signature comparisons."""
    found = _Union(len(signatures))
    for index in range(BANDS):
        buckets: dict[int, list[int]] = {}
        for document, own in enumerate(signatures):
            if not own:
                continue
            leaders = buckets.setdefault(band(own, index), [])
            scored = [(similarity(signatures[d], own), d) for d in leaders]
            best = max(scored, default=(0.0, -1))
            if best[0] >= ESTIMATE:
                found.join(best[1], document)
            elif len(leaders) < BUCKET_LEADERS:
                leaders.append(document)
    return [members for members in found.sets() if len(members) > 1]


def _confirm(
    group: list[int],
    text_of: Callable[[int], str | None],
    values: dict[int, Values],
    signatures: Sequence[int],
    into: _Union,
) -> None:
    """Join the candidates that are near duplicates stating the same values.

    Each member is compared with the clusters made so far whose members it agrees
    with and whose leader's signature estimates at least :data:`ESTIMATE` alike
    (among the latest :data:`SCANNED`), the most alike first, and joins the first
    whose leader's text it matches, trying at most :data:`LEADERS`. A template
    printed with a thousand different figures makes a thousand clusters; comparing
    each text with all of them would be quadratic."""
    from rapidfuzz import fuzz

    # Per cluster: its leader's words and signature, its first member, and what its
    # members state (they agree on every claim two of them state: one mapping holds it).
    clusters: deque[tuple[str, int, int, Values]] = deque(maxlen=SCANNED)
    for member in group:
        text = text_of(member)
        if text is None:
            continue
        flat = " ".join(words(text))[:COMPARED]
        stated, own = values[member], signatures[member]
        ranked = []
        for age, (leader, sig, first, agreed) in enumerate(clusters):
            estimate = similarity(sig, own)
            if estimate >= ESTIMATE and _same_values(stated, agreed):
                ranked.append((-estimate, -age, leader, first, agreed))
        ranked.sort(key=lambda item: (item[0], item[1]))
        for *_, leader, first, agreed in ranked[:LEADERS]:
            if fuzz.ratio(flat, leader, score_cutoff=SIMILARITY):
                agreed.update(stated)
                into.join(first, member)
                break
        else:
            clusters.append((flat, own, member, dict(stated)))


def _same_values(a: Values, b: Values) -> bool:
    """No claim that both state with different values."""
    return all(b[claim] == found for claim, found in a.items() if claim in b)
