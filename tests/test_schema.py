"""The JSON Schema of rule files: committed copy in sync, right for editors.

Editors' YAML tooling (yaml-language-server) reads YAML scalars as strings
where the schema says so, so the rule files are loaded here with dates kept
as text, as an editor sees them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from factcheck.cli.main import main
from factcheck.rules.ruleset import find_rule_files
from factcheck.rules.schema import schema_text
from tests.conftest import ROOT
from tests.test_rule_errors import BAD, expected_errors

COMMITTED = ROOT / "schema" / "rules.schema.json"
SCHEMA = json.loads(schema_text())
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
RULE_FILES = find_rule_files([p for p in (ROOT / "rules", ROOT / "examples") if p.is_dir()])
# Errors that the schema alone must catch (the others need the claim's type).
SCHEMA_KINDS = {
    "unknown-field",
    "missing-field",
    "wrong-type",
    "empty-value",
    "bad-id",
    "out-of-range",
    "unknown-value-type",
    "unknown-qualifier",
    "not-a-mapping",
    "empty-file",
}


class _EditorLoader(yaml.SafeLoader):
    """Safe YAML with timestamps left as strings, as a schema-aware editor reads them."""


_EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def editor_load(text: str) -> Any:
    return yaml.load(text, Loader=_EditorLoader)  # a SafeLoader subclass: safe


def errors(document: Any) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(document)]


def claim(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": "x", "description": "d", "type": "money", "cues": ["deal"]}
    return {"claims": [{**base, **fields}]}


def test_committed_schema_matches_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert printed == schema_text()
    assert COMMITTED.read_text(encoding="utf-8") == printed, (
        "schema/rules.schema.json is stale: run `factcheck schema -o schema/rules.schema.json`"
    )


def test_schema_output_file(tmp_path: Path) -> None:
    target = tmp_path / "rules.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == schema_text()


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["required"] == ["claims"] and SCHEMA["additionalProperties"] is False


def _properties(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    found = [("file", name, prop) for name, prop in schema["properties"].items()]
    for model, definition in schema["$defs"].items():
        found += [(model, name, prop) for name, prop in definition["properties"].items()]
    return found


def test_every_field_and_model_is_described() -> None:
    undescribed = [
        f"{model}.{name}"
        for model, name, prop in _properties(SCHEMA)
        if len(prop.get("description", "")) < 15
    ]
    assert undescribed == []
    assert all(d.get("description") for d in SCHEMA["$defs"].values())
    assert all(d.get("additionalProperties") is False for d in SCHEMA["$defs"].values())


@pytest.mark.parametrize("path", RULE_FILES, ids=[p.parent.name + "/" + p.name for p in RULE_FILES])
def test_schema_accepts_the_repository_rule_files(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert errors(editor_load(text)) == []
    first = text.splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{path} should start with a yaml-language-server $schema comment"
    assert (path.parent / match[1]).resolve() == COMMITTED


@pytest.mark.parametrize(
    "value",
    [
        "$38 billion",
        "up to €5m",
        "20%",
        38000000000,
        2.5,
        2030,
        True,
        False,
        None,
        "November 2025",
        "2025-11-03",
        {"start": "2025-11-01", "end": "2025-11-30"},
    ],
)
def test_expect_and_example_values_accept_every_scalar_form(value: Any) -> None:
    assert errors(claim(expect=value)) == []
    assert errors(claim(examples=[{"text": "A deal.", "value": value}])) == []


@pytest.mark.parametrize(
    ("document", "fragment"),
    [
        ({}, "'claims' is a required property"),
        ({"claims": []}, "should be non-empty"),
        ({"claims": "x"}, "is not of type 'array'"),
        ({"stroy": "x", **claim()}, "Additional properties are not allowed ('stroy'"),
        (claim(tpye="money"), "Additional properties are not allowed ('tpye'"),
        (claim(type="dollars"), "'dollars' is not one of"),
        (claim(id="Budget Total"), "does not match"),
        (claim(cues=[]), "should be non-empty"),
        (claim(cues="deal"), "is not of type 'array'"),
        (claim(window=0), "is less than the minimum of 1"),
        (claim(window=61), "is greater than the maximum of 60"),
        (claim(qualifiers=["upto"]), "is not valid under any of the given schemas"),
        (claim(expect=[1, 2]), "is not valid under any of the given schemas"),
        (
            claim(expect={"begin": "2025-01-01", "end": "2025-01-31"}),
            "is not valid under any of the given schemas",
        ),
        (claim(examples=[{"text": "A deal."}]), "'value' is a required property"),
        (claim(examples=["A deal."]), "is not of type 'object'"),
        (
            claim(examples=[{"text": "A deal.", "value": None, "published": "yesterday"}]),
            "is not valid under any of the given schemas",
        ),
        ({"aliases": {"AWS": "Amazon"}, **claim()}, "is not of type 'array'"),
    ],
)
def test_schema_rejects_bad_files(document: Any, fragment: str) -> None:
    found = errors(document)
    assert any(fragment in message for message in found), found


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_schema_agrees_with_the_loader_on_bad_files(path: Path) -> None:
    """A file the loader rejects for its shape alone, the schema rejects too."""
    kinds = {kind for _, _, kind, _ in expected_errors(path)[0]}
    try:
        document = editor_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        assert any(kind.startswith("yaml-") for kind in kinds)
        return
    if kinds & SCHEMA_KINDS:
        assert errors(document), f"the schema accepts {path.name}"


def test_check_json_validates_against_the_committed_check_schema() -> None:
    """schema/check-report.schema.json is the check JSON's shape, kept in sync:
    one story's report, or several stories' (see tests/test_stories.py)."""
    import io
    import json

    import jsonschema

    from factcheck import api
    from factcheck.report.check.json import render
    from factcheck.results import check_report_schema

    committed = json.loads((ROOT / "schema" / "check-report.schema.json").read_text("utf-8"))
    assert committed == check_report_schema(), (
        "schema/check-report.schema.json is stale: write factcheck.results.check_report_schema()"
    )
    for rules, sources in (
        ("rules", "seeds"),
        ("examples/city-budget/rules.yaml", "examples/city-budget/sources"),
    ):
        out = io.StringIO()
        with api.run_check(ROOT / rules, ROOT / sources) as run:
            render(run, out)
        jsonschema.validate(json.loads(out.getvalue()), committed)
