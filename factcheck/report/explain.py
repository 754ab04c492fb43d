"""``factcheck explain`` as text (readable at 80 columns) or JSON.

Per sentence: where it is, the values and rule phrases found, then each claim's
proposals: the winner marked ``✔``, each loser ``✘`` with why it lost. Values a
claim could not take for their type are counted, not listed (JSON lists them).
Last, for each source and claim that bound nothing, the nearest miss.
"""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from typing import TextIO

from factcheck.run.explain import ExplainReport, Proposal, SentenceExplained

WIDTH = 80


def render(report: ExplainReport, stream: TextIO, color: bool = False) -> None:
    for tie in report.ties:
        stream.write(_wrap(f"warning: {tie}", "", "    ") + "\n")
    if report.ties:
        stream.write("\n")
    for sentence in report.sentences:
        stream.write(_sentence(sentence) + "\n")
    if report.misses:
        stream.write("nothing bound:\n")
        for miss in report.misses:
            stream.write(_wrap(f"{miss.source} {miss.claim}: {miss.reason}", "  ", "    ") + "\n")
    if not report.sentences and not report.misses:
        stream.write("no sentence holds a value or a phrase of the selected claims\n")


def render_json(report: ExplainReport, stream: TextIO, color: bool = False) -> None:
    stream.write(json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n")


def _sentence(sentence: SentenceExplained) -> str:
    lines = [_wrap(f"{sentence.source}:{sentence.line}: {sentence.text}", "", "    ")]
    if sentence.values:
        found = ", ".join(_value(v.text, v.kind, v.qualifier) for v in sentence.values)
        lines.append(_wrap(f"values: {found}", "  ", "    "))
    if sentence.phrases:
        found = ", ".join(
            f"{p.claim} {p.role} {p.phrase!r}"
            + (f" (as {p.words!r})" if _differs(p.phrase, p.words) else "")
            for p in sentence.phrases
        )
        lines.append(_wrap(f"phrases: {found}", "  ", "    "))
    for claim, phrases in sentence.missing_context.items():
        lines.append(_wrap(f"✘ {claim}: no context phrase ({', '.join(phrases)})", "  ", "    "))
    wrong = Counter(p.claim for p in sentence.proposals if _wrong_type(p))
    for proposal in sentence.proposals:
        if not _wrong_type(proposal):
            lines.append(_proposal(proposal))
    for claim, count in sorted(wrong.items()):
        lines.append(f"  · {claim}: {count} value(s) of another type")
    return "\n".join(lines) + "\n"


def _proposal(p: Proposal) -> str:
    mark = "✔" if p.won else "✘"
    cue = f", cue {p.cue!r} at {p.distance} words" if p.cue is not None else ""
    if p.breaks:
        cue += f" ({p.breaks} clause break{'s' if p.breaks > 1 else ''})"
    head = f"{mark} {p.claim}: {p.text!r} score {p.score:.2f}{cue}"
    if p.polarity:
        head += f"; {p.polarity}"
    if p.reasons:
        head += " — " + "; ".join(p.reasons)
    return _wrap(head, "  ", "      ")


def _wrong_type(p: Proposal) -> bool:
    return not p.won and p.score == 0 and bool(p.reasons) and p.reasons[0].startswith("wrong type")


def _value(text: str, kind: str, qualifier: str | None) -> str:
    hedge = f", {qualifier}" if qualifier else ""
    return f"{text!r} ({kind}{hedge})"


def _differs(phrase: str, words: str) -> bool:
    return phrase.casefold() != " ".join(words.split()).casefold()


def _wrap(text: str, first: str, rest: str) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
    )
