"""Rule files are data: loaded safely, bounded, never executed, never a regular expression.

- YAML builds plain data only: every tag that would construct an object is a
  located ``yaml-tag`` error, and nothing it names ever runs;
- anchors and nesting are bounded: a "billion laughs" document, a
  self-referencing alias or a 5,000-deep list is a located error, quickly;
- a scalar YAML cannot convert (2025-02-30, ``!!int abc``) and a value no
  article states (NaN, infinity, a 400-digit number, year 0) are located errors;
- patterns and cues are literal words: anything that looks like a regular
  expression is refused, and binding a long adversarial text stays fast.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
import yaml

from factcheck.binding.binder import Binder
from factcheck.errors import RuleFileError
from factcheck.model import DateInterval
from factcheck.rules.ruleset import RuleSet, parse_rules
from factcheck.values import ClaimValue, Tolerance, compatible
from factcheck.yamlio import marks as yamlmarks

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging CI) when the block runs longer than ``seconds``."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def claim(**fields: str) -> str:
    """A one-claim rule file; ``fields`` override or add YAML lines of the claim."""
    base = {
        "id": "deal-value",
        "description": "Value of the deal.",
        "type": "money",
        "cues": "[deal]",
    }
    base.update(fields)
    lines = [f"    {key}: {value}" for key, value in base.items() if value is not None]
    return "claims:\n  - " + "\n".join(lines).lstrip() + "\n"


def errors_of(text: str) -> list[tuple[str, int, int]]:
    """(kind, line, column) of every error; fails if the text loads."""
    with pytest.raises(RuleFileError) as info:
        parse_rules(text, "unsafe.yaml")
    for error in info.value.errors:
        assert error.location is not None and error.location.path == "unsafe.yaml"
        assert error.location.line and error.location.column and error.message
    return [(e.kind, e.location.line or 0, e.location.column or 0) for e in info.value.errors]


# --- no object construction ----------------------------------------------------------

TAGGED = {
    "apply": "claims: !!python/object/apply:os.system ['touch {marker}']\n",
    "new": "claims: !!python/object/new:subprocess.Popen [['touch', '{marker}']]\n",
    "object": "claims: !!python/object:pathlib.Path {{path: '{marker}'}}\n",
    "name": "claims: !!python/name:os.system\n",
    "module": "claims: !!python/module:os\n",
    "in-a-claim": claim(expect="!!python/object/apply:os.system ['touch {marker}']"),
    "custom": "claims: !include other.yaml\n",
    "set": "claims: !!set {{a, b}}\n",
    "binary": "story: !!binary aGVsbG8=\nclaims: []\n",
    "merge": "base: &base {{id: x}}\nclaims:\n  - <<: *base\n",
}


@pytest.mark.parametrize("name", list(TAGGED))
def test_tags_are_refused_and_nothing_runs(name: str, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = TAGGED[name].format(marker=marker)
    kinds = errors_of(text)
    assert kinds[0][0] == "yaml-tag"
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "!" in row or "<<" in row)
    assert kinds[0][1] == line
    assert not marker.exists()


def test_the_command_line_runs_nothing_from_a_rule_file(tmp_path: Path) -> None:
    """Tags, Python-looking text and format fields in every string field: exit 2 or a
    normal run, no traceback, and the marker file is never created."""
    marker = tmp_path / "pwned"
    attack = f"__import__('os').system('touch {marker}')"
    (tmp_path / "tagged.yaml").write_text(TAGGED["apply"].format(marker=marker))
    (tmp_path / "strings.yaml").write_text(
        textwrap.dedent(f"""\
        story: "{{0.__class__.__mro__}} {attack}"
        claims:
          - id: deal-value
            description: "{attack} {{claim.__init__.__globals__}}"
            type: money
            cues: ["{attack}", "deal {{value}}"]
            expect: "{attack}"
        """)
    )
    for rules in ("tagged.yaml", "strings.yaml"):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "factcheck",
                "check",
                "--rules",
                str(tmp_path / rules),
                "--sources",
                str(ROOT / "seeds"),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr and ": error: " in done.stderr
    assert not marker.exists()


# --- bounded documents ----------------------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    lines = ["lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [
        f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 10) + "]" for i in range(1, levels + 1)
    ]
    return "\n".join(lines) + f"\nclaims: *lol{levels}\n"


@pytest.mark.parametrize(
    ("text", "line", "hint_word"),
    [
        (billion_laughs(), 1, "alias"),  # 10^10 values if expanded
        ("loop: &loop [*loop]\nclaims: *loop\n", 1, "alias"),  # an alias inside its anchor
        ("claims: " + "[" * 5000 + "]" * 5000 + "\n", 1, "brackets"),  # 5,000 levels of lists
        ("claims: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n", 1, "brackets"),
        ("claims: " + "[" * 5000 + "\n", 1, "brackets"),  # never closed
        ("claims:\n" + "".join("  " * i + "-\n" for i in range(1, 800)), 102, "indent"),
        ("claims:\n" + "".join("  " * i + "a:\n" for i in range(1, 3000)), 102, "indent"),
        ("claims: '[' \n# " + "[" * 500 + "\n" + "[" * 500 + "\n", 3, "brackets"),
    ],
)
@pytest.mark.parametrize("loader", ["libyaml", "pure-python"])
def test_documents_that_expand_or_nest_without_bound_are_refused_quickly(
    text: str,
    line: int,
    hint_word: str,
    loader: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Refused in factcheck's own words, whatever limit the YAML library has itself
    (libyaml stops at 1,000 levels; the pure-Python composer recurses)."""
    if loader == "pure-python":
        monkeypatch.setattr(yamlmarks, "_Loader", yaml.SafeLoader)
    # a second in practice; the limit only keeps CI from hanging
    with time_limit(20), pytest.raises(RuleFileError) as info:
        parse_rules(text, "unsafe.yaml")
    error = info.value.errors[0]
    assert (error.kind, error.location.line) == ("yaml-too-large", line)
    assert error.hint is not None and hint_word in error.hint
    assert ("nests" in error.message) != ("expands" in error.message)


def test_nesting_a_little_is_fine() -> None:
    """Ninety levels of brackets load (and then fail validation as a claims list would)."""
    kinds = errors_of("claims: " + "[" * 90 + "]" * 90 + "\n")
    assert "yaml-too-large" not in {kind for kind, _, _ in kinds}


# --- scalars and values that cannot be read -------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (claim(examples="[{text: deal, value: null, published: 2025-02-30}]"), "yaml-syntax"),
        ("story: !!int abc\nclaims: []\n", "yaml-syntax"),
        ("story: !!float abc\nclaims: []\n", "yaml-syntax"),
        ("story: !!bool maybe\nclaims: []\n", "yaml-syntax"),
        ("story: 1" + "0" * 5000 + "\nclaims: []\n", "yaml-syntax"),  # past Python's int limit
        ("story: 2025-01-01T10:00:00+99:99\nclaims: []\n", "yaml-syntax"),
        ("claims: [\x00]\n", "yaml-syntax"),
        (claim(expect=".nan"), "bad-value"),
        (claim(expect="-.inf"), "bad-value"),
        (claim(expect="1" + "0" * 400), "bad-value"),
        (claim(expect="'$1e308 billion'"), "bad-value"),
        (claim(type="percent", expect="1" + "0" * 400), "bad-value"),
        (claim(type="number", expect=".inf"), "bad-value"),
        (claim(type="year", expect="0"), "bad-value"),
        (claim(type="year", expect="-5"), "bad-value"),
        (claim(type="year", expect="99999999999"), "bad-value"),
        (claim(type="year", expect="'²'"), "bad-value"),
        (claim(type="date", expect="99999999999"), "bad-value"),
        (claim(type="date", expect="0"), "bad-value"),
        (claim(tolerance="'   '"), "bad-tolerance"),
        (claim(tolerance=".nan"), "bad-tolerance"),
        (claim(tolerance="'inf%'"), "bad-tolerance"),
    ],
)
def test_values_that_cannot_be_read_are_located_errors(text: str, kind: str) -> None:
    assert kind in [k for k, _, _ in errors_of(text)]


def test_date_tolerance_cannot_overflow_the_calendar() -> None:
    first = ClaimValue(DateInterval(date.min, date.min))
    last = ClaimValue(DateInterval(date.max, date.max))
    assert compatible(first, last, Tolerance(absolute=1e300))
    assert not compatible(first, last, Tolerance(absolute=1))
    assert compatible(first, first, Tolerance(absolute=5))  # 5 days before year 1


def test_a_huge_date_tolerance_loads() -> None:
    parse_rules(claim(type="date", tolerance="99999999999"), "wide.yaml")


# --- no regular expressions -------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern",
    [
        "(a+)+$ {value}",
        "(x+x+)+y {value}",
        "^{value}$",
        r"\d+ {value}",
        ".* {value} deal",
        "[a-z]+ {value}",
        "a{1,100} {value}",
        "(?i){value} deal",
        "deal|contract {value}",
        "(a|aa)* {value}",
        "{value}\\s+deal",
    ],
)
def test_regex_looking_patterns_are_located_errors(pattern: str) -> None:
    text = claim(patterns=f"['{pattern}']")
    assert errors_of(text) == [("regex-pattern", 6, 16)]  # line 6: the pattern


@pytest.mark.parametrize("cue", ["(a+)+$", "deal|contract", r"\bdeal\b", "deals?", "cloud.*deal"])
def test_regex_looking_cues_are_located_errors(cue: str) -> None:
    text = claim(cues=f"['deal', '{cue}']")
    assert errors_of(text) == [("regex-cue", 5, 20)]  # the second cue


ADVERSARIAL = [
    "a " * 60_000 + "$5 million",  # what (a+)+$ would choke on
    "a" * 120_000 + " $5 million deal",  # one 120,000-letter word
    "deal with AWS " * 8_000 + "$38 billion",  # thousands of cue matches, one value
    "$38 billion deal with AWS, " * 4_000,  # thousands of both, no full stop
    "Revenue chief Denise Dresser, " * 4_000,  # names and cues
    "(a+)+$ " * 15_000 + "a deal worth $5 million",  # the pattern itself, as text
]


@pytest.mark.parametrize("index", range(len(ADVERSARIAL)))
def test_binding_long_adversarial_text_with_a_literal_pattern_stays_fast(index: int) -> None:
    rules = RuleSet(
        tuple(
            parse_rules(
                textwrap.dedent("""\
        claims:
          - id: deal-value
            description: Value of the deal.
            type: money
            cues: [deal, deal with AWS]
            patterns: ['a a a a {value}', 'a deal worth {value}', '{value} deal with AWS']
          - id: revenue-chief
            description: Who leads revenue.
            type: text
            cues: [revenue chief]
        """),
                "literal.yaml",
            )
        ),
        ("literal.yaml",),
    )
    text = ADVERSARIAL[index]
    with time_limit(60):  # a few seconds on two shared cores; quadratic work would take hours
        bound = Binder(rules).bind_text(text)
    for binding in bound:
        assert text[binding.mention.start : binding.mention.end] == binding.mention.text
