"""Text primitives shared by matching and binding: tokens, stems, sentences.

Tokens keep their character spans so that every cue match and every distance
can be traced back to the exact words of the article.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple

from factcheck.model import Sentence
from factcheck.regexes import compiled

# A word: letters/digits with inner apostrophes or dots ("Amazon's", "U.S", "1.2").
# Hyphens split words, so "revenue-sharing" matches the cue "revenue sharing".
_TOKEN_RE = compiled(r"\w+(?:['’.,]\w+)*|[^\w\s]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})

# Clause separators weigh on binding distance: a value across a comma or a dash
# is less likely to belong to a cue than one in the same clause.
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "•"})

STOPWORDS = frozenset(
    "a an the of to for in on at by with from into as and or its it is are was were be been "
    "has have had this that these those their his her our".split()
)


class Token(NamedTuple):
    """A word or punctuation mark with its span (a tuple: tokens are made by the million)."""

    start: int
    end: int
    text: str
    stem: str
    is_word: bool  # letters or digits, not punctuation
    is_content: bool  # a word that is not a stopword: what cues are matched on


_new_tuple = tuple.__new__
# Per-word (text, stem, is_word, is_content); a pure function of the word, bounded in size.
WordInfo = tuple[str, str, bool, bool]  # text, stem, is_word, is_content
_WORD_INFO: dict[str, WordInfo] = {}
_WORD_INFO_LIMIT = 65536


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets."""
    info = _WORD_INFO
    get = info.get
    new = _new_tuple
    token = Token
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        known = get(word)
        if known is None:
            known = _word_info(word)
        append(new(token, match.span() + known))
    return tokens


def word_infos(text: str, start: int = 0, end: int | None = None) -> list[WordInfo]:
    """``(text, stem, is_word, is_content)`` of each token of ``text[start:end]``, in the
    order of :func:`tokenize` but without spans: a cheap first pass before matching."""
    get = _WORD_INFO.get
    return [
        get(word) or _word_info(word)
        for word in _TOKEN_RE.findall(text, start, len(text) if end is None else end)
    ]


def token_texts(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The text of each token of ``text[start:end]``, in the order of :func:`tokenize`."""
    return _TOKEN_RE.findall(text, start, len(text) if end is None else end)


def word_info(word: str) -> WordInfo:
    """``(text, stem, is_word, is_content)`` of one token's text."""
    return _WORD_INFO.get(word) or _word_info(word)


def _word_info(word: str) -> WordInfo:
    is_word = word[:1].isalnum() or word[:1] == "_"
    known = (word, stem(word), is_word, is_word and fold(word) not in STOPWORDS)
    if len(_WORD_INFO) >= _WORD_INFO_LIMIT:
        _WORD_INFO.clear()
    _WORD_INFO[word] = known
    return known


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case- and accent-insensitive form of a word ("Café" -> "cafe")."""
    word = word.translate(_APOSTROPHES).casefold()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


_SUFFIXES = ("ments", "ment", "ings", "ing", "ied", "ies", "ed", "es", "s", "e")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, deterministic stemmer: enough for "pledged"/"pledge",
    "sharing"/"share", "commitment"/"committed". Not linguistics; just stable."""
    w = fold(word)
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("'", "")
    if not w.isalpha() or len(w) <= 3:
        return w
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if suffix in ("ied", "ies"):
                w += "y"
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


# Sentence ends: terminal punctuation (optionally closed by quotes/brackets) before
# whitespace and an upper-case letter, digit, quote or bullet; or any line break.
# The pattern opens with a class of the two's first characters, so the regex engine
# skips ahead to them instead of trying it at every position.
_SENTENCE_END_RE = compiled(r"[.!?\n](?:(?<=\n)|[\"'”’)\]]*(?=\s+[\"“‘'(\[•A-Z0-9]))")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof inc ltd corp co jr sr st vs no gen gov sen rep u.s u.k e.g i.e jan feb "
    "mar apr jun jul aug sep sept oct nov dec".split()
)
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


def sentences(text: str) -> list[Sentence]:
    """Split into sentences. A line break ends one, except inside hard-wrapped
    prose (Markdown paragraphs, e-mail text): see :func:`_soft_wrap`."""
    found: list[Sentence] = []
    append = found.append
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        mark = match.start()
        if text[mark] == "\n":
            if _soft_wrap(text, mark):
                continue
        elif _ends_with_abbreviation(text, mark):
            continue
        end = match.end()
        # Most sentences open after one space and close on their mark: no trimming.
        if text[start].isspace() or text[end - 1].isspace():
            _append_trimmed(found, text, start, end)
        else:
            append(Sentence(start, end))
        start = end
    _append_trimmed(found, text, start, len(text))
    return found


_WRAP_MIN_LINE = 50  # a line this long that stops mid-sentence was wrapped, not a headline
_LIST_START_RE = compiled(r"\s*(?:[-*+•]|\d+[.)])\s")


def _soft_wrap(text: str, newline: int) -> bool:
    """Whether the line break at ``newline`` only wraps a sentence: the line does
    not end a sentence, the next line goes on, and one of them says so (the
    next starts in lower case, or this one is as long as wrapped prose)."""
    line_start = text.rfind("\n", 0, newline) + 1
    line = text[line_start:newline].rstrip()
    next_end = text.find("\n", newline + 1)
    following = text[newline + 1 : len(text) if next_end < 0 else next_end]
    if not line or not following.strip() or line[-1] in '.!?:;"”’)':
        return False
    if _LIST_START_RE.match(following):
        return False
    first = following.lstrip()[:1]
    return first.islower() or len(line.strip()) >= _WRAP_MIN_LINE


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    if dot > _LONGEST_ABBREVIATION and text[dot - _LONGEST_ABBREVIATION - 1 : dot].isalpha():
        return False  # a longer word (most full stops): no abbreviation, no initial
    # The word before the dot, read back no further than the longest abbreviation.
    limit = max(0, dot - _LONGEST_ABBREVIATION - 1)
    word_start = dot
    while word_start > limit and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    if dot - word_start > _LONGEST_ABBREVIATION:
        return False  # a longer word: no abbreviation, no initial
    word = text[word_start:dot].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _append_trimmed(found: list[Sentence], text: str, start: int, end: int) -> None:
    # str.strip drops what str.isspace calls whitespace: the same span, read in C.
    piece = text[start:end]
    body = piece.lstrip()
    if body:
        start += len(piece) - len(body)
        found.append(Sentence(start, start + len(body.rstrip())))


QUOTE_LIMIT = 200  # characters of a sentence quoted around a value


def quote_window(
    sentence: Sentence, focus_start: int, focus_end: int, limit: int = QUOTE_LIMIT
) -> tuple[int, int]:
    """The part of ``sentence`` quoted around a mention: all of it, or about ``limit``
    characters centred on the mention. Every face that quotes uses this window."""
    start, end = sentence.start, sentence.end
    if end - start > limit:
        half = max(0, (limit - (focus_end - focus_start)) // 2)
        start = max(sentence.start, focus_start - half)
        end = min(sentence.end, max(focus_end + half, start + limit))
    return start, end


def quote(
    text: str, sentence: Sentence, focus_start: int, focus_end: int, limit: int = QUOTE_LIMIT
) -> str:
    """The sentence around a mention, cut to about ``limit`` characters around it."""
    start, end = quote_window(sentence, focus_start, focus_end, limit)
    snippet = " ".join(text[start:end].split())
    prefix = "…" if start > sentence.start else ""
    suffix = "…" if end < sentence.end else ""
    return f"{prefix}{snippet}{suffix}"
