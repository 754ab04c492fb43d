"""Property-based tests: extractors, binding and reconciliation never crash on any text.

Hypothesis feeds arbitrary Unicode (control characters, right-to-left text,
combining marks, odd digits, very long lines, only digits, huge numbers) and
news-like text (the example stories' phrases mixed with noise) to the core,
called directly: only the command line may catch exceptions. Every test
asserts no exception, spans inside the text that point at the reported words,
sane values, and the same output for the same input.

Generation is deterministic (``derandomize``, no example database), so CI
runs the same documents every time; each test counts the documents it
checks and :func:`test_document_budget` shows the total reaches
:data:`MIN_DOCUMENTS`. Crashes found here are pinned, with their minimal
input, in ``test_fuzz_regressions.py``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import api
from factcheck.binding.binder import Binder, Binding
from factcheck.binding.evidence import DocumentResult, check_document
from factcheck.extract import EXTRACTORS, extract_all
from factcheck.model import QUALIFIERS, DateInterval, Document, ExtractContext, Mention, NumberRange
from factcheck.results import build_report
from factcheck.rules.ruleset import RuleSet, load_rules
from tests.conftest import verdicts_of

ROOT = Path(__file__).resolve().parent.parent
RULE_PATHS = [ROOT / "rules", ROOT / "examples" / "city-budget" / "rules.yaml"]

MIN_DOCUMENTS = 10_000
DOCUMENTS: Counter[str] = Counter()  # test name -> documents generated and checked
PLANNED: dict[str, int] = {}  # test name -> documents it is set up to generate

F = TypeVar("F", bound=Callable[..., Any])


def fuzz(name: str, examples: int, documents_per_example: int = 1) -> Callable[[F], F]:
    """Deterministic hypothesis settings for a fuzz test, and its place in the budget.

    ``derandomize`` and no example database make every CI run generate the same
    inputs; ``deadline=None`` because two shared cores make timings noisy.
    """
    PLANNED[name] = examples * documents_per_example
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.large_base_example,
        ],
    )


def count(name: str, documents: int = 1) -> None:
    DOCUMENTS[name] += documents


# --- text strategies -------------------------------------------------------------

CONTROL = [chr(c) for c in (*range(0, 32), 0x7F, 0x85, 0x2028, 0x2029)]
RIGHT_TO_LEFT = [
    "\u202e",
    "\u202b",
    "\u200f",
    "\u061c",
    "שלום עולם",
    "مليار دولار",
    "٣٨ مليار",
    "\u202e$38 billion\u202c",
]
COMBINING = [
    "e\u0301",
    "$\u0303",
    "3\u0338",
    "\u0301\u0302\u0303",
    "billio\u0301n",
    "A\u034fWS",
    "\u20dd",
]
ODD_DIGITS = ["３８", "٣٨", "३८", "²", "³⁄₄", "½", "Ⅻ", "𝟑𝟖", "⁸", "①", "፫", "〇"]
INVISIBLE = ["\u200b", "\u200d", "\ufeff", "\u00ad", "\u2060", "\u00a0", "\u3000"]
HUGE = [
    "$1e308 billion",
    "$999999999999999999999 trillion",
    "1e309",
    "-1e308%",
    "$" + "9" * 400,
    "9" * 400 + "%",
    "9" * 400 + " people",
    "€1.7976931348623157e308",
    "$0.000000000000000000001 billion",
    "US$1" + ",000" * 40 + " quadrillion",
    "1" + "0" * 30 + "th",
    "year 99999",
    "in 99999999999 days",
    "99999999999 days ago",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "2025-02-30",
    "31/31/2025",
    "nan%",
    "$inf billion",
]
NEWS = [
    "$38 billion",
    "US$38bn",
    "up to $50 billion",
    "up to",
    "late last year",
    "Microsoft will no longer pay",
    "an additional $100 billion",
    "about 20%",
    "more than 30",
    "at least",
    "less than $5m",
    "between 5% and 7%",
    "€5m",
    "November 2025",
    "2025-11-03",
    "June 10",
    "on Tuesday",
    "last week",
    "two months ago",
    "yesterday",
    "the past year",
    "in 2030",
    "seven-year",
    "the second restructuring",
    "Denise Dresser",
    "Alicia Moreno",
    "revenue share",
    "revenue sharing payments",
    "exclusive licence",
    "intellectual property",
    "AWS deal",
    "deal with AWS",
    "Amazon Web Services",
    "Amazon",
    "OpenAI",
    "Microsoft",
    "pledged to invest",
    "commitment for cloud services",
    "capped",
    "uncapped",
    "no cap",
    "operating budget",
    "property tax rate",
    "new police officers",
    "the council approved",
    "library opens",
    "fare-free buses",
    "finance director",
    "rainy-day fund",
    "Trainium",
    "Nvidia chips",
    "the CMA dropped its probe",
    "Azure",
    "not",
    "ends",
    "was removed",
    "first quarter",
    "Q3",
    "FY2026",
    "1.2 million",
    "three",
    "a dozen",
    "half",
    "twenty-five",
]
SEPARATORS = [
    " ",
    " ",
    " ",
    ", ",
    ". ",
    ".\n",
    "\n\n",
    "; ",
    " — ",
    " (",
    ") ",
    ": ",
    "\t",
    "...",
    "!",
    "?",
    " - ",
    '"',
    "“",
    "”",
    "’s ",
    "\r\n",
    "\r",
]


LONG_LINE = 3000  # characters; longer lines are in test_fuzz_regressions.py


def _repeated(pieces: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A piece written many times with no newline: a long line (cut mid-piece)."""
    return st.tuples(pieces, st.integers(20, 400), st.sampled_from([" ", "", ", "])).map(
        lambda t: t[2].join([t[0]] * t[1])[:LONG_LINE]
    )


_special = st.sampled_from(CONTROL + RIGHT_TO_LEFT + COMBINING + ODD_DIGITS + INVISIBLE + HUGE)
_news = st.sampled_from(NEWS)
_noise = st.text(max_size=12)
_digits = st.text(alphabet="0123456789", min_size=1, max_size=40)
_numberish = st.tuples(
    st.sampled_from(["", "", "$", "€", "£", "US$", "-", "~", "up to $", "about "]),
    st.one_of(st.integers(0, 10**25).map(str), _digits),
    st.sampled_from(["", "", ".5", ",000", ",5", ".000001", "e308", "e-5", "E+400", "/2"]),
    st.sampled_from(
        [
            "",
            "",
            "%",
            " %",
            "bn",
            "m",
            "k",
            " million",
            " billion",
            " trillion",
            " percent",
            " per cent",
            "th",
            "st",
            " dollars",
            " euros",
        ]
    ),
).map("".join)

_piece = st.one_of(_noise, _special, _news, _digits, _numberish, st.sampled_from(SEPARATORS))


def _without_known_crashes(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Every known crash is fixed (test_fuzz_regressions.py); kept as the place to
    exclude one, with its xfail, should fuzzing find another."""
    return strategy


ARBITRARY: st.SearchStrategy[str] = _without_known_crashes(
    st.one_of(
        st.text(min_size=1, max_size=300),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=300),
        st.text(alphabet="0123456789 .,", min_size=1, max_size=300),  # only digits
        st.lists(_piece, min_size=1, max_size=40).map("".join),
        st.lists(_piece, min_size=1, max_size=40).map("".join),
        _repeated(st.one_of(_news, _special, _numberish)),  # long lines, no newlines
    )
)
"""Any Unicode: controls, right-to-left, combining marks, odd digits, huge numbers."""

NEWS_LIKE: st.SearchStrategy[str] = _without_known_crashes(
    st.lists(
        st.one_of(_news, _news, _news, _numberish, _noise, _special, st.sampled_from(SEPARATORS)),
        min_size=1,
        max_size=60,
    ).map(lambda parts: " ".join(parts))
)
"""Real phrases of the two example stories mixed with numbers and noise."""


# --- properties -------------------------------------------------------------------


def check_value(value: object, text: str) -> None:
    """A value is sane: never NaN nor infinite (a numeral beyond a float is skipped),
    dates ordered."""
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return
    if isinstance(value, float):
        assert not math.isnan(value), f"NaN from {text!r}"
        assert math.isfinite(value), f"infinite value from {text!r}"
        return
    if isinstance(value, NumberRange):
        for end in (value.low, value.high):
            if end is not None:
                check_value(float(end), text)
        return
    if isinstance(value, DateInterval):
        assert value.start <= value.end, f"reversed interval from {text!r}"
        return
    raise AssertionError(f"unexpected value type {type(value).__name__} from {text!r}")


def check_mentions(text: str, mentions: list[Mention], *, resolved: bool) -> None:
    """Every span inside the text and pointing at the reported words; values sane.

    With ``resolved`` (the output of ``extract_all``) the list is sorted and no
    two values, nor two names, overlap.
    """
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text), mention
        assert text[mention.start : mention.end] == mention.text, mention
        assert mention.qualifier is None or mention.qualifier in QUALIFIERS, mention
        check_value(mention.value, mention.text)
    if resolved:
        assert [m.sort_key for m in mentions] == sorted(m.sort_key for m in mentions)
        for names in (True, False):
            group = [m for m in mentions if (m.kind == "name") == names]
            for left, right in zip(group, group[1:], strict=False):
                assert left.end <= right.start, (left, right)


def check_bindings(text: str, bindings: list[Binding], rules: RuleSet) -> None:
    """Bindings point into the text, stay in their sentence, and keep binding's two laws:
    a claim takes one value per sentence, a value binds to one claim."""
    ids = {claim.id for claim in rules.claims}
    per_sentence: set[tuple[str, int]] = set()
    used: set[tuple[int, int]] = set()
    for binding in bindings:
        mention = binding.mention
        assert binding.claim in ids
        assert 0 <= mention.start < mention.end <= len(text), binding
        assert text[mention.start : mention.end] == mention.text, binding
        assert binding.sentence.start <= mention.start < mention.end <= binding.sentence.end
        assert math.isfinite(binding.score) and binding.score > 0, binding
        check_value(binding.value.value, mention.text)
        assert (binding.claim, binding.sentence.start) not in per_sentence, binding
        per_sentence.add((binding.claim, binding.sentence.start))
        if mention.kind not in ("boolean", "choice"):
            assert (mention.start, mention.end) not in used, binding
            used.add((mention.start, mention.end))


def check_result(document: Document, result: DocumentResult) -> None:
    for evidence in result.evidence:
        assert document.text[evidence.start : evidence.end] == evidence.text, evidence
        assert (evidence.line, evidence.column) == document.line_col(evidence.start)
        assert isinstance(evidence.quote, str)
    assert result.source.id == document.id


# --- the tests ----------------------------------------------------------------------

# Publication dates anywhere, the ends of the calendar included (0001-01-01 and
# 9999-12-31 once crashed the date extractors: test_fuzz_regressions.py).
REFERENCE = st.one_of(
    st.none(),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2026, 4, 30), date(2024, 2, 29)]),
)
ANY_TEXT = st.one_of(ARBITRARY, NEWS_LIKE)
BATCH = 4  # documents per generated example: less generation overhead per document


def batch(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(strategy, min_size=BATCH, max_size=BATCH)


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules(RULE_PATHS)


@pytest.fixture(scope="module")
def binder(rules: RuleSet) -> Binder:
    return Binder(rules)


def check_extract_all(texts: list[str], reference: date | None, counter: str) -> None:
    """Sound mentions, the same on a second call."""
    context = ExtractContext(reference)
    for text in texts:
        found = extract_all(text, context)
        check_mentions(text, found, resolved=True)
        assert extract_all(text, context) == found
    count(counter, len(texts))


@fuzz("extract_all", 500, BATCH)
@given(texts=batch(ARBITRARY), reference=REFERENCE)
def test_extract_all_on_any_text(texts: list[str], reference: date | None) -> None:
    check_extract_all(texts, reference, "extract_all")


@pytest.mark.parametrize("kind", list(EXTRACTORS))
@fuzz("extractors", 120, BATCH * len(EXTRACTORS))
@given(texts=batch(ARBITRARY), reference=REFERENCE)
def test_each_extractor_on_any_text(kind: str, texts: list[str], reference: date | None) -> None:
    context = ExtractContext(reference)
    for text in texts:
        found = list(EXTRACTORS[kind](text, context))
        check_mentions(text, found, resolved=False)
        assert list(EXTRACTORS[kind](text, context)) == found
    count("extractors", len(texts))


@fuzz("extract_all news", 400, BATCH)
@given(texts=batch(NEWS_LIKE), reference=REFERENCE)
def test_extract_all_on_news_like_text(texts: list[str], reference: date | None) -> None:
    check_extract_all(texts, reference, "extract_all news")


@fuzz("bind_text", 600, BATCH)
@given(texts=batch(ANY_TEXT), reference=REFERENCE)
def test_binding_on_any_text(
    binder: Binder,
    rules: RuleSet,
    texts: list[str],
    reference: date | None,
) -> None:
    for text in texts:
        bound = binder.bind_text(text, reference)
        check_bindings(text, bound, rules)
        assert binder.bind_text(text, reference) == bound
    count("bind_text", len(texts))


@fuzz("check_document + reconcile", 350, BATCH)
@given(texts=batch(ANY_TEXT), published=st.lists(REFERENCE, min_size=BATCH, max_size=BATCH))
def test_check_and_reconcile_on_any_batch(
    binder: Binder,
    rules: RuleSet,
    texts: list[str],
    published: list[date | None],
) -> None:
    documents = [
        Document(f"doc{i}", f"doc{i}.txt", text, published=day)
        for i, (text, day) in enumerate(zip(texts, published, strict=True))
    ]
    results = [check_document(binder, document) for document in documents]
    for document, result in zip(documents, results, strict=True):
        check_result(document, result)
    verdicts = verdicts_of(rules, results)
    assert [v.claim.id for v in verdicts] == [c.id for c in rules.claims]
    for verdict in verdicts:
        assert verdict.status in ("agree", "conflict", "single", "silent")
        assert [s.source.id for s in verdict.sources] == [d.id for d in documents]
    report = build_report(verdicts, results, [])
    again = [check_document(binder, document) for document in documents]
    assert again == results
    assert build_report(verdicts_of(rules, again), again, []) == report
    report.model_dump_json()
    count("check_document + reconcile", len(documents))


JOB_DOCUMENTS = 12


# Short Western news text saved as Windows-1252: accented words, the euro sign,
# smart quotes, the low quote and dashes (issue 19: read as CJK, UTF-16 or cp1251).
WESTERN_WORDS = st.sampled_from(
    "The deal is worth €38 billion café naïve “quoted” it’s ‚low‘ résumé Zoë über € — "
    "… ‘hi’ Société señor €5m Müller São Paulo rose 4% fell 2026 per cent – „so“ ™".split()
)
SHORT_CP1252 = st.lists(WESTERN_WORDS, min_size=1, max_size=14).map(" ".join)


@fuzz("cp1252 decode", 300, BATCH)
@given(texts=batch(SHORT_CP1252))
def test_short_cp1252_text_decodes_as_cp1252(texts: list[str]) -> None:
    from factcheck.sources.corpus import decode

    for text in texts:
        assert decode(text.encode("cp1252")) == text
    count("cp1252 decode", len(texts))


def test_jobs_give_the_serial_result(tmp_path: Path) -> None:
    """Once, on a batch: ``jobs=2`` gives exactly the report of ``jobs=1``."""
    import random

    chance = random.Random(8)
    for i in range(JOB_DOCUMENTS):
        words = [chance.choice(NEWS + SEPARATORS + HUGE[:3]) for _ in range(chance.randint(5, 80))]
        (tmp_path / f"article{i:02}.txt").write_text(" ".join(words), encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "".join(f"article{i:02}:\n  published: 2026-04-{i + 1:02}\n" for i in range(0, 12, 2)),
        encoding="utf-8",
    )
    serial = api.check(RULE_PATHS, [tmp_path], jobs=1)
    parallel = api.check(RULE_PATHS, [tmp_path], jobs=2)
    assert parallel.model_dump() == serial.model_dump()
    assert len(serial.sources) == JOB_DOCUMENTS
    count("jobs", JOB_DOCUMENTS)


PLANNED["jobs"] = JOB_DOCUMENTS


def test_document_budget() -> None:
    """At least 10,000 generated documents in a CI run (the planned budget, and the
    documents actually checked when the whole module ran)."""
    assert sum(PLANNED.values()) >= MIN_DOCUMENTS, PLANNED
    if set(DOCUMENTS) != set(PLANNED):
        pytest.skip("only part of the fuzz suite ran; the count needs all of it")
    assert sum(DOCUMENTS.values()) >= MIN_DOCUMENTS, DOCUMENTS
