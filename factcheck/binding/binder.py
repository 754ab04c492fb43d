"""Binding: attach extracted values to claims.

For each sentence, every claim whose cues appear in it (and whose ``context``
phrases, if any, appear too) proposes the values of its type that stand
within ``window`` words of a cue. A proposal's score adds up, over the
claim's cue matches, ``strength / (1 + distance)``: longer cues are stronger,
and distance counts the words between value and cue plus a penalty for each
clause break (comma, dash, semicolon) in between. Proposals are then granted
greedily, best first, with two constraints:

* a value expresses one fact, so each mention binds to at most one claim;
* a claim takes at most one value per sentence.

That is what separates "a $38 billion commitment for cloud services ...,
followed by Amazon's pledge to invest up to $50 billion": each figure goes to
the claim whose cue stands next to it. Boolean claims bind their cue
statement itself, with its polarity; text claims bind one of their
``choices``, or a name.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from factcheck.binding.cues import PhraseMatch, PhraseMatcher, content_words, phrase_stems
from factcheck.binding.negation import asserted
from factcheck.binding.reasons import (
    CROSS_KIND_PENALTY,
    CUE_IS_VALUE,
    EXCLUDED,
    FILLED,
    HEDGE,
    NO_CUE,
    NO_UNIT,
    NOT_A_CHANGE,
    NOT_A_COUNT,
    NOT_POINTS,
    ORDINAL,
    OTHER_UNIT,
    OUT_OF_WINDOW,
    OUTSCORED,
    POINTS,
    TAKEN,
    TIE,
    UNRESOLVED,
    WRONG_TYPE,
)
from factcheck.dataclass import dataclass
from factcheck.extract import extract_all
from factcheck.model import Document, ExtractContext, Mention, Sentence
from factcheck.regexes import compiled
from factcheck.rules.ruleset import Claim, RuleSet
from factcheck.text import CLAUSE_BREAKS, Token, sentences, token_texts, tokenize
from factcheck.values import ClaimValue, can_bind, can_convert, mention_value, signed_value

if TYPE_CHECKING:  # a trace is kept only when asked: explain imports the module
    from factcheck.binding.trace import Considered, Trace

CLAUSE_PENALTY = 2  # words a clause break counts for
CROSS_KIND = 0.8  # a year claim binding a full date (or the reverse) is a weaker reading


@dataclass(frozen=True, slots=True)
class Binding:
    """A value bound to a claim, with the evidence for it."""

    claim: str
    mention: Mention
    value: ClaimValue
    sentence: Sentence
    cue: str | None
    score: float
    cue_span: tuple[int, int] | None = None  # where the cue's words stand in the text
    tied_with: str | None = None  # a claim that proposed the value with the same score


@dataclass(frozen=True)
class DocumentBindings:
    """A document's bindings, and its relative dates that could not be resolved."""

    document: Document
    bindings: tuple[Binding, ...]
    unresolved: tuple[Mention, ...]  # relative dates with no publication date to resolve them


@dataclass(frozen=True, slots=True)
class _Role:
    """What a cue phrase means for one claim: cue, negation, context or a choice."""

    claim: int
    role: str  # "cue", "false", "context" or "choice"
    payload: str | None = None  # canonical value for a choice


@dataclass(frozen=True, slots=True)
class _Proposal:
    """A mention offered to a claim, with its score, before the best ones are chosen."""

    score: float
    claim: int
    mention: Mention
    value: ClaimValue
    cue: PhraseMatch | None
    considered: Considered | None = None  # its record, when the binder keeps a trace


def _binds_without_value(claim: Claim) -> bool:
    """Boolean claims bind their cue's polarity, choice claims the phrase matched."""
    return claim.type == "boolean" or (claim.type == "text" and bool(claim.choices))


class Binder:
    """Binds the claims of one rule set; build once, use for many documents."""

    def __init__(self, rules: RuleSet):
        self.claims = rules.claims
        self.fingerprint = rules.fingerprint  # keys this binder's results across runs
        phrases: dict[str, int] = {}
        roles: dict[int, list[_Role]] = defaultdict(list)

        def add(text: str, role: _Role) -> None:
            index = phrases.setdefault(text.casefold(), len(phrases))
            roles[index].append(role)

        for i, claim in enumerate(self.claims):
            for cue in claim.cues:
                add(cue, _Role(i, "cue"))
            for cue in claim.false_cues:
                add(cue, _Role(i, "false"))
            for phrase in claim.context:
                add(phrase, _Role(i, "context"))
            for group, members in enumerate(claim.context_all):
                for phrase in members:
                    add(phrase, _Role(i, "context_all", str(group)))
            for phrase in claim.exclude:
                add(phrase, _Role(i, "exclude"))
            for canonical, aliases in (claim.choices or {}).items():
                for alias in (canonical, *aliases):
                    add(alias, _Role(i, "choice", canonical))
        self.matcher = PhraseMatcher(phrases)
        self._order = {claim.id: i for i, claim in enumerate(self.claims)}
        self.roles = roles
        # Most sentences state no value. There only boolean and choice claims can
        # bind, and only where one of their cues or choices stands, so only their
        # phrases are looked for, in sentences that may hold such a phrase.
        without_value = {
            index: [r for r in phrase_roles if _binds_without_value(self.claims[r.claim])]
            for index, phrase_roles in roles.items()
        }
        self.valueless = self.matcher.restricted(
            (index for index, found in without_value.items() if found),
            (
                index
                for index, found in without_value.items()
                if any(r.role != "context" for r in found)
            ),
        )

    def bind(self, document: Document, trace: Trace | None = None) -> DocumentBindings:
        """Bind a document; ``trace`` records every decision and its reason."""
        context = ExtractContext(reference_date=document.published)
        text = document.checkable_text()
        mentions = extract_all(text, context)
        bindings = self._bind(text, mentions, trace)
        # Relative dates without a publication date; other value-less mentions
        # (a bare "percent") are not values at all.
        unresolved = tuple(m for m in mentions if m.value is None and m.kind == "date")
        return DocumentBindings(document, tuple(bindings), unresolved)

    def bind_text(
        self, text: str, published: date | None = None, trace: Trace | None = None
    ) -> list[Binding]:
        """Bind a text on its own; ``trace`` records every decision and its reason."""
        mentions = extract_all(text, ExtractContext(reference_date=published))
        return self._bind(text, mentions, trace)

    def _bind(
        self, text: str, mentions: list[Mention], trace: Trace | None = None
    ) -> list[Binding]:
        starts = [m.start for m in mentions]
        proposals: list[tuple[_Proposal, Sentence]] = []
        for sentence in sentences(text):
            lo = bisect.bisect_left(starts, sentence.start)
            hi = bisect.bisect_left(starts, sentence.end)
            in_sentence = [m for m in mentions[lo:hi] if m.end <= sentence.end]
            # A trace shows every phrase found, also where no claim can bind.
            matcher = self.matcher if in_sentence or trace else self.valueless
            if trace is not None:
                trace.open(sentence.start, sentence.end, in_sentence)
            for proposal in self._propose(text, sentence, in_sentence, matcher, trace):
                proposals.append((proposal, sentence))
        return self._grant(proposals, trace, text)

    def _propose(
        self,
        text: str,
        sentence: Sentence,
        mentions: list[Mention],
        matcher: PhraseMatcher,
        trace: Trace | None = None,
    ) -> list[_Proposal]:
        # Match on bare words first; spans only where a phrase matched (a quarter
        # to a half of the sentences of a news article).
        texts = token_texts(text, sentence.start, sentence.end)
        if not matcher.may_match(texts):
            return []
        stems = matcher.stems_of(texts)
        positions = matcher.find_positions(stems)
        if not positions:
            return []
        tokens = tokenize(text, sentence.start, sentence.end)
        words = content_words(tokens)
        matches = [
            PhraseMatch(index, first, last, words[first].start, words[last].end)
            for index, first, last in positions
        ]
        by_claim: dict[int, dict[str, list[PhraseMatch]]] = defaultdict(lambda: defaultdict(list))
        for match in matches:
            for role in self.roles[match.phrase]:
                key = f"context_all:{role.payload}" if role.role == "context_all" else role.role
                by_claim[role.claim][key].append(match)
        if trace is not None:
            self._trace_hits(trace, text, by_claim)
        scale = _Distances(tokens, text)
        proposals: list[_Proposal] = []
        for index, found in by_claim.items():
            claim = self.claims[index]
            missing = _missing_context(claim, found)
            if missing:
                if trace is not None:
                    trace.current.missing_context[claim.id] = missing
                continue
            cues = found.get("cue", [])
            if claim.type == "boolean":
                proposals.extend(
                    self._booleans(index, text, tokens, cues, found.get("false", []), trace)
                )
                continue
            proposals.extend(self._valued(index, text, mentions, found, scale, trace))
        return proposals

    def _valued(
        self,
        index: int,
        text: str,
        mentions: list[Mention],
        found: dict[str, list[PhraseMatch]],
        scale: _Distances,
        trace: Trace | None,
    ) -> list[_Proposal]:
        """The proposals of a claim that takes a value: each candidate, scored."""
        claim = self.claims[index]
        cues = found.get("cue", [])
        nearby = _Nearby(scale, cues)
        excluding = _Excluding(claim, found.get("exclude", []), scale)
        proposals = []
        for mention in self._candidates(index, text, mentions, found, nearby, trace):
            barred = excluding.bars(mention)
            if barred is not None:
                if trace is not None:
                    trace.consider(claim.id, mention, EXCLUDED.format(phrase=barred))
                continue
            close = nearby.within(mention.start, mention.end, claim.window)
            score = self._score(claim, mention, close, scale, text)
            considered = None
            if trace is not None:
                considered = self._trace_score(trace, claim, mention, score, cues, scale)
            if score > 0:
                value = _value_for(claim, mention)
                cue = self._nearest_cue(mention, close, scale, claim.window)
                if cue is None:  # bound by a pattern alone: the nearest cue may be far
                    cue = self._nearest_cue(mention, cues, scale)
                proposals.append(_Proposal(score, index, mention, value, cue, considered))
        return proposals

    def _trace_hits(
        self, trace: Trace, text: str, by_claim: dict[int, dict[str, list[PhraseMatch]]]
    ) -> None:
        from factcheck.binding.trace import PhraseHit

        hits = trace.current.hits
        for index, found in sorted(by_claim.items()):
            for role, matches in found.items():
                for m in matches:
                    phrase = self.matcher.phrases[m.phrase]
                    words = text[m.start : m.end]
                    hits.append(
                        PhraseHit(self.claims[index].id, role, phrase, words, m.start, m.end)
                    )
        hits.sort(key=lambda h: (h.start, h.claim, h.role))

    def _trace_score(
        self,
        trace: Trace,
        claim: Claim,
        mention: Mention,
        score: float,
        cues: list[PhraseMatch],
        scale: _Distances,
    ) -> Considered:
        """Record a scored value: its nearest cue and distance, or why it scored 0."""
        considered = trace.consider(claim.id, mention)
        considered.score = score
        apart = [c for c in cues if not (c.start < mention.end and mention.start < c.end)]
        nearest = self._nearest_cue(mention, apart, scale)
        if nearest is not None:
            considered.cue = self.matcher.phrases[nearest.phrase]
            considered.distance = scale.between(
                mention.start, mention.end, nearest.start, nearest.end
            )
            considered.breaks = scale.breaks_between(mention, nearest)
        if score == 0 and not cues:
            considered.reasons.append(NO_CUE)
        elif score == 0 and nearest is None:
            considered.reasons.append(CUE_IS_VALUE)
        elif score == 0:
            considered.reasons.append(
                OUT_OF_WINDOW.format(
                    cue=considered.cue, distance=considered.distance, window=claim.window
                )
            )
        if score and _cross_kind(claim, mention):
            considered.reasons.append(CROSS_KIND_PENALTY.format(kind=mention.kind, type=claim.type))
        return considered

    def _candidates(
        self,
        index: int,
        text: str,
        mentions: list[Mention],
        found: dict[str, list[PhraseMatch]],
        nearby: _Nearby,
        trace: Trace | None = None,
    ) -> list[Mention]:
        claim = self.claims[index]
        if claim.type == "text" and claim.choices:
            return self._choices(index, text, found.get("choice", []), nearby.tokens)
        if claim.type == "text":
            names = (
                _trim_name(text, m, nearby.within(m.start, m.end, 0))
                for m in mentions
                if m.kind == "name"
            )
            return [m for m in names if m is not None]
        kept = []
        for m in mentions:
            refusal = _refusal(claim, m)
            if refusal is None:
                kept.append(m)
            elif trace is not None:
                trace.consider(claim.id, m, _explained(refusal, claim, m))
        return kept

    def _choices(
        self, index: int, text: str, matches: list[PhraseMatch], tokens: list[Token]
    ) -> list[Mention]:
        """The choices the sentence states: the longest where two overlap ('Microsoft
        Azure' over 'Microsoft'), none that is negated ('not Google')."""
        longest = [
            m
            for m in matches
            if not any(
                o is not m
                and o.start <= m.start
                and m.end <= o.end
                and o.end - o.start > m.end - m.start
                for o in matches
            )
        ]
        return [
            self._choice_mention(index, text, m)
            for m in longest
            if asserted(tokens, m.start, m.end)[0]
        ]

    def _choice_mention(self, index: int, text: str, match: PhraseMatch) -> Mention:
        canonical = next(
            r.payload for r in self.roles[match.phrase] if r.role == "choice" and r.claim == index
        )
        return Mention("choice", match.start, match.end, text[match.start : match.end], canonical)

    def _booleans(
        self,
        index: int,
        text: str,
        tokens: list[Token],
        cues: list[PhraseMatch],
        false: list[PhraseMatch],
        trace: Trace | None = None,
    ) -> list[_Proposal]:
        proposals = []
        for match, stated in [(m, True) for m in cues] + [(m, False) for m in false]:
            polarity, start = asserted(tokens, match.start, match.end)
            value = polarity if stated else not polarity
            mention = Mention("boolean", start, match.end, text[start : match.end], value)
            strength = 1.0 + 0.5 * (match.last - match.first)
            considered = None
            if trace is not None:
                considered = trace.consider(self.claims[index].id, mention)
                considered.score, considered.cue = strength, self.matcher.phrases[match.phrase]
                considered.distance = 0
                considered.polarity = _polarity(text, start, match, polarity, stated)
            proposals.append(
                _Proposal(strength, index, mention, ClaimValue(value), match, considered)
            )
        return proposals

    def _score(
        self,
        claim: Claim,
        mention: Mention,
        cues: list[PhraseMatch],
        scale: _Distances,
        text: str,
    ) -> float:
        # The single best cue hit speaks for the claim: listing more word forms of
        # one cue ('invest', 'investing', 'investment') must not add up.
        score = 0.0
        for cue in cues:
            if cue.start < mention.end and mention.start < cue.end and mention.kind != "choice":
                continue  # a cue word is not its own value ("second" in "second quarter")
            distance = scale.between(mention.start, mention.end, cue.start, cue.end)
            if distance <= claim.window:
                strength = 1.0 + 0.5 * len(self.matcher.stems[cue.phrase]) - 0.5
                score = max(score, strength / (1 + distance))
        for pattern in claim.patterns:  # a pattern is a cue with a slot, at distance 0
            if _pattern_fits(pattern, text, mention):
                score = max(score, _pattern_strength(pattern))
        if score and _cross_kind(claim, mention):
            score *= CROSS_KIND
        return score

    def _nearest_cue(
        self,
        mention: Mention,
        cues: list[PhraseMatch],
        scale: _Distances,
        within: float = math.inf,
    ) -> PhraseMatch | None:
        if not cues:
            return None
        distances = [scale.between(mention.start, mention.end, c.start, c.end) for c in cues]
        nearest = min(distances)
        if nearest > within:
            return None
        return cues[distances.index(nearest)]

    def _grant(
        self,
        proposals: list[tuple[_Proposal, Sentence]],
        trace: Trace | None = None,
        text: str = "",
    ) -> list[Binding]:
        """Best proposals first: a value to one claim (several ``shared`` claims when
        the sentence says it is each one's), one value per claim and sentence."""
        ranked = sorted(proposals, key=lambda p: (-p[0].score, p[0].mention.start, p[0].claim))
        used_mentions: dict[tuple[int, int], _Proposal] = {}
        filled: dict[tuple[int, int], _Proposal] = {}
        granted: list[tuple[_Proposal, Sentence]] = []
        tied: dict[int, str] = {}  # id() of a winning proposal -> the claim it tied with
        for proposal, sentence in ranked:
            mention = proposal.mention
            span = (mention.start, mention.end)
            if (proposal.claim, sentence.start) in filled:
                if trace is not None:
                    self._trace_loss(proposal, filled[(proposal.claim, sentence.start)], FILLED)
                continue
            exclusive = mention.kind not in ("boolean", "choice")
            holder = used_mentions.get(span) if exclusive else None
            if holder is not None and not self._shares(holder, proposal, text, sentence):
                if holder.score == proposal.score:
                    tied.setdefault(id(holder), self.claims[proposal.claim].id)
                if trace is not None:
                    self._trace_loss(proposal, holder, TAKEN)
                continue
            filled[(proposal.claim, sentence.start)] = proposal
            if exclusive:
                used_mentions.setdefault(span, proposal)
            if proposal.considered is not None:
                proposal.considered.won = True
            granted.append((proposal, sentence))
        bindings = [self._binding(p, s, tied.get(id(p))) for p, s in granted]
        return sorted(bindings, key=lambda b: (self._order[b.claim], b.mention.start))

    def _shares(self, holder: _Proposal, other: _Proposal, text: str, sentence: Sentence) -> bool:
        """Whether two ``shared`` claims may both take the value: the sentence says it
        is each one's ('each', 'apiece', 'per company')."""
        both = self.claims[holder.claim].shared and self.claims[other.claim].shared
        return both and _EACH.search(text, sentence.start, sentence.end) is not None

    def _trace_loss(self, loser: _Proposal, winner: _Proposal, why: str) -> None:
        if loser.considered is None:
            return
        if why == TAKEN and winner.score == loser.score:
            why = TIE
        elif why == TAKEN and winner.score > loser.score:
            why = OUTSCORED
        loser.considered.reasons.append(
            why.format(
                claim=self.claims[winner.claim].id,
                winner=winner.score,
                score=loser.score,
                value=winner.mention.text,
            )
        )

    def _binding(
        self, proposal: _Proposal, sentence: Sentence, tied_with: str | None = None
    ) -> Binding:
        cue = proposal.cue
        return Binding(
            self.claims[proposal.claim].id,
            proposal.mention,
            proposal.value,
            sentence,
            self.matcher.phrases[cue.phrase] if cue is not None else None,
            proposal.score,
            (cue.start, cue.end) if cue is not None else None,
            tied_with,
        )


class _Distances:
    """Word distances within one sentence, with clause breaks weighing extra."""

    def __init__(self, tokens: list[Token], text: str = ""):
        self.text = text
        self.tokens = tokens
        self.word_starts = [t.start for t in tokens if t.is_word]
        self.break_starts = [t.start for t in tokens if t.text in CLAUSE_BREAKS]

    def breaks_between(self, value: Mention, cue: PhraseMatch) -> int:
        left_end, right_start = (
            (value.end, cue.start) if value.end <= cue.start else (cue.end, value.start)
        )
        return _count(self.break_starts, left_end, right_start) if left_end < right_start else 0

    def between(self, a_start: int, a_end: int, b_start: int, b_end: int) -> int:
        left_end, right_start = (a_end, b_start) if a_end <= b_start else (b_end, a_start)
        if left_end > right_start:
            return 0
        words = _count(self.word_starts, left_end, right_start)
        breaks = _count(self.break_starts, left_end, right_start)
        return words + CLAUSE_PENALTY * breaks


class _Excluding:
    """A claim's ``exclude`` phrases found in a sentence, and the values they bar."""

    def __init__(self, claim: Claim, found: list[PhraseMatch], scale: _Distances):
        self.claim, self.found, self.scale = claim, found, scale

    def bars(self, mention: Mention) -> str | None:
        """The words of the exclude phrase that bars ``mention``, or None."""
        for match in self.found:
            if (
                self.claim.exclude_sentence
                or self.scale.between(mention.start, mention.end, match.start, match.end)
                <= self.claim.window
            ):
                return self.scale.text[match.start : match.end]
        return None


class _Nearby:
    """The cues of one claim in a sentence, found near a value by bisection.

    Scoring a value looks only at cues within ``window`` words, so a sentence
    with thousands of values and cues (a page with no full stop) costs about
    values x log(cues), not values x cues. :meth:`within` returns a superset of
    the cues whose word gap to the span is at most ``window``, in their order,
    so scores add up exactly as over all cues.
    """

    def __init__(self, scale: _Distances, cues: list[PhraseMatch]):
        self.tokens = scale.tokens
        self.words = scale.word_starts
        self.cues = sorted(cues, key=lambda c: c.start)  # matches come sorted already
        self.starts = [c.start for c in self.cues]
        self.longest = max((c.end - c.start for c in self.cues), default=0)

    def within(self, start: int, end: int, window: int) -> list[PhraseMatch]:
        words = self.words
        right = bisect.bisect_left(words, end) + window  # words[right]: last word in reach
        hi = bisect.bisect_right(self.starts, words[right]) if right < len(words) else None
        left = bisect.bisect_left(words, start) - window - 1  # words[left]: first out of reach
        lo = bisect.bisect_left(self.starts, words[left] - self.longest) if left >= 0 else 0
        return self.cues[lo:hi]


def _count(starts: list[int], lo: int, hi: int) -> int:
    return bisect.bisect_left(starts, hi) - bisect.bisect_left(starts, lo)


_EACH = compiled(r"\b(?:each|apiece|per\s+(?:company|firm|partner|side|member|country))\b", re.I)


def _missing_context(claim: Claim, found: dict[str, list[PhraseMatch]]) -> tuple[str, ...]:
    """The context the sentence lacks for the claim: its any-of ``context`` phrases,
    or one ``context_all`` group of which no phrase stands there; () when none."""
    if claim.context and not found.get("context"):
        return claim.context
    for group, phrases in enumerate(claim.context_all):
        if not found.get(f"context_all:{group}"):
            return phrases
    return ()


def _polarity(text: str, start: int, cue: PhraseMatch, polarity: bool, stated: bool) -> str:
    """How a yes/no statement reads: "false: negated by 'no longer'"."""
    value = polarity if stated else not polarity
    words = " ".join(_negating_words(text[start : cue.start].split()))
    if polarity and stated:
        return "true: the cue is asserted"
    if polarity:
        return "false: a false cue is asserted"
    by = f"negated by {words!r}" if words else "negated after the cue (a passive form)"
    return f"{str(value).lower()}: {by}"


def _negating_words(words: list[str]) -> list[str]:
    """The negator that opens a negated statement: "no longer", "not", "ends"."""
    if len(words) > 1 and words[0].lower() in ("no", "not") and words[1].lower() in _NEGATION_TAILS:
        return words[:2]
    return words[:1]


_NEGATION_TAILS = frozenset({"longer", "more", "any"})


def _refusal(claim: Claim, mention: Mention) -> str | None:
    """Why ``claim`` cannot take ``mention`` at all (a reason template), or None."""
    points = mention.kind == "percent" and mention.unit == "points"
    if claim.type == "percent" and points != (claim.unit == "points"):
        return POINTS if points else NOT_POINTS
    if claim.role == "previous" and mention.detail != "change":
        return NOT_A_CHANGE
    if not points and not can_bind(mention, claim.type):
        if claim.type == "quantity" and mention.kind == "number" and mention.value is not None:
            return NO_UNIT
        return UNRESOLVED if mention.value is None and mention.kind == "date" else WRONG_TYPE
    if claim.type == "quantity" and not can_convert(str(mention.measure), str(claim.unit)):
        return OTHER_UNIT
    if (mention.qualifier or "none") not in claim.qualifiers:
        return HEDGE
    if claim.ordinal and mention.detail != "ordinal":
        return ORDINAL
    if not claim.ordinal and mention.detail == "ordinal":
        return NOT_A_COUNT  # "the second-largest" counts nothing
    return None


def _explained(refusal: str, claim: Claim, mention: Mention) -> str:
    allowed = ", ".join(sorted(claim.qualifiers)) or "nothing"
    hedge = mention.qualifier or "none"
    return refusal.format(
        kind=mention.kind,
        type=claim.type,
        hedge=hedge,
        allowed=allowed,
        unit=claim.unit,
        written=(mention.measure or "").replace("_", " "),
    )


def _cross_kind(claim: Claim, mention: Mention) -> bool:
    return (claim.type, mention.kind) in (("year", "date"), ("date", "year"))


def _value_for(claim: Claim, mention: Mention) -> ClaimValue:
    if mention.kind in ("name", "choice"):
        return ClaimValue(str(mention.value))
    if claim.role == "previous" and mention.previous is not None:
        mention = dataclasses.replace(mention, value=mention.previous)
    value = mention_value(mention, claim.type, claim.unit)
    return signed_value(value, mention.direction) if claim.signed else value


def _trim_name(text: str, mention: Mention, cues: list[PhraseMatch]) -> Mention | None:
    """Cut cue words off a name: "Revenue Chief Denise Dresser" -> "Denise Dresser"."""
    start, end = mention.start, mention.end
    for cue in cues:
        if cue.start <= start < cue.end:
            start = cue.end
        elif start < cue.start < end:
            end = cue.start
    piece = text[start:end]
    stripped = piece.strip(" ,;:")
    if len(stripped.split()) < 2:
        return None if (start, end) != (mention.start, mention.end) else mention
    offset = start + piece.index(stripped)
    name = " ".join(stripped.split())
    return dataclasses.replace(
        mention, start=offset, end=offset + len(stripped), text=stripped, value=name
    )


def _pattern_strength(pattern: str) -> float:
    """As a cue of the pattern's content words would score at distance 0."""
    words = len(phrase_stems(pattern.replace("{value}", " ")))
    return 1.0 + 0.5 * max(words, 1) - 0.5


def _pattern_fits(pattern: str, text: str, mention: Mention) -> bool:
    """Whether the words of ``pattern`` stand around the mention ('a {value} deal'),
    as whole words: 'a {value}' does not fit 'data $5 million'."""
    before, _, after = pattern.partition("{value}")
    left = " ".join(before.split()).casefold()
    right = " ".join(after.split()).casefold()
    window = len(left) + 40
    preceding = " ".join(text[max(0, mention.start - window) : mention.start].split()).casefold()
    following = " ".join(text[mention.end : mention.end + len(right) + 40].split()).casefold()
    if not (preceding.endswith(left) and following.startswith(right)):
        return False
    before_left = preceding[: len(preceding) - len(left)]
    after_right = following[len(right) :]
    left_bounded = not left or not before_left or not before_left[-1].isalnum()
    right_bounded = not right or not after_right or not after_right[0].isalnum()
    return left_bounded and right_bounded
