"""Reading a plain YAML mapping entry by entry gives what PyYAML's safe loader gives."""

from __future__ import annotations

import datetime

import pytest
import yaml

from factcheck.yamlio.stream import NotPlain, flat_entries

PLAIN = {
    "typed scalars": """
a:
  title: "Deal: $38 billion"
  outlet: Reuters
  published: 2026-04-30
b:
  title: 2030
  published: '2026-04-30'
  via: ~
c:
d: {title: flow style, outlet: "x"}
""",
    "comments and a document marker": "# manifest\n---\nsrc-1:  # first\n  outlet: AP\n...\n",
    "empty": "",
    "comments only": "# nothing yet\n",
    "explicit null document": "---\n~\n",
    "a top-level scalar value": "x: 1\ny: true\nz: 2.5\n",
    "duplicate keys (the last wins, as with the safe loader)": "a: {t: 1}\na: {t: 2}\n",
    "non-string keys are passed through": "2024: {outlet: x}\n",
}


@pytest.mark.parametrize("text", PLAIN.values(), ids=PLAIN.keys())
def test_matches_the_safe_loader(text: str) -> None:
    assert dict(flat_entries(text)) == (yaml.safe_load(text) or {})


def test_dates_are_dates() -> None:
    ((_, entry),) = flat_entries("a:\n  published: 2026-04-30\n")
    assert entry == {"published": datetime.date(2026, 4, 30)}


NOT_PLAIN = {
    "a list at the top": "- a\n- b\n",
    "a list in an entry": "a:\n  outlet: [x, y]\n",
    "a mapping two levels down": "a:\n  meta: {outlet: x}\n",
    "a list as an entry": "a:\n  - x\n",
    "an anchor": "a: &base {outlet: x}\n",
    "an alias": "a: {outlet: x}\nb: *x\n",
    "a tag on a value": "a: {outlet: !!python/name:os.system x}\n",
    "a tag on a mapping": "a: !!map {outlet: x}\n",
    "a custom tag": "a: !secret x\n",
    "a scalar document": "just text\n",
    "two documents": "a: {outlet: x}\n---\nb: {outlet: y}\n",
    "an impossible date": "a: {published: 2025-02-30}\n",
}


@pytest.mark.parametrize("text", NOT_PLAIN.values(), ids=NOT_PLAIN.keys())
def test_other_shapes_are_refused(text: str) -> None:
    with pytest.raises(NotPlain):
        list(flat_entries(text))


def test_syntax_errors_are_yaml_errors() -> None:
    with pytest.raises(yaml.YAMLError):
        list(flat_entries("a: {outlet: 'unclosed\n"))


def test_entries_arrive_one_at_a_time() -> None:
    """The first entry is available before the rest of the document is parsed:
    a syntax error further down has not been met yet."""
    entries = flat_entries("a: {outlet: x}\nb: {outlet: 'unclosed\n")
    assert next(entries) == ("a", {"outlet": "x"})
    with pytest.raises(yaml.YAMLError):
        next(entries)
