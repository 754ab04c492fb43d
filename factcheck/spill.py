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
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from factcheck.evidence import DocumentResult, Evidence, SourceInfo
from factcheck.values import ClaimValue

SPILL_AFTER = 500  # documents whose evidence stays in memory before the rest is spilled

_NO_EVIDENCE: tuple[Evidence, ...] = ()


class Spilled:
    """The evidence of one source for one claim, at an offset of the store's file."""

    __slots__ = ("_offset", "_store")

    def __init__(self, store: EvidenceStore, offset: int) -> None:
        self._store = store
        self._offset = offset

    def load(self) -> tuple[Evidence, ...]:
        return self._store.read(self._offset)


Found = tuple[Evidence, ...] | Spilled


class EvidenceStore:
    """Evidence tuples, in memory up to ``spill_after`` documents and in a temp file after.

    ``spill_after=None`` never spills; ``0`` spills everything.
    """

    def __init__(self, spill_after: int | None = SPILL_AFTER) -> None:
        self.spill_after = spill_after
        self.documents = 0
        self._directory: tempfile.TemporaryDirectory[str] | None = None
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

    def put(self, evidence: tuple[Evidence, ...]) -> Found:
        """Keep one source's evidence for one claim; :meth:`next_document` between documents."""
        if not self.spilling():
            return evidence
        file = self._open()
        if not self._writing:
            file.seek(0, 2)
            self._writing = True
        data = pickle.dumps(evidence, pickle.HIGHEST_PROTOCOL)
        offset = self._size
        file.write(data)
        self._size += len(data)
        return Spilled(self, offset)

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
            self._directory = tempfile.TemporaryDirectory(prefix="factcheck-evidence-")
            self._file = open(Path(self._directory.name) / "evidence.bin", "w+b")  # noqa: SIM115
        return self._file


Stated = tuple[SourceInfo, tuple[ClaimValue, ...], Found]


class Ledger:
    """Per document its source and unresolved values; per claim who states what.

    Documents are added in report order. ``documents`` keeps each result with
    its evidence dropped (the evidence is reachable from the claim's entries);
    equal values are shared, as sources mostly repeat the same few.
    """

    def __init__(self, store: EvidenceStore) -> None:
        self.store = store
        self.documents: list[DocumentResult] = []
        self._stated: dict[str, list[Stated]] = {}
        self._values: dict[ClaimValue, ClaimValue] = {}

    def add(self, result: DocumentResult) -> None:
        grouped: dict[str, list[Evidence]] = {}
        for item in result.evidence:
            grouped.setdefault(item.claim, []).append(item)
        source = result.source
        intern = self._values.setdefault
        for claim, items in grouped.items():
            values = tuple(intern(e.value, e.value) for e in items)
            self._stated.setdefault(claim, []).append(
                (source, values, self.store.put(tuple(items))))
        self.store.next_document()
        self.documents.append(DocumentResult(source, _NO_EVIDENCE, result.unresolved))

    def order(self) -> tuple[SourceInfo, ...]:
        return tuple(d.source for d in self.documents)

    def stated(self, claim_id: str) -> Sequence[Stated]:
        """The sources that state ``claim_id``, in report order."""
        return self._stated.get(claim_id, ())
