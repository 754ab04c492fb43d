"""Units of physical quantities: which compare, and how to convert between them.

A `quantity` claim names its unit (`unit: GW`); a value found in an article carries
the unit the text wrote (:mod:`factcheck.extract.units`: "500 megawatts" ->
``megawatt``). Two units compare when pint says they measure the same thing (power,
mass, volume per day...); the value is then converted into the claim's unit, so "2
GW" and "2,000 MW" agree and "2 GW" never meets "2 million tonnes".

pint is imported on first use (about a second), so only rule sets with a quantity
claim pay for it. Conversions are cached per pair of units.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pint import UnitRegistry

# Units news copy uses that pint does not define.
_DEFINITIONS = (
    "bcm = 1e9 * meter ** 3",  # billion cubic metres (of gas)
    "bpd = barrel / day",
    "mtpa = 1e6 * metric_ton / year",  # million tonnes per annum
)


@lru_cache(maxsize=1)
def _registry() -> UnitRegistry[Any]:
    import pint

    registry: UnitRegistry[Any] = pint.UnitRegistry(cache_folder=None)
    for definition in _DEFINITIONS:
        registry.define(definition)
    return registry


def unit_problem(unit: str) -> str | None:
    """Why ``unit`` cannot be a claim's unit (not a unit pint knows, or no dimension)."""
    import pint

    try:
        parsed = _registry().parse_units(unit)
    except (pint.PintError, ValueError, TypeError, AttributeError, SyntaxError):
        return f"'{unit}' is not a unit factcheck knows"
    if parsed.dimensionless:
        return f"'{unit}' measures nothing physical; use a number claim for counts"
    return None


@lru_cache(maxsize=1024)
def factor(written: str, wanted: str) -> float | None:
    """How many ``wanted`` one ``written`` is; None when they measure different things."""
    import pint

    registry = _registry()
    try:
        quantity = registry.Quantity(1.0, written)
        return float(quantity.to(wanted).magnitude)
    except (pint.PintError, ValueError, TypeError, AttributeError, SyntaxError):
        return None
