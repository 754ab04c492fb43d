"""Score factcheck's extractors and their peers on the Recognizers-Text English specs.

    .venv/bin/python benchmarks/extractors.py [--specs DIR] [--json PATH]
                                              [--categories money,percent,...]

The suite is read from ``../shared/benchmarks/recognizers-text`` next to the
repository (``--specs`` points elsewhere, e.g. at a checkout of RT's
``Specs/``); it is never copied here. Each tool runs in this process on the
same cases (see :mod:`peers`).

Scoring, per category and tool:

* **span** P/R/F1: a predicted mention is a hit when its span overlaps an
  expected one (RT's ``End`` is inclusive); one-to-one, greedy in text order.
* **value** P/R/F1: overlap *and* the normalised value matches: amount and
  currency (money), the number (percent, number), the interval (ranges),
  the interval resolved against the case's reference date (dates, through
  ``scoring_dates.matches``).
* **exact** span F1 (factcheck only), both ways: the extractor's own span,
  and the span widened by ``qualifiers.attach`` over a hedge ("up to 700").
  RT leaves "up to" out of money spans but keeps it in range spans.
* Ranges (a mention becomes an interval as :func:`peers.range_of` says: a
  ``NumberRange`` with its open/closed ends, a one-sided hedge as a one-sided
  interval) are scored both ways. "As RT" (the target) compares endpoints
  and brackets exactly. RT writes connector ranges half-open ("between 20
  and 30", "20 through 100", "1000-5000" = [20,30) ...) where factcheck and
  an editor read both ends as included, so "editor" also accepts a closed
  [a,b] where RT has [a,b); every other bracket must still match.
* Dates: the targets use the ``date``, ``daterange`` and ``datetime``
  results; predictions overlapping only other results (times, durations,
  sets, datetime ranges) are ignored, neither hits nor false alarms.
* **cases/s**: cases of the category divided by the tool's own time on them,
  after one untimed warm-up call (lazy loading is not a per-case cost).

Figures are printed for all cases (the targets) and for the cases the spec
does not mark NotSupported(ByDesign) for Python. The RT peer runs on at most
``--rt-date-cases`` DateTime cases (default all; a deterministic every-k-th
sample otherwise), because its Python package handles about 10 such cases a
second.

After the suite, factcheck is scored on our own news-style set
(``benchmarks/news/``, ``--news``; :mod:`news_set` says how): precision, recall
and F1 per type (money, percent, number, range) and overall.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import news_set  # noqa: E402
import peers  # noqa: E402
import rt_specs  # noqa: E402
import scoring_dates  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SPECS = REPO.parent / "shared" / "benchmarks" / "recognizers-text"
TARGETS = {"money": 0.92, "percent": 0.95, "number": 0.80, "range": 0.80, "dates": 0.70}


@dataclass
class Counts:
    cases: int = 0
    expected: int = 0
    predicted: int = 0
    span_hits: int = 0
    value_hits: int = 0
    value_hits_alt: int = 0  # ranges: "editor" reading; others: same as value_hits
    exact_bare: int = 0
    exact_hedged: int = 0
    seconds: float = 0.0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def f1(hits: int, predicted: int, expected: int) -> float:
        return 0.0 if predicted + expected == 0 else 2 * hits / (predicted + expected)

    def summary(self) -> dict[str, float]:
        p, e = self.predicted, self.expected
        return {
            "span_precision": self.span_hits / p if p else 0.0,
            "span_recall": self.span_hits / e if e else 0.0,
            "span_f1": self.f1(self.span_hits, p, e),
            "value_precision": self.value_hits / p if p else 0.0,
            "value_recall": self.value_hits / e if e else 0.0,
            "value_f1": self.f1(self.value_hits, p, e),
            "value_f1_alt": self.f1(self.value_hits_alt, p, e),
            "exact_f1_bare": self.f1(self.exact_bare, p, e),
            "exact_f1_hedged": self.f1(self.exact_hedged, p, e),
            "cases_per_second": self.cases / self.seconds if self.seconds else 0.0,
        }


# --- value comparison -------------------------------------------------------------------


def _money(pred: Any, want: rt_specs.Money) -> bool:
    if isinstance(pred, rt_specs.Money):
        same = (
            pred.currencies is None
            or want.currencies is None
            or bool(pred.currencies & want.currencies)
        )
        return same and rt_specs.close(pred.amount, want.amount)
    if not isinstance(pred, tuple):
        return False
    amount, unit = pred
    if not rt_specs.close(amount, want.amount):
        return False
    return want.currencies is None or unit in want.currencies


def _number(pred: Any, want: Any) -> bool:
    if want is None:  # a bare unit word ("percent"): no value on either side
        return pred is None
    return isinstance(pred, int | float) and rt_specs.close(float(pred), want)


def _range(pred: Any, want: Any, editor: bool = False) -> bool:
    if not isinstance(pred, rt_specs.Interval) or want is None:
        return False
    ends = all(
        rt_specs.close(a, b) for a, b in zip(pred.endpoints(), want.endpoints(), strict=True)
    )
    if not ends:
        return False
    brackets = (pred.low_closed, pred.high_closed)
    if editor and brackets == (True, True) and (want.low_closed, want.high_closed) == (True, False):
        return True  # a connector range: factcheck's closed [a,b] for RT's half-open [a,b)
    return brackets == (want.low_closed, want.high_closed)


def _date(pred: Any, want: Any) -> bool:
    if isinstance(pred, tuple):  # RT: (type, [interval per value])
        accepted = scoring_dates.resolution_intervals(want)
        return any(i is not None and i in accepted for i in pred[1])
    return scoring_dates.matches(pred, want)


Compare = Callable[[Any, Any], bool]
COMPARE: dict[str, Compare] = {
    "money": _money,
    "percent": _number,
    "number": _number,
    "range": _range,
    "dates": _date,
}


# --- scoring ----------------------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pairs(
    preds: list[peers.Predicted],
    wants: list[rt_specs.Expected],
    ok: Callable[[peers.Predicted, rt_specs.Expected], bool],
) -> int:
    used: set[int] = set()
    hits = 0
    for want in wants:
        for i, pred in enumerate(preds):
            if (
                i not in used
                and _overlap((pred.start, pred.end), (want.start, want.end))
                and ok(pred, want)
            ):
                used.add(i)
                hits += 1
                break
    return hits


def score_case(category: str, case: rt_specs.Case, preds: list[peers.Predicted]) -> Counts:
    wants = list(case.expected)
    if category == "dates":
        others = [w for w in wants if w.type not in rt_specs.DATE_SCORED]
        wants = [w for w in wants if w.type in rt_specs.DATE_SCORED]
        preds = [
            p
            for p in preds
            if not (
                any(_overlap((p.start, p.end), (o.start, o.end)) for o in others)
                and not any(_overlap((p.start, p.end), (w.start, w.end)) for w in wants)
            )
        ]
    compare = COMPARE[category]
    counts = Counts(cases=1, expected=len(wants), predicted=len(preds))
    counts.span_hits = _pairs(preds, wants, lambda p, w: True)
    counts.value_hits = _pairs(preds, wants, lambda p, w: compare(p.value, w.value))
    counts.value_hits_alt = counts.value_hits
    if category == "range":
        counts.value_hits_alt = _pairs(preds, wants, lambda p, w: _range(p.value, w.value, True))
    counts.exact_bare = _pairs(
        preds, wants, lambda p, w: (p.bare or (p.start, p.end)) == (w.start, w.end)
    )
    counts.exact_hedged = _pairs(preds, wants, lambda p, w: (p.start, p.end) == (w.start, w.end))
    return counts


def run_tool(
    tool: peers.Tool, category: str, cases: list[rt_specs.Case], stride: int = 1
) -> dict[str, Counts]:
    assert tool.run is not None
    totals = {"all": Counts(), "supported": Counts()}
    if cases:
        tool.run(cases[0], category)  # warm-up, untimed: lazy loading is not per-case cost
    for case in cases[::stride]:
        began = time.perf_counter()
        preds = tool.run(case, category)
        spent = time.perf_counter() - began
        counts = score_case(category, case, preds)
        counts.seconds = spent
        totals["all"].add(counts)
        if case.python_supported:
            totals["supported"].add(counts)
    return totals


# --- output -----------------------------------------------------------------------------


def _table(results: dict[str, Any], subset: str) -> list[str]:
    head = (
        f"{'category':<9} {'tool':<17} {'span P':>6} {'span R':>6} {'span F1':>7} "
        f"{'value F1':>8} {'cases/s':>9}"
    )
    lines = [head, "-" * len(head)]
    for category, by_tool in results["categories"].items():
        for name, entry in by_tool.items():
            if "error" in entry or "note" in entry:
                reason = entry.get("error") or entry.get("note")
                lines.append(f"{category:<9} {name:<17} unavailable: {reason}")
                continue
            s = entry[subset]
            if not s["cases"]:
                lines.append(f"{category:<9} {name:<17} no cases in this subset")
                continue
            sample = f"  (every {entry['stride']}th case)" if entry["stride"] > 1 else ""
            lines.append(
                f"{category:<9} {name:<17} {s['span_precision']:6.2f} {s['span_recall']:6.2f} "
                f"{s['span_f1']:7.2f} {s['value_f1']:8.2f} {s['cases_per_second']:9.0f}{sample}"
            )
    return lines


def _extras(results: dict[str, Any]) -> list[str]:
    lines = []
    cats = results["categories"]
    fc = {c: t["factcheck"]["all"] for c, t in cats.items() if "factcheck" in t}
    if fc:
        lines.append("factcheck exact-span F1 (extractor span / with attached hedge):")
        for c, s in fc.items():
            lines.append(f"  {c:<8} {s['exact_f1_bare']:.2f} / {s['exact_f1_hedged']:.2f}")
    if "range" in fc:
        lines.append(
            f"ranges, value F1 as RT brackets / editor (closed [a,b] for RT's [a,b)): "
            f"{fc['range']['value_f1']:.2f} / {fc['range']['value_f1_alt']:.2f}"
        )
    money = cats.get("money", {})
    speed = {n: e["all"]["cases_per_second"] for n, e in money.items() if "all" in e}
    for peer, need in (("Recognizers-Text", 20), ("quantulum3", 2)):
        if "factcheck" in speed and speed.get(peer):
            ratio = speed["factcheck"] / speed[peer]
            lines.append(f"money speed: factcheck / {peer} = {ratio:.1f}x (target >= {need}x)")
    if "dates" in results.get("date_subsets", {}):
        sizes = results["date_subsets"]["dates"]
        lines.append(
            "DateTime results by type (scored: "
            + ", ".join(rt_specs.DATE_SCORED)
            + "): "
            + ", ".join(f"{k} {v}" for k, v in sorted(sizes.items()))
        )
    for c, target in TARGETS.items():
        if c in fc:
            got = fc[c]["value_f1"]
            lines.append(
                f"target {c:<8} value F1 {got:.2f} >= {target:.2f}: "
                f"{'met' if got >= target else 'NOT met'}"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=Path, default=DEFAULT_SPECS)
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    parser.add_argument("--categories", default=",".join(rt_specs.CATEGORY_FILES))
    parser.add_argument(
        "--rt-date-cases",
        type=int,
        default=0,
        help="at most this many DateTime cases for Recognizers-Text (0: all)",
    )
    parser.add_argument("--tools", default="", help="comma list of tools (default: all)")
    parser.add_argument(
        "--news",
        type=Path,
        default=news_set.FOLDER,
        help="our news-style set, scored for factcheck beside the suite",
    )
    args = parser.parse_args(argv)
    if not args.specs.is_dir():
        print(f"error: no specs folder at {args.specs}", file=sys.stderr)
        return 2
    tools = peers.all_tools()
    if args.tools:
        tools = [t for t in tools if t.name in args.tools.split(",")]
    results: dict[str, Any] = {"specs": str(args.specs), "categories": {}, "date_subsets": {}}
    for category in args.categories.split(","):
        cases = rt_specs.load(args.specs, category)
        if category == "dates":
            sizes: dict[str, int] = {}
            for case in cases:
                for want in case.expected:
                    sizes[want.type] = sizes.get(want.type, 0) + 1
            results["date_subsets"]["dates"] = sizes
        by_tool: dict[str, Any] = {}
        for tool in tools:
            if tool.error is not None:
                by_tool[tool.name] = {"error": tool.error}
                continue
            if category not in tool.categories:
                if category in tool.notes:
                    by_tool[tool.name] = {"note": tool.notes[category]}
                continue
            stride = 1
            if tool.name == "Recognizers-Text" and category == "dates" and args.rt_date_cases:
                stride = max(1, -(-len(cases) // args.rt_date_cases))
            totals = run_tool(tool, category, cases, stride)
            by_tool[tool.name] = {
                "stride": stride,
                **{k: {**v.summary(), **asdict(v)} for k, v in totals.items()},
            }
        results["categories"][category] = by_tool
    print("All cases (targets are judged here):")
    print("\n".join(_table(results, "all")))
    print("\nCases not marked NotSupported for Python:")
    print("\n".join(_table(results, "supported")))
    print()
    print("\n".join(_extras(results)))
    if args.news.is_dir():
        results["news"] = news_set.run(args.news)
        print()
        print("\n".join(news_set.table(results["news"])))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
