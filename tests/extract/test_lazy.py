"""Patterns compiled on first use: compiled once, as ``re.compile`` would."""

from __future__ import annotations

import re

from factcheck.extract import qualifiers
from factcheck.extract.lazy import lazy


def test_compiles_on_the_first_call_only() -> None:
    pattern = lazy(r"(?P<w>ab+)\s*$", re.IGNORECASE)
    assert pattern._compiled is None
    compiled = pattern()
    assert pattern() is compiled
    assert (compiled.pattern, compiled.flags) == (
        re.compile(r"(?P<w>ab+)\s*$", re.IGNORECASE).pattern,
        re.compile(r"(?P<w>ab+)\s*$", re.IGNORECASE).flags,
    )
    match = compiled.search("x ABB ")
    assert match is not None and match["w"] == "ABB"


def test_a_lazy_pattern_still_finds_what_it_did() -> None:
    """The hedge patterns behind the cheap ending test are lazy and still read hedges."""
    assert isinstance(qualifiers._QUALIFIER_RE, lazy)
    match = qualifiers._QUALIFIER_RE().search("it cost more than ")
    assert match is not None and match.group(1) == "more than"
