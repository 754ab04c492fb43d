"""JSON renderer: the :class:`~factcheck.results.CheckReport` format, keys sorted.

The report is written piece by piece instead of being built whole and dumped:
over an archive the full report is far larger than what the check keeps, so
sources, unresolved values, claims and each claim's sources are written one
at a time, and a claim's evidence is read back (from disk, when it was
spilled) only as its source is written. The bytes are exactly those of
``json.dump(report.model_dump(mode="json"), indent=2, sort_keys=True)``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from json.encoder import encode_basestring
from typing import Any, TextIO

from factcheck import __version__
from factcheck.binding.evidence import SourceInfo
from factcheck.reconcile.records import NO_EVIDENCE, ClaimVerdict, SourceVerdict
from factcheck.report import jsontext
from factcheck.results import (
    claim_out,
    copies_out,
    source_claim_json,
    total_summary,
)
from factcheck.run.outcome import CheckRun, StoryRun

_STREAMED = "\x00streamed\x00"  # stands for a claim's sources while its other fields are dumped


def render(run: CheckRun, stream: TextIO) -> None:
    fields = _run_fields(run, stream)
    fields["version"] = lambda level: stream.write(_dumps(__version__, level))
    _write_object(stream, fields, 0)
    stream.write("\n")


def render_stories(stories: Sequence[StoryRun], stream: TextIO) -> None:
    """Several stories: ``{"stories": [...], "summary", "version"}``, each story
    written as one story's report is (its name and title instead of the version)."""

    def story(item: StoryRun, level: int) -> None:
        fields = _run_fields(item.run, stream)
        fields["name"] = lambda at: stream.write(_dumps(item.name, at))
        fields["title"] = lambda at: stream.write(_dumps(item.title, at))
        _write_object(stream, fields, level)

    summary = total_summary([s.run.summary() for s in stories])
    top: dict[str, Callable[[int], object]] = {
        "stories": lambda level: _write_list(stream, stories, level, story),
        "summary": lambda level: stream.write(_dumps(summary, level)),
        "version": lambda level: stream.write(_dumps(__version__, level)),
    }
    _write_object(stream, top, 0)
    stream.write("\n")


def _run_fields(run: CheckRun, stream: TextIO) -> dict[str, Callable[[int], object]]:
    """Writers of one run's fields (claims, sources...), each at a nesting level."""
    fields: dict[str, Callable[[int], object]] = {
        "claims": lambda level: _write_list(stream, run.verdicts, level, _claim_writer(stream)),
        "sources": lambda level: _write_list(
            stream, (s.model_dump(mode="json") for s in run.each_source()), level
        ),
        "summary": lambda level: stream.write(_dumps(run.summary(), level)),
        "unresolved": lambda level: _write_list(
            stream, (u.model_dump(mode="json") for u in run.each_unresolved()), level
        ),
        "warnings": lambda level: stream.write(_dumps(run.warnings, level)),
    }
    copies = copies_out(run.copies)
    if copies is not None:  # absent when there are none, as in the report model
        fields["copies"] = lambda level: stream.write(
            _dumps([c.model_dump(mode="json") for c in copies], level)
        )
    return fields


def _write_object(stream: TextIO, fields: dict[str, Callable[[int], object]], level: int) -> None:
    """An object at nesting ``level``, keys sorted, as ``json.dumps(indent=2)`` lays it out."""
    indent = "\n" + "  " * (level + 1)
    stream.write("{")
    for i, key in enumerate(sorted(fields)):
        stream.write(("," if i else "") + f"{indent}{json.dumps(key)}: ")
        fields[key](level + 1)
    stream.write("\n" + "  " * level + "}")


def _claim_writer(stream: TextIO) -> Callable[[ClaimVerdict, int], None]:
    def write(verdict: ClaimVerdict, level: int) -> None:
        claim = claim_out(verdict, with_sources=False).model_dump(mode="json")
        claim["sources"] = _STREAMED
        marker = '"sources": ' + _dumps(_STREAMED, 0)
        head, found, tail = _dumps(claim, level).partition(marker)
        assert found, "the sources marker is missing from the dumped claim"
        stream.write(head + '"sources": ')
        _write_list(stream, verdict.each_source(), level + 1, _source_writer(stream))
        stream.write(tail)

    return write


def _source_writer(stream: TextIO) -> Callable[[SourceVerdict, int], None]:
    """Writes a claim's source entry; a silent one (most of an archive's) from a
    template instead of a dict dumped key by key: the same text."""

    def write(source: SourceVerdict, level: int) -> None:
        if (
            source.evidence_ref is NO_EVIDENCE
            and source.status == "silent"
            and source.value is None
            and source.expected is None
        ):
            head, tail = _silent(level)
            stream.write(head + encode_basestring(source.source.id) + tail)
        else:
            stream.write(_dumps(source_claim_json(source), level))

    return write


@lru_cache(maxsize=16)
def _silent(level: int) -> tuple[str, str]:
    """The text of a silent source's entry at ``level``, before and after its quoted
    id: :func:`~factcheck.results.source_claim_json` of one, dumped, cut at the id."""
    silent = SourceVerdict(SourceInfo(_STREAMED, ""), "silent", NO_EVIDENCE, None)
    head, found, tail = _dumps(source_claim_json(silent), level).partition(
        encode_basestring(_STREAMED)
    )
    assert found, "the id marker is missing from the dumped source entry"
    return head, tail


def _write_list(
    stream: TextIO,
    items: Iterable[Any],
    level: int,
    write: Callable[[Any, int], Any] | None = None,
) -> None:
    """A list at nesting ``level``, item by item, as ``json.dumps(indent=2)`` lays it out."""
    indent = "\n" + "  " * (level + 1)
    empty = True
    for item in items:
        stream.write(("[" if empty else ",") + indent)
        empty = False
        if write is None:
            stream.write(_dumps(item, level + 1))
        else:
            write(item, level + 1)
    stream.write("[]" if empty else "\n" + "  " * level + "]")


def _dumps(value: Any, level: int) -> str:
    return jsontext.dumps(value, level)
