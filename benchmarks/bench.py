"""Speed, memory and accuracy of factcheck at scale (issue 7), as one table and as JSON.

    .venv/bin/python benchmarks/bench.py [--quick] [--json PATH] [--workdir DIR] [--seed N]

Generates the corpora (:mod:`corpus`: 1,000 and 10,000 articles, a sample of
200) and the 10/50/200-claim rule sets (:mod:`rules200`) under ``--workdir``,
then measures, every figure in a new ``factcheck`` process (:mod:`measure`):

* check throughput, articles per second of wall time, with ``--jobs 1`` and
  ``--jobs 2`` (and ``--engine dask`` where the CLI has it; options the
  installed CLI lacks are reported n/a), and whether both outputs are equal;
* peak resident memory of ``factcheck check --format json -o FILE`` (output
  streamed to a file, never held by a pipe) at 1,000 and 10,000 articles;
* the HTML check page at 2,000 articles (issue 22): the size of the file the
  browser loads first (packed evidence and texts included) and the peak
  resident memory of ``factcheck check --format html -o FILE``;
* accuracy against the planted ground truth (:mod:`accuracy`);
* ``factcheck lint`` of a 1,500-word draft, cold (``FACTCHECK_NO_CACHE=1``) with the
  seed rules, with 200 claims and with a quantity claim (to show pint's import), and
  warm (the compiled-rules cache primed) with the seed rules, each as a multiple of
  bare Python start-up (targets: cold 13x, warm 7x): new process, run from an empty
  directory (the package is byte-compiled first, as an install does, and no run may
  write bytecode); and
  under it, the start-up floor: Python alone, with pydantic and one model,
  with every module the lint imports;
* CPU time per article as claims grow (10, 50, 200) on the sample;
* grouping copies (:mod:`copies_cost`) at 1,000 and 10,000 articles, and how it grows;
* ``factcheck --help`` start-up time (median of several runs);
* the share of hand-written claims ``factcheck suggest`` covers alone
  (:mod:`suggest_cover`): the two example stories and the generated sample;
* baselines in the same run (:mod:`baselines`): a money regex over the same
  1,000 articles (the floor) and quantulum3 on the 200-article sample.

``--quick`` uses tiny sizes (for the smoke test); its figures mean nothing.
The machine's load average is printed with the table: on a shared machine
wall times are noisy, CPU times less so.
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # noqa: E402
import baselines  # noqa: E402
import corpus  # noqa: E402
import measure  # noqa: E402
import rules200  # noqa: E402
from table import Figure, render  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEED_RULES = REPO / "rules" / "openai-cloud.yaml"
SEEDS = REPO / "seeds"
QUANTITY_RULES = REPO / "tests" / "data" / "quantity" / "rules.yaml"  # has a quantity claim
FACTCHECK = str(Path(sys.executable).with_name("factcheck"))


@dataclass(frozen=True)
class Sizes:
    small: int
    large: int
    sample: int
    peer: int
    repeats: int
    timeout: float
    html: int = 2000  # sources in the HTML page measured


FULL = Sizes(small=1000, large=10_000, sample=200, peer=200, repeats=5, timeout=3600)
QUICK = Sizes(small=12, large=36, sample=6, peer=1, repeats=1, timeout=120, html=60)


@dataclass
class Bench:
    work: Path
    sizes: Sizes
    options: str
    figures: list[Figure]
    raw: dict[str, Any]

    def check(
        self,
        sources: Path,
        out: Path,
        rules: Path = SEED_RULES,
        extra: tuple[str, ...] = (),
        fmt: str = "json",
    ) -> measure.Run:
        command = [
            FACTCHECK,
            "check",
            "--rules",
            str(rules),
            "--sources",
            str(sources),
            "--format",
            fmt,
            "-o",
            str(out),
            *extra,
        ]
        result = measure.run(command, timeout=self.sizes.timeout)
        self.raw.setdefault("runs", []).append(asdict(result))
        return result

    def add(self, *figures: Figure) -> None:
        self.figures.extend(figures)

    def has(self, option: str) -> bool:
        return option in self.options


def _rate(count: int, run: measure.Run) -> float | None:
    return count / run.wall if run.ok() else None


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _same_bytes(a: Path, b: Path) -> bool:
    return a.read_bytes() == b.read_bytes()


def _median_run(runs: list[measure.Run]) -> measure.Run:
    """The run of median wall time (a failed run, if any: it must show)."""
    failed = [r for r in runs if not r.ok()]
    return failed[0] if failed else sorted(runs, key=lambda r: r.wall)[len(runs) // 2]


def throughput(bench: Bench, small: Path) -> measure.Run:
    """Serial and --jobs 2 checks, alternating three times, each figure the median run:
    one run of each made the speed-up swing by 0.2 with the machine's load."""
    n = bench.sizes.small
    jobs1 = ("--jobs", "1") if bench.has("--jobs") else ()
    serial_runs: list[measure.Run] = []
    parallel_runs: list[measure.Run] = []
    for _ in range(min(3, bench.sizes.repeats)):
        serial_runs.append(bench.check(small, bench.work / "small-jobs1.json", extra=jobs1))
        if bench.has("--jobs"):
            extra = ("--jobs", "2")
            parallel_runs.append(bench.check(small, bench.work / "small-jobs2.json", extra=extra))
    serial = _median_run(serial_runs)
    rate1 = _rate(n, serial)
    bench.add(
        Figure(
            f"check, 1 process ({n} articles)",
            rate1,
            "articles/s",
            ">= 50",
            None if rate1 is None else rate1 >= 50,
            f"{serial.cpu / n * 1000:.0f} ms CPU/article, median of {len(serial_runs)}"
            if serial.ok()
            else serial.failure(),
        )
    )
    if not bench.has("--jobs"):
        bench.add(
            Figure(
                "check, 2 processes (--jobs 2)",
                None,
                "articles/s",
                ">= 1.8x 1 process",
                None,
                "n/a: no --jobs option",
            )
        )
    else:
        parallel = _median_run(parallel_runs)
        rate2, speedup = _rate(n, parallel), _ratio(_rate(n, parallel), rate1)
        same = (
            _same_bytes(bench.work / "small-jobs1.json", bench.work / "small-jobs2.json")
            if parallel.ok() and serial.ok()
            else None
        )
        bench.add(
            Figure(
                "check, 2 processes (--jobs 2)",
                rate2,
                "articles/s",
                ">= 100",
                None if rate2 is None else rate2 >= 100,
                f"{parallel.cpu / n * 1000:.0f} ms CPU/article, median of {len(parallel_runs)}"
                if parallel.ok()
                else parallel.failure(),
            ),
            Figure(
                "speed-up, 2 processes over 1",
                speedup,
                "x",
                ">= 1.8",
                None if speedup is None else speedup >= 1.8,
            ),
            Figure(
                "--jobs 2 output identical to serial",
                None if same is None else float(same),
                "bool",
                "yes",
                same,
            ),
        )
    if bench.has("--engine"):
        dask = bench.check(small, bench.work / "small-dask.json", extra=("--engine", "dask"))
        bench.add(
            Figure(
                "check, --engine dask (LocalCluster)",
                _rate(n, dask),
                "articles/s",
                note="2 workers, start-up included" if dask.ok() else dask.failure(),
            )
        )
    else:
        bench.add(
            Figure(
                "check, --engine dask (LocalCluster)",
                None,
                "articles/s",
                note="n/a: no --engine option",
            )
        )
    return serial


def memory(bench: Bench, serial: measure.Run, large: Path) -> measure.Run:
    extra = ("--jobs", "1") if bench.has("--jobs") else ()
    big = bench.check(large, bench.work / "large.json", extra=extra)
    n_small, n_large = bench.sizes.small, bench.sizes.large
    small_mb = serial.peak_rss_mb if serial.ok() else None
    large_mb = big.peak_rss_mb if big.ok() else None
    ratio = _ratio(large_mb, small_mb)
    bench.add(
        Figure(f"peak RSS, {n_small} articles (-o FILE)", small_mb, "MB"),
        Figure(
            f"peak RSS, {n_large} articles (-o FILE)",
            large_mb,
            "MB",
            note="" if big.ok() else big.failure(),
        ),
        Figure(
            f"memory ratio {n_large}/{n_small}",
            ratio,
            "x",
            "<= 1.5",
            None if ratio is None else ratio <= 1.5,
        ),
        Figure(f"check, 1 process ({n_large} articles)", _rate(n_large, big), "articles/s"),
    )
    return big


def html_page(bench: Bench) -> None:
    """The HTML check page over an archive: what the browser loads first (the one file,
    packed evidence and texts included) and the run's peak memory, against issue 22's
    targets (10 MB, 100 MB; before: 62.8 MB and 547 MB)."""
    n = bench.sizes.html
    folder = bench.work / "corpus-html"
    if not folder.exists():
        corpus.generate(folder, n, bench.raw["seed"])
    out = bench.work / "report.html"
    extra = ("--jobs", "1") if bench.has("--jobs") else ()
    result = bench.check(folder, out, extra=extra, fmt="html")
    size = out.stat().st_size / 1e6 if result.ok() and out.exists() else None
    rss = result.peak_rss_mb if result.ok() else None
    bench.add(
        Figure(
            f"HTML page, {n} sources: first load",
            size,
            "MB",
            "<= 10",
            None if size is None else size <= 10,
            "the one file (-o FILE)" if result.ok() else result.failure(),
        ),
        Figure(
            f"peak RSS, HTML page, {n} sources (-o FILE)",
            rss,
            "MB",
            "<= 100",
            None if rss is None else rss <= 100,
        ),
    )


def score(bench: Bench, report: Path, truth: dict[str, Any], label: str) -> None:
    if not report.exists():
        return
    result = accuracy.score(json.loads(report.read_text(encoding="utf-8")), truth)
    bench.raw[f"accuracy_{label}"] = result
    totals = result["totals"]
    for key, name, target in (
        ("claim_status", "claims with the expected verdict", "all"),
        ("planted_flagged", "planted values flagged 'conflicts'", ""),
        ("stated_found", "true statements found, 'agrees'", ""),
        ("false_bindings", "unstated claims given a value", ""),
    ):
        tally = totals[key]
        met = tally["hits"] == tally["total"] if target == "all" else None
        bench.add(
            Figure(
                f"accuracy ({label}): {name}",
                tally["rate"],
                "%",
                target,
                met,
                f"{tally['hits']}/{tally['total']}",
            )
        )


def cold_lint(bench: Bench, rules: dict[int, Path], start_up: float | None) -> None:
    """Cold lint (no rule cache) with three rule sets, and a warm lint of the seed rules
    (the cache primed), each also as a multiple of bare Python start-up."""
    draft = bench.work / "draft.md"
    draft.write_text(corpus.draft(seed=bench.raw["seed"], words=1500), encoding="utf-8")
    words = len(draft.read_text(encoding="utf-8").split())
    cold = {"FACTCHECK_NO_CACHE": "1"}
    with tempfile.TemporaryDirectory() as empty:  # no project config, no cache files
        warm = {"XDG_CACHE_HOME": str(Path(empty) / "cache")}
        for label, rule_path, env, target in (
            ("seed rules", SEED_RULES, cold, 13.0),
            ("200 claims", rules[200], cold, None),
            ("quantity rules (pint)", QUANTITY_RULES, cold, None),  # pint's import, reported
            ("seed rules, warm cache", SEED_RULES, warm, 7.0),
        ):
            command = _lint_command(draft, rule_path, bench.work / "lint.json")
            if env is warm:  # prime the cache: the first run compiles and stores
                measure.run(command, cwd=Path(empty), timeout=120, env=env)
            median, runs = measure.median_wall(
                command,
                bench.sizes.repeats,
                cwd=Path(empty),
                allowed=(0, 1),
                output=bench.work / "lint.json",
                env=env,
            )
            bench.raw.setdefault("lint_runs", []).extend(asdict(r) for r in runs)
            cpu = statistics.median(r.cpu for r in runs)
            times = _ratio(median, start_up)
            bench.add(
                Figure(
                    f"lint, {words}-word draft, {label}",
                    median,
                    "s",
                    note=f"median of {len(runs)}, CPU {cpu:.2f} s"
                    if median
                    else runs[-1].failure(),
                ),
                Figure(
                    f"lint, {label} / Python start-up",
                    times,
                    "x",
                    "" if target is None else f"<= {target:g}",
                    None if times is None or target is None else times <= target,
                ),
            )


def _lint_command(draft: Path, rule_path: Path, output: Path) -> list[str]:
    return [FACTCHECK, "lint", str(draft), "--rules", str(rule_path), "--sources", str(SEEDS)] + [
        "--format",
        "json",
        "-o",
        str(output),
    ]


# Where a cold lint's time goes before it reads a word: each a new process, as the lint is.
_FLOORS = (
    ("Python start-up", "pass"),
    (
        "+ pydantic and a first model",
        "from pydantic import BaseModel\nclass First(BaseModel):\n    x: int",
    ),
    (
        "+ every module lint imports",
        "import factcheck.api, factcheck.lint.findings, "
        "factcheck.report.lint.json, factcheck.config, factcheck.cli.main",
    ),
)


def lint_floor(bench: Bench) -> float | None:
    """Start-up costs under the lint figures, measured the same way (median wall);
    returns bare Python start-up, the unit of the lint ratios."""
    start_up = None
    for label, code in _FLOORS:
        median, runs = measure.median_wall([sys.executable, "-c", code], bench.sizes.repeats)
        start_up = median if start_up is None else start_up
        bench.add(
            Figure(
                f"cold lint floor: {label}",
                median,
                "s",
                note=f"median of {len(runs)}" if median else runs[-1].failure(),
            )
        )
    return start_up


def claims_cost(bench: Bench, sample: Path, rules: dict[int, Path]) -> None:
    n, per_article = bench.sizes.sample, {}
    for size, path in sorted(rules.items()):
        result = bench.check(sample, bench.work / f"claims-{size}.json", rules=path)
        per_article[size] = result.cpu / n * 1000 if result.ok() else None
        bench.add(
            Figure(
                f"CPU per article, {size} claims ({n} articles)",
                per_article[size],
                "ms",
                note="" if result.ok() else result.failure(),
            )
        )
    low, high = per_article[min(rules)], per_article[max(rules)]
    slope = math.log(high / low) / math.log(max(rules) / min(rules)) if low and high else None
    bench.add(
        Figure(
            f"cost exponent, {min(rules)} -> {max(rules)} claims",
            slope,
            "",
            "< 1 (sublinear)",
            None if slope is None else slope < 1,
            "log(cost ratio) / log(claims ratio)",
        )
    )


def copy_grouping(bench: Bench, small: Path, large: Path) -> None:
    """Grouping copies (issue 23) at both corpus sizes, in this process: the signatures
    (made while reading) and the second pass, with near-linear growth as the target."""
    import copies_cost

    costs = [copies_cost.cost(folder) for folder in (small, large)]
    for c in costs:
        bench.add(
            Figure(
                f"group copies ({c.articles} articles)",
                c.grouping,
                "s",
                note=f"CPU; signatures {c.signatures / c.articles * 1000:.2f} ms/article; "
                f"{c.groups} groups, {c.planted} copies planted",
            )
        )
    low, high = costs
    slope = (
        math.log(high.grouping / low.grouping) / math.log(high.articles / low.articles)
        if low.grouping > 0 and high.grouping > 0
        else None
    )
    bench.add(
        Figure(
            f"group copies cost exponent, {low.articles} -> {high.articles} articles",
            slope,
            "",
            "<= 1.2 (near-linear)",
            None if slope is None else slope <= 1.2,
            "log(time ratio) / log(articles ratio)",
        )
    )


def startup(bench: Bench) -> None:
    median, _ = measure.median_wall([FACTCHECK, "--help"], max(3, bench.sizes.repeats + 2))
    bench.add(
        Figure(
            "factcheck --help start-up",
            median,
            "s",
            "< 0.15",
            None if median is None else median < 0.15,
            "median",
        )
    )


def peers(bench: Bench, small: Path, sample: Path, factcheck_rate: float | None) -> None:
    articles = sorted(small.glob("*.txt"))
    floor, _ = baselines.regex_floor(articles)
    bench.add(
        Figure(
            f"baseline: money regex ({len(articles)} articles)",
            floor,
            "articles/s",
            note="the floor",
        ),
        Figure("factcheck / regex floor", _ratio(factcheck_rate, floor), "x"),
    )
    peer = baselines.quantulum_peer(sorted(sample.glob("*.txt"))[: bench.sizes.peer])
    rate = peer[0] if peer else None
    bench.add(
        Figure(
            f"baseline: quantulum3 ({bench.sizes.peer} articles)",
            rate,
            "articles/s",
            note="" if peer else "n/a: quantulum3 not importable",
        ),
        Figure("factcheck / quantulum3", _ratio(factcheck_rate, rate), "x"),
    )


def suggested(bench: Bench, generated: Path) -> None:
    """The share of hand-written claims `suggest` finds alone: in each example story,
    and in the generated corpus (``generated``, whose hand-written rules are the seeds')."""
    import suggest_cover

    stories = (*suggest_cover.STORIES, ("generated corpus", SEED_RULES, generated))
    for story, rules, sources in stories:
        c = suggest_cover.cover(story, rules, sources)
        bench.add(
            Figure(
                f"suggest covers hand-written claims ({story})",
                c.share,
                "%",
                note=f"{c.covered}/{c.hand}; {c.suggested} suggested, "
                f"{len(c.new)} with new values: {', '.join(c.new[:8]) or '-'}"
                + (" ..." if len(c.new) > 8 else ""),
            )
        )


def _commit() -> str:
    """The checked-out commit, marked ``+dirty`` when the working tree has changes."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + ("+dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, for the smoke test")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--workdir", type=Path, default=REPO / "build" / "bench")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    # Measure factcheck as installed: byte-compiled once (as pip compiles a wheel; `make`
    # does it after its editable install), and no measured run writes bytecode or anything
    # else a later run could reuse.
    compileall.compile_dir(REPO / "factcheck", quiet=1)
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    started, load_before = time.perf_counter(), os.getloadavg()
    bench = Bench(
        args.workdir,
        sizes,
        measure.check_options(FACTCHECK),
        [],
        {"seed": args.seed, "sizes": asdict(sizes)},
    )

    generation = time.perf_counter()
    small_truth = corpus.generate(args.workdir / "corpus-small", sizes.small, args.seed)
    large_truth = corpus.generate(args.workdir / "corpus-large", sizes.large, args.seed)
    corpus.generate(args.workdir / "corpus-sample", sizes.sample, args.seed)
    rules = rules200.write(args.workdir / "rules")
    bench.add(
        Figure(
            f"generate corpora ({sizes.small} + {sizes.large} + {sizes.sample})",
            time.perf_counter() - generation,
            "s",
        )
    )

    serial = throughput(bench, args.workdir / "corpus-small")
    memory(bench, serial, args.workdir / "corpus-large")
    html_page(bench)
    score(bench, args.workdir / "small-jobs1.json", small_truth, f"{sizes.small}")
    score(bench, args.workdir / "large.json", large_truth, f"{sizes.large}")
    cold_lint(bench, rules, lint_floor(bench))
    claims_cost(bench, args.workdir / "corpus-sample", rules)
    copy_grouping(bench, args.workdir / "corpus-small", args.workdir / "corpus-large")
    startup(bench)
    suggested(bench, args.workdir / "corpus-sample")
    peers(
        bench,
        args.workdir / "corpus-small",
        args.workdir / "corpus-sample",
        _rate(sizes.small, serial),
    )

    conditions = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "commit": _commit(),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "seconds": round(time.perf_counter() - started, 1),
        "quick": args.quick,
        "check_options": {o: bench.has(o) for o in ("--jobs", "--engine", "--scheduler")},
    }
    print(render(bench.figures, conditions))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        document = {
            "conditions": conditions,
            "figures": [asdict(f) for f in bench.figures],
            **bench.raw,
        }
        args.json.write_text(
            json.dumps(document, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
