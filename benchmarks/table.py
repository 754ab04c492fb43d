"""One benchmark figure, and the plain-text table ``bench.py`` prints."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass
class Figure:
    name: str
    value: float | None  # None: n/a (option missing, peer missing, run failed or timed out)
    unit: str
    target: str = ""
    met: bool | None = None  # None: no target, or nothing to judge
    note: str = ""


def _value(figure: Figure) -> str:
    if figure.value is None:
        return "n/a"
    if figure.unit == "bool":
        return "yes" if figure.value else "no"
    if figure.unit == "%":
        return f"{figure.value * 100:.1f}%"
    magnitude = abs(figure.value)
    digits = 3 if magnitude < 1 else 2 if magnitude < 10 else 1 if magnitude < 1000 else 0
    unit = "" if figure.unit in ("", "bool") else f" {figure.unit}"
    return f"{figure.value:,.{digits}f}{unit}"


def _met(figure: Figure) -> str:
    if not figure.target:
        return ""
    return {True: "met", False: "NOT met", None: "n/a"}[figure.met]


def render(figures: Sequence[Figure], conditions: dict[str, Any]) -> str:
    rows = [("figure", "value", "target", "met", "note")]
    rows += [(f.name, _value(f), f.target, _met(f), f.note) for f in figures]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for i, row in enumerate(rows):
        cells = [
            row[0].ljust(widths[0]),
            row[1].rjust(widths[1]),
            row[2].ljust(widths[2]),
            row[3].ljust(widths[3]),
            row[4],
        ]
        lines.append("  ".join(cells).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths) + "  ----")
    load = conditions["load_average_before"], conditions["load_average_after"]
    lines.append("")
    lines.append(
        f"commit {conditions.get('commit', '?')}, "
        f"{conditions['cpus']} CPUs, Python {conditions['python']}, load average "
        f"{load[0][0]:.2f} before / {load[1][0]:.2f} after, {conditions['seconds']} s in all"
        + (" (--quick: sizes too small to mean anything)" if conditions["quick"] else "")
    )
    return "\n".join(lines)
