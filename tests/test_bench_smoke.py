"""Smoke tests for the scale benchmark (``benchmarks/``): generator, rule sets, scoring.

``benchmarks/bench.py --quick`` starts a dozen ``factcheck`` processes and a
Dask cluster, which takes 15 to 50 seconds on a shared 2-core machine, so the
suite does not run it; these tests cover its parts in-process instead: the
corpus generator is deterministic and keeps its promises, the ground truth
matches the text, the 200-claim rule set loads with distinct cues, accuracy
scoring runs on a 20-article check, and the measuring and table code work.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from factcheck import api
from factcheck.report import CHECK_FORMATS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import accuracy  # noqa: E402
import corpus  # noqa: E402
import measure  # noqa: E402
import rules200  # noqa: E402
from claim_templates import CLAIMS  # noqa: E402
from table import Figure, render  # noqa: E402

N = 20


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("corpus") / "a"
    return folder, corpus.generate(folder, N, seed=3)


def test_same_seed_same_bytes(generated: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    folder, _ = generated
    corpus.generate(tmp_path / "b", N, seed=3)
    corpus.generate(tmp_path / "c", N, seed=4)
    assert _digest(folder) == _digest(tmp_path / "b")
    assert _digest(folder) != _digest(tmp_path / "c")
    assert len(list(folder.glob("*.txt"))) == N


def test_articles_are_news_sized(generated: tuple[Path, dict[str, Any]]) -> None:
    folder, _ = generated
    words = [len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt")]
    assert all(corpus.MIN_WORDS <= w <= corpus.MAX_WORDS for w in words), words


def test_ground_truth_matches_the_text(generated: tuple[Path, dict[str, Any]]) -> None:
    folder, truth = generated
    by_id = {c.claim: c for c in CLAIMS}
    assert [c["id"] for c in truth["claims"]] == list(by_id)
    assert any(c["planted"] for c in truth["claims"]), "no conflict planted"
    for claim in truth["claims"]:
        text = by_id[claim["id"]]
        if claim["planted"]:
            assert claim["expected_status"] == "conflict"
            assert len(claim["planted"]) < len(claim["stated"])
        for key, variant in (("stated", text.truth), ("planted", text.planted)):
            if variant is None or variant.forms == ("",):  # booleans: wording, no value
                continue
            for article in claim[key]:
                body = (folder / f"{article}.txt").read_text(encoding="utf-8")
                assert any(f in body or f[0].upper() + f[1:] in body for f in variant.forms), (
                    claim["id"],
                    article,
                    key,
                )


def test_manifest_dates_every_article(generated: tuple[Path, dict[str, Any]]) -> None:
    folder, _ = generated
    loaded = api.load_corpus([folder])
    assert len(loaded.documents) == N
    assert all(d.published is not None for d in loaded.documents)


def test_rule_sets_load_with_distinct_cues(tmp_path: Path) -> None:
    paths = rules200.write(tmp_path)
    for size, path in paths.items():
        assert len(api.load_rules([path]).claims) == size
    claims = rules200.synthetic_claims(186)
    cues = [cue for claim in claims for cue in claim["cues"]]
    assert len(cues) == len(set(cues))
    assert {c["type"] for c in claims} == set(rules200.TYPES)


def test_accuracy_scoring_on_a_small_check(generated: tuple[Path, dict[str, Any]]) -> None:
    folder, truth = generated
    stream = io.StringIO()
    CHECK_FORMATS["json"](api.run_check([ROOT / "rules"], [folder]), stream, False)
    result = accuracy.score(json.loads(stream.getvalue()), truth)
    totals = result["totals"]
    assert totals["claim_status"]["total"] == len(CLAIMS)
    planted = sum(len(c["planted"]) for c in truth["claims"])
    assert totals["planted_flagged"]["total"] == planted
    # Loose floors: the engine changes; the benchmark reports the exact figures.
    assert totals["stated_found"]["rate"] > 0.8
    assert totals["false_bindings"]["rate"] < 0.1
    assert "aws-deal-value" in accuracy.format_rows(result)


def test_draft_is_about_1500_words() -> None:
    words = len(corpus.draft(seed=7, words=1500).split())
    assert 1450 <= words <= 1700


def test_measure_and_table() -> None:
    result = measure.run([sys.executable, "-c", "x = bytearray(30_000_000)"])
    assert result.ok() and result.peak_rss_mb > 25 and result.wall > 0
    text = render(
        [
            Figure("speed", 12.5, "articles/s", ">= 50", False),
            Figure("missing", None, "s", "< 0.5", None, "n/a: no option"),
        ],
        {
            "cpus": 2,
            "python": "3.11",
            "load_average_before": (1.0, 0, 0),
            "load_average_after": (1.0, 0, 0),
            "seconds": 1.0,
            "quick": True,
        },
    )
    assert "NOT met" in text and "n/a" in text and "12.5 articles/s" in text


def test_suggest_coverage_counts_hand_written_claims() -> None:
    import suggest_cover

    story, rules, sources = suggest_cover.STORIES[1]
    found = suggest_cover.cover(story, rules, sources)
    assert found.hand == len(api.load_rules(rules).claims)
    assert 0 <= found.covered <= found.hand and found.suggested >= 1


def test_html_page_figures(generated: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    """The HTML page's two figures come from one real ``check --format html -o FILE``."""
    import dataclasses
    import shutil

    import bench

    shutil.copytree(generated[0], tmp_path / "corpus-html")
    sizes = dataclasses.replace(bench.QUICK, html=N)
    run = bench.Bench(tmp_path, sizes, measure.check_options(bench.FACTCHECK), [], {"seed": 3})
    bench.html_page(run)
    size, rss = run.figures
    page = tmp_path / "report.html"
    assert size.value == page.stat().st_size / 1e6 and size.met
    assert rss.value is not None and rss.value > 10 and rss.met is not None
    assert page.read_text(encoding="utf-8").endswith("</html>\n")
