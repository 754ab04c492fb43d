"""Copies of one report: grouped by `via:` or as near-duplicate texts, counted once."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

from factcheck.api import check
from factcheck.binding.minhash import HASHES, packed, signature, similarity
from factcheck.model import Document
from factcheck.reconcile.copies import ESTIMATE, candidates
from factcheck.sources.corpus import Corpus
from tests.conftest import ROOT, make_rules, run_factcheck

RULES = make_rules("""
    claims:
      - id: valuation
        description: what investors value the company at
        type: money
        cues: [valuation, valued at]
      - id: founded
        description: the year the company was founded
        type: year
        cues: [founded]
""")

WIRE = (
    "SAN FRANCISCO (Wire Service) - Lumen Labs has been valued at {value} after a new "
    "funding round led by a group of sovereign funds, the company said on Tuesday. The "
    "start-up, founded in 2019, said it would use the money to build data centres in three "
    "countries and to hire more researchers over the next two years. Its chief executive "
    "told reporters that demand for its models had tripled since the summer."
)
# The same story as a syndicating outlet prints it: US spelling, a dropped "on".
EDITED = (
    WIRE.replace("centres", "centers").replace("start-up", "startup").replace("said on", "said")
)
OTHER = (
    "Lumen Labs, the language model maker founded in 2019, is now valued at {value}, "
    "according to two people who saw the terms of the deal."
)


def corpus(*texts: str, via: dict[int, str] | None = None) -> Corpus:
    via = via or {}
    return Corpus(
        [
            Document(f"s{i}", f"s{i}.txt", text, outlet=f"Outlet {i}", via=via.get(i))
            for i, text in enumerate(texts)
        ]
    )


def test_a_syndicated_copy_with_light_edits_is_grouped() -> None:
    report = check(
        RULES, corpus(WIRE.format(value="$500 billion"), EDITED.format(value="$500 billion"))
    )
    assert report.copies is not None
    assert [(g.members, g.reason) for g in report.copies] == [(["s0", "s1"], "near-duplicate")]
    claim = report.claim("valuation")
    assert claim.status == "agree"
    assert claim.single_original == "Outlet 0, via 2 outlets"
    assert any("single original report" in n for n in claim.notes)


def test_a_pair_that_looks_alike_but_differs_in_one_figure_is_not_merged() -> None:
    report = check(
        RULES, corpus(WIRE.format(value="$500 billion"), WIRE.format(value="$530 billion"))
    )
    assert report.copies is None
    assert report.claim("valuation").status == "conflict"


def test_copies_count_once_in_the_consensus() -> None:
    texts = [WIRE.format(value="$500 billion")] * 3 + [OTHER.format(value="$730 billion")] * 2
    texts[3] = texts[3].replace("two people", "three people")  # independent reports
    texts[4] = "A filing shows investors put the valuation at $730 billion this week."
    report = check(RULES, corpus(*texts))
    claim = report.claim("valuation")
    assert claim.status == "conflict"
    agreeing = [s.source for s in claim.sources if s.status == "agrees"]
    assert agreeing == ["s3", "s4"]  # two independent reports beat one report printed thrice


def test_the_manifest_groups_by_via_and_names_the_original() -> None:
    texts = [OTHER.format(value="$730 billion"), "Lumen Labs is valued at $730 billion."]
    report = check(RULES, corpus(*texts, via={0: "Wire Service", 1: "Wire Service"}))
    assert report.copies is not None
    (group,) = report.copies
    assert (group.label, group.reason) == ("Wire Service, via 2 outlets", "via")
    assert report.claim("valuation").single_original == "Wire Service, via 2 outlets"


def test_one_source_crediting_an_agency_is_no_group() -> None:
    texts = [OTHER.format(value="$730 billion"), "Lumen Labs is valued at $730 billion."]
    report = check(RULES, corpus(*texts, via={0: "Wire Service"}))
    assert not report.copies  # the credit alone repeats nothing: still two reports
    assert report.claim("valuation").single_original is None


def test_candidates_come_from_shared_bands_not_all_pairs() -> None:
    rng = random.Random(23)
    vocabulary = [f"w{i}" for i in range(5000)]
    texts = [" ".join(rng.choices(vocabulary, k=120)) for _ in range(300)]
    texts.append(texts[7].replace(texts[7].split()[5], "changed", 1))  # a near copy of 7
    keys = [signature(t) for t in texts]
    assert all(len(k) == HASHES for k in keys)
    assert candidates([packed(k) for k in keys]) == [[7, 300]]


def test_signatures_are_the_same_in_every_process() -> None:
    # BLAKE2b, not hash(): the same signature whatever PYTHONHASHSEED a worker has.
    code = "from factcheck.binding.minhash import signature; print(signature('a b c d e f'))"
    printed = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert printed == {f"{signature('a b c d e f')}\n"}
    done = run_factcheck(
        ROOT,
        "check",
        "--format",
        "json",
        "--rules",
        str(ROOT / "examples/valuation-timeline/rules.yaml"),
        "--sources",
        str(ROOT / "examples/valuation-timeline/sources"),
        "--jobs",
        "2",
    )
    assert done.returncode == 0, done.stderr
    copies = json.loads(done.stdout)["copies"]
    assert copies == [
        {
            "label": "Wire Service, via 3 outlets",
            "members": ["ledger", "metro", "wire"],
            "original": "Wire Service",
            "reason": "via, near-duplicate",
        }
    ]


def test_lint_says_when_an_agreement_rests_on_one_report(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(WIRE.format(value="$500 billion"), encoding="utf-8")
    (sources / "b.txt").write_text(EDITED.format(value="$500 billion"), encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "claims:\n  - id: valuation\n    description: d\n    type: money\n"
        "    cues: [valuation, valued at]\n",
        encoding="utf-8",
    )
    draft = tmp_path / "draft.md"
    draft.write_text("Lumen Labs is valued at $500 billion.\n", encoding="utf-8")
    done = run_factcheck(
        tmp_path, "lint", str(draft), "--rules", str(rules), "--sources", str(sources)
    )
    assert "warning FC210 [valuation] $500 billion rests on a single original report" in done.stdout
    checked = run_factcheck(tmp_path, "check", "--rules", str(rules), "--sources", str(sources))
    assert "copies: a, via 2 outlets (a, b), counted once" in checked.stdout
    assert "the agreement rests on a single original report: a, via 2 outlets" in checked.stdout


def test_publication_dates_do_not_matter_to_grouping() -> None:
    docs = [
        Document("s0", "s0.txt", WIRE.format(value="$500 billion"), published=date(2026, 3, 3)),
        Document("s1", "s1.txt", EDITED.format(value="$500 billion"), published=date(2026, 3, 9)),
    ]
    report = check(RULES, Corpus(docs))
    assert report.copies is not None and report.copies[0].members == ["s0", "s1"]


def test_the_signature_estimates_shared_shingles() -> None:
    wire, edited = (signature(t.format(value="$500 billion")) for t in (WIRE, EDITED))
    other = signature(OTHER.format(value="$500 billion"))
    assert similarity(packed(wire), packed(wire)) == 1.0
    assert similarity(packed(wire), packed(edited)) >= ESTIMATE
    assert similarity(packed(wire), packed(other)) < ESTIMATE


def test_copies_with_differently_hedged_values_are_still_one_report() -> None:
    texts = ["Lumen Labs is valued at $500 billion.", "Lumen Labs is valued at about $500 billion."]
    report = check(RULES, corpus(*texts, via={0: "Wire Service", 1: "Wire Service"}))
    claim = report.claim("valuation")
    assert claim.status == "agree"
    assert claim.single_original == "Wire Service, via 2 outlets"
    independent = check(RULES, corpus(*texts))
    assert independent.claim("valuation").single_original is None


def test_each_story_of_a_several_story_report_lists_its_copies() -> None:
    import io

    import jsonschema

    from factcheck import api
    from factcheck.report.check.json import render_stories
    from factcheck.run.outcome import StoryRun

    example = ROOT / "examples" / "valuation-timeline"
    out = io.StringIO()
    with (
        api.run_check(example / "rules.yaml", example / "sources") as timed,
        api.run_check(
            ROOT / "examples/city-budget/rules.yaml", ROOT / "examples/city-budget/sources"
        ) as plain,
    ):
        # The first story has no 'changed' count: the total must still have it.
        render_stories([StoryRun("budget", None, plain), StoryRun("lumen", None, timed)], out)
    data = json.loads(out.getvalue())
    schema = json.loads((ROOT / "schema" / "check-report.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    budget, lumen = data["stories"]
    assert lumen["copies"][0]["label"] == "Wire Service, via 3 outlets"
    assert "copies" not in budget
    assert data["summary"]["changed"] == 1
