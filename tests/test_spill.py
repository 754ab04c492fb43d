"""Evidence spilled to a temporary file: same report as in memory, nothing left behind."""

from __future__ import annotations

import functools
import json
import tempfile
from io import StringIO
from pathlib import Path

import pytest

from factcheck import api
from factcheck.binding.evidence import DocumentResult
from factcheck.cli.main import main
from factcheck.reconcile.ledger import EvidenceStore, Ledger
from factcheck.reconcile.records import Kept
from factcheck.report.check.json import render
from factcheck.run.outcome import CheckRun
from tests.conftest import ROOT, results_of, verdicts_of

RULES = [ROOT / "rules"]
SOURCES = [ROOT / "seeds"]


@pytest.fixture(autouse=True)
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Temporary directories go to a folder of the test's own, to see what is left."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _json(run: CheckRun) -> str:
    stream = StringIO()
    render(run, stream)
    return stream.getvalue()


@pytest.mark.parametrize("spill_after", [0, 2])
def test_spilled_json_equals_in_memory(spill_after: int, private_tmp: Path) -> None:
    with api.run_check(RULES, SOURCES, spill_after=None) as memory:
        assert memory.store is not None and memory.store.path is None
        expected = _json(memory)
        model = memory.report()
    with api.run_check(RULES, SOURCES, spill_after=spill_after) as spilled:
        assert spilled.store is not None and spilled.store.path is not None
        assert spilled.store.path.parent == private_tmp
        assert _json(spilled) == expected
        assert _json(spilled) == expected  # read back twice
        assert spilled.report() == model
    assert (
        expected
        == json.dumps(model.model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False)
        + "\n"
    )
    assert list(private_tmp.iterdir()) == []


def test_spilled_verdicts_carry_their_evidence() -> None:
    verdicts = verdicts_of(api.load_rules(RULES), results_of(api.load_rules(RULES), SOURCES))
    with api.run_check(RULES, SOURCES, spill_after=0) as run:
        for mine, theirs in zip(run.verdicts, verdicts, strict=True):
            assert [s.evidence for s in mine.stating] == [s.evidence for s in theirs.stating]
            assert [(s.source, s.status, s.value, s.expected) for s in mine.sources] == [
                (s.source, s.status, s.value, s.expected) for s in theirs.sources
            ]
        stating = next(s for v in run.verdicts for s in v.stating)
    with pytest.raises(ValueError, match="closed"):
        stating.evidence  # noqa: B018


def test_api_check_leaves_nothing_behind(private_tmp: Path) -> None:
    report = api.check(RULES, SOURCES)
    assert report.claims
    assert list(private_tmp.iterdir()) == []


def test_store_removed_when_the_check_fails(
    private_tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0
    add = Ledger.add

    def failing_add(self: Ledger, result: DocumentResult) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            assert self.store.path is not None  # something was spilled already
            raise RuntimeError("boom")
        add(self, result)

    monkeypatch.setattr(Ledger, "add", failing_add)
    with pytest.raises(RuntimeError, match="boom"):
        api.run_check(RULES, SOURCES, spill_after=0)
    assert list(private_tmp.iterdir()) == []


def test_cli_removes_the_store_also_when_rendering_fails(
    private_tmp: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from factcheck.report import CHECK_FORMATS

    monkeypatch.setattr(api, "run_check", functools.partial(api.run_check, spill_after=0))
    out = tmp_path / "out.json"
    rules, sources = str(RULES[0]), str(SOURCES[0])
    assert (
        main(["check", "--rules", rules, "--sources", sources, "--format", "json", "-o", str(out)])
        == 0
    )
    with api.run_check(RULES, SOURCES, spill_after=None) as memory:
        assert out.read_text(encoding="utf-8") == _json(memory)
    assert list(private_tmp.iterdir()) == []

    def broken(run: CheckRun, stream: object, color: bool) -> None:
        assert run.store is not None and run.store.path is not None
        raise RuntimeError("renderer failed")

    monkeypatch.setitem(CHECK_FORMATS, "json", broken)
    with pytest.raises(RuntimeError, match="renderer failed"):
        main(["check", "--rules", rules, "--sources", sources, "--format", "json", "-o", str(out)])
    assert list(private_tmp.iterdir()) == []


def test_jobs_with_spill_match_serial() -> None:
    with api.run_check(RULES, SOURCES, spill_after=None) as serial:
        expected = _json(serial)
    with api.run_check(RULES, SOURCES, jobs=2, spill_after=1) as parallel:
        assert _json(parallel) == expected


def test_store_close_is_idempotent() -> None:
    store = EvidenceStore(spill_after=0)
    assert store.put(()) is not None
    path = store.path
    assert path is not None and path.exists()
    store.close()
    store.close()
    assert not path.exists()


def test_ledger_columns_read_back_like_lists() -> None:
    rules = api.load_rules(RULES)
    results = results_of(rules, SOURCES)
    ledger = Ledger(EvidenceStore(spill_after=None))
    for result in results:
        ledger.add(result)
    read = 0
    for claim in rules.claims:
        view = ledger.stated(claim.id)
        entries = list(view)
        expected = [
            (
                r.source,
                tuple(e.value for e in r.evidence if e.claim == claim.id),
                Kept(tuple(e for e in r.evidence if e.claim == claim.id)),
            )
            for r in results
            if any(e.claim == claim.id for e in r.evidence)
        ]
        assert entries == expected
        assert [view[i] for i in range(len(view))] == entries
        if entries:
            assert view[-1] == entries[-1] and view[1:] == entries[1:]
            with pytest.raises(IndexError):
                view[len(entries)]  # noqa: B018
        read += len(entries)
    assert read > 10


def test_stating_verdicts_behave_like_a_tuple() -> None:
    with api.run_check(RULES, SOURCES, spill_after=None) as run:
        verdict = next(v for v in run.verdicts if len(v.stating) > 1)
        as_tuple = tuple(verdict.stating)
        assert verdict.stating[0] == as_tuple[0] and verdict.stating[-1] == as_tuple[-1]
        assert verdict.stating[1:] == as_tuple[1:]
        assert verdict.stating == as_tuple and hash(verdict.stating) == hash(as_tuple)
        assert verdict.stating != as_tuple[1:]
