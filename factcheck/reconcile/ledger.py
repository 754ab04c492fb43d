"""What a check keeps while an archive streams through, with the evidence spilled to disk.

Reconciliation needs, per document, only its source metadata and, per claim,
the values it states; the evidence (words, offsets and a ~200-character quote
per mention) is only read back when the report is written. A :class:`Ledger`
keeps the small part in memory and hands the evidence to an
:class:`EvidenceStore`, which holds it in memory for the first
``spill_after`` documents and appends the rest, pickled per (document, claim),
to one file in a private temporary directory. The report then reads a claim's
evidence back in document order, one source at a time, so peak memory no
longer grows with the quotes of the whole archive.

The store owns the directory; :meth:`EvidenceStore.close` (or the owning
:class:`~factcheck.results.CheckRun` used as a context manager) removes it.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, overload

from factcheck.binding.evidence import DocumentResult, Evidence, SourceInfo
from factcheck.binding.minhash import HASHES
from factcheck.model import DateInterval
from factcheck.reconcile.records import EvidenceRef, Kept, Stated, Tie
from factcheck.values import ClaimValue

if TYPE_CHECKING:
    from tempfile import TemporaryDirectory

SPILL_AFTER = 500  # documents whose evidence stays in memory before the rest is spilled

_NO_EVIDENCE: tuple[Evidence, ...] = ()
AsOf = tuple[DateInterval | None, ...]  # per value of a source, the date its sentence gives


class Spilled:
    """The evidence of one source for one claim, at an offset of the store's file."""

    __slots__ = ("_offset", "_store")

    def __init__(self, store: EvidenceStore, offset: int) -> None:
        self._store = store
        self._offset = offset

    def load(self) -> tuple[Evidence, ...]:
        return self._store.read(self._offset)


class EvidenceStore:
    """Evidence tuples, in memory up to ``spill_after`` documents and in a temp file after.

    :meth:`put` returns a ticket (an int, cheap to keep by the hundred thousand)
    and :meth:`ref` turns it back into the evidence (:class:`Kept`) or a :class:`Spilled`
    handle. ``spill_after=None`` never spills; ``0`` spills everything.
    """

    def __init__(self, spill_after: int | None = SPILL_AFTER) -> None:
        self.spill_after = spill_after
        self.documents = 0
        self._kept: list[tuple[Evidence, ...]] = []
        self._directory: TemporaryDirectory[str] | None = None
        self._file: IO[bytes] | None = None
        self._size = 0
        self._writing = False
        self.closed = False

    @property
    def path(self) -> Path | None:
        """The temporary directory, once something has been spilled."""
        return Path(self._directory.name) if self._directory else None

    def spilling(self) -> bool:
        return self.spill_after is not None and self.documents >= self.spill_after

    def put(self, evidence: tuple[Evidence, ...]) -> int:
        """Keep one source's evidence for one claim; :meth:`next_document` between documents.

        The ticket is negative for evidence kept in memory, else its file offset."""
        if not self.spilling():
            self._kept.append(evidence)
            return -len(self._kept)
        file = self._open()
        if not self._writing:
            file.seek(0, 2)
            self._writing = True
        data = pickle.dumps(evidence, pickle.HIGHEST_PROTOCOL)
        offset = self._size
        file.write(data)
        self._size += len(data)
        return offset

    def ref(self, ticket: int) -> EvidenceRef:
        """The evidence of a ticket, or a handle to read it back from the file."""
        return Kept(self._kept[-ticket - 1]) if ticket < 0 else Spilled(self, ticket)

    def next_document(self) -> None:
        self.documents += 1

    def read(self, offset: int) -> tuple[Evidence, ...]:
        if self._file is None or self.closed:
            raise ValueError("the evidence store is closed")
        file = self._file
        if self._writing:
            file.flush()
            self._writing = False
        file.seek(offset)
        loaded: tuple[Evidence, ...] = pickle.load(file)
        return loaded

    def close(self) -> None:
        """Remove the temporary directory and its file; safe to call twice."""
        self.closed = True
        if self._file is not None:
            self._file.close()
            self._file = None
        if self._directory is not None:
            self._directory.cleanup()
            self._directory = None

    def _open(self) -> IO[bytes]:
        if self.closed:
            raise ValueError("the evidence store is closed")
        if self._file is None:
            from tempfile import TemporaryDirectory  # only an archive spills

            self._directory = TemporaryDirectory(prefix="factcheck-evidence-")
            self._file = open(Path(self._directory.name) / "evidence.bin", "w+b")  # noqa: SIM115
        return self._file


class _Column:
    """Who states one claim, as parallel arrays of small numbers (20 bytes a source):
    the document's index, the index of its values, its evidence ticket, and the
    index of the dates its sentences give (``changes_over_time`` claims)."""

    __slots__ = ("documents", "tickets", "times", "values")

    def __init__(self) -> None:
        self.documents = array("I")
        self.values = array("I")
        self.tickets = array("q")
        self.times = array("I")


class Ledger:
    """Per document its source and unresolved values; per claim who states what.

    Documents are added in report order. ``documents`` keeps each result with
    its evidence dropped (the evidence goes to the store). What each source
    states is kept as numbers per claim, and each distinct tuple of values
    once, as sources mostly repeat the same few: memory per stating source
    stays a few bytes however large the archive.
    """

    def __init__(self, store: EvidenceStore) -> None:
        self.store = store
        self.documents: list[DocumentResult] = []
        self._columns: dict[str, _Column] = {}
        self._values: list[tuple[ClaimValue, ...]] = []
        self.ties: list[Tie] = []  # values two claims proposed with the same score
        self._value_index: dict[tuple[ClaimValue, ...], int] = {}
        self.signatures = array("H")  # each document's MinHash signature (128 bytes), end to end
        self._signed = bytearray()  # 1 where a document has a signature (enough words)
        self._times: list[AsOf] = [()]
        self._time_index: dict[AsOf, int] = {(): 0}

    def add(self, result: DocumentResult) -> None:
        grouped: dict[str, list[Evidence]] = {}
        for item in result.evidence:
            grouped.setdefault(item.claim, []).append(item)
            if item.tied_with is not None:
                self.ties.append(Tie(result.source.id, item.claim, item.tied_with, item.text))
        document = len(self.documents)
        for claim, items in grouped.items():
            column = self._columns.get(claim) or self._columns.setdefault(claim, _Column())
            column.documents.append(document)
            column.values.append(self._intern(tuple(e.value for e in items)))
            column.tickets.append(self.store.put(tuple(items)))
            column.times.append(self._intern_time(items))
        self.store.next_document()
        self.documents.append(DocumentResult(result.source, _NO_EVIDENCE, result.unresolved))
        self._signed.append(1 if result.signature else 0)
        self.signatures.extend(result.signature or (0,) * HASHES)

    def signature(self, document: int) -> tuple[int, ...]:
        """A document's MinHash signature, () when its text was too short to have one."""
        if not self._signed[document]:
            return ()
        return tuple(self.signatures[document * HASHES : (document + 1) * HASHES])

    def values_of(self, documents: set[int]) -> dict[int, dict[str, frozenset[ClaimValue]]]:
        """What each of ``documents`` states, per claim: one pass over the columns."""
        found: dict[int, dict[str, frozenset[ClaimValue]]] = {d: {} for d in documents}
        for claim, column in self._columns.items():
            for index, document in enumerate(column.documents):
                if document in found:
                    found[document][claim] = frozenset(self._values[column.values[index]])
        return found

    def _intern(self, values: tuple[ClaimValue, ...]) -> int:
        index = self._value_index.get(values)
        if index is None:
            index = self._value_index[values] = len(self._values)
            self._values.append(values)
        return index

    def _intern_time(self, items: list[Evidence]) -> int:
        if all(e.as_of is None for e in items):
            return 0
        times = tuple(e.as_of for e in items)
        index = self._time_index.get(times)
        if index is None:
            index = self._time_index[times] = len(self._times)
            self._times.append(times)
        return index

    def as_of(self, claim_id: str) -> list[AsOf]:
        """Per source stating ``claim_id`` (as :meth:`stated` lists them), the date each
        of its values' sentences gives (None where none), or () when no sentence does."""
        column = self._columns.get(claim_id)
        return [self._times[i] for i in column.times] if column is not None else []

    def order(self) -> tuple[SourceInfo, ...]:
        return tuple(d.source for d in self.documents)

    def stated(self, claim_id: str) -> Sequence[Stated]:
        """The sources that state ``claim_id``, in report order."""
        column = self._columns.get(claim_id)
        return _StatedView(self, column) if column is not None else ()

    def entry(self, column: _Column, index: int) -> Stated:
        return (
            self.documents[column.documents[index]].source,
            self._values[column.values[index]],
            self.store.ref(column.tickets[index]),
        )


class _StatedView(Sequence[Stated]):
    """A claim's column read as (source, values, evidence) entries, made on demand."""

    __slots__ = ("_column", "_ledger")

    def __init__(self, ledger: Ledger, column: _Column) -> None:
        self._ledger = ledger
        self._column = column

    def __len__(self) -> int:
        return len(self._column.documents)

    @overload
    def __getitem__(self, index: int) -> Stated: ...
    @overload
    def __getitem__(self, index: slice) -> list[Stated]: ...

    def __getitem__(self, index: int | slice) -> Stated | list[Stated]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._ledger.entry(self._column, index)

    def __iter__(self) -> Iterator[Stated]:
        entry, column = self._ledger.entry, self._column
        return (entry(column, i) for i in range(len(column.documents)))
