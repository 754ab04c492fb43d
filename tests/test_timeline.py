"""Figures that change over time: stories told as (publication date, sentence) pairs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.binding.binder import Binder
from factcheck.binding.dating import sentence_date
from factcheck.binding.evidence import check_document
from factcheck.model import DateInterval, Document
from factcheck.reconcile.records import ClaimVerdict
from factcheck.rules.ruleset import RuleSet
from tests.conftest import ROOT, make_rules, run_factcheck, verdicts_of

pytest_plugins = ["pytester"]

CLAIM = """
    claims:
      - id: valuation
        description: what investors value the company at
        type: money
        cues: [valuation, valued at]
        {extra}
"""
TIMED = make_rules(CLAIM.format(extra="changes_over_time: true"))
PLAIN = make_rules(CLAIM.format(extra=""))
Story = list[tuple[str | None, str]]  # (published ISO date or None, text)


def verdict(rules: RuleSet, story: Story) -> ClaimVerdict:
    binder = Binder(rules)
    docs = [
        check_document(
            binder,
            Document(
                f"s{i}", f"s{i}.txt", text, published=date.fromisoformat(day) if day else None
            ),
        )
        for i, (day, text) in enumerate(story)
    ]
    return verdicts_of(rules, docs)[0]


def by_source(v: ClaimVerdict) -> dict[str, str]:
    return {s.source.id: s.status for s in v.sources}


CHANGE: Story = [
    ("2026-03-02", "Its valuation is $500 billion."),
    ("2026-03-03", "The company is valued at $500 billion."),
    ("2026-10-02", "The company is now valued at $730 billion."),
    ("2026-10-03", "A share sale sets its valuation at $730 billion."),
    (None, "Its latest valuation was $730 billion."),
    (None, "The company was valued at $500 billion."),
]


def test_a_figure_that_changes_is_changed_with_a_timeline() -> None:
    v = verdict(TIMED, CHANGE)
    assert v.status == "changed"
    assert v.consensus is not None and v.consensus.value == 730e9
    assert [(e.value.value, e.sources, e.first, e.last) for e in v.timeline] == [
        (500e9, ("s0", "s1"), date(2026, 3, 2), date(2026, 3, 3)),
        (730e9, ("s2", "s3"), date(2026, 10, 2), date(2026, 10, 3)),
    ]
    assert v.undated == ("s4", "s5")
    assert by_source(v) == {
        "s0": "superseded",
        "s1": "superseded",
        "s2": "agrees",
        "s3": "agrees",
        "s4": "agrees",
        "s5": "superseded",
    }


def test_without_the_flag_the_same_story_is_a_conflict_with_a_hint() -> None:
    dated: Story = [(day, text) for day, text in CHANGE if day]
    v = verdict(PLAIN, dated)
    assert v.status == "conflict"
    assert not v.timeline
    assert any("changes_over_time: true" in n and "2026-10-02" in n for n in v.notes)


def test_no_hint_when_the_sides_do_not_split_by_date() -> None:
    story: Story = [
        ("2026-03-02", "Its valuation is $500 billion."),
        ("2026-03-05", "Its valuation is $730 billion."),
        ("2026-03-09", "Its valuation is $500 billion."),
    ]
    v = verdict(PLAIN, story)
    assert v.status == "conflict"
    assert not any("changes_over_time" in n for n in v.notes)


def test_undated_sources_never_decide_a_change() -> None:
    story: Story = [
        ("2026-03-02", "Its valuation is $500 billion."),
        ("2026-03-03", "Its valuation is $500 billion."),
        (None, "Its valuation is $730 billion."),
    ]
    v = verdict(TIMED, story)
    assert v.status == "conflict"
    assert not v.timeline


def test_a_conflict_among_same_time_sources_next_to_a_change() -> None:
    story: Story = [
        ("2026-03-02", "Its valuation is $500 billion."),
        ("2026-03-03", "Its valuation is $500 billion."),
        ("2026-10-02", "Its valuation is $730 billion."),
        ("2026-10-03", "Its valuation is $730 billion."),
        ("2026-10-04", "Its valuation is $650 billion."),
    ]
    v = verdict(TIMED, story)
    assert v.status == "conflict"
    assert [e.value.value for e in v.timeline] == [500e9, 730e9]
    assert by_source(v)["s4"] == "conflicts"
    assert any("2026-10-02..2026-10-04 conflict" in n for n in v.notes)


def test_sources_far_apart_within_the_date_tolerance_describe_the_same_time() -> None:
    rules = make_rules(CLAIM.format(extra="changes_over_time: true\n        date_tolerance: 30"))
    story: Story = [
        ("2026-03-02", "Its valuation is $500 billion."),
        ("2026-03-20", "Its valuation is $730 billion."),
    ]
    assert verdict(rules, story).status == "conflict"
    assert verdict(TIMED, story).status == "changed"


def test_a_hedged_later_figure_is_a_change_not_an_agreement() -> None:
    story: Story = [
        ("2026-03-02", "Its valuation is $500 billion."),
        ("2026-10-02", "Its valuation could reach up to $830 billion."),
    ]
    assert verdict(PLAIN, story).status == "agree"  # the hedge overlaps
    v = verdict(TIMED, story)
    assert v.status == "changed"
    assert [e.value.qualifier for e in v.timeline] == [None, "up_to"]


def test_a_date_in_the_sentence_beats_the_publication_date() -> None:
    story: Story = [
        ("2026-10-02", "It was valued at $500 billion as of March."),
        ("2026-10-02", "It is now valued at $730 billion."),
    ]
    v = verdict(TIMED, story)
    assert v.status == "changed"
    assert v.timeline[0].first == date(2026, 3, 1)


def test_one_figure_over_time_keeps_the_ordinary_verdict() -> None:
    story: Story = [
        ("2026-03-02", "Its valuation is $500 billion."),
        ("2026-10-02", "Its valuation is still $500 billion."),
    ]
    v = verdict(TIMED, story)
    assert v.status == "agree"
    assert not v.timeline


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It was valued at $500 billion as of March.", (date(2026, 3, 1), date(2026, 3, 31))),
        ("It was worth $730 billion in 2025.", (date(2025, 1, 1), date(2025, 12, 31))),
        ("Revenue last quarter was $4 billion.", (date(2026, 7, 1), date(2026, 9, 30))),
        ("It is valued at $730 billion, up from $500 billion as of March.", None),
        ("It is valued at $730 billion.", None),
        ("Lumen Labs, founded in 2019, is valued at $730 billion.", None),
        ("In 2025, it was valued at $730 billion.", (date(2025, 1, 1), date(2025, 12, 31))),
        (
            "It was valued at $500 billion as of March, people said.",
            (date(2026, 3, 1), date(2026, 3, 31)),
        ),
    ],
)
def test_sentence_dates(sentence: str, expected: tuple[date, date] | None) -> None:
    value = sentence.index("$")
    span = (value, value + len("$730 billion"))
    found = sentence_date(sentence, span, date(2026, 10, 5))
    assert found == (DateInterval(*expected) if expected else None)


EXAMPLE = ROOT / "examples" / "valuation-timeline"


def test_changed_fails_the_check_only_when_asked(tmp_path: Path) -> None:
    args = ["check", "--rules", str(EXAMPLE / "rules.yaml"), "--sources", str(EXAMPLE / "sources")]
    plain = run_factcheck(tmp_path, *args, "--fail-on", "conflict", "--detail")
    assert plain.returncode == 0, plain.stderr
    assert "CHANGED" in plain.stdout and "timeline:" in plain.stdout
    assert run_factcheck(tmp_path, *args, "--fail-on", "changed").returncode == 1


def test_the_pytest_plugin_passes_a_changed_claim() -> None:
    from factcheck.api import check
    from factcheck.pytest_plugin.items import claim_problems

    report = check(EXAMPLE / "rules.yaml", EXAMPLE / "sources")
    out = report.claim("lumen-valuation")
    assert out.status == "changed"
    assert out.timeline is not None and [e.value.display for e in out.timeline] == [
        "$500 billion",
        "$730 billion",
    ]
    assert claim_problems(out, strict=True) == []


def test_lint_warns_on_a_superseded_figure(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("Lumen Labs is valued at $500 billion.\n", encoding="utf-8")
    args = ["--rules", str(EXAMPLE / "rules.yaml"), "--sources", str(EXAMPLE / "sources")]
    done = run_factcheck(tmp_path, "lint", str(draft), *args)
    assert "warning FC209 [lumen-valuation] superseded: sources since 2026-" in done.stdout
    assert "say $730 billion" in done.stdout


def test_json_and_html_show_the_timeline() -> None:
    import io
    import json

    import jsonschema

    from factcheck import api
    from factcheck.report.check.html import render_page
    from factcheck.report.check.json import render

    out = io.StringIO()
    with api.run_check(EXAMPLE / "rules.yaml", EXAMPLE / "sources") as run:
        render(run, out)
        page = render_page(run.report())
    data = json.loads(out.getvalue())
    schema = json.loads((ROOT / "schema" / "check-report.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    claim = next(c for c in data["claims"] if c["id"] == "lumen-valuation")
    assert [e["value"]["display"] for e in claim["timeline"]] == ["$500 billion", "$730 billion"]
    assert claim["undated"] == ["digest"]
    assert data["summary"]["changed"] == 1
    founded = next(c for c in data["claims"] if c["id"] == "lumen-founded")
    assert "timeline" not in founded  # absent, not null, where nothing changed
    assert '<ol class="timeline"' in page and "undated: digest" in page
    assert 'class="superseded"' in page


def test_the_pytest_plugin_run_passes_a_changed_claim(pytester: pytest.Pytester) -> None:
    import shutil

    shutil.copy(EXAMPLE / "rules.yaml", pytester.path / "story.yaml")
    shutil.copytree(EXAMPLE / "sources", pytester.path / "news")
    result = pytester.runpytest(
        "-p", "no:cacheprovider", "--factcheck-rules", "story.yaml",
        "--factcheck-sources", "news", "-v",
    )  # fmt: skip
    result.stdout.fnmatch_lines(["*story.yaml::lumen-valuation PASSED*"])
    assert result.ret == 0
