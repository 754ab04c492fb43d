"""A warm `factcheck lint`: compiled rules and checked sources from the user's cache,
without pydantic or YAML, and never a stale answer (issue 22)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from factcheck import store
from factcheck.binding.evidence import DocumentResult
from factcheck.model import Document
from factcheck.rules import cache
from factcheck.rules.ruleset import load_rules
from factcheck.run import memo
from factcheck.sources.corpus import SourceTask
from tests.conftest import ROOT

DRAFT = ROOT / "examples" / "drafts" / "openai-mistakes.md"  # has findings of every level

# Runs a lint in this process and prints what it imported, as JSON.
_PROBE = """
import json, sys
from factcheck.cli.main import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(m.split(".")[0] for m in sys.modules)}))
"""


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A project: the seed rules and sources copied, and a draft."""
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(DRAFT, tmp_path / "draft.md")
    return tmp_path


def _lint(story: Path, *options: str, **env: str) -> tuple[int, set[str], dict[str, object]]:
    """Exit code, top-level modules imported, and the JSON report of one lint."""
    out = story / "out.json"
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, "lint", "draft.md", "--format", "json", "-o", str(out)]
        + list(options),
        capture_output=True,
        text=True,
        cwd=story,
        env={"PATH": "", "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(story / "xdg"), **env},
        timeout=120,
    )
    assert done.stderr == "", done.stderr
    probe = json.loads(done.stdout.splitlines()[-1])
    report = json.loads(out.read_text(encoding="utf-8"))
    return probe["code"], set(probe["modules"]), report


def test_a_warm_lint_never_imports_pydantic(story: Path) -> None:
    cold_code, cold_modules, cold = _lint(story)
    warm_code, warm_modules, warm = _lint(story)
    assert "pydantic" in cold_modules  # the first run compiles the rules
    assert "pydantic" not in warm_modules
    assert (warm_code, warm) == (cold_code, cold)
    assert cold["findings"]
    kept = list((story / "xdg" / "factcheck" / "sources").glob("*/*.pickle"))
    assert len(kept) == len(list((story / "seeds").glob("*.txt"))) + 1  # and the manifest


def test_without_front_matter_a_warm_lint_needs_no_yaml(story: Path) -> None:
    draft = story / "draft.md"
    draft.write_text(draft.read_text(encoding="utf-8").split("---\n", 2)[2], encoding="utf-8")
    _, _, cold = _lint(story, "--published", "2026-05-02")
    _, warm_modules, warm = _lint(story, "--published", "2026-05-02")
    assert "yaml" not in warm_modules  # the sources' manifest is kept parsed too
    assert warm == cold and cold["findings"]


def test_an_edited_source_is_checked_again(story: Path) -> None:
    _, _, before = _lint(story)
    for source in (story / "seeds").glob("*.txt"):  # every source now says $35 billion
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("$38 billion", "$35 billion"), encoding="utf-8")
    _, _, after = _lint(story)
    _, _, uncached = _lint(story, "--no-cache")
    assert after == uncached
    assert after != before


def test_no_cache_keeps_nothing(story: Path) -> None:
    _lint(story, "--no-cache")
    _lint(story, FACTCHECK_NO_CACHE="1")
    assert not (story / "xdg").exists()


@pytest.fixture
def kept_sources(tmp_path: Path) -> Iterator[Path]:
    """The rule cache and the store of checked sources on, as `factcheck lint` has them."""
    directory = tmp_path / "sources"
    cache.activate(tmp_path / "rules")
    store.activate_sources(directory)
    try:
        yield directory
    finally:
        cache.deactivate()


def test_rules_are_keyed_only_when_the_cache_is_on(story: Path) -> None:
    assert load_rules([story / "rules"]).fingerprint is None  # the API: nothing kept


def test_the_memo_keys_on_the_rules_and_the_file(kept_sources: Path, story: Path) -> None:
    rules = load_rules([story / "rules"])
    assert rules.fingerprint is not None
    task = SourceTask(str(next((story / "seeds").glob("*.txt"))), None)
    calls: list[str] = []

    def check(label: str) -> DocumentResult:
        calls.append(label)
        return _result(task)

    first = memo.checked(rules.fingerprint, task, lambda: check("first"))
    again = memo.checked(rules.fingerprint, task, lambda: check("again"))
    other_rules = memo.checked("another rule set", task, lambda: check("other rules"))
    not_keyable = memo.checked(None, task, lambda: check("rules not from files"))
    assert calls == ["first", "other rules", "rules not from files"]
    assert first == again == other_rules == not_keyable


def test_prune_keeps_the_most_recently_used(kept_sources: Path, story: Path) -> None:
    seeds = sorted((story / "seeds").glob("*.txt"))
    entries: list[Path] = []
    for i, path in enumerate(seeds):
        task = SourceTask(str(path), None)
        memo.checked(f"rules {i}", task, partial(_result, task))
        (new,) = set(kept_sources.glob("*/*.pickle")) - set(entries)
        os.utime(new, ns=(i * 10**9, i * 10**9))  # used in this order
        entries.append(new)
    assert memo.prune(limit=2) == len(seeds) - 2
    assert sorted(kept_sources.glob("*/*.pickle")) == sorted(entries[-2:])
    assert memo.prune(limit=0) == 0  # nothing written since: a warm run never scans


def _result(task: SourceTask) -> DocumentResult:
    from factcheck.binding.binder import Binder
    from factcheck.binding.evidence import check_document
    from factcheck.sources.corpus import load_source

    document = load_source(task)
    assert isinstance(document, Document)
    return check_document(Binder(load_rules([ROOT / "rules"])), document)


def test_a_reader_library_s_version_is_part_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text read through trafilatura, pypdf or python-docx may change with the library."""
    for name in ("page.html", "article.txt"):
        (tmp_path / name).write_text("<p>A $38 billion deal.</p>", encoding="utf-8")
    html, text = (
        SourceTask(str(tmp_path / "page.html"), None),
        SourceTask(str(tmp_path / "article.txt"), None),
    )
    before = [memo._entry(tmp_path, "rules", task) for task in (html, text)]
    monkeypatch.setattr(memo, "_library_version", lambda name: f"{name} 99.0")
    after = [memo._entry(tmp_path, "rules", task) for task in (html, text)]
    assert before[0] != after[0]
    assert before[1] == after[1]
