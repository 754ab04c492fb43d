"""Every mistake in a rule file is reported with file, line, column and a hint.

The table is data: each file in ``tests/data/bad_rules/`` is a broken rule
file whose first comment lines say which errors it must raise, in order::

    # error: 4:5 unknown-field: unknown field 'tpye' in claim 'x'
    #   hint: did you mean 'type'?

Line numbers count those comment lines, so they are the lines an editor sees.
Cases that cannot carry a comment (an empty file, bytes that are not UTF-8,
several files) are tests below the table.
"""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cli.main import main
from factcheck.errors import InputError, RuleError, RuleFileError
from factcheck.rules.ruleset import find_rule_files, load_rule_file, load_rules, parse_rules
from factcheck.yamlio import marks as yamlmarks
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"
BAD = sorted((DATA / "bad_rules").glob("*.yaml"))
_ERROR = re.compile(r"# error: (\d+):(\d+) ([a-z-]+): (.*)")
_HINT = re.compile(r"#   hint: (.*)")
VALID = """\
claims:
  - id: budget-total
    description: Total of the city budget.
    type: money
    cues: [operating budget]
"""

Expected = tuple[int, int, str, str]


def expected_errors(path: Path) -> tuple[list[Expected], dict[int, str]]:
    """The (line, column, kind, message) list in a case file's header, and hints by index."""
    errors: list[Expected] = []
    hints: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := _ERROR.fullmatch(line):
            errors.append((int(match[1]), int(match[2]), match[3], match[4]))
        elif match := _HINT.fullmatch(line):
            hints[len(errors) - 1] = match[1]
        else:
            break
    return errors, hints


def raised(path: Path) -> list[RuleError]:
    with pytest.raises(RuleFileError) as info:
        load_rule_file(path)
    return info.value.errors


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_rule_file(path: Path) -> None:
    want, hints = expected_errors(path)
    assert want, f"{path.name} has no '# error:' header"
    errors = raised(path)
    assert [(e.location.line, e.location.column, e.kind, e.message) for e in errors] == want
    assert all(e.location.path == str(path) for e in errors)
    for index, hint in hints.items():
        assert (errors[index].hint or "").replace(f"{path.parent}/", "") == hint


def test_the_table_is_broad() -> None:
    kinds = {kind for path in BAD for _, _, kind, _ in expected_errors(path)[0]}
    assert len(BAD) >= 50
    assert len(kinds) >= 15, sorted(kinds)
    multi = [p for p in BAD if len(expected_errors(p)[0]) > 1]
    assert len(multi) >= 3


def test_every_error_in_the_table_has_a_hint() -> None:
    missing = [
        (p.name, e.message)
        for p in BAD
        for e in raised(p)
        if e.kind not in ("wrong-type", "bad-tolerance") and not e.hint
    ]
    assert missing == []


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_bytes(b"")
    [error] = raised(path)
    assert (error.location.line, error.location.column, error.kind) == (1, 1, "empty-file")
    assert error.message == (
        "a rule file must be a mapping with a 'claims' list, but this one is empty"
    )


def test_non_utf8_file_points_at_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(VALID.replace("Total", "Caf\xe9 total").encode("latin-1"))
    [error] = raised(path)
    assert (error.location.line, error.location.column, error.kind) == (3, 21, "encoding")
    assert error.message == "rule file is not UTF-8 text: byte 0xe9 cannot be decoded"
    assert error.hint and "UTF-8" in error.hint


def test_utf8_with_bom_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    assert [c.id for c in load_rule_file(path)] == ["budget-total"]


def test_missing_path_is_an_input_error() -> None:
    with pytest.raises(InputError) as info:
        load_rules(["no/such/rules.yaml"])
    assert info.value.message == "no such file or directory: no/such/rules.yaml"
    assert str(info.value.location) == "no/such/rules.yaml"


def test_folder_without_rule_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not rules", encoding="utf-8")
    with pytest.raises(InputError, match=r"no rule files \(\*\.yaml, \*\.yml\) found in"):
        load_rules([tmp_path])


def test_sources_manifest_is_not_a_rule_file(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("a:\n  outlet: Gazette\n", encoding="utf-8")
    assert find_rule_files([tmp_path]) == [tmp_path / "rules.yaml"]


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("story: Second file\n" + VALID, encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_rules([tmp_path])
    [error] = info.value.errors
    assert str(error.location) == f"{tmp_path / 'b.yaml'}:3:9"
    assert error.kind == "duplicate-id"
    assert error.message == (
        "duplicate claim id 'budget-total': claim ids must be unique within a story"
    )
    assert error.hint == f"already defined at {tmp_path / 'a.yaml'}:2:9; rename one of them"


def test_errors_of_several_files_are_reported_together(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(VALID.replace("money", "mony"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text("claims: []\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_rules([tmp_path])
    assert [(Path(e.location.path).name, e.location.line, e.kind) for e in info.value.errors] == [
        ("a.yaml", 4, "unknown-value-type"),
        ("b.yaml", 1, "empty-value"),
    ]


def test_alias_bomb_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, "
        f"*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]"
        for i in range(1, 6)
    ]
    with pytest.raises(RuleFileError) as info:
        parse_rules("\n".join(lines) + "\nclaims: *a5\n", "bomb.yaml")
    assert info.value.errors[0].kind == "yaml-too-large"


def test_yamlmarks_raises_duplicate_keys_unless_collecting() -> None:
    text = "a: 1\na: 2\n"
    with pytest.raises(RuleError, match="duplicate key 'a'"):
        yamlmarks.load(text, "m.yaml")
    located = yamlmarks.load(text, "m.yaml", collect=True)
    assert located.data == {"a": 1} and [e.kind for e in located.errors] == ["duplicate-key"]


def test_command_line_prints_every_error_then_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = DATA / "bad_rules" / "multi-claim-errors.yaml"
    assert main(["test-rules", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert errors == [
        f"{path}:8:11: error: unknown value type 'mony'; expected one of money, percent, "
        "number, quantity, duration, date, year, boolean, text",
        f"{path}:14:13: error: 'expect' does not fit a money claim: 'lots' is not a money value",
        f"{path}:19:16: error: pattern 'no slot' must contain exactly one {{value}} slot "
        "(it has 0)",
    ]
    assert "  hint: did you mean 'money'?" in err


# Mutations of a valid file: whatever an editor's typo does, the loader either
# compiles the file or raises located rule errors; never another exception.
@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, len(VALID)),
    st.integers(0, 6),
    st.text(alphabet=" \t\n:-[]{}'\"#&*!|>%@`,?x1", max_size=4),
)
def test_typos_never_crash(position: int, deleted: int, inserted: str) -> None:
    text = VALID[:position] + inserted + VALID[position + deleted :]
    try:
        parse_rules(text, "typo.yaml")
    except RuleFileError as exc:
        assert all(e.location.line and e.location.column for e in exc.errors)


# Every stage before the faces: only the command line catches broadly.
CORE = [
    "yamlio",
    "rules",
    "sources",
    "extract",
    "binding",
    "reconcile",
    "lint",
    "values.py",
    "model.py",
    "text.py",
]


def test_core_has_no_broad_except() -> None:
    package = ROOT / "factcheck"
    files = [
        p
        for name in CORE
        for p in ((package / name).rglob("*.py") if (package / name).is_dir() else [package / name])
    ]
    broad = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler) and (
                node.type is None
                or (
                    isinstance(node.type, ast.Name)
                    and node.type.id in ("Exception", "BaseException")
                )
            ):
                broad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert broad == []


def test_every_error_of_a_claim_is_reported_in_one_run() -> None:
    """A misspelt type or an unknown field no longer hides the claim's other errors:
    its expect and patterns are checked too (against the type it most likely means)."""
    text = textwrap.dedent(
        """\
        claims:
          - id: one
            description: x
            type: mony
            cues: [deal]
            expect: lots
            patterns: ["no slot"]
          - id: two
            description: y
            type: money
            colour: red
            cues: [deal]
            expect: plenty
        """
    )
    with pytest.raises(RuleFileError) as info:
        parse_rules(text, "all.yaml")
    found = [(e.location.line, e.kind) for e in info.value.errors]
    assert [line for line, _ in found] == [4, 6, 7, 11, 13]
    assert found[0][1] == "unknown-value-type"
