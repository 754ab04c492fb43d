"""factcheck suggest: rules drafted from the sources pass test-rules and bind cleanly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from factcheck import api
from factcheck.run.selftest import run_examples
from factcheck.run.suggest import suggest
from tests.conftest import ROOT

CITY = ROOT / "examples" / "city-budget"
SCHEMA = json.loads((ROOT / "schema" / "rules.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    text = suggest(api.load_corpus(CITY / "sources").documents)
    path = tmp_path_factory.mktemp("suggested") / "suggested.yaml"
    path.write_text(text, encoding="utf-8")
    return text, path


def test_the_suggested_file_is_valid_and_its_examples_pass(city: tuple[str, Path]) -> None:
    text, path = city
    jsonschema.validate(yaml.safe_load(text), SCHEMA)
    rules = api.load_rules(path)
    results = run_examples(rules)
    assert results and all(r.passed for r in results)
    assert all(
        any(r.example.expected is not None for r in results if r.claim == c) for c in rules.claims
    )


def test_it_finds_the_story_s_facts_and_flags_the_disagreement(city: tuple[str, Path]) -> None:
    text, path = city
    rules = api.load_rules(path)
    types = [c.type for c in rules.claims]
    assert "money" in types and "percent" in types and "date" in types
    assert "# CHECK FIRST: the sources disagree: $412 million (3), $421 million (1)" in text
    report = api.check(rules, CITY / "sources")
    budget = next(c for c in report.claims if c.type == "money" and c.status == "conflict")
    said = {m.text for s in budget.sources for m in s.mentions}
    assert {"$412 million", "$421 million"} <= said


def test_no_value_binds_to_two_suggested_claims(city: tuple[str, Path]) -> None:
    _, path = city
    report = api.check(api.load_rules(path), CITY / "sources")
    spans = [
        (s.source, m.start, m.end) for c in report.claims for s in c.sources for m in s.mentions
    ]
    assert len(spans) == len(set(spans))


def test_ordered_by_how_many_sources_state_the_fact_then_id(city: tuple[str, Path]) -> None:
    text, _ = city
    counts = [int(line.split()[3]) for line in text.splitlines() if line.startswith("# stated by")]
    ids = [line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("  - id: ")]
    assert counts == sorted(counts, reverse=True) and len(counts) == len(ids) >= 4
    for (n1, a), (n2, b) in zip(
        zip(counts, ids, strict=True), zip(counts[1:], ids[1:], strict=True), strict=False
    ):
        assert n1 > n2 or a < b


def test_facts_the_existing_rules_bind_are_left_out() -> None:
    documents = api.load_corpus(CITY / "sources").documents
    alone = suggest(documents)
    covered = suggest(documents, api.load_rules(CITY / "rules.yaml"))
    assert "value: $412 million" in alone and "value: $412 million" not in covered
    assert covered.count("  - id: ") < alone.count("  - id: ")


def test_the_command_line_writes_once_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "suggested.yaml"
    base = [sys.executable, "-m", "factcheck", "suggest", "--sources", str(CITY / "sources")]
    env = {"PATH": "", "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    first = subprocess.run([*base, "-o", str(out)], capture_output=True, text=True, env=env)
    assert first.returncode == 0 and out.read_text(encoding="utf-8").startswith("# Suggested")
    out.write_text("mine\n", encoding="utf-8")
    again = subprocess.run([*base, "-o", str(out)], capture_output=True, text=True, env=env)
    assert again.returncode == 2 and "--force" in again.stderr
    assert out.read_text(encoding="utf-8") == "mine\n"
    forced = subprocess.run(
        [*base, "-o", str(out), "--force"], capture_output=True, text=True, env=env
    )
    assert forced.returncode == 0 and out.read_text(encoding="utf-8").startswith("# Suggested")
    printed = subprocess.run(base, capture_output=True, text=True, env=env)
    assert printed.stdout == out.read_text(encoding="utf-8")


def test_the_readme_s_command_writes_a_new_rule_file_into_the_rules_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`suggest --sources seeds --rules rules -o rules/more.yaml` is the documented
    workflow; replacing a rule file the run reads, or writing among the sources, is not."""
    from factcheck.cli.main import main

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "openai-cloud.yaml").write_bytes((ROOT / "rules" / "openai-cloud.yaml").read_bytes())
    base = ["suggest", "--sources", str(ROOT / "seeds"), "--rules", str(rules)]
    assert main([*base, "-o", str(rules / "more.yaml")]) == 0
    assert (rules / "more.yaml").read_text(encoding="utf-8").startswith("# Suggested")
    capsys.readouterr()
    assert main([*base, "-o", str(rules / "openai-cloud.yaml"), "--force"]) == 2
    assert "the output is one of the inputs" in capsys.readouterr().err
    assert main([*base, "-o", str(ROOT / "seeds" / "new.md")]) == 2
    assert "the output is one of the inputs" in capsys.readouterr().err


def _suggested_claims(
    texts: dict[str, str], published: str | None = None
) -> list[dict[str, object]]:
    from datetime import date

    from factcheck.model import Document

    day = date.fromisoformat(published) if published else None
    documents = [Document(n, f"{n}.txt", text, published=day) for n, text in texts.items()]
    claims: list[dict[str, object]] = yaml.safe_load(suggest(documents))["claims"] or []
    return claims


def test_cues_are_words_that_stand_near_this_fact_not_near_every_figure() -> None:
    # "city" stands near every sum, "budget" near the total only.
    texts = {
        f"s{i}": (
            "The city adopted a $412 million budget on Monday. "
            f"The city also spent ${i + 2} million on roads. "
            f"The city paid ${i + 7} million in wages."
        )
        for i in range(3)
    }
    claims = _suggested_claims(texts)
    total = next(c for c in claims if c["type"] == "money")
    assert "budget" in total["cues"] and "city" not in total["cues"]  # type: ignore[operator]


def test_the_window_is_cut_to_what_the_sources_need() -> None:
    texts = {
        f"s{i}": f"Council adopted a $412 million budget. It sees {i + 3} new parks."
        for i in range(3)
    }
    (claim,) = [c for c in _suggested_claims(texts) if c["type"] == "money"]
    assert claim["window"] == 3  # the cue stands next to the value: the least window


def test_counts_need_two_sources_saying_the_same_and_datelines_are_no_facts() -> None:
    texts = {
        "a": "June 3, 2025. The budget funds 24 new officers and 9 trucks.",
        "b": "June 3, 2025. The plan funds two dozen new officers and 5 trucks.",
    }
    claims = _suggested_claims(texts, published="2025-06-03")
    counts = [c for c in claims if c["type"] == "number"]
    assert [c["examples"][0]["value"] for c in counts] == ["24"]  # type: ignore[index]
    assert not [c for c in claims if c["type"] == "date"]
