"""The JSON Schema of rule files, generated from the pydantic models.

``factcheck schema`` prints it; ``schema/rules.schema.json`` is the committed
copy that editors' YAML tooling points at (a test keeps the two in sync).
"""

from __future__ import annotations

import json

from factcheck.rules.spec import RuleFileSpec

SCHEMA_ID = "https://factcheck.invalid/schema/rules.schema.json"


def rule_schema() -> dict[str, object]:
    schema = RuleFileSpec.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "factcheck rule file",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(rule_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
