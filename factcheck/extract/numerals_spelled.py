"""The spelled-number grammar: "twenty-three", "one hundred and five", "a dozen".

:func:`spelled_numbers` finds every number written in words, with its span;
:mod:`factcheck.extract.numerals` merges them with the digit numerals.

    "twenty-three" -> 23        "one hundred and five" -> 105    "a dozen" -> 12
    "two and a half million" -> 2.5e6   "half a million" -> 5e5   "two thirds" -> 0.667
    "a quarter million" -> 2.5e5        "minus five" -> -5       "nought point zero three" -> 0.03
    "second", "twenty-first", "two hundredth" -> 2, 21, 200 (ordinal)
    not fractions: "the first quarter", "the past half" (periods)

Words are matched on the lower-cased text with one regular expression over the
number words (so the cost is one pass, not a Python step per word), then parsed
by a small hand-written grammar over the number-word tokens: from each token a
reader takes an optional sign and article, then one word at a time with the step
for its kind (count, hundred, scale, dozen, half or quarter, ordinal, point), the
gap before each word deciding whether the number goes on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from factcheck.dataclass import dataclass
from factcheck.extract.vocabulary import ORDINAL_TENS, ORDINAL_WORDS, TEENS, TENS, UNITS
from factcheck.regexes import compiled

__all__ = ["NUMBER_WORDS", "SpelledNumber", "spelled_numbers"]


class SpelledNumber(NamedTuple):
    """A number written in words: ``value`` = (``value`` / ``multiplier``) x ``multiplier``."""

    start: int
    end: int
    value: float
    multiplier: float
    scale: str | None  # the scale word as written, lower-cased ("million"), if it ends the number
    ordinal: bool
    fraction: bool
    implicit: bool  # the number is an article: "a million", "a half"


# Token kinds: U unit 0-9, T teen, D tens, H hundred, S scale, Z dozen, O ordinal,
# F half/quarter, P "point", N "minus"/"negative".
# The number words, from the one vocabulary.
_UNITS, _TEENS, _TENS = UNITS, TEENS, TENS
_ORDINALS, _ORD_TENS = ORDINAL_WORDS, ORDINAL_TENS

_WORDS: dict[str, tuple[str, float]] = {
    **{w: ("U", float(v)) for v, w in enumerate(_UNITS)},
    "nought": ("U", 0.0),
    "naught": ("U", 0.0),
    **{w: ("T", float(v + 10)) for v, w in enumerate(_TEENS)},
    **{w: ("D", float(20 + 10 * v)) for v, w in enumerate(_TENS)},
    "hundred": ("H", 100.0),
    "dozen": ("Z", 12.0),
    "dozens": ("Z", 12.0),
    "thousand": ("S", 1e3),
    "million": ("S", 1e6),
    "billion": ("S", 1e9),
    "trillion": ("S", 1e12),
    "lakh": ("S", 1e5),
    "lakhs": ("S", 1e5),
    "crore": ("S", 1e7),
    "crores": ("S", 1e7),
    **{w: ("O", float(v + 1)) for v, w in enumerate(_ORDINALS)},
    **{w: ("O", float(20 + 10 * v)) for v, w in enumerate(_ORD_TENS)},
    "hundredth": ("O", 1e2),
    "thousandth": ("O", 1e3),
    "millionth": ("O", 1e6),
    "billionth": ("O", 1e9),
    "trillionth": ("O", 1e12),
    "half": ("F", 2.0),
    "halves": ("F", 2.0),
    "quarter": ("F", 4.0),
    "quarters": ("F", 4.0),
    "point": ("P", 0.0),
    "minus": ("N", 0.0),
    "negative": ("N", 0.0),
}
_PLURAL_DENOMINATORS = {w + "s": v for w, (k, v) in _WORDS.items() if k == "O" and v >= 3}
_PLURAL_DENOMINATORS.update(halves=2.0, quarters=4.0)
_WORDS.update({w: ("O", v) for w, v in _PLURAL_DENOMINATORS.items() if w not in _WORDS})
NUMBER_WORDS = frozenset(_WORDS)


def _word_trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` as a trie ("t(?:en|wo)"): the regex engine reads
    each word once, not once per word of the list. Each match is a whole word (the
    caller's ``(?!\\w)``), so the order of the alternatives does not matter."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branches(node: dict[str, Any]) -> str:
        ends = "" in node
        parts = [re.escape(char) + branches(node[char]) for char in sorted(node) if char]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 and not ends else f"(?:{'|'.join(parts)})"
        return body + ("?" if ends else "")

    return branches(tree)


# One pass over the lower-cased text finds the number words; when lower-casing
# changes the length ("İ"), every word is looked up instead (slower, same result).
# A match reads the character before the word too (no word character: the text is
# searched with a space before it), so the pattern opens with a class and the regex
# engine skips ahead to the spaces and stops, instead of trying every letter.
_NUMBER_WORD_RE = compiled(rf"\W(?P<word>{_word_trie(_WORDS)})(?!\w)")
_WORD_RE = compiled(r"(?<!\w)[^\W\d_]+(?!\w)")
_GAP_RE = compiled(
    r"[\x20\t\u00a0]*[-\u2010][\x20\t\u00a0]*|[\x20\t\u00a0]+(?:(?P<and>and)[\x20\t\u00a0]+)?"
    r"(?:(?P<a>an?)[\x20\t\u00a0]+)?",
    re.IGNORECASE,
)
_A_BEFORE_RE = compiled(r"\ban?[\x20\t\u00a0]+$", re.IGNORECASE)
_OF_OR_END_RE = compiled(r"[\x20\t]+(?:of|points?|million|billion|trillion)\b|\s*(?:[^\w\s-]|$)")
_PERIOD_BEFORE_RE = compiled(
    r"\b(?:first|second|third|fourth|last|past|next|previous|recent|latter|other|straight|"
    r"consecutive|1st|2nd|3rd|4th)[\x20\t]+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Tok:
    """A number word or digit run of a spelled-out numeral, with the gap before it."""

    start: int
    end: int
    kind: str
    value: float
    plural: bool
    joined: bool  # a number-internal gap links it to the previous token
    and_gap: bool
    a_gap: bool


def _words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, lower-cased word) for every number word of ``text``."""
    lowered = " " + text.lower()
    if len(lowered) == len(text) + 1:
        for m in _NUMBER_WORD_RE.finditer(lowered):
            yield m.start("word") - 1, m.end() - 1, m["word"]
        return
    for m in _WORD_RE.finditer(text):
        word = m.group().lower()
        if word in _WORDS:
            yield m.start(), m.end(), word


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for start, end, word in _words(text):
        kind, value = _WORDS[word]
        gap = _GAP_RE.fullmatch(text, toks[-1].end, start) if toks else None
        toks.append(
            _Tok(
                start,
                end,
                kind,
                value,
                word in _PLURAL_DENOMINATORS,
                gap is not None,
                bool(gap and gap.group("and")),
                bool(gap and gap.group("a")),
            )
        )
    return toks


def spelled_numbers(text: str) -> Iterator[SpelledNumber]:
    """Every number written in words in ``text``, by position, non-overlapping."""
    toks = _tokens(text)
    i = 0
    while i < len(toks):
        got = _parse_at(text, toks, i)
        if got is None:
            i += 1
            continue
        numeral, i = got
        yield numeral


def _a_before(text: str, tok: _Tok) -> int | None:
    m = _A_BEFORE_RE.search(text, max(0, tok.start - 4), tok.start)
    return m.start() if m else None


def _period_before(text: str, at: int) -> bool:
    """Whether a period word ends just before ``at``: "the first quarter" is no fraction."""
    return _PERIOD_BEFORE_RE.search(text, max(0, at - 14), at) is not None


def _plain_scale_at(toks: list[_Tok], k: int) -> _Tok | None:
    """Token ``k`` if it is a scale word joined by a bare space or hyphen ("a quarter million")."""
    if k < len(toks):
        t = toks[k]
        if t.kind == "S" and t.joined and not t.and_gap and not t.a_gap:
            return t
    return None


def _sign(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """The sign and the index of the first number word: "minus five" -> (-1.0, i + 1).

    None when "minus" is not directly followed by a count ("minus a million", "minus and five").
    """
    if toks[i].kind != "N":
        return 1.0, i
    if i + 1 >= len(toks):
        return None
    nxt = toks[i + 1]
    if nxt.kind not in "UTD" or not nxt.joined or nxt.and_gap or nxt.a_gap:
        return None
    return -1.0, i + 1


def _quarter_scale(toks: list[_Tok], k: int) -> bool:
    """Whether token ``k`` is a bare "quarter" before a scale word: "quarter million"."""
    t = toks[k]
    if t.kind != "F" or t.value != 4 or t.plural or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return nxt.kind == "S" and nxt.joined and not nxt.and_gap


def _parse_at(text: str, toks: list[_Tok], i: int) -> tuple[SpelledNumber, int] | None:
    """Parse the longest valid number starting at token ``i``; return it and the next index."""
    signed = _sign(toks, i)
    if signed is None:
        return None
    sign, k = signed
    reader = _Reader(text, toks, start=toks[i].start, sign=sign, k=k)
    if not (reader.read_article() or reader.read_first_word()):
        return None
    reader.read_words()
    return reader.result()


@dataclass(slots=True)
class _Reader:
    """One number read word by word; its value is ``sign * (total + group)``.

    Each ``read_<word>`` step takes the word at ``k`` into the number and says whether
    the number can go on past it.
    """

    text: str
    toks: list[_Tok]
    start: int  # where the number starts in ``text``: its article or sign, else its first word
    sign: float
    k: int  # the word being read
    end: int = 0  # the number's last word so far
    total: float = 0.0  # the groups a scale closed: 2e6 in "two million three hundred"
    group: float = 0.0  # the count since the last scale: 300 in "two million three hundred"
    cap: float = math.inf  # the last scale: the next group's scale must be smaller
    last: str = ""  # kind of the last counting word, or "half"; "" before any
    ordinal: bool = False
    fraction: bool = False
    implicit: bool = False

    def read_article(self) -> bool:
        """An "a" before the first word counts one: "a million", "a dozen", "a third of"."""
        first = self.toks[self.k]
        a_at = _a_before(self.text, first)
        if a_at is None or self.sign <= 0:
            return False
        # A fraction word takes it only before "of", "points", a scale or the end: "a third
        # of", "a half million", but "a second opinion" is the ordinal alone.
        if not (
            first.kind in "HSZ"
            or (
                first.kind in "FO"
                and not first.plural
                and first.value >= 2
                and _OF_OR_END_RE.match(self.text, first.end)
            )
        ):
            return False
        self.start, self.group, self.last, self.implicit = a_at, 1.0, "U", True
        return True

    def read_first_word(self) -> bool:
        """Whether the first word can start a number with no article; reads "quarter million"."""
        first = self.toks[self.k]
        if first.kind == "F" and _period_before(self.text, first.start):
            return False  # "the first quarter", "the past half" are periods
        if _quarter_scale(self.toks, self.k):
            self.group, self.last = 0.25, "half"
            self.k += 1
            return True
        # "hundred", a scale, "dozen", "point", "quarter" and plurals ("thirds") need a count.
        return not (
            first.kind in "HSZP"
            or (first.kind == "F" and (first.value != 2 or first.plural))
            or (first.kind == "O" and first.plural)
        )

    def read_words(self) -> None:
        """Read from word ``k`` on, each word with the step for its kind, until one stops."""
        first = self.end = self.k
        while self.k < len(self.toks):
            t = self.toks[self.k]
            if self.k > first and not self.continues(t):
                return
            read = _READ_WORD.get(t.kind)
            if read is None or not read(self, t):  # "minus" inside a number ends it
                return
            self.k += 1

    def continues(self, t: _Tok) -> bool:
        """Whether the gap before ``t`` keeps the number going; reads "and a half" itself."""
        # "half a million" is one number, "two a dozen" is two.
        if not t.joined or (t.a_gap and not t.and_gap and self.last != "half"):
            return False
        if not (t.and_gap and self.last):
            return True
        if self.read_and_fraction():
            return False
        return self.last in "HS" and t.kind in "UTDO"  # "a hundred and five", not "two and five"

    def read_and_fraction(self) -> bool:
        """A fraction after "and" ends the number: "two and a half", "one and three quarters"."""
        den = _denominator(self.toks, self.k)
        if den is None or self.last not in "UTDHS":
            return False
        num, after = den
        self.fraction, self.end = True, after - 1
        scale = _plain_scale_at(self.toks, after)
        if scale is not None and scale.value < self.cap:
            # "two and a half million", "one billion and a half million"
            self.group = (self.group + num) * scale.value if self.total == 0 else num * scale.value
            self.end = after
        else:  # "one million and a half" is 1.5 million
            self.group += num * self.cap if self.last == "S" else num
        return True

    def read_count(self, t: _Tok) -> bool:
        """A unit, teen or tens word: first, after "hundred" or a scale, or a tens' unit."""
        if not (
            not self.last
            or self.last in "HS"
            or (self.last == "D" and t.kind == "U" and self.group % 10 == 0)
        ):
            return False
        if self.last and t.value == 0:  # "twenty zero" reads as two numbers
            return False
        self.group, self.last, self.end = self.group + t.value, t.kind, self.k
        return True

    def read_hundred(self, t: _Tok) -> bool:
        """A hundred multiplies a count below it: "three hundred", "nineteen hundred"."""
        if self.last not in ("U", "T", "D") or self.group >= 100:
            return False
        self.group, self.last, self.end = self.group * 100, "H", self.k
        return True

    def read_scale(self, t: _Tok) -> bool:
        """A scale takes the group before it into the total: "two million three thousand"."""
        if self.last in ("U", "T", "D", "H", "half") and t.value < self.cap:
            self.total, self.group = self.total + self.group * t.value, 0.0
            self.cap, self.last, self.end = t.value, "S", self.k
            return True
        if self.last == "S" and t.value > self.cap and self.group == 0:  # "a thousand million"
            self.total, self.cap, self.end = self.total * t.value, t.value, self.k
            return True
        return False

    def read_dozen(self, t: _Tok) -> bool:
        """A dozen is twelve times the count and ends the number: "two dozen", "half a dozen"."""
        if self.last in ("U", "T", "D", "half") and self.group < 100:
            self.group, self.end = self.group * 12, self.k
        return False

    def read_half_or_quarter(self, t: _Tok) -> bool:
        """Divide the count before it ("three quarters"), or lead the number ("half a million")."""
        if (
            self.last in "UT"
            and self.total == 0
            and self.group > 0
            and t.plural == (self.group > 1)
            and not (t.value == 4 and _period_before(self.text, self.start))
        ):
            self.divide_by(t)
            return False
        if self.last or t.value != 2:
            return False
        self.group, self.last, self.fraction, self.end = 0.5, "half", True, self.k
        return True  # "half a million"

    def read_ordinal(self, t: _Tok) -> bool:
        """An ordinal ends the number: a denominator ("two thirds") or a rank ("twenty-first")."""
        if self.is_denominator(t) or (t.plural and self.last == "D" and self.group % 10 == 0):
            self.divide_by(t)
            return False
        if t.plural or not (
            not self.last or self.last in "HS" or (self.last == "D" and t.value < 10)
        ):
            if self.last in "UTD" and t.value >= 100 and self.group < 1000:  # "two hundredth"
                self.group, self.ordinal, self.end = self.group * t.value, True, self.k
            return False
        self.group, self.ordinal, self.end = self.group + t.value, True, self.k
        return False

    def is_denominator(self, t: _Tok) -> bool:
        """Whether ordinal ``t`` divides the count before it: "two thirds", "a hundredth"."""
        return (
            self.last in "UT"
            and self.total == 0
            and t.value >= 3
            and self.group > 0
            and t.plural == (self.group > 1)
            and (t.value < 100 or t.plural or self.implicit)  # "one hundredth" is a rank
        )

    def divide_by(self, t: _Tok) -> None:
        self.group, self.fraction, self.end = self.group / t.value, True, self.k

    def read_point(self, t: _Tok) -> bool:
        """Decimal digits after "point" end the number: "two point five", "one point zero three"."""
        digits = _decimal_digits(self.toks, self.k + 1)
        if self.last not in ("U", "T", "D", "H", "S") or digits is None:
            return False
        places, after = digits
        self.group, self.end = self.group + float("0." + places), after - 1
        return False

    def result(self) -> tuple[SpelledNumber, int] | None:
        """The number read and the index of the word after it; None if nothing counted."""
        if not (self.last or self.ordinal or self.fraction):
            return None
        if self.fraction and self.total == 0 and self.toks[self.end].kind != "S":
            scale = _plain_scale_at(self.toks, self.end + 1)
            if scale is not None:  # "a quarter million"
                self.group, self.end = self.group * scale.value, self.end + 1
        value = self.sign * (self.total + self.group)
        last_tok = self.toks[self.end]
        multiplier = last_tok.value if last_tok.kind == "S" and self.group == 0 else 1.0
        scale_word = self.text[last_tok.start : last_tok.end].lower() if multiplier != 1 else None
        return SpelledNumber(
            self.start,
            last_tok.end,
            value,
            multiplier,
            scale_word,
            self.ordinal,
            self.fraction,
            self.implicit,
        ), self.end + 1


# The step for each kind of word; a kind without one ("minus") ends the number.
_READ_WORD: dict[str, Callable[[_Reader, _Tok], bool]] = {
    "U": _Reader.read_count,
    "T": _Reader.read_count,
    "D": _Reader.read_count,
    "H": _Reader.read_hundred,
    "S": _Reader.read_scale,
    "Z": _Reader.read_dozen,
    "F": _Reader.read_half_or_quarter,
    "O": _Reader.read_ordinal,
    "P": _Reader.read_point,
}


def _denominator(toks: list[_Tok], k: int) -> tuple[float, int] | None:
    """A fraction after "and": "and a half", "and three quarters", "and two thirds"."""
    t = toks[k]
    if t.a_gap and t.kind in "FO" and not t.plural and t.value >= 2:
        return 1 / t.value, k + 1
    if t.kind == "U" and k + 1 < len(toks):
        d = toks[k + 1]
        if (
            d.joined
            and not d.and_gap
            and d.kind in "FO"
            and d.value >= 2
            and d.plural == (t.value > 1)
            and (d.value > 2 or d.kind == "F")
        ):
            return t.value / d.value, k + 2
    return None


def _decimal_digits(toks: list[_Tok], k: int) -> tuple[str, int] | None:
    """Digits after "point": "point zero three" -> ("03", next index), "point eleven"."""
    places = ""
    while k < len(toks) and toks[k].joined and not toks[k].and_gap and toks[k].kind == "U":
        places, k = places + str(int(toks[k].value)), k + 1
    if places:
        return places, k
    if k < len(toks) and toks[k].joined and toks[k].kind in "TD":
        value = toks[k].value
        if (
            toks[k].kind == "D"
            and k + 1 < len(toks)
            and toks[k + 1].kind == "U"
            and toks[k + 1].joined
            and not toks[k + 1].and_gap
        ):
            return str(int(value + toks[k + 1].value)), k + 2
        return str(int(value)), k + 1
    return None
