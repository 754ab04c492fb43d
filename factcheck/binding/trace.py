"""What the binder decided, and why: a record kept only when asked.

The binder that ``check`` uses writes into a :class:`Trace` when one is given
(``Binder.bind_text(..., trace=Trace())``); ``explain``, ``test-rules`` and the
pytest plugin read it. There is no second binder: the trace sees the same
candidates, phrase hits, proposals and grants, with the reason each loser lost.
With no trace, the binder does no extra work.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.model import Mention

# Why a claim could not take a value, in plain words (formatted with details).
OUT_OF_WINDOW = "out of window: the nearest cue {cue!r} is {distance} words away (window {window})"
NO_CUE = "no cue of the claim in the sentence"
NO_CONTEXT = "no context phrase in the sentence ({phrases})"
WRONG_TYPE = "wrong type: a {kind} where a {type} is wanted"
HEDGE = "hedge {hedge!r} is not in the claim's qualifiers ({allowed})"
ORDINAL = "an ordinal is required ('second', '3rd')"
POINTS = "percentage points where a percentage is wanted (the claim has no unit: points)"
NOT_POINTS = "a percentage where points are wanted (the claim says unit: points)"
NO_UNIT = "a count with no unit where a quantity in {unit} is wanted"
OTHER_UNIT = "{written} does not measure the same thing as the claim's {unit}"
NOT_A_CHANGE = "not a from-to change: the claim takes the previous value (role: previous)"
NOT_A_COUNT = "an ordinal ('second') is no count; the claim says ordinal: false"
UNRESOLVED = "relative date left unresolved: the text has no publication date"
CUE_IS_VALUE = "the cue word is itself the value"
EXCLUDED = "excluded by {phrase!r} (the claim's exclude)"
TAKEN = "value already taken by {claim} ({winner:.2f} vs {score:.2f})"
OUTSCORED = "outscored by {claim} ({winner:.2f} vs {score:.2f})"
TIE = "tie broken by claim order: {claim} comes first in the rules (score {score:.2f} each)"
FILLED = "claim already filled in this sentence by {value!r} (score {winner:.2f})"
CROSS_KIND_PENALTY = "cross-kind penalty: a {kind} read as a {type}"


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
