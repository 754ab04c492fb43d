"""Configuration that cannot be used is a clear error naming the file it is in
(issue 25): no traceback for a wrong type, a non-table, or bytes that are not UTF-8."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.config import load_config
from factcheck.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "city-budget"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[tool.factcheck]\nseverity = "off"\n', "severity"),
        ('[tool]\nfactcheck = "on"\n', "tool.factcheck must be a table"),
        ("[tool.factcheck]\nrules = 3\n", "rules"),
        ('[tool.factcheck.severity]\nFC201 = "loud"\n', "severity.FC201"),
    ],
)
def test_a_bad_pyproject_is_an_error_naming_it(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    assert caught.value.location is not None
    assert caught.value.location.path == str(tmp_path / "pyproject.toml")
    assert message in caught.value.message


def test_an_error_in_pyproject_is_not_blamed_on_factcheck_toml(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text("strict = true\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\nstrict = 3\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    assert caught.value.location is not None
    assert caught.value.location.path.endswith("pyproject.toml")


def test_a_pyproject_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(
        "[tool.factcheck]\n# café\nstrict = true\n".encode("latin-1")
    )
    with pytest.raises(InputError, match=r"not UTF-8 text \(byte 0xe9"):
        load_config(tmp_path)


def test_severity_merges_and_factcheck_toml_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck.severity]\nFC201 = "error"\nFC202 = "off"\n', encoding="utf-8"
    )
    (tmp_path / "factcheck.toml").write_text('[severity]\nFC202 = "info"\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert config.severity == {"FC201": "error", "FC202": "info"}
    assert config.severity_file == str(tmp_path / "factcheck.toml")


@pytest.mark.parametrize(
    ("code", "hint"), [("FC2O1", "did you mean FC201"), ("XY999", "finding codes are FC101")]
)
def test_an_unknown_severity_code_is_refused_through_the_command_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    code: str,
    hint: str,
) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "story")
    (tmp_path / "draft.md").write_text("The council approved a budget.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.factcheck]\nrules = ["story/rules.yaml"]\nsources = ["story/sources"]\n'
        f'[tool.factcheck.severity]\n{code} = "off"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "draft.md"]) == 2
    err = capsys.readouterr().err
    assert f"pyproject.toml:5:1: error: severity: unknown finding code '{code}'" in err
    assert hint in err and "Traceback" not in err


@pytest.mark.parametrize(
    "text", ['[tool]\nfactcheck = "x"\n', '[tool.factcheck]\nseverity = "off"\n']
)
def test_the_command_line_reports_bad_configuration_with_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    text: str,
) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert (
        main(
            ["check", "--rules", str(EXAMPLE / "rules.yaml"), "--sources", str(EXAMPLE / "sources")]
        )
        == 2
    )
    err = capsys.readouterr().err
    where = re.escape(str(tmp_path / "pyproject.toml"))
    assert re.search(rf"{where}(:\d+:1)?: error: ", err) and "Traceback" not in err


@pytest.mark.parametrize("text", ['tool = "x"\n', "tool = 3\n"])
def test_factcheck_toml_with_a_bad_tool_key_is_an_error(tmp_path: Path, text: str) -> None:
    (tmp_path / "factcheck.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="tool must be a table"):
        load_config(tmp_path)


@pytest.mark.parametrize(
    ("text", "line", "message", "hint"),
    [
        (
            '[tool.factcheck]\nrules = ["r"]\nsoruces = ["s"]\n',
            3,
            "unknown key 'soruces'",
            "did you mean 'sources'?",
        ),
        (
            '[tool.factcheck.stories.city]\nrules = ["r"]\nsources = ["s"]\ndrafs = ["d"]\n',
            4,
            "unknown key 'stories.city.drafs'",
            "did you mean 'drafts'?",
        ),
        (
            '[tool.factcheck.severity]\nFC201 = "eror"\n',
            2,
            "'severity.FC201': unknown level 'eror'",
            "levels are error, warning, info and off",
        ),
        ("[tool.factcheck]\nzzz = 1\n", 2, "unknown key 'zzz'", "known keys: rules, severity"),
    ],
)
def test_configuration_errors_are_located_in_factcheck_s_words(
    tmp_path: Path, text: str, line: int, message: str, hint: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    error = caught.value
    assert error.location is not None and error.location.line == line
    assert message in error.message and "Extra inputs" not in error.message
    assert error.hint is not None and hint in error.hint


def test_an_unknown_severity_code_points_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "draft.md").write_text("The council approved a budget.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck.severity]\nFC201 = "off"\nFC2O2 = "off"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    rules, sources = str(EXAMPLE / "rules.yaml"), str(EXAMPLE / "sources")
    assert main(["lint", "draft.md", "--rules", rules, "--sources", sources]) == 2
    assert "pyproject.toml:3:1: error: severity: unknown finding code 'FC2O2'" in (
        capsys.readouterr().err
    )


def test_discovery_walks_past_another_tool_s_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\nstrict = true\n", encoding="utf-8")
    inner = tmp_path / "package"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.black]\nline-length = 80\n", encoding="utf-8")
    assert load_config(inner).strict is True
    (inner / "pyproject.toml").write_text("[tool.factcheck]\nstrict = false\n", encoding="utf-8")
    assert load_config(inner).strict is False
