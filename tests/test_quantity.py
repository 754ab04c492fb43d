"""Physical quantities: units read after counts, `quantity` claims that convert
between units of one kind and never compare units of different kinds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.errors import RuleFileError
from factcheck.extract import extract_all
from factcheck.quantities import factor, unit_problem
from tests.conftest import ROOT, make_rules, run_factcheck
from tests.test_rule_language import bound

DATA = Path(__file__).parent / "data" / "quantity"


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        ("a 2GW data centre", "2", "gigawatt"),
        ("500 megawatts of power", "500", "megawatt"),
        ("a 300-megawatt plant", "300", "megawatt"),
        ("3.5 million tonnes of grain", "3.5 million", "metric_ton"),
        ("20 metric tons", "20", "metric_ton"),
        ("rose from 5 to 7 million tonnes", "from 5 to 7 million", "metric_ton"),
        ("between 2 and 3 GW", "between 2 and 3", "gigawatt"),
        ("1.2 million barrels a day", "1.2 million", "barrel / day"),
        ("1.2m bpd", "1.2m", "barrel / day"),
        ("3 million tonnes of coal a year", "3 million", "metric_ton / year"),
        ("5 billion cubic metres", "5 billion", "cubic_meter"),
        ("about 5 TWh", "about 5", "terawatt_hour"),
        ("15km of road", "15", "kilometer"),
        ("1,200 employees", "1,200", None),
        ("2.9 million nine-litre cases", "2.9 million", None),
        ("the 2nd GW", "2nd", None),  # an ordinal measures nothing
        ("5 watts", "5", "watt"),
    ],
)
def test_a_count_carries_the_unit_written_after_it(
    text: str, figure: str, measure: str | None
) -> None:
    (mention,) = [m for m in extract_all(text) if m.kind == "number"]
    assert (mention.text, mention.measure) == (figure, measure)
    assert mention.unit is None  # `unit` stays money's and percentages'


@pytest.mark.parametrize("text", ["the 100m sprint", "a 180ml bottle", "a 5mm gap", "MW"])
def test_no_quantity_where_no_figure_is(text: str) -> None:
    assert [m for m in extract_all(text) if m.kind == "number"] == []


def test_units_of_one_kind_convert_and_others_never_meet() -> None:
    assert factor("gigawatt", "MW") == pytest.approx(1000)
    assert factor("kilotonne", "tonnes") == pytest.approx(1000)
    assert factor("bcm", "m**3") == pytest.approx(1e9)
    assert factor("barrel / day", "bpd") == pytest.approx(1)
    assert factor("gigawatt", "tonnes") is None
    assert factor("metric_ton", "tonnes / year") is None


def test_a_claim_unit_must_be_physical() -> None:
    assert unit_problem("GW") is None
    assert unit_problem("tonnes / year") is None
    assert unit_problem("gigawot") is not None
    assert unit_problem("percent") is not None  # dimensionless: a number claim's job


def test_a_count_claim_reads_a_quantity_as_before() -> None:
    rule_set = make_rules(
        """\
        claims:
          - id: grain
            description: Grain shipped.
            type: number
            cues: [grain]
        """
    )
    found = bound(rule_set, "It shipped 3.5 million tonnes of grain.")
    assert found == {"grain": ["3.5 million"]}


def test_quantity_claims_take_only_values_of_their_kind() -> None:
    rule_set = make_rules(
        """\
        claims:
          - id: power
            description: Power.
            type: quantity
            unit: GW
            cues: [capacity]
        """
    )
    assert bound(rule_set, "Its capacity is 2,000 MW.") == {"power": ["2,000"]}
    assert bound(rule_set, "Its capacity is 2 million tonnes.") == {}
    assert bound(rule_set, "Its capacity is 2,000 beds.") == {}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ("type: quantity\n    unit: gigawot", "'gigawot' is not a unit"),
        ("type: quantity", "a quantity claim needs a unit"),
        ("type: percent\n    unit: GW", "a percent claim's unit is 'percent' or 'points'"),
        ("type: number\n    unit: GW", "'unit' applies to percent and quantity claims"),
        ("type: quantity\n    unit: GW\n    expect: 5 tonnes", "does not measure the same thing"),
        ("type: quantity\n    unit: GW\n    expect: five beds", "names no unit"),
    ],
)
def test_bad_units_are_located_rule_errors(fields: str, message: str) -> None:
    text = f"claims:\n  - id: a\n    description: x\n    {fields}\n    cues: [power]\n"
    with pytest.raises(RuleFileError) as raised:
        make_rules(text)
    (error,) = raised.value.errors
    assert message in error.message
    assert (error.location.line or 0) >= 4 and error.kind in (
        "bad-unit",
        "bad-value",
        "field-not-for-type",
    )


def test_expected_values_convert_into_the_claim_unit() -> None:
    rule_set = make_rules(
        """\
        claims:
          - id: power
            description: Power.
            type: quantity
            unit: GW
            cues: [capacity]
            expect: 2,000 MW
        """
    )
    (claim,) = rule_set.claims
    assert claim.expect is not None and claim.expect.value == pytest.approx(2.0)
    assert claim.expect.unit == "GW"


def test_the_example_story_agrees_across_units_and_finds_the_real_conflict(tmp_path: Path) -> None:
    done = run_factcheck(
        tmp_path,
        "check",
        "--rules",
        str(DATA / "rules.yaml"),
        "--sources",
        str(DATA / "sources"),
        "--format",
        "json",
        "-o",
        "-",
    )
    assert done.returncode == 0, done.stderr
    claims = {c["id"]: c for c in json.loads(done.stdout)["claims"]}
    assert claims["campus-power"]["status"] == "conflict"
    assert claims["coal-use"]["status"] == "agree"
    values = {s["source"]: s["value"]["value"] for s in claims["campus-power"]["sources"]}
    assert values == pytest.approx({"a": 2.0, "b": 2.0, "c": 1.5})
    assert run_factcheck(tmp_path, "test-rules", str(DATA / "rules.yaml")).returncode == 0


_IMPORTS_PINT = """\
import sys
from factcheck import api
api.check({rules!r}, {sources!r})
print("pint" in sys.modules)
"""


@pytest.mark.parametrize(
    ("rules", "sources", "imported"),
    [
        (ROOT / "rules", ROOT / "seeds", "False"),
        (DATA / "rules.yaml", DATA / "sources", "True"),
    ],
)
def test_pint_is_imported_only_for_quantity_rules(
    rules: Path, sources: Path, imported: str
) -> None:
    code = _IMPORTS_PINT.format(rules=str(rules), sources=str(sources))
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PATH": "", "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert done.stdout.strip() == imported, done.stderr
