"""The pytest plugin with several stories: items ``file::story::claim``, one
report and one binder per story, and the fixture's ``story=``."""

from __future__ import annotations

import textwrap

import pytest

from tests.test_pytest_plugin import RULES, run, write_rules, write_sources

pytest_plugins = ["pytester"]


@pytest.fixture
def newsroom(pytester: pytest.Pytester) -> pytest.Pytester:
    """stories/alpha and stories/beta (the folder convention), both with the same
    claim ids; alpha's sources agree on the deal, beta's conflict."""
    for name, texts in (
        (
            "alpha",
            {
                "a": "OpenAI signed a $38 billion deal with AWS.",
                "b": "The cloud deal is worth $38bn.",
            },
        ),
        (
            "beta",
            {
                "a": "OpenAI signed a $38 billion deal with AWS.",
                "b": "The cloud deal is worth $40 billion.",
            },
        ),
    ):
        write_rules(pytester, RULES, f"stories/{name}/rules/deals.yaml")
        write_sources(pytester, texts, folder=f"stories/{name}/sources")
    return pytester


def test_items_sit_under_their_story(newsroom: pytest.Pytester) -> None:
    result = run(newsroom, "--factcheck", "-v", "stories")
    result.stdout.fnmatch_lines(
        [
            "factcheck: stories: alpha, beta",
            "*stories/alpha/rules/deals.yaml::alpha::deal-value PASSED*",
            "*stories/alpha/rules/deals.yaml::alpha::deal-value[[]example-1[]] PASSED*",
            "*stories/beta/rules/deals.yaml::beta::deal-value FAILED*",
        ]
    )


def test_k_selects_a_story(newsroom: pytest.Pytester) -> None:
    result = run(newsroom, "--factcheck", "-v", "stories", "-k", "alpha and deal-value")
    result.assert_outcomes(passed=3)  # the claim and its two examples
    result.stdout.no_fnmatch_line("*::beta::*")


def test_the_fixture_checks_one_story(newsroom: pytest.Pytester) -> None:
    newsroom.makepyfile(
        test_custom=textwrap.dedent(
            """
            import pytest

            def test_story(factcheck):
                assert factcheck.check(story="alpha").claim("deal-value").status == "agree"
                assert factcheck.check(story="beta").claim("deal-value").status == "conflict"
                with pytest.raises(ValueError, match="several factcheck stories"):
                    factcheck.check()
            """
        )
    )
    result = run(newsroom, "--factcheck", "test_custom.py")
    result.assert_outcomes(passed=1)


def test_a_story_with_missing_sources_is_a_usage_error(pytester: pytest.Pytester) -> None:
    write_rules(pytester, RULES, "stories/alpha/rules.yaml")
    result = run(pytester, "--factcheck")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*story 'alpha'*stories/alpha/sources*"])
