"""Parallel and distributed checking give exactly the serial result."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.api import check
from factcheck.errors import InputError
from tests.conftest import ROOT

TEMPLATES = [
    "Report {i}: OpenAI signed a ${v} billion deal with AWS. Amazon pledged up to $50 billion.",
    "Note {i}. The AWS deal, worth ${v} billion, began in November 2025.",
    "Piece {i}: revenue chief Denise Dresser said payments run through 2030. 3 views.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(40):
        value = 38 if i % 7 else 40  # a few planted conflicts
        text = TEMPLATES[i % len(TEMPLATES)].format(i=i, v=value)
        (folder / f"a{i:03d}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\xff" * 50)
    return folder


def _json(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "factcheck", "check", "--format", "json",
                           "--rules", str(ROOT / "rules"), *args],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_jobs_output_is_identical_to_serial(corpus: Path) -> None:
    serial = _json("--sources", str(corpus))
    parallel = _json("--sources", str(corpus), "--jobs", "2")
    assert serial == parallel
    data = json.loads(serial)
    assert data["claims"][0]["status"] == "conflict"
    assert any("binary.txt" in w for w in data["warnings"])


def test_dask_local_cluster_matches_serial(corpus: Path) -> None:
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    serial = check([ROOT / "rules"], [corpus])
    distributed = check([ROOT / "rules"], [corpus], jobs=2, engine="dask")
    assert distributed.model_dump() == serial.model_dump()


def test_bad_jobs_and_engine(corpus: Path) -> None:
    with pytest.raises(InputError, match="at least 1"):
        check([ROOT / "rules"], [corpus], jobs=0)
    with pytest.raises(InputError, match="unknown engine"):
        check([ROOT / "rules"], [corpus], engine="spark")
