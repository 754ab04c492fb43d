"""Draft rules from the sources themselves: facts stated by several sources.

A fact is a kind of value (money, percent, a duration, date, year, a name) stated
near the same words in several sources. ``suggest`` reads the sources with the
project's own extractors, groups values by kind and by the words around them,
keeps the words that recur across sources as cues, and writes one claim per
fact with examples from the sources' own sentences: sentences that must bind
the value, and neighbouring sentences that must bind nothing. Each suggested
claim is then run through the same binder as ``check``: examples that do not
hold are dropped, and a claim left without a positive example is dropped, so
the file passes ``test-rules``. No model, no network: counts over the texts.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import field
from datetime import date
from itertools import zip_longest

import yaml

from factcheck.binding.binder import Binder
from factcheck.binding.trace import Trace
from factcheck.dataclass import dataclass
from factcheck.display import display
from factcheck.extract import extract_all
from factcheck.model import DateInterval, Document, ExtractContext, Mention, Sentence
from factcheck.regexes import compiled
from factcheck.rules.ruleset import RuleSet, parse_rules
from factcheck.run.selftest import run_examples
from factcheck.text import STOPWORDS, sentences, tokenize
from factcheck.values import mention_value

# Counts are drafted only where two sources give the same count near the same words:
# an article holds too many incidental numbers to draft from one.
KINDS = {
    "money": "money",
    "percent": "percent",
    "number": "number",
    "duration": "duration",
    "date": "date",
    "year": "year",
    "name": "text",
}
REACH = 8  # words either side of a value whose words may become cues
MAX_CUES = 4
MIN_WORD = 3  # letters in a cue word at least
DEFAULT_WINDOW = 10  # a claim's window when the rule gives none
MIN_WINDOW = 3
WINDOW_SLACK = 2  # words beyond the farthest the sources need, for articles not yet seen
MIN_PRECISION = 0.5  # a cue stands near this fact's values at least as often as near others
_SLUG = compiled(r"[^a-z0-9]+")


@dataclass
class _Seen:
    """One value in one source, with the words around it and its sentence."""

    document: Document
    mention: Mention
    sentence: Sentence
    words: tuple[str, ...]  # lower-cased content words near the value, closest first


@dataclass
class Fact:
    """A value kind stated near the same words by several sources."""

    kind: str
    seen: list[_Seen] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return sorted({s.document.id for s in self.seen})

    @property
    def values(self) -> Counter[str]:
        """How many sources state each value."""
        stated = {(_value_key(s.mention), s.document.id) for s in self.seen}
        return Counter(key for key, _ in stated)


def suggest(
    documents: Sequence[Document], existing: RuleSet | None = None, include_single: bool = False
) -> str:
    """A rule file (YAML text) with a claim per fact the sources state; facts an
    ``existing`` rule set already binds in the same sources are left out."""
    facts = _facts(documents, 1 if include_single else 2)
    if existing is not None:
        bound = _bound_values(existing, documents)
        facts = [f for f in facts if not all(_stated(s) in bound for s in f.seen)]
    taken = {c.id for c in existing.claims} if existing is not None else set()
    drafts = [_draft(fact, taken, documents) for fact in facts]
    # Validated in the file's order: claim order breaks ties between claims.
    drafts.sort(key=lambda d: (-len(d.fact.sources), d.id))
    return _yaml(_validated(_tightened(_validated(drafts))))


# --- finding facts ------------------------------------------------------------------


def _facts(documents: Sequence[Document], least: int) -> list[Fact]:
    seen = [s for d in documents for s in _values(d)]
    groups: dict[tuple[str, str], list[_Seen]] = defaultdict(list)
    for item in seen:
        groups[(item.mention.kind, _value_key(item.mention))].append(item)
    usage = _WordUsage(seen)
    facts = []
    for (kind, _), items in sorted(groups.items()):
        fact = Fact(kind, items)
        fact.cues = _cues(fact.seen, usage)
        if fact.cues:
            facts.append(fact)
    facts = _merge_disagreeing(facts)
    for fact in facts:
        fact.cues = _cues(fact.seen, usage)  # the merged sides' words too
    return [f for f in facts if len(f.sources) >= max(least, _LEAST.get(f.kind, 1))]


_LEAST = {"number": 2}
_NOT_FACTS = frozenset(
    {"ordinal", "fraction", "ratio", "times"}
)  # "second", "half", "2:1"  # sources that must state a count before it is a fact


class _WordUsage:
    """How many values of each kind each word stands near, across all the sources: a
    word near every money figure ("city") says little about any one of them."""

    def __init__(self, seen: Sequence[_Seen]) -> None:
        self._near: Counter[tuple[str, str]] = Counter(
            (item.mention.kind, word) for item in seen for word in item.words
        )

    def precision(self, seen: Sequence[_Seen], word: str) -> float:
        """The share of the values ``word`` stands near that belong to ``seen``."""
        here = sum(1 for item in seen if word in item.words)
        return here / max(self._near[(seen[0].mention.kind, word)], here, 1)


def _values(document: Document) -> list[_Seen]:
    text = document.checkable_text()
    mentions = [
        m
        for m in extract_all(text, ExtractContext(reference_date=document.published))
        if m.kind in KINDS
        and m.value is not None
        and m.qualifier != "additional"
        and m.detail not in _NOT_FACTS
        and not _dateline(m, document)
    ]
    found = []
    spans = sentences(text)
    starts = [s.start for s in spans]
    for mention in mentions:
        at = bisect.bisect_right(starts, mention.start) - 1
        sentence = spans[at] if at >= 0 and mention.start < spans[at].end else None
        if sentence is not None:
            found.append(_Seen(document, mention, sentence, _near_words(text, sentence, mention)))
    return found


def _dateline(mention: Mention, document: Document) -> bool:
    """A date the text writes out that is the article's own publication date: the
    dateline or byline ("April 13, 2026 at 05:05 PM"), not a fact of the story."""
    value = mention.value
    return (
        mention.kind == "date"
        and mention.detail != "relative"
        and isinstance(value, DateInterval)
        and value.start == value.end == document.published
    )


def _near_words(text: str, sentence: Sentence, mention: Mention) -> tuple[str, ...]:
    tokens = [t for t in tokenize(text, sentence.start, sentence.end) if t.is_word]
    before = [t for t in tokens if t.end <= mention.start][-REACH:]
    after = [t for t in tokens if t.start >= mention.end][:REACH]
    # Interleave outwards from the value: the closest words first.
    ordered = [t for pair in zip_longest(reversed(before), after) for t in pair if t is not None]
    words = (t.text.lower() for t in ordered)
    return tuple(dict.fromkeys(w for w in words if _cue_word(w)))


def _cue_word(word: str) -> bool:
    return len(word) >= MIN_WORD and word.isalpha() and word not in STOPWORDS


def _cues(seen: Sequence[_Seen], usage: _WordUsage) -> list[str]:
    """The words that recur near the values, in at least two sources (or in the one
    source when only one states it), and mostly near these values rather than near
    other values of the kind: most widespread and specific first."""
    by_source: dict[str, dict[str, int]] = defaultdict(dict)
    for item in seen:
        for rank, word in enumerate(item.words):
            best = by_source[item.document.id].get(word, rank)
            by_source[item.document.id][word] = min(best, rank)
    counts = Counter(w for words in by_source.values() for w in words)
    least = 2 if len(by_source) > 1 else 1
    closeness = {w: sum(words.get(w, REACH * 2) for words in by_source.values()) for w in counts}
    precision = {w: usage.precision(seen, w) for w in counts}
    ranked = sorted(
        (w for w, n in counts.items() if n >= least and precision[w] >= MIN_PRECISION),
        key=lambda w: (-counts[w] * precision[w], closeness[w], w),
    )[:MAX_CUES]
    # A source that shares no recurring word still gives its closest specific word.
    for words in by_source.values():
        own = [w for w in words if precision[w] >= MIN_PRECISION]
        if own and not set(words) & set(ranked) and len(ranked) < MAX_CUES:
            ranked.append(min(own, key=lambda w: (words[w], w)))
    return ranked


def _merge_disagreeing(facts: list[Fact]) -> list[Fact]:
    """Values of one kind stated near the same cue words are one fact on which the
    sources disagree: merge the smaller group into the larger."""
    merged: list[Fact] = []
    for fact in sorted(facts, key=lambda f: (-len(f.sources), f.kind, f.cues)):
        home = next((m for m in merged if m.kind == fact.kind and _alike(m, fact)), None)
        if home is None:
            merged.append(fact)
        else:
            home.seen.extend(fact.seen)
    return merged


def _alike(home: Fact, other: Fact) -> bool:
    """Whether ``other``'s values stand near two or more of the words that recur around
    ``home``'s in sources that ``home`` does not come from."""
    if set(home.sources) & set(other.sources):
        return False
    recurring = _recurring(home.seen)
    near = {w for item in other.seen for w in item.words}
    return len(recurring & near) >= 2


def _recurring(seen: Sequence[_Seen]) -> set[str]:
    counts = Counter(w for source in _words_by_source(seen).values() for w in source)
    return {w for w, n in counts.items() if n >= 2}


def _words_by_source(seen: Sequence[_Seen]) -> dict[str, set[str]]:
    by_source: dict[str, set[str]] = defaultdict(set)
    for item in seen:
        by_source[item.document.id].update(item.words)
    return by_source


def _value_key(mention: Mention) -> str:
    return f"{mention.value!r}|{mention.unit}|{mention.qualifier}"


def _bound_values(rules: RuleSet, documents: Sequence[Document]) -> set[tuple[str, str]]:
    """(source, value) pairs existing claims bind: a fact whose every source and value
    is among them is covered already."""
    binder = Binder(rules)
    return {(d.id, _value_key(b.mention)) for d in documents for b in binder.bind(d).bindings}


def _stated(item: _Seen) -> tuple[str, str]:
    return item.document.id, _value_key(item.mention)


# --- writing claims -----------------------------------------------------------------


@dataclass
class _Draft:
    id: str
    fact: Fact
    positives: list[tuple[str, object, str | None]]  # sentence, value, published
    negatives: list[tuple[str, str | None]]
    window: int | None = None  # None: the default

    def claim(self) -> dict[str, object]:
        words = ", ".join(f"'{c}'" for c in self.fact.cues)
        examples: list[dict[str, object]] = []
        for text, value, published in self.positives:
            examples.append(_example(text, value, published))
        for text, published in self.negatives:
            examples.append(_example(text, None, published))
        return {
            "id": self.id,
            "description": f"{KINDS[self.fact.kind].capitalize()} near {words}.",
            "type": KINDS[self.fact.kind],
            "cues": list(self.fact.cues),
            **({} if self.window is None else {"window": self.window}),
            "examples": examples,
        }


def _example(text: str, value: object, published: str | None) -> dict[str, object]:
    example: dict[str, object] = {"text": text, "value": value}
    if published:
        example["published"] = published
    return example


def _draft(fact: Fact, taken: set[str], documents: Sequence[Document]) -> _Draft:
    base = _SLUG.sub("-", f"{KINDS[fact.kind]} {' '.join(fact.cues[:2])}".lower()).strip("-")
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    positives = []
    negatives = []
    for item in sorted(fact.seen, key=lambda s: (s.document.id, s.mention.start)):
        text = item.document.text
        published = item.document.published.isoformat() if item.document.published else None
        sentence = " ".join(text[item.sentence.start : item.sentence.end].split())
        positives.append((sentence, _rule_value(item.mention), published))
        neighbour = _neighbour(item)
        if neighbour is not None:
            negatives.append((neighbour, published))
    positives = list({p[0]: p for p in positives}.values())
    negatives = list({n[0]: n for n in negatives if n[0] not in {p[0] for p in positives}}.values())
    return _Draft(name, fact, positives, negatives[:2])


def _rule_value(mention: Mention) -> object:
    """The value as a rule writes it: a date as its interval, others as displayed."""
    value = mention.value
    if isinstance(value, DateInterval):
        if value.start == value.end:
            return value.start.isoformat()
        return {"start": value.start.isoformat(), "end": value.end.isoformat()}
    if mention.kind == "name":
        return str(value)
    return display(mention_value(mention, KINDS[mention.kind]))


def _neighbour(item: _Seen) -> str | None:
    """The sentence after the value's, as a sentence that must bind nothing."""
    text = item.document.checkable_text()
    after = [s for s in sentences(text) if s.start >= item.sentence.end]
    if not after:
        return None
    return " ".join(item.document.text[after[0].start : after[0].end].split()) or None


def _validated(drafts: list[_Draft]) -> list[_Draft]:
    """Keep the examples the binder confirms, with every suggested claim competing;
    drop claims left with no positive example. Repeats until stable (each round
    drops an example at least, so it ends)."""
    while True:
        if not drafts:
            return drafts
        rules = _rule_set(drafts)
        failed: dict[str, set[int]] = defaultdict(set)
        for result in run_examples(rules):
            if not result.passed:
                failed[result.claim.id].add(result.index - 1)
        if not failed:
            return drafts
        drafts = [d for d in (_without(d, failed.get(d.id, set())) for d in drafts) if d.positives]


def _tightened(drafts: list[_Draft]) -> list[_Draft]:
    """Each claim's window cut to what its sources need: the farthest its cue stands
    from the value in a positive example, plus a little slack. A figure the sources
    state next to its words then does not pull in other figures further off."""
    if not drafts:
        return drafts
    binder = Binder(_rule_set(drafts))
    for draft in drafts:
        farthest = 0
        for text, _, published in draft.positives:
            trace = Trace()
            binder.bind_text(text, date.fromisoformat(published) if published else None, trace)
            farthest = max(farthest, _cue_distance(trace, draft.id))
        window = min(DEFAULT_WINDOW, max(MIN_WINDOW, farthest + WINDOW_SLACK))
        draft.window = window if window < DEFAULT_WINDOW else None
    return drafts


def _cue_distance(trace: Trace, claim: str) -> int:
    """How far the winning cue stood from the value the claim took (0 when none)."""
    return max(
        (
            c.distance or 0
            for sentence in trace.sentences
            for c in sentence.considered
            if c.claim == claim and c.won
        ),
        default=0,
    )


def _without(draft: _Draft, failed: set[int]) -> _Draft:
    positives = [p for i, p in enumerate(draft.positives) if i not in failed]
    offset = len(draft.positives)
    negatives = [n for i, n in enumerate(draft.negatives) if i + offset not in failed]
    return _Draft(draft.id, draft.fact, positives, negatives, draft.window)


def _rule_set(drafts: list[_Draft]) -> RuleSet:
    text = _yaml(drafts)
    return RuleSet(tuple(parse_rules(text, "<suggested>")), ("<suggested>",))


def _yaml(drafts: Iterable[_Draft]) -> str:
    """The rule file: a header, then each claim, with a comment where sources disagree."""
    parts = ["# Suggested by factcheck suggest: review every claim before use.\n", "claims:\n"]
    for draft in drafts:
        values = draft.fact.values
        block = yaml.safe_dump([draft.claim()], sort_keys=False, allow_unicode=True, width=100)
        written = {_value_key(s.mention): s.mention.text for s in reversed(draft.fact.seen)}
        ranked = sorted(values.items(), key=lambda item: (-item[1], written[item[0]]))
        shown = [f"{written[v]} ({n})" for v, n in ranked]
        sources = len(draft.fact.sources)
        parts.append(f"# stated by {sources} source{'s' if sources > 1 else ''}\n")
        if len(values) > 1:
            parts.append(f"# CHECK FIRST: the sources disagree: {', '.join(shown)}\n")
        parts.append(_indent(block))
    return "".join(parts)


def _indent(block: str) -> str:
    return "".join(f"  {line}" if line.strip() else line for line in block.splitlines(True))
