"""Many stories in one repository (issue 18): configuration, the folder
convention, selection, qualified claim names and bad input, on small projects
written here. The example newsroom runs end to end in tests/test_newsroom.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.config import load_config
from factcheck.errors import InputError
from factcheck.lint.suppressions import parse
from factcheck.stories import configured_stories, glob_regex, pick_claim, select

RULES = """\
story: {title}
claims:
  - id: total
    description: The headline figure.
    type: money
    cues: [deal, budget]
"""


def project(root: Path, config: str | None = None) -> Path:
    """Two stories, 'alpha' and 'beta', each with a claim 'total'; their sources
    disagree with each other but not within a story."""
    for name, value in (("alpha", "$5 million"), ("beta", "$9 million")):
        folder = root / "stories" / name
        (folder / "sources").mkdir(parents=True)
        (folder / "drafts").mkdir()
        (folder / "rules.yaml").write_text(RULES.format(title=name.title()), encoding="utf-8")
        for i in (1, 2):
            text = f"The deal is worth {value}.\n"
            (folder / "sources" / f"{name}{i}.txt").write_text(text, encoding="utf-8")
        (folder / "drafts" / "draft.md").write_text("The deal is worth $7 million.\n", "utf-8")
    if config is not None:
        (root / "factcheck.toml").write_text(config, encoding="utf-8")
    return root


TABLES = """\
[stories.alpha]
rules = ["stories/alpha/rules.yaml"]
sources = ["stories/alpha/sources"]
drafts = ["stories/alpha/drafts/*.md", "shared/*.md"]

[stories.beta]
rules = ["stories/beta/rules.yaml"]
sources = ["stories/beta/sources"]
drafts = ["stories/beta/drafts/*.md", "shared/*.md"]
"""


def run(
    where: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    monkeypatch.chdir(where)
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("config", [TABLES, None], ids=["tables", "folders"])
def test_tables_and_folders_give_the_same_stories(tmp_path: Path, config: str | None) -> None:
    project(tmp_path, config)
    stories = configured_stories(load_config(tmp_path), root=tmp_path)
    assert [s.name for s in stories] == ["alpha", "beta"]
    assert all(Path(p).exists() for s in stories for p in (*s.rules, *s.sources))
    draft = tmp_path / "stories" / "beta" / "drafts" / "draft.md"
    assert [s.name for s in stories if s.owns_draft(draft)] == ["beta"]


def test_without_stories_one_implicit_story(tmp_path: Path) -> None:
    stories = configured_stories(load_config(tmp_path), root=tmp_path)
    assert [(s.name, s.rules, s.sources) for s in stories] == [(None, ("rules",), ("seeds",))]


def test_check_runs_every_story_then_a_line_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES)
    code, out, _ = run(tmp_path, monkeypatch, capsys, "check")
    assert code == 0
    assert out.index("alpha: Alpha") < out.index("beta: Beta")
    closing = out.rstrip().splitlines()[-2:]
    assert closing[0].startswith("alpha") and "1 agree" in closing[0]
    assert closing[1].startswith("beta") and "1 agree" in closing[1]


def test_one_story_keeps_the_single_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES)
    _, alone, _ = run(tmp_path, monkeypatch, capsys, "check", "--story", "beta", "--format", "json")
    paths = ["--rules", "stories/beta/rules.yaml", "--sources", "stories/beta/sources"]
    _, direct, _ = run(tmp_path, monkeypatch, capsys, "check", *paths, "--format", "json")
    assert alone == direct
    assert json.loads(alone)["claims"][0]["consensus"]["value"] == 9000000


def test_json_of_several_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES)
    _, out, _ = run(tmp_path, monkeypatch, capsys, "check", "--format", "json")
    data = json.loads(out)
    assert sorted(data) == ["stories", "summary", "version"]
    assert [(s["name"], s["title"]) for s in data["stories"]] == [
        ("alpha", "Alpha"),
        ("beta", "Beta"),
    ]
    values = [s["claims"][0]["consensus"]["value"] for s in data["stories"]]
    assert values == [5000000, 9000000]  # the same claim id, scoped per story
    assert data["summary"]["agree"] == 2


def test_html_of_several_stories_is_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES)
    code, _, err = run(tmp_path, monkeypatch, capsys, "check", "--format", "html")
    assert code == 2 and "-o DIR" in err
    for _ in range(2):  # a second run replaces the first report
        code, _, _ = run(tmp_path, monkeypatch, capsys, "check", "--format", "html", "-o", "out")
        assert code == 0
        assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
            "alpha.html",
            "beta.html",
            "index.html",
        ]
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="alpha.html"' in index and 'href="beta.html"' in index
    assert index.count("1 claim, ") == 2  # counted from each story's run
    alpha = (tmp_path / "out" / "alpha.html").read_text(encoding="utf-8")
    assert 'href="index.html"' in alpha and 'id="matrix"' in alpha and alpha.count("<h1>") == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]  # no leftovers


def test_html_folder_never_replaces_a_folder_of_other_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = run(tmp_path, monkeypatch, capsys, "check", "--format", "html", "-o", "out")
    assert code == 2 and "not a folder of HTML pages" in err
    assert (tmp_path / "out" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_unknown_story_gets_a_did_you_mean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES)
    for command in ("check", "test-rules"):
        code, _, err = run(tmp_path, monkeypatch, capsys, command, "--story", "betta")
        assert code == 2 and "did you mean 'beta'" in err


def test_missing_rules_name_the_story_and_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES.replace("stories/beta/sources", "stories/beta/gone"))
    code, _, err = run(tmp_path, monkeypatch, capsys, "check")
    assert code == 2
    assert "story 'beta'" in err and "stories/beta/gone" in err and "Traceback" not in err
    assert err.startswith(f"{tmp_path / 'factcheck.toml'}:6:1: ")  # at [stories.beta]
    code, _, _ = run(tmp_path, monkeypatch, capsys, "check", "--story", "alpha")
    assert code == 0  # the broken story is not run


def test_two_stories_may_share_a_sources_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES.replace("stories/beta/sources", "stories/alpha/sources"))
    code, out, _ = run(tmp_path, monkeypatch, capsys, "check", "--format", "json")
    assert code == 0
    assert [len(s["sources"]) for s in json.loads(out)["stories"]] == [2, 2]


def test_top_level_rules_with_stories_is_a_located_error(tmp_path: Path) -> None:
    project(tmp_path, 'rules = ["rules"]\n' + TABLES)
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    assert caught.value.location is not None
    assert caught.value.location.path == str(tmp_path / "factcheck.toml")
    assert caught.value.location.line == 1
    assert "stories" in caught.value.message


def test_a_story_name_must_be_a_word(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text(
        '[stories."a:b"]\nrules = ["r"]\nsources = ["s"]\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match="stories"):
        load_config(tmp_path)


def test_lint_picks_the_story_by_its_drafts_globs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES)
    code, out, _ = run(tmp_path, monkeypatch, capsys, "lint", "stories/beta/drafts/draft.md")
    assert code == 1
    assert "[beta:total]" in out and "[alpha:total]" not in out


def test_a_draft_of_two_stories_is_linted_against_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "both.md").write_text(
        "The deal is worth $7 million.\n<!-- factcheck: ignore beta:total -->\n"
        "The budget deal is worth $8 million.\n",
        encoding="utf-8",
    )
    code, out, _ = run(tmp_path, monkeypatch, capsys, "lint", "shared/both.md")
    assert code == 1
    lines = [line for line in out.splitlines() if " FC101 " in line]
    assert [(line.split()[3], line.split(":")[1]) for line in lines] == [
        ("[alpha:total]", "1"),
        ("[beta:total]", "1"),
        ("[alpha:total]", "3"),
    ]
    assert "(2 suppressed)" in out  # beta's FC101 and FC206 on line 3
    assert "unused suppression" not in out  # used by beta's pass, not alpha's


def test_a_draft_of_no_story_is_an_error_naming_the_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES)
    (tmp_path / "loose.md").write_text("The deal is worth $7 million.\n", encoding="utf-8")
    code, _, err = run(tmp_path, monkeypatch, capsys, "lint", "loose.md")
    assert code == 2 and "alpha" in err and "beta" in err
    code, out, _ = run(tmp_path, monkeypatch, capsys, "lint", "loose.md", "--story", "alpha")
    assert code == 1 and "[alpha:total]" in out
    source = "stories/alpha/sources/alpha1.txt"
    code, out, _ = run(tmp_path, monkeypatch, capsys, "lint", "--only-drafts", source)
    assert code == 0 and out == ""  # the pre-commit hook never lints sources


def test_only_drafts_without_stories_skips_the_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path)
    config = '[tool.factcheck]\nrules = ["stories/alpha/rules.yaml"]\n'
    config += 'sources = ["stories/alpha/sources"]\n'
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    source = "stories/alpha/sources/alpha1.txt"
    code, out, _ = run(tmp_path, monkeypatch, capsys, "lint", "--only-drafts", source)
    assert code == 0 and out == ""
    draft = "stories/alpha/drafts/draft.md"
    code, out, _ = run(tmp_path, monkeypatch, capsys, "lint", "--only-drafts", draft)
    assert code == 1 and "[total]" in out  # no stories: bare ids, as before


def test_explain_needs_an_unambiguous_claim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES)
    code, _, err = run(tmp_path, monkeypatch, capsys, "explain", "--claim", "total")
    assert code == 2 and "alpha:total or beta:total" in err
    code, out, _ = run(tmp_path, monkeypatch, capsys, "explain", "--claim", "beta:total")
    assert code == 0 and "$9 million" in out and "$5 million" not in out


def test_test_rules_names_examples_by_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES)
    code, _, err = run(tmp_path, monkeypatch, capsys, "test-rules", "--strict")
    assert code == 1
    assert "'alpha:total' has no examples" in err and "'beta:total' has no examples" in err


def test_pick_claim_and_select() -> None:
    claims: dict[str | None, list[str]] = {"alpha": ["total", "date"], "beta": ["total"]}
    assert pick_claim("date", claims) == ("alpha", "date")
    assert pick_claim("beta:total", claims) == ("beta", "total")
    with pytest.raises(InputError, match="several stories"):
        pick_claim("total", claims)
    with pytest.raises(InputError, match="did you mean 'date'"):
        pick_claim("alpha:dat", claims)
    with pytest.raises(InputError, match="no stories are configured|no story"):
        select(configured_stories(load_config(Path("/"))), ["alpha"])


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("/n/drafts/*.md", "/n/drafts/a.md", True),
        ("/n/drafts/*.md", "/n/drafts/sub/a.md", False),
        ("/n/drafts/**", "/n/drafts/sub/a.md", True),
        ("/n/drafts/**/*.md", "/n/drafts/a.md", True),
        ("/n/drafts/?.md", "/n/drafts/ab.md", False),
        ("/n/dr.fts/*.md", "/n/drafts/a.md", False),
    ],
)
def test_glob_regex(pattern: str, path: str, matches: bool) -> None:
    assert bool(glob_regex(pattern).fullmatch(path)) is matches


def test_a_suppression_names_a_story_claim_or_a_bare_id() -> None:
    qualified, bare = parse("x <!-- factcheck: ignore beta:total -->\ny factcheck: ignore[total]")
    assert qualified.applies(1, "beta:total") and not qualified.applies(1, "alpha:total")
    assert bare.applies(2, "alpha:total") and bare.applies(2, "total")


def test_suggest_reads_one_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES)
    code, _, err = run(tmp_path, monkeypatch, capsys, "suggest")
    assert code == 2 and "--story" in err and "alpha, beta" in err
    # --story reads that story's sources (and so refuses to write into them)
    for story, refused in (("beta", True), ("alpha", False)):
        args = ("suggest", "--story", story, "-o", "stories/beta/sources/new.txt")
        code, _, err = run(tmp_path, monkeypatch, capsys, *args)
        assert code == 2 and ("one of the inputs" in err) is refused


def test_a_story_named_index_keeps_the_index_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path, TABLES.replace("[stories.beta]", "[stories.index]"))
    code, _, _ = run(tmp_path, monkeypatch, capsys, "check", "--format", "html", "-o", "out")
    assert code == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["alpha.html", "index.html", "story-index.html"]
    assert "factcheck: 2 stories" in (tmp_path / "out" / "index.html").read_text("utf-8")
