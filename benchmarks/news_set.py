"""Score factcheck's extractors on the news-style set in ``benchmarks/news/``.

    .venv/bin/python benchmarks/news_set.py [--folder DIR] [--json PATH] [--misses]

The set is ours: sentences written in the style of wire copy, markets, sport and
politics, each labelled with every quantity a reader would check (see
``benchmarks/news/README.md`` for the format). ``make bench-extractors`` prints
this table beside the external suite.

Predictions are :func:`factcheck.extract.extract_all` (every extractor, overlaps
resolved, hedges and directions attached), kinds money, percent and number;
ordinal numbers ("second-largest") are ranks, not quantities, and are left out.
Each mention has a **type**: ``range`` when its value is a range (of any kind),
otherwise its kind. A prediction and a label pair when their types match and
their spans overlap (one pairing each, in text order):

* **span** P/R/F1: the pairs, over predictions and labels of the type.
* **value** P/R/F1: the pairs whose value matches too: within 0.1% (both ends of a
  range), and the same unit (a money currency; ``points`` or ``%`` for percent).
* **direction**: of the labels that state a direction and are value-paired, the
  share whose prediction records the same one; **change**: of the labelled
  from-to changes value-paired, the share with the right previous value and steps.

Examples, for a label ``[percent, "5%", 5, null, {direction: down}]``: a
prediction "5%" = 5.0 with direction "down" is a span, value and direction hit;
"5%" = -5 is a span hit only.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factcheck.extract import extract_all
from factcheck.model import Mention, NumberRange

FOLDER = Path(__file__).resolve().parent / "news"
TYPES = ("money", "percent", "number", "range")
_KINDS = frozenset({"money", "percent", "number"})


@dataclass(frozen=True)
class Item:
    """One quantity, labelled or predicted, in a common form."""

    type: str
    start: int
    end: int
    value: Any  # float, or (low, high) for a range
    unit: str | None
    direction: str | None = None
    previous: float | None = None
    steps: tuple[float, ...] = ()
    extras: frozenset[str] = frozenset()  # the optional fields a label states


@dataclass
class Counts:
    expected: int = 0
    predicted: int = 0
    span_hits: int = 0
    value_hits: int = 0
    direction_labelled: int = 0
    direction_hits: int = 0
    change_labelled: int = 0
    change_hits: int = 0

    def add(self, other: Counts) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    def summary(self) -> dict[str, float]:
        def f1(hits: int) -> float:
            return 2 * hits / (self.predicted + self.expected) if self.expected else 0.0

        p, e = self.predicted, self.expected
        return {
            "span_precision": self.span_hits / p if p else 0.0,
            "span_recall": self.span_hits / e if e else 0.0,
            "span_f1": f1(self.span_hits),
            "value_precision": self.value_hits / p if p else 0.0,
            "value_recall": self.value_hits / e if e else 0.0,
            "value_f1": f1(self.value_hits),
            "direction_accuracy": (
                self.direction_hits / self.direction_labelled if self.direction_labelled else 0.0
            ),
            "change_accuracy": self.change_hits / self.change_labelled
            if self.change_labelled
            else 0.0,
        }


@dataclass(frozen=True)
class Case:
    file: str
    text: str
    expected: tuple[Item, ...] = field(default_factory=tuple)


def _number(raw: Any) -> float:
    return float(raw)  # YAML reads "38e9" as a string


def _label(text: str, row: list[Any], pos: int) -> tuple[Item, int]:
    kind, span, raw, *rest = row
    unit = rest[0] if rest else None
    extras: dict[str, Any] = rest[1] if len(rest) > 1 else {}
    start = text.index(span, pos)
    is_range = isinstance(raw, list)
    value: Any = (_number(raw[0]), _number(raw[1])) if is_range else _number(raw)
    if kind == "percent":
        unit = unit or "%"
    item = Item(
        "range" if is_range else kind,
        start,
        start + len(span),
        value,
        unit,
        extras.get("direction"),
        _number(extras["previous"]) if "previous" in extras else None,
        tuple(_number(s) for s in extras.get("steps", ())),
        frozenset(extras),
    )
    return item, item.end


def load(folder: Path = FOLDER) -> list[Case]:
    """Every case of every ``*.yaml`` file in ``folder``, labels located in the text."""
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
            text = raw["text"]
            items, pos = [], 0
            for row in raw["expect"]:
                item, pos = _label(text, row, pos)
                items.append(item)
            cases.append(Case(path.stem, text, tuple(items)))
    return cases


def _predicted(m: Mention) -> Item | None:
    if m.kind not in _KINDS or m.value is None or m.detail == "ordinal":
        return None
    if isinstance(m.value, NumberRange):
        low = -math.inf if m.value.low is None else m.value.low
        high = math.inf if m.value.high is None else m.value.high
        return Item("range", m.start, m.end, (low, high), m.unit)
    if isinstance(m.value, bool) or not isinstance(m.value, int | float):
        return None
    previous = float(m.previous) if isinstance(m.previous, int | float) else None
    steps = tuple(float(s) for s in m.steps if isinstance(s, int | float))
    unit = m.unit or ("%" if m.kind == "percent" else None)
    return Item(m.kind, m.start, m.end, float(m.value), unit, m.direction, previous, steps)


def predict(text: str) -> list[Item]:
    return [item for m in extract_all(text) if (item := _predicted(m)) is not None]


def _close(a: float, b: float) -> bool:
    return a == b or math.isclose(a, b, rel_tol=1e-3)


def _same_value(p: Item, e: Item) -> bool:
    if p.unit != e.unit and not (e.type == "range" and e.unit is None):
        return False
    if isinstance(e.value, tuple):
        return isinstance(p.value, tuple) and all(map(_close, p.value, e.value))
    return not isinstance(p.value, tuple) and _close(p.value, e.value)


def score_case(case: Case, preds: list[Item]) -> tuple[dict[str, Counts], list[str]]:
    """Counts per type for one case, and a line per miss (for ``--misses``)."""
    counts = {t: Counts() for t in TYPES}
    for item in preds:
        counts[item.type].predicted += 1
    used: set[int] = set()
    misses = []
    for e in case.expected:
        c = counts[e.type]
        c.expected += 1
        pair = next(
            (
                i
                for i, p in enumerate(preds)
                if i not in used and p.type == e.type and p.start < e.end and e.start < p.end
            ),
            None,
        )
        if pair is None:
            misses.append(f"missed {e.type} {case.text[e.start : e.end]!r}")
            continue
        used.add(pair)
        p = preds[pair]
        c.span_hits += 1
        if not _same_value(p, e):
            misses.append(f"value {case.text[e.start : e.end]!r}: {p.value} {p.unit}")
            continue
        c.value_hits += 1
        if "direction" in e.extras:
            c.direction_labelled += 1
            c.direction_hits += p.direction == e.direction
        if "previous" in e.extras:
            c.change_labelled += 1
            steps_ok = not e.steps or (
                len(p.steps) == len(e.steps) and all(map(_close, p.steps, e.steps))
            )
            c.change_hits += (
                p.previous is not None and _close(p.previous, e.previous or 0.0) and steps_ok
            )
    misses.extend(
        f"extra {p.type} {case.text[p.start : p.end]!r} = {p.value}"
        for i, p in enumerate(preds)
        if i not in used
    )
    return counts, misses


def run(folder: Path = FOLDER, show_misses: bool = False) -> dict[str, Any]:
    """The figures per type and overall (``all``), and the number of cases and files."""
    cases = load(folder)
    totals = {t: Counts() for t in (*TYPES, "all")}
    started = time.perf_counter()
    for case in cases:
        counts, misses = score_case(case, predict(case.text))
        for t, c in counts.items():
            totals[t].add(c)
            totals["all"].add(c)
        if show_misses and misses:
            print(f"{case.file}: {case.text!r}\n  " + "\n  ".join(misses))
    elapsed = time.perf_counter() - started
    return {
        "cases": len(cases),
        "files": sorted({c.file for c in cases}),
        "cases_per_second": len(cases) / elapsed if elapsed else 0.0,
        "types": {t: {**c.summary(), **asdict(c)} for t, c in totals.items()},
    }


def table(results: dict[str, Any]) -> list[str]:
    """The figures as the table ``make bench-extractors`` prints."""
    lines = [
        f"News-style set (benchmarks/news/, {results['cases']} sentences, factcheck):",
        f"{'type':<9} {'labels':>6} {'span P':>6} {'span R':>6} {'span F1':>7} "
        f"{'value P':>7} {'value R':>7} {'value F1':>8}",
        "-" * 64,
    ]
    for t in (*TYPES, "all"):
        s = results["types"][t]
        lines.append(
            f"{t:<9} {s['expected']:>6} {s['span_precision']:6.2f} {s['span_recall']:6.2f} "
            f"{s['span_f1']:7.2f} {s['value_precision']:7.2f} {s['value_recall']:7.2f} "
            f"{s['value_f1']:8.2f}"
        )
    a = results["types"]["all"]
    lines.append(
        f"direction right {a['direction_hits']}/{a['direction_labelled']}, "
        f"change (previous and steps) right {a['change_hits']}/{a['change_labelled']}"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=FOLDER)
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="print every miss")
    args = parser.parse_args(argv)
    results = run(args.folder, args.misses)
    print("\n".join(table(results)))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
