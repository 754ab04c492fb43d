"""Names: runs of two or more capitalised words, the shape of a person's or
organisation's name.

    "Revenue chief Denise Dresser said"  -> "Denise Dresser"
    "Finance Director Alicia Moreno"     -> "Alicia Moreno" (a title after a department)
    "said Sam Altman, chief executive"   -> "Sam Altman"
    "Jean-Luc de la Croix"               -> "Jean-Luc de la Croix"
    "Amazon Web Services"                -> "Amazon Web Services"

Single capitalised words ("Amazon", "Trainium") are not names here: a text
claim about a product or a company lists them as ``choices`` instead. The
binder trims cue words off a name ("Revenue Chief Denise Dresser" bound to
the cue "revenue chief" gives "Denise Dresser").
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.model import ExtractContext, Mention
from factcheck.regexes import compiled

# After a word's capital: word characters and apostrophes, one of them a lower-case
# letter. Written so that the first lower-case letter is found once (the characters
# before it cannot be one): the same matches as "[\w'’]*[a-z][\w'’]*", without trying
# each split of the word again when the name goes no further (most capitals).
_RUN = r"(?:[^\Wa-z]|['’])*+[a-z][\w'’]*"
# Possessive runs ("*+", "++") where giving characters back cannot help: a full stop
# or a word follows, which those characters are not.
_WORD = rf"(?:[A-Z][a-z]*+\.|[A-Z]{_RUN}(?:-[A-Z][\w'’]*)*)"
_PARTICLE = r"(?:de|del|della|da|di|du|van|von|der|den|la|le|al|bin|ibn|dos|das)"
# The first word's capital comes first, then the test of what precedes it: a pattern
# that starts with a character class lets the regex engine skip ahead to capitals.
_FIRST_WORD = rf"[A-Z](?<![\w'’-].)(?:[a-z]*+\.|{_RUN}(?:-[A-Z][\w'’]*)*)"
_NAME_RE = compiled(rf"{_FIRST_WORD}(?:[ \t]++(?:{_PARTICLE}[ \t]++)*{_WORD})+(?![\w-])")

# Job titles written before a name ("Chief Executive Sam Altman"); after a department
# or an employer too ("Finance Director Alicia Moreno", "Police Chief Ray Castellanos").
_TITLES = frozenset(
    "Chief Executive Financial Operating Technology Revenue Officer President Vice Chair "
    "Chairman Chairwoman Chairperson Director Managing General Senior Head Minister Prime "
    "Secretary Governor Senator Representative Mayor Judge Justice Commissioner Founder "
    "Co-Founder Cofounder Spokesperson Spokesman Spokeswoman Analyst Professor Editor".split()
)
# Words that start sentences or headlines in title case without being names, and titles.
_LEADING_NOISE = _TITLES | frozenset(
    "The A An And But Or If When While As In On At For By To From With This That These Those "
    "It Its Their Our Your His Her We They He She I According After Before During Since "
    "However Meanwhile Yet Still Also Mr Mrs Ms Dr Prof Sir Dame Lord Lady".split()
)


# Words that end in a full stop inside a name: initials ("J.") and these titles.
_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Jr Sr St Sen Rep Gov Gen Lt Col Capt Sgt Rev Hon Prof Mt Ft".split()
)
_WORD_RUN = compiled(r"\S+")


def extract(text: str, context: ExtractContext) -> Iterator[Mention]:
    position = 0
    while (match := _NAME_RE.search(text, position)) is not None:
        start, end = match.start(), _sentence_end(text, match.start(), match.end())
        position = end if end < match.end() else match.end()
        words = text[start:end].split()
        titled = _after_title(words)
        while words and (words[0].rstrip(".") in _LEADING_NOISE or len(words) > titled):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]
        if len(words) < 2:
            continue
        yield Mention("name", start, end, text[start:end], " ".join(words))


def _after_title(words: list[str]) -> int:
    """How many words follow the last job title inside a name, when two or more do
    ("Finance Director Alicia Moreno": 2); else all of them."""
    for i in range(len(words) - 3, 0, -1):
        if words[i] in _TITLES:
            return len(words) - i - 1
    return len(words)


def _sentence_end(text: str, start: int, end: int) -> int:
    """Where the name ends: at a full stop that ends a sentence ("said Dana Whitfield.
    The company"), not at an initial or a title ("J. Smith", "Dr. Dana Whitfield")."""
    for word in _WORD_RUN.finditer(text, start, end):
        token = word.group()
        stem = token[:-1]
        if token.endswith(".") and not (len(stem) == 1 or stem in _ABBREVIATIONS):
            return word.end() - 1
    return end
