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
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from factcheck.binding.cues import PhraseMatch, PhraseMatcher, content_words
from factcheck.binding.negation import asserted
from factcheck.extract import extract_all
from factcheck.model import Document, ExtractContext, Mention, Sentence
from factcheck.rules.ruleset import Claim, RuleSet
from factcheck.text import CLAUSE_BREAKS, Token, sentences, tokenize, word_infos
from factcheck.values import ClaimValue, can_bind, mention_value

CLAUSE_PENALTY = 2  # words a clause break counts for
CROSS_KIND = 0.8  # a year claim binding a full date (or the reverse) is a weaker reading
PATTERN_SCORE = 10.0


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


@dataclass(frozen=True)
class DocumentBindings:
    document: Document
    bindings: tuple[Binding, ...]
    unresolved: tuple[Mention, ...]  # relative dates with no publication date to resolve them


@dataclass(frozen=True, slots=True)
class _Role:
    claim: int
    role: str  # "cue", "false", "context" or "choice"
    payload: str | None = None  # canonical value for a choice


@dataclass(frozen=True, slots=True)
class _Proposal:
    score: float
    claim: int
    mention: Mention
    value: ClaimValue
    cue: PhraseMatch | None


def _binds_without_value(claim: Claim) -> bool:
    """Boolean claims bind their cue's polarity, choice claims the phrase matched."""
    return claim.type == "boolean" or (claim.type == "text" and bool(claim.choices))


class Binder:
    """Binds the claims of one rule set; build once, use for many documents."""

    def __init__(self, rules: RuleSet):
        self.claims = rules.claims
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
            for canonical, aliases in (claim.choices or {}).items():
                for alias in (canonical, *aliases):
                    add(alias, _Role(i, "choice", canonical))
        self.matcher = PhraseMatcher(phrases)
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

    def bind(self, document: Document) -> DocumentBindings:
        context = ExtractContext(reference_date=document.published)
        text = document.checkable_text()
        mentions = extract_all(text, context)
        bindings = self._bind(text, mentions)
        # Relative dates without a publication date; other value-less mentions
        # (a bare "percent") are not values at all.
        unresolved = tuple(m for m in mentions if m.value is None and m.kind == "date")
        return DocumentBindings(document, tuple(bindings), unresolved)

    def bind_text(self, text: str, published: date | None = None) -> list[Binding]:
        return self._bind(text, extract_all(text, ExtractContext(reference_date=published)))

    def _bind(self, text: str, mentions: list[Mention]) -> list[Binding]:
        starts = [m.start for m in mentions]
        proposals: list[tuple[_Proposal, Sentence]] = []
        memo: dict[str, str] = {}  # fuzzy matches, for this document only
        for sentence in sentences(text):
            lo = bisect.bisect_left(starts, sentence.start)
            hi = bisect.bisect_left(starts, sentence.end)
            in_sentence = [m for m in mentions[lo:hi] if m.end <= sentence.end]
            matcher = self.matcher if in_sentence else self.valueless
            for proposal in self._propose(text, sentence, in_sentence, memo, matcher):
                proposals.append((proposal, sentence))
        return self._grant(proposals)

    def _propose(
        self,
        text: str,
        sentence: Sentence,
        mentions: list[Mention],
        memo: dict[str, str],
        matcher: PhraseMatcher,
    ) -> list[_Proposal]:
        if not matcher.may_match(text, sentence.start, sentence.end):
            return []
        # Match on bare words first; spans only where a phrase matched (about
        # half the sentences that pass the prefilter).
        content = [w for w in word_infos(text, sentence.start, sentence.end) if w[3]]
        positions = matcher.find_positions(matcher.canonical(content, memo))
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
                by_claim[role.claim][role.role].append(match)
        scale = _Distances(tokens)
        proposals: list[_Proposal] = []
        for index, found in by_claim.items():
            claim = self.claims[index]
            if claim.context and not found.get("context"):
                continue
            cues = found.get("cue", [])
            if claim.type == "boolean":
                proposals.extend(self._booleans(index, text, tokens, cues, found.get("false", [])))
                continue
            nearby = _Nearby(scale, cues)
            for mention in self._candidates(index, text, mentions, found, nearby):
                close = nearby.within(mention.start, mention.end, claim.window)
                score = self._score(claim, mention, close, scale, text)
                if score > 0:
                    value = _value_for(claim, mention)
                    cue = self._nearest_cue(mention, close, scale, claim.window)
                    if cue is None:  # bound by a pattern alone: the nearest cue may be far
                        cue = self._nearest_cue(mention, cues, scale)
                    proposals.append(_Proposal(score, index, mention, value, cue))
        return proposals

    def _candidates(
        self,
        index: int,
        text: str,
        mentions: list[Mention],
        found: dict[str, list[PhraseMatch]],
        nearby: _Nearby,
    ) -> list[Mention]:
        claim = self.claims[index]
        if claim.type == "text" and claim.choices:
            return [self._choice_mention(index, text, match) for match in found.get("choice", [])]
        if claim.type == "text":
            names = (
                _trim_name(text, m, nearby.within(m.start, m.end, 0))
                for m in mentions
                if m.kind == "name"
            )
            return [m for m in names if m is not None]
        return [
            m
            for m in mentions
            if can_bind(m, claim.type)
            and (m.qualifier is None or m.qualifier in claim.qualifiers)
            and (claim.ordinal == (m.detail == "ordinal"))  # "second-largest" is no count
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
    ) -> list[_Proposal]:
        proposals = []
        for match, stated in [(m, True) for m in cues] + [(m, False) for m in false]:
            polarity, start = asserted(tokens, match.start, match.end)
            value = polarity if stated else not polarity
            mention = Mention("boolean", start, match.end, text[start : match.end], value)
            strength = 1.0 + 0.5 * (match.last - match.first)
            proposals.append(_Proposal(strength, index, mention, ClaimValue(value), match))
        return proposals

    def _score(
        self,
        claim: Claim,
        mention: Mention,
        cues: list[PhraseMatch],
        scale: _Distances,
        text: str,
    ) -> float:
        score = 0.0
        for cue in cues:
            if cue.start < mention.end and mention.start < cue.end and mention.kind != "choice":
                continue  # a cue word is not its own value ("second" in "second quarter")
            distance = scale.between(mention.start, mention.end, cue.start, cue.end)
            if distance <= claim.window:
                score += (1.0 + 0.5 * len(self.matcher.stems[cue.phrase]) - 0.5) / (1 + distance)
        if any(_pattern_fits(p, text, mention) for p in claim.patterns):
            score += PATTERN_SCORE
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

    def _grant(self, proposals: list[tuple[_Proposal, Sentence]]) -> list[Binding]:
        ranked = sorted(proposals, key=lambda p: (-p[0].score, p[0].mention.start, p[0].claim))
        used_mentions: set[tuple[int, int]] = set()
        filled: set[tuple[int, int]] = set()
        granted: list[tuple[int, Binding]] = []
        for proposal, sentence in ranked:
            mention = proposal.mention
            exclusive = mention.kind not in ("boolean", "choice")
            if (proposal.claim, sentence.start) in filled:
                continue
            if exclusive and (mention.start, mention.end) in used_mentions:
                continue
            filled.add((proposal.claim, sentence.start))
            if exclusive:
                used_mentions.add((mention.start, mention.end))
            granted.append((proposal.claim, self._binding(proposal, sentence)))
        granted.sort(key=lambda pair: (pair[0], pair[1].mention.start))
        return [binding for _, binding in granted]

    def _binding(self, proposal: _Proposal, sentence: Sentence) -> Binding:
        cue = proposal.cue
        return Binding(
            self.claims[proposal.claim].id,
            proposal.mention,
            proposal.value,
            sentence,
            self.matcher.phrases[cue.phrase] if cue is not None else None,
            proposal.score,
            (cue.start, cue.end) if cue is not None else None,
        )


class _Distances:
    """Word distances within one sentence, with clause breaks weighing extra."""

    def __init__(self, tokens: list[Token]):
        self.word_starts = [t.start for t in tokens if t.is_word]
        self.break_starts = [t.start for t in tokens if t.text in CLAUSE_BREAKS]

    def between(self, a_start: int, a_end: int, b_start: int, b_end: int) -> int:
        left_end, right_start = (a_end, b_start) if a_end <= b_start else (b_end, a_start)
        if left_end > right_start:
            return 0
        words = _count(self.word_starts, left_end, right_start)
        breaks = _count(self.break_starts, left_end, right_start)
        return words + CLAUSE_PENALTY * breaks


class _Nearby:
    """The cues of one claim in a sentence, found near a value by bisection.

    Scoring a value looks only at cues within ``window`` words, so a sentence
    with thousands of values and cues (a page with no full stop) costs about
    values x log(cues), not values x cues. :meth:`within` returns a superset of
    the cues whose word gap to the span is at most ``window``, in their order,
    so scores add up exactly as over all cues.
    """

    def __init__(self, scale: _Distances, cues: list[PhraseMatch]):
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


def _cross_kind(claim: Claim, mention: Mention) -> bool:
    return (claim.type, mention.kind) in (("year", "date"), ("date", "year"))


def _value_for(claim: Claim, mention: Mention) -> ClaimValue:
    if mention.kind in ("name", "choice"):
        return ClaimValue(str(mention.value))
    return mention_value(mention, claim.type)


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
