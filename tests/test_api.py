"""The Python API: one check path, paths given alone or in lists, typed skips."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import api
from factcheck.errors import InputError
from factcheck.model import Skipped
from factcheck.run import check as check_path
from tests.conftest import ROOT


def test_a_path_given_alone_is_one_path_not_its_characters() -> None:
    as_lists = api.check([ROOT / "rules"], [ROOT / "seeds"])
    assert api.check(str(ROOT / "rules"), str(ROOT / "seeds")) == as_lists
    assert api.check(ROOT / "rules", ROOT / "seeds") == as_lists
    drafts = ROOT / "examples" / "drafts" / "openai-mistakes.md"
    assert api.lint(drafts, ROOT / "rules", ROOT / "seeds") == api.lint(
        [drafts], [ROOT / "rules"], [ROOT / "seeds"]
    )


def test_skipped_files_are_typed_and_named(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("The deal is worth $38 billion.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with api.run_check(ROOT / "rules", tmp_path) as run:
        assert list(run.skipped) == [Skipped(str(tmp_path / "empty.txt"), "empty file")]
        assert run.report().warnings == [f"{tmp_path / 'empty.txt'}: skipped, empty file"]
    corpus = api.load_corpus(tmp_path)
    assert [s.reason for s in corpus.skipped] == ["empty file"]


def test_a_loaded_corpus_and_its_paths_give_the_same_report() -> None:
    corpus = api.load_corpus(ROOT / "seeds")
    assert api.check(ROOT / "rules", corpus) == api.check(ROOT / "rules", ROOT / "seeds")


def test_every_face_runs_the_one_check_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """check, lint and run_check all go through factcheck.run.check.run_check."""
    calls: list[object] = []
    original = check_path.run_check

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args[1])
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(check_path, "run_check", counting)
    api.check(ROOT / "rules", ROOT / "seeds")
    api.lint(ROOT / "examples" / "drafts" / "openai-mistakes.md", ROOT / "rules", ROOT / "seeds")
    api.run_check(ROOT / "rules", ROOT / "seeds").close()
    assert len(calls) == 3


def test_nothing_readable_is_an_input_error_that_names_the_skips(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="1 file\\(s\\) skipped .*empty.txt: skipped, empty file"):
        api.check(ROOT / "rules", tmp_path)


def test_an_unknown_claim_id_is_a_key_error_that_names_the_closest() -> None:
    report = api.check(ROOT / "rules", ROOT / "seeds")
    with pytest.raises(KeyError, match="no claim 'aws-deal-valu'.*did you mean 'aws-deal-value'"):
        report.claim("aws-deal-valu")
    with pytest.raises(KeyError, match="no claim 'zzz' in this report"):
        report.claim("zzz")
