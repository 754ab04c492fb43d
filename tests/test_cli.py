"""The command line: formats, exit codes, located errors, no tracebacks."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli.main import main
from tests.conftest import ROOT


def run(*args: str) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "", "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
    )
    return proc.returncode, proc.stdout, proc.stderr


def test_check_text_report_on_seeds() -> None:
    code, out, err = run("check", "--rules", "rules", "--sources", "seeds")
    assert code == 0, err
    assert "aws-deal-value" in out and "AGREE" in out
    assert "14 claims, 5 sources" in out
    assert "\x1b[" not in out  # no colour when not a terminal


def test_check_json_schema_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "check",
                "--format",
                "json",
                "--rules",
                str(ROOT / "rules"),
                "--sources",
                str(ROOT / "seeds"),
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert {"version", "sources", "claims"} <= set(data)
    assert set(data["sources"][0]) >= {"id", "path", "title", "outlet", "published"}
    claim = data["claims"][0]
    assert set(claim) >= {"id", "type", "status", "consensus", "sources"}
    assert claim["consensus"] == {
        "value": 38000000000,
        "unit": "USD",
        "qualifier": None,
        "display": "$38 billion",
    }
    mention = next(s for s in claim["sources"] if s["mentions"])["mentions"][0]
    assert set(mention) >= {
        "text",
        "value",
        "unit",
        "qualifier",
        "start",
        "end",
        "line",
        "column",
        "quote",
    }


def test_json_offsets_point_at_the_mention(capsys: pytest.CaptureFixture[str]) -> None:
    main(
        [
            "check",
            "--format",
            "json",
            "--rules",
            str(ROOT / "rules"),
            "--sources",
            str(ROOT / "seeds"),
        ]
    )
    data = json.loads(capsys.readouterr().out)
    texts = {s["id"]: Path(s["path"]).read_text(encoding="utf-8") for s in data["sources"]}
    for claim in data["claims"]:
        for source in claim["sources"]:
            for m in source["mentions"]:
                text = texts[source["source"]]
                assert text[m["start"] : m["end"]] == m["text"]
                line = text.splitlines()[m["line"] - 1]
                assert line[m["column"] - 1 :].startswith(m["text"][:10])


def test_fail_on_conflict(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The $38 billion deal with AWS.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The $40 billion deal with AWS.", encoding="utf-8")
    args = ["check", "--rules", str(ROOT / "rules"), "--sources", str(tmp_path)]
    assert main(args) == 0
    assert main([*args, "--fail-on", "conflict"]) == 1


def test_missing_sources_exit_2() -> None:
    code, out, err = run("check", "--sources", "no/such/folder")
    assert code == 2
    assert "no/such/folder" in err and "Traceback" not in err


def test_bad_rule_file_is_located_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "claims:\n  - id: x\n    description: d\n    tpye: money\n    cues: [a]\n", encoding="utf-8"
    )
    code, _, err = run("check", "--rules", str(bad))
    assert code == 2
    assert f"{bad}:4:5: error: unknown field 'tpye'" in err
    assert "did you mean 'type'?" in err
    assert "Traceback" not in err


def test_output_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    assert (
        main(
            [
                "check",
                "--format",
                "json",
                "-o",
                str(target),
                "--rules",
                str(ROOT / "rules"),
                "--sources",
                str(ROOT / "seeds"),
            ]
        )
        == 0
    )
    assert json.loads(target.read_text(encoding="utf-8"))["claims"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_output_is_deterministic() -> None:
    first = run("check", "--format", "json")
    second = run("check", "--format", "json")
    assert first == second


def test_no_command_prints_help() -> None:
    code, out, _ = run()
    assert code == 2 and "usage" in out


def test_streamed_json_equals_the_report_model() -> None:
    from io import StringIO

    from factcheck.api import run_check
    from factcheck.report.check.json import render

    run = run_check([ROOT / "rules"], [ROOT / "seeds"])
    stream = StringIO()
    render(run, stream)
    whole = (
        json.dumps(
            run.report().model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False
        )
        + "\n"
    )
    assert stream.getvalue() == whole


def test_version_is_defined_once_and_printed() -> None:
    """`--version` prints factcheck.__version__, which is also what the package installs as."""
    from importlib.metadata import version

    import factcheck

    code, out, _ = run("--version")
    assert code == 0 and out.split() == ["factcheck", factcheck.__version__]
    assert version("factcheck") == factcheck.__version__
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]


def test_every_command_s_help_ends_with_examples_and_exit_codes() -> None:
    for command in ("check", "lint", "explain", "test-rules", "suggest", "rule"):
        code, out, _ = run(command, "--help")
        assert code == 0 and "examples:" in out and "exit status:" in out, command


def test_no_command_or_an_unknown_one_is_a_usage_error_with_a_suggestion() -> None:
    code, out, _ = run()
    assert code == 2 and out.startswith("usage:") and "commands: check, lint" in out
    code, _, err = run("chek")
    assert code == 2 and "did you mean 'check'?" in err and "Traceback" not in err


def test_rule_explains_a_lint_code() -> None:
    code, out, _ = run("rule", "FC203")
    assert code == 0 and out.startswith("FC203 (dropped-hedge)") and "ignore[claim-id]" in out
    code, out, _ = run("rule", "--all")
    assert code == 0 and "FC103" in out and "FC208" in out
    code, _, err = run("rule", "FC2O3")
    assert code == 2 and "did you mean FC203?" in err


def test_dash_writes_to_standard_output_and_names_no_file(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--rules", str(ROOT / "rules"),
         "--sources", str(ROOT / "seeds"), "--format", "json", "-o", "-"],
        capture_output=True, text=True, cwd=tmp_path,
        env={"PATH": "", "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert done.returncode == 0 and json.loads(done.stdout)["summary"]["agree"] == 6
    assert not (tmp_path / "-").exists()


def test_jobs_zero_means_one_per_core(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--jobs", "0", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["agree"] == 6


def test_a_scheduler_without_dask_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for module in ("dask", "dask.bag", "dask.distributed"):
        monkeypatch.setitem(sys.modules, module, None)
    assert main(["check", "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert "pip install 'factcheck[dask]'" in capsys.readouterr().err


@pytest.mark.parametrize("address", ["not an address", "tcp://127.0.0.1:1"])
def test_a_scheduler_that_cannot_be_reached_is_a_usage_error(
    address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A refused, timed-out or malformed address: exit 2 with what went wrong, no traceback."""
    dask = pytest.importorskip("dask")
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        assert main(["check", "--scheduler", address]) == 2
    err = capsys.readouterr().err
    assert f"cannot reach a Dask scheduler at {address!r}" in err
    assert "Traceback" not in err and "hint:" in err


def test_a_negative_jobs_count_says_what_is_allowed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--jobs", "-1"]) == 2
    err = capsys.readouterr().err
    assert "--jobs cannot be -1" in err and "0 for one per core" in err


def test_a_lint_code_with_a_letter_o_is_read_as_meant(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "FC2O1"]) == 2
    assert "did you mean FC201?" in capsys.readouterr().err


def test_a_test_rules_filter_that_matches_nothing_is_an_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["test-rules", "-k", "nosuchthing"]) == 2
    assert "no example matches -k 'nosuchthing'" in capsys.readouterr().err
    assert main(["test-rules", "-k", "aws-deal"]) == 0


def test_only_the_command_asked_for_builds_its_parser() -> None:
    from factcheck.cli.main import NAMES, build_parser

    def commands(parser: argparse.ArgumentParser) -> list[str]:
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        return list(action.choices)

    assert commands(build_parser("lint")) == ["lint"]
    assert commands(build_parser(None)) == commands(build_parser("--help")) == list(NAMES)
    assert commands(build_parser("lnt")) == list(NAMES)  # a mistake gets the did-you-mean


def test_sources_sort_naturally(tmp_path: Path) -> None:
    from factcheck.sources.walk import find_articles

    for name in ("copy10.txt", "copy2.txt", "copy1.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in find_articles([tmp_path])] == ["copy1.txt", "copy2.txt", "copy10.txt"]
