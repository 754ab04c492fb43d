"""The date extractors' matching engine: one trigger scan, then anchored rules.

A :class:`Rule` is a regular expression written in lower case, matched
case-sensitively against a lower-cased copy of the text (same offsets, see
:func:`lower`), and the words a match can begin with. One trigger
expression, built from the start words of every rule, finds those words and
the digit runs in a single pass; each rule is then tried with
``pattern.match`` at the positions of its own start words only. A long
article so costs one scan and a few hundred anchored attempts, not a scan
per rule (matching thirty case-insensitive alternations at every position
was most of the extractor's time).

Small words that open some phrases but are frequent in any prose ("the",
"in", "a", "this") are written ``lead(word, followers)``: they trigger only
when one of the followers comes next ("the" before "first", "1990s",
"past"...). A follower or start word ``DIGITS`` stands for a digit run.

Builders receive the match (on the lower-cased copy) and the original text,
where they check case ("may" the verb against "May" the month). Patterns are
compiled on first use, so importing the extractor stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence

from factcheck.dataclass import dataclass
from factcheck.extract.dates.calendar import Candidate
from factcheck.regexes import compiled, declare, declare_built

Builder = Callable[[re.Match[str], str], Candidate | None]
DIGITS = "0"
_LEAD_MARK = ">"


@dataclass(frozen=True, slots=True)
class Rule:
    """A lower-case pattern, its builder and the words a match can begin with."""

    pattern: str
    build: Builder
    starts: tuple[str, ...]


def lead(word: str, followers: Iterable[str]) -> tuple[str, ...]:
    """Start entries for a frequent ``word`` that opens a phrase only before ``followers``."""
    return tuple(f"{word}{_LEAD_MARK}{follower}" for follower in followers)


def lower(text: str) -> str:
    """``text`` in lower case with the same length, so offsets carry over."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # Only U+0130 (dotted capital I) lowers to two characters.
    return text.replace("\u0130", "I").lower()


def trie(words: Mapping[str, str]) -> str:
    """One alternation of ``words`` sharing prefixes, each word followed by its own suffix.

    A trie keeps the trigger fast: at each position only the branch of that
    letter is tried, not every word.
    """
    groups: dict[str, dict[str, str]] = {}
    end: str | None = None
    for word, suffix in sorted(words.items()):
        if word:
            groups.setdefault(word[0], {})[word[1:]] = suffix
        else:
            end = suffix
    branches = [re.escape(first) + trie(rest) for first, rest in groups.items()]
    if end is not None:
        branches.append(end)
    if len(branches) <= 1:
        return "".join(branches)
    return f"(?:{'|'.join(branches)})"


_WORD_END = "(?![a-z])"
_PREFIX = 3  # letters of a follower that the trigger checks and dispatch keys on
_FOLLOWER = compiled(rf"\W+(?:([a-z]{{1,{_PREFIX}}})|\d)")


def _gate(followers: Collection[str]) -> str:
    """A lookahead for the next word: one starting like a follower (a cheap, loose check)."""
    words = trie({word[:_PREFIX]: "" for word in followers if word != DIGITS})
    options = ([words] if words else []) + ([r"\d"] if DIGITS in followers else [])
    return rf"(?=\W+(?:{'|'.join(options)}))"


def _trigger(plain: Collection[str], gated: Mapping[str, Collection[str]]) -> str:
    """The trigger expression: runs to the next start word (or digit run) and names it.

    Whole words that start nothing are skipped inside one match (possessively, so
    never re-scanned): a search per start word, not an attempt per character. A
    start word always ends before a letter, so the word itself is the letter run.
    The plain words share one end test after their trie (writing it after each
    word made the expression twice as long, and slower to compile).
    """
    plain_words = trie({word: "" for word in plain if word != DIGITS})
    lead_words = trie({word: _gate(followers) for word, followers in gated.items()})
    words = "|".join(
        ([f"{plain_words}{_WORD_END}"] if plain_words else [])
        + ([lead_words] if lead_words else [])
    )
    return rf"(?:[^a-z0-9]++|(?!{words})[a-z]++)*+(?:(?P<start>[a-z]+|\d+)|\Z)"


class Scanner:
    """All rules of the date extractor behind one trigger expression (all compiled lazily).

    A lead word dispatches on the first letters of the word after it: "the
    first" tries the rules that list "the" before "first", not every rule
    that may begin with "the".
    """

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._rules = tuple(rules)
        self._trigger: re.Pattern[str] | None = None
        self._table: dict[str, tuple[int, ...]] = {}  # trigger key -> rule indexes
        self._leads: frozenset[str] = frozenset()
        self._patterns: list[re.Pattern[str] | None] = [None] * len(self._rules)

    def declare(self) -> None:
        """Name every pattern this scanner may compile for the regex table's build
        (:mod:`factcheck.regexes`): a module's own scanner, not one a test makes."""
        for rule in self._rules:
            declare(rule.pattern)
        declare_built(self._compile)

    def _compile(self) -> re.Pattern[str]:
        plain: dict[str, set[int]] = {}
        gated: dict[str, dict[str, set[int]]] = {}
        for index, rule in enumerate(self._rules):
            for entry in rule.starts:
                word, mark, follower = entry.partition(_LEAD_MARK)
                if not re.fullmatch("[a-z]+|0", word):
                    raise ValueError(f"start word {word!r} of {rule.build.__name__}")
                if mark:
                    key = follower if follower == DIGITS else follower[:_PREFIX]
                    gated.setdefault(word, {}).setdefault(key, set()).add(index)
                else:
                    plain.setdefault(word, set()).add(index)
        keys: dict[str, set[int]] = dict(plain)
        for word, by_follower in gated.items():
            for follower, indexes in by_follower.items():
                if word in plain:  # triggers alone: every rule it may begin is tried
                    keys[word] |= indexes
                else:
                    keys[f"{word}{_LEAD_MARK}{follower}"] = indexes
        self._table = {key: tuple(sorted(rules)) for key, rules in keys.items()}
        self._leads = frozenset(gated) - set(plain)
        self._trigger = compiled(_trigger(plain, {word: gated[word] for word in self._leads}))
        return self._trigger

    def candidates(self, text: str, low: str) -> Iterator[Candidate]:
        """Every rule's candidates in ``text`` (``low`` is :func:`lower` of it)."""
        trigger = self._trigger or self._compile()
        table, leads = self._table, self._leads
        for hit in trigger.finditer(low):
            word = hit["start"]
            if word is None:
                continue
            position = hit.start("start")
            if word in leads:
                follower = _FOLLOWER.match(low, hit.end("start"))
                if follower is None:
                    continue
                key = f"{word}{_LEAD_MARK}{follower[1] or DIGITS}"
            else:
                key = DIGITS if word[0].isdigit() else word
            for index in table.get(key, ()):
                pattern = self._patterns[index] or self._pattern(index)
                match = pattern.match(low, position)
                if match is not None:
                    found = self._rules[index].build(match, text)
                    if found is not None:
                        yield found

    def _pattern(self, index: int) -> re.Pattern[str]:
        """A rule's pattern, compiled when first needed (a short text needs few rules)."""
        pattern = self._patterns[index] = compiled(self._rules[index].pattern)
        return pattern
