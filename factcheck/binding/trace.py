"""What the binder decided, and why: a record kept only when asked.

The binder that ``check`` uses writes into a :class:`Trace` when one is given
(``Binder.bind_text(..., trace=Trace())``); ``explain``, ``test-rules`` and the
pytest plugin read it. There is no second binder: the trace sees the same
candidates, phrase hits, proposals and grants, with the reason each loser lost.
With no trace, the binder does no extra work.
"""

from __future__ import annotations

from dataclasses import field

from factcheck.dataclass import dataclass
from factcheck.model import Mention


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """A rule phrase found in the sentence: a cue, false cue, context or choice."""

    claim: str
    role: str  # "cue", "false", "context" or "choice"
    phrase: str  # as the rule writes it
    words: str  # as the text writes it
    start: int
    end: int


@dataclass(slots=True)
class Considered:
    """One claim and one value in one sentence: the proposal it made, or why not."""

    claim: str
    mention: Mention
    score: float = 0.0
    cue: str | None = None
    distance: int | None = None  # words between value and cue, clause breaks counted
    breaks: int = 0  # clause breaks between them
    won: bool = False
    reasons: list[str] = field(default_factory=list)
    polarity: str | None = None  # booleans: "true" or "false: negated by 'no longer'"


@dataclass(slots=True)
class SentenceTrace:
    """What the binder saw and weighed in one sentence, for ``explain``."""

    start: int
    end: int
    values: list[Mention]
    hits: list[PhraseHit] = field(default_factory=list)
    considered: list[Considered] = field(default_factory=list)
    missing_context: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Trace:
    """Every decision the binder made over one text, sentence by sentence."""

    sentences: list[SentenceTrace] = field(default_factory=list)

    def open(self, start: int, end: int, values: list[Mention]) -> SentenceTrace:
        sentence = SentenceTrace(start, end, list(values))
        self.sentences.append(sentence)
        return sentence

    @property
    def current(self) -> SentenceTrace:
        return self.sentences[-1]

    def consider(self, claim: str, mention: Mention, reason: str | None = None) -> Considered:
        considered = Considered(claim, mention, reasons=[reason] if reason else [])
        self.current.considered.append(considered)
        return considered
