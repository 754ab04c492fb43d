"""The pytest plugin, run in pytester's temporary projects: opt-in, collection,
verdicts as pass/fail/skip, readable failures, the fixture and the session cache."""

from __future__ import annotations

import textwrap

import pytest

import factcheck.pytest_plugin.items  # noqa: F401  (see run())
from factcheck import api

pytest_plugins = ["pytester"]

RULES = """\
claims:
  - id: deal-value
    description: Value of the cloud deal with AWS.
    type: money
    cues: [deal with AWS, cloud deal]
    expect: $38 billion
    examples:
      - text: OpenAI signed a $38 billion deal with AWS.
        value: $38 billion
      - text: OpenAI hired more engineers this year.
        value: null
  - id: investment
    description: Amount Amazon pledged to invest in OpenAI.
    type: money
    cues: [invest, investment]
    context: [Amazon]
  - id: chip-count
    description: Number of chips OpenAI rents.
    type: number
    cues: [chips]
"""

AGREEING = {
    "a": "OpenAI signed a $38 billion deal with AWS. Amazon will invest up to $50 billion.",
    "b": "The cloud deal is worth $38bn, people familiar said.",
}


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project with rules/ and seeds/ in which every claim passes or stays silent."""
    write_rules(pytester, RULES)
    write_sources(pytester, AGREEING)
    pytester.makepyfile(test_plain="def test_plain():\n    pass\n")
    return pytester


def write_rules(pytester: pytest.Pytester, text: str, name: str = "rules/deals.yaml") -> None:
    path = pytester.path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def write_sources(pytester: pytest.Pytester, texts: dict[str, str], folder: str = "seeds") -> None:
    (pytester.path / folder).mkdir(exist_ok=True)
    for name, text in texts.items():
        (pytester.path / folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")


SPEED_UP = [
    f"-p no:{name}"
    for name in ("cacheprovider", "unraisableexception", "hypothesispytest", "typeguard")
]


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """pytest in-process, without the plugins that only slow these runs down.

    Each in-process run drops the modules it imported; the engine is imported
    above so that it is not imported (and assertion-rewritten) again per run."""
    return pytester.runpytest(
        *" ".join(SPEED_UP).split(), "-W", "ignore::pytest.PytestAssertRewriteWarning", *args
    )


# -- opting in ---------------------------------------------------------------


def test_inactive_without_opt_in(project: pytest.Pytester) -> None:
    write_rules(project, "claims: [unclosed", "rules/broken.yaml")
    result = run(project, "-v")
    result.assert_outcomes(passed=1)
    result.stdout.no_fnmatch_line("*deals.yaml*")
    result.stdout.no_fnmatch_line("factcheck: rules*")


def test_active_with_flag(project: pytest.Pytester) -> None:
    result = run(project, "--factcheck", "-v")
    result.stdout.fnmatch_lines(
        [
            "factcheck: rules: rules; sources: seeds",
            "*rules/deals.yaml::deal-value PASSED*",
            "*rules/deals.yaml::deal-value[[]example-1[]] PASSED*",
            "*rules/deals.yaml::deal-value[[]example-2[]] PASSED*",
            "*rules/deals.yaml::investment PASSED*",
            "*rules/deals.yaml::chip-count SKIPPED*",
        ]
    )
    result.assert_outcomes(passed=5, skipped=1)


def test_active_with_ini_key_and_custom_folders(pytester: pytest.Pytester) -> None:
    write_rules(pytester, RULES, "checks/deals.yml")
    write_sources(pytester, AGREEING, folder="news")
    pytester.makeini("[pytest]\nfactcheck_rules = checks\nfactcheck_sources = news\n")
    result = run(pytester, "-v")
    result.stdout.fnmatch_lines(
        ["factcheck: rules: checks; sources: news", "*checks/deals.yml::deal-value PASSED*"]
    )
    result.assert_outcomes(passed=4, skipped=1)


def test_active_with_command_line_paths(pytester: pytest.Pytester) -> None:
    write_rules(pytester, RULES, "checks/deals.yaml")
    write_sources(pytester, AGREEING, folder="news")
    result = run(
        pytester,
        "--factcheck-rules",
        "checks",
        "--factcheck-sources",
        "news",
        "checks/deals.yaml::investment",
    )
    result.stdout.fnmatch_lines(["factcheck: rules: checks; sources: news"])
    result.assert_outcomes(passed=1)


def test_rule_paths_join_testpaths_but_not_explicit_arguments(project: pytest.Pytester) -> None:
    (project.path / "tests").mkdir()
    (project.path / "test_plain.py").rename(project.path / "tests" / "test_plain.py")
    project.makeini("[pytest]\ntestpaths = tests\n")
    run(project, "--factcheck").assert_outcomes(passed=5, skipped=1)
    run(project, "--factcheck", "tests").assert_outcomes(passed=1)


def test_unrelated_yaml_is_not_collected(project: pytest.Pytester) -> None:
    write_rules(project, "claims: [unclosed\n  - : :", "fixtures/broken.yaml")
    write_rules(project, "not: a rule file\n", "config/settings.yaml")
    result = run(project, "--factcheck", ".")
    result.assert_outcomes(passed=5, skipped=1)
    result.stdout.no_fnmatch_line("*broken.yaml*")


def test_missing_rules_folder_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_plain="def test_plain():\n    pass\n")
    result = run(pytester, "--factcheck")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factcheck: no such file or directory: rules, seeds*"])


# -- verdicts ------------------------------------------------------------------


def test_conflict_fails_with_a_table_of_sources(project: pytest.Pytester) -> None:
    write_sources(
        project,
        {"c": "Yet another report says the cloud deal is worth about $60 billion in total."},
    )
    result = run(project, "--factcheck", "-k", "deal-value and not example")
    result.assert_outcomes(failed=1, deselected=5)
    result.stdout.fnmatch_lines(
        [
            "*_ claim deal-value _*",
            "deal-value: sources conflict; 1 source differs from expect $38 billion",
            "  rules/deals.yaml:2:9: money claim: Value of the cloud deal with AWS.",
            "  expect: $38 billion",
            "  source  status     value              qualifier  expect    quote",
            "  a       agrees     $38 billion        -          match     "
            "L1: OpenAI signed a $38 billion deal with AWS.",
            "  b       agrees     $38 billion        -          match     L1: The cloud deal is worth*",
            "  c       conflicts  about $60 billion  about      mismatch  L1: Yet another report says*",
            "FAILED rules/deals.yaml::deal-value - deal-value: sources conflict*",
        ]
    )
    result.stdout.no_fnmatch_line("*Traceback*")


def test_expect_mismatch_fails_even_when_sources_agree(pytester: pytest.Pytester) -> None:
    write_rules(pytester, RULES)
    write_sources(pytester, {"a": "The $40 billion deal with AWS.", "b": "A cloud deal of $40bn."})
    result = run(pytester, "--factcheck", "-k", "deal-value and not example")
    result.assert_outcomes(failed=1, deselected=4)
    result.stdout.fnmatch_lines(["deal-value: 2 sources differ from expect $38 billion"])


def test_single_source_passes_unless_strict(project: pytest.Pytester) -> None:
    run(project, "--factcheck", "-k", "investment").assert_outcomes(passed=1, deselected=5)
    result = run(project, "--factcheck", "--factcheck-strict", "-k", "investment")
    result.assert_outcomes(failed=1, deselected=5)
    result.stdout.fnmatch_lines(
        [
            "investment: only one source states it (--factcheck-strict)",
            "  a       single  up to $50 billion  up_to      L1: Amazon will invest up to $50 billion.",
            "  silent: b",
        ]
    )


def test_strict_from_ini(project: pytest.Pytester) -> None:
    project.makeini("[pytest]\nfactcheck_rules = rules\nfactcheck_strict = true\n")
    run(project, "-k", "investment").assert_outcomes(failed=1, deselected=5)


def test_silent_claim_is_skipped_with_the_reason(project: pytest.Pytester) -> None:
    result = run(project, "--factcheck", "-rs", "-k", "chip-count")
    result.assert_outcomes(skipped=1, deselected=5)
    result.stdout.fnmatch_lines(
        [
            "SKIPPED [[]1[]] rules/deals.yaml:*: "
            "silent: no source states chip-count (2 sources checked)"
        ]
    )


def test_failing_example(pytester: pytest.Pytester) -> None:
    write_rules(
        pytester,
        RULES.replace(
            "OpenAI hired more engineers this year.",
            "OpenAI's cloud deal with AWS is worth $40 billion.",
        ),
    )
    write_sources(pytester, AGREEING)
    result = run(pytester, "--factcheck", "-k", "example")
    result.assert_outcomes(passed=1, failed=1, deselected=3)
    result.stdout.fnmatch_lines(
        [
            "*_ claim deal-value example 2 _*",
            "deal-value[[]example-2[]]: expected nothing, got $40 billion",
            "  rules/deals.yaml:10:15: text: OpenAI's cloud deal with AWS is worth $40 billion.",
            "why (factcheck explain of the text):",
            "*✔ deal-value: '$40 billion' score*",
        ]
    )


def test_k_selects_a_claim_and_its_examples(project: pytest.Pytester) -> None:
    result = run(project, "--factcheck", "-v", "-k", "deal-value")
    result.assert_outcomes(passed=3, deselected=3)
    result.stdout.fnmatch_lines(["*::deal-value PASSED*", "*::deal-value[[]example-1[]] PASSED*"])
    run(project, "--factcheck", "-k", "deal-value[example-2]").assert_outcomes(
        passed=1, deselected=5
    )


def test_reportinfo_points_at_the_claim(project: pytest.Pytester) -> None:
    items, _ = project.inline_genitems("--factcheck", "rules")
    info = {item.name: item.reportinfo() for item in items}
    assert info["deal-value"] == (project.path / "rules" / "deals.yaml", 1, "claim deal-value")
    assert info["deal-value[example-2]"][1:] == (9, "claim deal-value example 2")
    assert info["chip-count"][1] == 16


# -- rule-file and source errors --------------------------------------------------


def test_bad_rule_file_is_a_located_collection_error(project: pytest.Pytester) -> None:
    write_rules(project, "claims:\n  - id: x\n    tpye: money\n", "rules/bad.yaml")
    result = run(project, "--factcheck")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(
        [
            "*ERROR collecting rules/bad.yaml*",
            "rules/bad.yaml:3:5: error: unknown field 'tpye' in claim 'x'",
            "  hint: did you mean 'type'?",
        ]
    )
    result.stdout.no_fnmatch_line("*Traceback*")
    result.stdout.no_fnmatch_line("*ERROR collecting rules/deals.yaml*")


def test_duplicate_claim_id_across_files(project: pytest.Pytester) -> None:
    write_rules(project, RULES, "rules/more.yaml")
    result = run(project, "--factcheck")
    result.stdout.fnmatch_lines(
        [
            "*ERROR collecting rules/more.yaml*",
            "rules/more.yaml:2:9: error: duplicate claim id 'deal-value'",
            "  hint: already defined at rules/deals.yaml:2:9; rename one of them",
        ]
    )


def test_unreadable_sources_fail_the_claims_without_a_traceback(project: pytest.Pytester) -> None:
    for path in (project.path / "seeds").iterdir():
        path.unlink()
    result = run(project, "--factcheck", "-k", "not example")
    result.assert_outcomes(passed=1, failed=3, deselected=2)
    result.stdout.fnmatch_lines(["factcheck: *"])
    result.stdout.no_fnmatch_line("*Traceback*")


def test_a_binary_manifest_fails_the_claims_with_its_name(project: pytest.Pytester) -> None:
    """Issue 25: a manifest that is not text failed every claim with a raw UnicodeDecodeError."""
    (project.path / "seeds" / "sources.yaml").write_bytes(b"\x00\x01\xff\xfe\x80" * 200)
    result = run(project, "--factcheck", "-k", "not example")
    result.assert_outcomes(passed=1, failed=3, deselected=2)
    result.stdout.fnmatch_lines(["*sources.yaml: the manifest is not text*"])
    result.stdout.no_fnmatch_line("*UnicodeDecodeError*")
    result.stdout.no_fnmatch_line("*Traceback*")


# -- the session cache and the fixture -------------------------------------------


def test_sources_are_checked_once_per_session(
    project: pytest.Pytester,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[object] = []
    real_check = api.check

    def counting_check(rules, sources):  # type: ignore[no-untyped-def]
        calls.append(sources)
        return real_check(rules, sources)

    monkeypatch.setattr(api, "check", counting_check)
    project.makepyfile(
        test_custom="""
        def test_uses_the_cached_report(factcheck):
            assert factcheck.check() is factcheck.check()
    """
    )
    run(project, "--factcheck").assert_outcomes(passed=6, skipped=1)
    assert len(calls) == 1


def test_fixture_gives_typed_results(project: pytest.Pytester) -> None:
    project.makepyfile(
        test_custom="""
        from factcheck.sources.corpus import Corpus
        from factcheck.results import CheckReport
        from factcheck.rules.ruleset import RuleSet

        def test_api(factcheck):
            report = factcheck.check()
            assert isinstance(report, CheckReport)
            assert report.claim("deal-value").status == "agree"
            assert report.claim("deal-value").consensus.display == "$38 billion"
            rules = factcheck.load_rules()
            assert isinstance(rules, RuleSet) and len(rules.claims) == 3
            corpus = factcheck.load_sources(["seeds/a.txt"])
            assert isinstance(corpus, Corpus) and [d.id for d in corpus.documents] == ["a"]
            assert factcheck.check(rules, corpus).claim("deal-value").status == "single"
            assert factcheck.check(sources=["seeds/b.txt"]).summary["single"] == 1
    """
    )
    run(project, "test_custom.py").assert_outcomes(passed=1)


def test_fixture_lint_delegates_to_the_api(
    project: pytest.Pytester,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[object, object, object]] = []

    def fake_lint(drafts, rules=None, sources=None):  # type: ignore[no-untyped-def]
        seen.append((drafts, rules, sources))
        return "linted"

    monkeypatch.setattr(api, "lint", fake_lint, raising=False)
    project.makepyfile(
        test_custom="""
        def test_lint(factcheck):
            assert factcheck.lint(["draft.md"]) == "linted"
    """
    )
    run(project, "test_custom.py").assert_outcomes(passed=1)
    drafts, rules, sources = seen[0]
    assert drafts == ["draft.md"]
    assert rules == [project.path / "rules"] and sources == [project.path / "seeds"]


@pytest.mark.skipif(
    not hasattr(api, "lint"), reason="factcheck.api.lint is not written yet (the lead's lint issue)"
)
def test_fixture_lint_returns_a_report(project: pytest.Pytester) -> None:
    (project.path / "draft.md").write_text("OpenAI's cloud deal with AWS is worth $40 billion.\n")
    project.makepyfile(
        test_custom="""
        from factcheck.lint.model import LintReport

        def test_lint(factcheck):
            report = factcheck.lint(["draft.md"])
            assert isinstance(report, LintReport)
            assert report.findings  # $40 billion against two sources saying $38 billion
    """
    )
    run(project, "test_custom.py").assert_outcomes(passed=1)
