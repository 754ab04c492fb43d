"""A bare unit word is a value-less mention: read, never bound, never 'unresolved'."""

from __future__ import annotations

from factcheck.binding.binder import Binder
from factcheck.extract import extract_all
from factcheck.model import Document
from tests.conftest import make_rules


def test_bare_percent_words_have_no_value() -> None:
    found = [(m.text, m.value, m.detail) for m in extract_all("a small percent; the % of it; 5%")]
    assert found == [("percent", None, "unit"), ("%", None, "unit"), ("5%", 5.0, None)]


def test_bare_units_never_bind_nor_count_as_unresolved() -> None:
    rules = make_rules("""
        claims:
          - id: share
            description: market share
            type: percent
            cues: [market share]
    """)
    bound = Binder(rules).bind(Document("d", "d.txt", "Its market share, in percent, is unknown."))
    assert bound.bindings == () and bound.unresolved == ()
