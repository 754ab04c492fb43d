"""docs/reliability.md stays true: every test it names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "reliability.md"


def test_every_test_the_reliability_page_names_exists() -> None:
    text = DOC.read_text(encoding="utf-8")
    sources = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py")}
    everything = "\n".join(sources.values())
    missing = []
    for file, name in re.findall(r"`(?:tests/)?((?:\w+/)?test_\w*\.py)(?:::(\w+))?", text):
        base = Path(file).name
        if base not in sources:
            missing.append(file)
        elif name and not re.search(rf"def {name}\b", sources[base]):
            missing.append(f"{file}::{name}")
    for name in re.findall(r"`(test_\w+)`", text):
        if not re.search(rf"def {name}\b", everything):
            missing.append(name)
    assert not missing, f"docs/reliability.md names tests that do not exist: {missing}"
