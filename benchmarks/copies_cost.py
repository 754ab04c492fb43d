"""What grouping copies costs (issue 23): the second pass over an archive, timed in-process.

A check computes each article's MinHash band keys while reading it (in the
workers, with the binding) and groups copies once everything is read. This
times both parts on a generated corpus: the signatures (per article, like the
reading), and :func:`factcheck.reconcile.copies.find_copies` from those
signatures, reading again only the candidates' texts. A copy of every tenth
article, lightly edited, is planted so the confirmation has work to do. The
cost should grow about linearly with the articles: the exponent between two
sizes, log(t2 / t1) / log(n2 / n1), near 1.

    .venv/bin/python benchmarks/copies_cost.py CORPUS_DIR [CORPUS_DIR ...]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from factcheck.binding.evidence import SourceInfo  # noqa: E402
from factcheck.binding.minhash import signature  # noqa: E402
from factcheck.reconcile.copies import find_copies  # noqa: E402

EVERY = 10  # one planted copy per this many articles


@dataclass(frozen=True)
class Cost:
    articles: int
    signatures: float  # seconds, all articles
    grouping: float  # seconds, find_copies
    groups: int
    planted: int


def _plant(source: Path, work: Path) -> tuple[list[Path], int]:
    """The corpus's articles plus a lightly edited copy of every EVERY-th one."""
    articles = sorted(source.glob("*.txt"))
    copies = []
    for i, path in enumerate(articles[::EVERY]):
        text = path.read_text(encoding="utf-8")
        edited = text.replace(" the ", " a ", 2).replace(",", "", 1)
        copy = work / f"zz-copy-{i:05d}.txt"
        copy.write_text(edited, encoding="utf-8")
        copies.append(copy)
    return [*articles, *copies], len(copies)


def cost(folder: Path) -> Cost:
    with tempfile.TemporaryDirectory(prefix="factcheck-copies-") as work:
        paths, planted = _plant(folder, Path(work))
        started = time.process_time()
        keys = [signature(p.read_text(encoding="utf-8")) for p in paths]
        signed = time.process_time() - started
        sources = [SourceInfo(p.stem, str(p)) for p in paths]
        started = time.process_time()
        groups = find_copies(
            sources,
            keys.__getitem__,
            lambda i: paths[i].read_text(encoding="utf-8"),
            lambda documents: {d: {} for d in documents},
        )
        grouped = time.process_time() - started
        shutil.rmtree(work, ignore_errors=True)
    return Cost(len(paths), signed, grouped, len(groups), planted)


def main(argv: list[str]) -> int:
    for folder in argv:
        c = cost(Path(folder))
        print(
            f"{c.articles} articles: signatures {c.signatures:.2f} s CPU, grouping "
            f"{c.grouping:.2f} s CPU, {c.groups} groups ({c.planted} copies planted)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
