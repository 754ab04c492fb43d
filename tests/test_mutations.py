"""A corpus of malformed rule files, mutated from the valid ones, never crashes the loader.

The two shipped rule files are mutated deterministically (seeded): deleted
keys, wrong types, unknown and misspelt fields, bad values, regular
expressions, broken patterns, duplicated ids, and text-level damage that
breaks the YAML itself (tabs, unclosed quotes and brackets, a second
document, truncation, invalid UTF-8). Each mutant either still loads (some
mutations are harmless; counted separately) or raises a :class:`RuleFileError`
whose every error has a path, a line, a column and a message. Any other
exception fails. A sample of about ten goes through the command line: exit
status 2, a ``path:line:col: error:`` line, no traceback.
"""

from __future__ import annotations

import copy
import random
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.errors import RuleFileError
from factcheck.rules.ruleset import load_rules, parse_rules

ROOT = Path(__file__).resolve().parent.parent
VALID_FILES = [
    ROOT / "rules" / "openai-cloud.yaml",
    ROOT / "examples" / "city-budget" / "rules.yaml",
]
SEED = 20260430
PER_OPERATOR = 6  # mutants per operator and file
MIN_MUTANTS = 200


@dataclass(frozen=True)
class Mutant:
    name: str  # operator, source file and number: readable in a failure
    data: bytes


Data = dict[str, Any]
DataOperator = Callable[[Data, random.Random], None]
TextOperator = Callable[[str, random.Random], str]

WRONG_VALUES: list[Any] = [None, 0, 12.5, True, "", "text", [], ["a", 1], {}, {"a": [1]}]
FIELDS = [
    "id",
    "description",
    "type",
    "cues",
    "false_cues",
    "context",
    "choices",
    "patterns",
    "qualifiers",
    "ordinal",
    "window",
    "tolerance",
    "expect",
    "examples",
]


def _claim(data: Data, chance: random.Random) -> Data:
    claims: list[Data] = data["claims"]
    return claims[chance.randrange(len(claims))]


def delete_key(data: Data, chance: random.Random) -> None:
    target = _claim(data, chance)
    target.pop(chance.choice(sorted(target)))


def delete_top_key(data: Data, chance: random.Random) -> None:
    data.pop(chance.choice(sorted(data)))


def wrong_type(data: Data, chance: random.Random) -> None:
    _claim(data, chance)[chance.choice(FIELDS)] = copy.deepcopy(chance.choice(WRONG_VALUES))


def wrong_top_type(data: Data, chance: random.Random) -> None:
    data[chance.choice(["claims", "aliases", "story"])] = copy.deepcopy(chance.choice(WRONG_VALUES))


def misspell_key(data: Data, chance: random.Random) -> None:
    target = _claim(data, chance)
    key = chance.choice(sorted(target))
    i = chance.randrange(len(key) - 1)
    target[key[:i] + key[i + 1] + key[i] + key[i + 2 :]] = target.pop(key)


def unknown_key(data: Data, chance: random.Random) -> None:
    _claim(data, chance)[chance.choice(["regex", "keywords", "name", "expected", "notes"])] = "x"


def bad_type_value(data: Data, chance: random.Random) -> None:
    _claim(data, chance)["type"] = chance.choice(["mony", "currency", "int", "Date", "bool", ""])


def bad_qualifier(data: Data, chance: random.Random) -> None:
    _claim(data, chance)["qualifiers"] = [chance.choice(["upto", "about", "roughly", "max"])]


def duplicate_id(data: Data, chance: random.Random) -> None:
    claims = data["claims"]
    a, b = chance.sample(range(len(claims)), 2)
    claims[b]["id"] = claims[a]["id"]


def bad_id(data: Data, chance: random.Random) -> None:
    _claim(data, chance)["id"] = chance.choice(["Bad ID", "deal_", "-x", "a--b", "ÄWS", "x y"])


def bad_pattern(data: Data, chance: random.Random) -> None:
    _claim(data, chance)["patterns"] = [
        chance.choice(
            [
                "(a+)+$ {value}",
                r"\d+ {value}",
                "no slot here",
                "{value} and {value}",
                "{amount} deal",
                "{value}",
                "   {value}  ",
                "deal|contract {value}",
                "^{value} deal",
                "[0-9]+ {value}",
            ]
        )
    ]


def regex_cue(data: Data, chance: random.Random) -> None:
    target = _claim(data, chance)
    field = chance.choice(["cues", "context"])
    target[field] = [*target.get(field, []), chance.choice(["deals?", "a|b", r"\bAWS\b", "x.*y"])]


def empty_list(data: Data, chance: random.Random) -> None:
    _claim(data, chance)[chance.choice(["cues", "examples", "patterns", "context"])] = []
    if chance.random() < 0.3:
        data["claims"] = []


def bad_value(data: Data, chance: random.Random) -> None:
    target = _claim(data, chance)
    value = chance.choice(["lots", "$", "12 apples", "2025-13-45", "maybe", "", "1e999", "∞"])
    if chance.random() < 0.5 or not target.get("examples"):
        target["expect"] = value
    else:
        target["examples"][0]["value"] = value


def bad_tolerance(data: Data, chance: random.Random) -> None:
    _claim(data, chance)["tolerance"] = chance.choice(["abc", -1, "5%%", "-2%", "", [], "inf%"])


def bad_window(data: Data, chance: random.Random) -> None:
    _claim(data, chance)["window"] = chance.choice([0, -3, 61, 1000, "ten", 2.5])


def field_not_for_type(data: Data, chance: random.Random) -> None:
    target = _claim(data, chance)
    field, value = chance.choice(
        [
            ("false_cues", ["no deal"]),
            ("choices", ["a", "b"]),
            ("ordinal", True),
            ("patterns", ["a {value}"]),
        ]
    )
    target[field] = value
    if chance.random() < 0.5:
        target["type"] = chance.choice(["money", "boolean", "date", "text"])


def bad_example(data: Data, chance: random.Random) -> None:
    target = _claim(data, chance)
    example: Data = chance.choice(
        [
            {"value": 1},
            {"text": "x"},
            {"text": 3, "value": None},
            {"text": "x", "value": None, "published": "soon"},
            {"text": "x", "value": None, "extra": 1},
        ]
    )
    target["examples"] = [*target.get("examples", []), example]


def bad_aliases(data: Data, chance: random.Random) -> None:
    data["aliases"] = chance.choice([["AWS"], {"AWS": "Amazon"}, {"": ["x"]}, {"AWS": [None]}])


DATA_OPERATORS: list[DataOperator] = [
    delete_key,
    delete_top_key,
    wrong_type,
    wrong_top_type,
    misspell_key,
    unknown_key,
    bad_type_value,
    bad_qualifier,
    duplicate_id,
    bad_id,
    bad_pattern,
    regex_cue,
    empty_list,
    bad_value,
    bad_tolerance,
    bad_window,
    field_not_for_type,
    bad_example,
    bad_aliases,
]


def _line(text: str, chance: random.Random) -> tuple[list[str], int]:
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")]
    return lines, chance.choice(candidates)


def tab_indent(text: str, chance: random.Random) -> str:
    lines, i = _line(text, chance)
    lines[i] = "\t" + lines[i].lstrip(" ")
    return "\n".join(lines)


def unclosed(text: str, chance: random.Random) -> str:
    lines, i = _line(text, chance)
    lines[i] = lines[i] + chance.choice([" '", ' "unclosed', " [a, b", " {a: 1"])
    return "\n".join(lines)


def duplicate_line(text: str, chance: random.Random) -> str:
    lines, i = _line(text, chance)
    lines.insert(i, lines[i])
    return "\n".join(lines)


def shift_indent(text: str, chance: random.Random) -> str:
    lines, i = _line(text, chance)
    lines[i] = " " * chance.choice([1, 3, 5]) + lines[i]
    return "\n".join(lines)


def drop_colon(text: str, chance: random.Random) -> str:
    lines, i = _line(text, chance)
    lines[i] = lines[i].replace(": ", " ", 1).replace(":", "", 1)
    return "\n".join(lines)


def colon_in_value(text: str, chance: random.Random) -> str:
    lines, i = _line(text, chance)
    return "\n".join([*lines[:i], lines[i] + " note: this", *lines[i + 1 :]])


def second_document(text: str, chance: random.Random) -> str:
    lines, i = _line(text, chance)
    return "\n".join([*lines[:i], "---", *lines[i:]])


def truncate(text: str, chance: random.Random) -> str:
    return text[: chance.randrange(len(text))]


def garbage(text: str, chance: random.Random) -> str:
    at = chance.randrange(len(text))
    junk = "".join(chance.choice("{}[]:,-?&*!|>'\"%@`#\t\n\x00\x07") for _ in range(3))
    return text[:at] + junk + text[at + chance.randrange(4) :]


def inject_anchor(text: str, chance: random.Random) -> str:
    return (
        chance.choice(
            [
                "bomb: &b [*b]\n",
                "x: !!python/object/apply:os.getcwd []\n",
                "y: &y [1, 2]\nz: *y\n",
                "claims: &c\n",
                "<<: {story: x}\n",
            ]
        )
        + text
    )


TEXT_OPERATORS: list[TextOperator] = [
    tab_indent,
    unclosed,
    duplicate_line,
    shift_indent,
    drop_colon,
    colon_in_value,
    second_document,
    truncate,
    garbage,
    inject_anchor,
]


def invalid_utf8(data: bytes, chance: random.Random) -> bytes:
    at = chance.randrange(len(data))
    return data[:at] + chance.choice([b"\xff", b"\xc3\x28", b"\xe2\x82", b"\x80\x80"]) + data[at:]


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: fast
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def mutants() -> list[Mutant]:
    """The corpus: every operator applied PER_OPERATOR times to each valid file."""
    chance = random.Random(SEED)
    corpus: list[Mutant] = []
    for path in VALID_FILES:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_LOADER)
        stem = path.parent.name
        for operator in DATA_OPERATORS:
            for n in range(PER_OPERATOR):
                changed = copy.deepcopy(data)
                operator(changed, chance)
                dumped = yaml.dump(changed, Dumper=_DUMPER, sort_keys=False, allow_unicode=True)
                corpus.append(Mutant(f"{operator.__name__}-{stem}-{n}", dumped.encode()))
        for text_operator in TEXT_OPERATORS:
            for n in range(PER_OPERATOR):
                mutated = text_operator(text, chance)
                corpus.append(Mutant(f"{text_operator.__name__}-{stem}-{n}", mutated.encode()))
        for n in range(PER_OPERATOR):
            corpus.append(Mutant(f"invalid_utf8-{stem}-{n}", invalid_utf8(text.encode(), chance)))
    return corpus


CORPUS = mutants()


def load(mutant: Mutant, folder: Path) -> list[tuple[str, int, int, str]] | None:
    """Load one mutant as a file; None if it is still valid, else its located errors."""
    path = folder / f"{mutant.name}.yaml"
    path.write_bytes(mutant.data)
    try:
        load_rules([path])
    except RuleFileError as exc:
        located = []
        for error in exc.errors:
            where = error.location
            assert where is not None and where.path == str(path), (mutant.name, str(error))
            assert where.line and where.column and error.message, (mutant.name, str(error))
            assert where.line <= mutant.data.count(b"\n") + 2, (mutant.name, str(error))
            located.append((error.kind, where.line, where.column, error.message))
        return located
    return None


def test_the_corpus_is_large_and_deterministic() -> None:
    assert len(CORPUS) >= MIN_MUTANTS
    assert mutants() == CORPUS
    assert len({m.data for m in CORPUS}) > 0.8 * len(CORPUS)  # mutations really differ


def test_every_mutant_loads_or_gives_located_errors(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    valid: list[str] = []
    crashes: list[str] = []
    kinds: Counter[str] = Counter()
    for mutant in CORPUS:
        try:
            located = load(mutant, tmp_path)
        except RuleFileError:
            raise
        except Exception as exc:  # noqa: BLE001 - any other exception is the failure we look for
            crashes.append(f"{mutant.name}: {type(exc).__name__}: {exc}")
            continue
        if located is None:
            valid.append(mutant.name)
        else:
            kinds.update({kind for kind, *_ in located})
    assert crashes == []
    spread = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items(), key=lambda x: -x[1]))
    with capsys.disabled():  # the spread shows with or without -s
        print(
            f"\nmutation corpus: {len(CORPUS)} files, {len(CORPUS) - len(valid)} with located "
            f"errors, {len(valid)} still valid; files per error kind: {spread}"
        )
    assert len(kinds) >= 20, kinds  # the corpus exercises many kinds of error
    assert len(valid) < 0.2 * len(CORPUS), valid


def _cli_sample() -> list[Mutant]:
    """About ten mutants, one from each of ten operators, that do not load."""
    chosen: dict[str, Mutant] = {}
    for mutant in CORPUS:
        operator = mutant.name.split("-")[0]
        if operator in chosen or len(chosen) == 10:
            continue
        try:
            parse_rules(mutant.data.decode("utf-8"), "sample.yaml")
        except (RuleFileError, UnicodeDecodeError):
            chosen[operator] = mutant
    return list(chosen.values())


@pytest.mark.parametrize("mutant", _cli_sample(), ids=lambda m: m.name)
def test_the_command_line_reports_mutants_with_exit_2(mutant: Mutant, tmp_path: Path) -> None:
    path = tmp_path / "mutant.yaml"
    path.write_bytes(mutant.data)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck",
            "check",
            "--rules",
            str(path),
            "--sources",
            str(ROOT / "seeds"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{path}:")
    assert ": error: " in done.stderr.splitlines()[0]
