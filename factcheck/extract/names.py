"""Names: runs of two or more capitalised words, the shape of a person's or
organisation's name.

    "Revenue chief Denise Dresser said"  -> "Denise Dresser"
    "said Sam Altman, chief executive"   -> "Sam Altman"
    "Jean-Luc de la Croix"               -> "Jean-Luc de la Croix"
    "Amazon Web Services"                -> "Amazon Web Services"

Single capitalised words ("Amazon", "Trainium") are not names here: a text
claim about a product or a company lists them as ``choices`` instead. The
binder trims cue words off a name ("Revenue Chief Denise Dresser" bound to
the cue "revenue chief" gives "Denise Dresser").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.model import ExtractContext, Mention

_WORD = r"(?:[A-Z][a-z]*\.|[A-Z][\w'’]*[a-z][\w'’]*(?:-[A-Z][\w'’]*)*)"
_PARTICLE = r"(?:de|del|della|da|di|du|van|von|der|den|la|le|al|bin|ibn|dos|das)"
# The first word's capital comes first, then the test of what precedes it: a pattern
# that starts with a character class lets the regex engine skip ahead to capitals.
_FIRST_WORD = r"[A-Z](?<![\w'’-].)(?:[a-z]*\.|[\w'’]*[a-z][\w'’]*(?:-[A-Z][\w'’]*)*)"
_NAME_RE = re.compile(rf"{_FIRST_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_WORD})+(?![\w-])")

# Words that start sentences or headlines in title case without being names,
# and job titles written before a name ("Chief Executive Sam Altman").
_LEADING_NOISE = frozenset(
    "The A An And But Or If When While As In On At For By To From With This That These Those "
    "It Its Their Our Your His Her We They He She I According After Before During Since "
    "However Meanwhile Yet Still Also Mr Mrs Ms Dr Prof Sir Dame Lord Lady "
    "Chief Executive Financial Operating Technology Revenue Officer President Vice Chair "
    "Chairman Chairwoman Chairperson Director Managing General Senior Head Minister Prime "
    "Secretary Governor Senator Representative Mayor Judge Justice Commissioner Founder "
    "Co-Founder Cofounder Spokesperson Spokesman Spokeswoman Analyst Professor Editor".split()
)


def extract(text: str, context: ExtractContext) -> Iterator[Mention]:
    for match in _NAME_RE.finditer(text):
        start, end = match.start(), match.end()
        words = match.group().split()
        while words and words[0].rstrip(".") in _LEADING_NOISE:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]
        if len(words) < 2:
            continue
        name = " ".join(words)
        yield Mention("name", start, end, text[start:end], name)
