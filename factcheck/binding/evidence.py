"""What a checked document leaves behind: its metadata and the evidence for each value.

Checking a document is a pure function of (rules, document) whose result
holds only what the report needs — source metadata, each bound value with
its words, position and quote — never the article text. That keeps memory
flat over an archive and lets the work run in other processes or machines.
"""

from __future__ import annotations

import copyreg
import dataclasses
import operator
from collections.abc import Callable
from typing import Any

from factcheck.binding.binder import Binder, Binding
from factcheck.binding.dating import sentence_date
from factcheck.binding.minhash import signature as minhash
from factcheck.dataclass import dataclass
from factcheck.model import DateInterval, Document, Notice, NumberRange
from factcheck.text import quote
from factcheck.values import ClaimValue


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A source as reports name it: id, path and the manifest's or front matter's metadata."""

    id: str
    path: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date
    via: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    extracted_from: str | None = None  # "html", "pdf", "docx"
    extra: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, document: Document) -> SourceInfo:
        published = document.published.isoformat() if document.published else None
        d = document
        return cls(
            d.id,
            d.path,
            d.title,
            d.outlet,
            published,
            d.via,
            d.url,
            d.author,
            d.language,
            d.origin,
            d.extra,
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """A value bound to a claim in one source, with where and how it is written:
    everything a renderer shows, so none binds or splits sentences again."""

    claim: str
    value: ClaimValue
    text: str
    # Spans are character offsets into the file as stored (a CR counts); line and
    # column count as an editor does (a CRLF is one line break).
    start: int
    end: int
    line: int
    column: int
    quote: str
    cue: str | None  # the cue phrase as the rule writes it
    sentence: tuple[int, int] = (0, 0)  # the span of the sentence that states it
    cue_span: tuple[int, int] | None = None  # where the cue's words stand
    cue_text: str | None = None  # the cue's words as the article writes them
    score: float = 0.0  # the binder's score for it (see ``factcheck explain``)
    tied_with: str | None = None  # a claim that proposed it with the same score, and lost
    page: int | None = None  # the PDF page it is on
    # The time the sentence says the value describes (``changes_over_time`` claims only).
    as_of: DateInterval | None = None

    @classmethod
    def of(cls, document: Document, binding: Binding, dated: bool = False) -> Evidence:
        mention = binding.mention
        line, column = document.line_col(mention.start)
        in_file = document.file_offset
        cue = binding.cue_span
        return cls(
            claim=binding.claim,
            value=binding.value,
            text=mention.text,
            start=in_file(mention.start),
            end=in_file(mention.end),
            line=line,
            column=column,
            quote=quote(document.text, binding.sentence, mention.start, mention.end),
            cue=binding.cue,
            sentence=(in_file(binding.sentence.start), in_file(binding.sentence.end)),
            cue_span=(in_file(cue[0]), in_file(cue[1])) if cue is not None else None,
            cue_text=_words(document.text, cue),
            score=round(binding.score, 4),
            tied_with=binding.tied_with,
            page=document.page(mention.start),
            as_of=_as_of(document, binding) if dated else None,
        )


# How far from its value a sentence's date may stand, in characters: a hostile
# sentence of megabytes with thousands of values costs each value this much, no more.
_DATE_REACH = 300


def _as_of(document: Document, binding: Binding) -> DateInterval | None:
    sentence, mention = binding.sentence, binding.mention
    start = max(sentence.start, mention.start - _DATE_REACH)
    end = min(sentence.end, mention.end + _DATE_REACH)
    span = (mention.start - start, mention.end - start)
    return sentence_date(document.text[start:end], span, document.published)


def _words(text: str, span: tuple[int, int] | None) -> str | None:
    return " ".join(text[span[0] : span[1]].split()) if span is not None else None


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A relative date the source had no publication date to resolve."""

    text: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything checking one source produced: evidence, notices and its text signature."""

    source: SourceInfo
    evidence: tuple[Evidence, ...]
    unresolved: tuple[Unresolved, ...]
    notices: tuple[Notice, ...] = ()  # about the document's metadata, for the warnings
    # The text's MinHash signature (:mod:`factcheck.binding.minhash`), to find copies.
    signature: tuple[int, ...] = ()

    def with_id(self, source_id: str) -> DocumentResult:
        renamed = dataclasses.replace(self.source, id=source_id)
        return dataclasses.replace(self, source=renamed)


def check_document(binder: Binder, document: Document) -> DocumentResult:
    """Bind one document and keep only its evidence."""
    bound = binder.bind(document)
    dated = {c.id for c in binder.claims if c.changes_over_time}
    evidence = tuple(Evidence.of(document, b, b.claim in dated) for b in bound.bindings)
    unresolved = tuple(Unresolved(m.text, *document.line_col(m.start)) for m in bound.unresolved)
    signature = minhash(document.checkable_text())
    return DocumentResult(
        SourceInfo.of(document), evidence, unresolved, document.notices, signature
    )


def _pickled_by_fields(cls: type[Any]) -> None:
    """Pickle ``cls`` (a dataclass) as a call with its fields in order.

    A slotted dataclass pickles through ``__getstate__``/``__setstate__``, which
    look up the class's fields on every call: results cross from worker to parent
    and evidence goes to the spill file by the thousand, and this costs half as
    much. What loads is the same object, made by the class itself."""
    names = [f.name for f in dataclasses.fields(cls)]
    assert all(f.init for f in dataclasses.fields(cls)) and len(names) > 1, cls
    fields: Callable[[Any], tuple[Any, ...]] = operator.attrgetter(*names)
    copyreg.pickle(cls, lambda item: (cls, fields(item)))


for _kind in (
    DocumentResult,
    SourceInfo,
    Evidence,
    Unresolved,
    ClaimValue,
    DateInterval,
    NumberRange,
    Notice,
):
    _pickled_by_fields(_kind)
