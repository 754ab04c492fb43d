"""HTML reports: structure, escaping, evidence and determinism, parsed with html.parser."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck import api
from factcheck.cli.main import main
from factcheck.lint.model import LintReport
from factcheck.report.check.html import render_page
from factcheck.report.lint.html import render_page as render_lint_page
from factcheck.results import CheckReport
from tests.conftest import ROOT

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
EVIL = "<script>alert('x')</script>"
DRAFT = ROOT / "examples" / "drafts" / "openai-mistakes.md"


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def all(self, tag: str, cls: str | None = None, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if n.tag == tag
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def one(self, tag: str, cls: str | None = None, **attrs: str) -> Node:
        found = self.all(tag, cls, **attrs)
        assert len(found) == 1, (tag, cls, attrs, len(found))
        return found[0]


class Tree(HTMLParser):
    """A strict little DOM: every end tag must close the innermost open element."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.feed(markup)
        self.close()
        assert self.stack == [self.root], [n.tag for n in self.stack]
        self.by_id: dict[str, Node] = {}
        for node in self.root.iter():
            if "id" in node.attrs:
                assert node.attrs["id"] not in self.by_id, f"duplicate id {node.attrs['id']}"
                self.by_id[node.attrs["id"]] = node

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def conflict_corpus(base: Path) -> tuple[Path, Path]:
    """Four sources on one claim: two agree, one conflicts (and holds a script tag), one silent."""
    rules = base / "rules.yaml"
    rules.write_text(
        textwrap.dedent("""\
        claims:
          - id: aws-deal-value
            description: Value of the <b>AWS</b> deal & "more".
            type: money
            cues: [deal with AWS]
        """),
        encoding="utf-8",
    )
    sources = base / "sources"
    sources.mkdir()
    (sources / "alpha.txt").write_text(
        "OpenAI signed a $38 billion deal with AWS in 2025.\nIt was big.\n", encoding="utf-8"
    )
    (sources / "beta.txt").write_text(
        "Line one.\nThe $38 billion deal with AWS was confirmed.\n", encoding="utf-8"
    )
    (sources / "gamma.txt").write_text(
        f"Intro {EVIL} here.\nReports put the deal with AWS at $40 billion.\n", encoding="utf-8"
    )
    (sources / "delta.txt").write_text("Nothing about it.\n", encoding="utf-8")
    (sources / "sources.yaml").write_text(
        "gamma:\n  title: '<img src=x onerror=alert(1)>'\n  outlet: 'A & B \"Wire\"'\n",
        encoding="utf-8",
    )
    return rules, sources


@pytest.fixture
def conflict(tmp_path: Path) -> CheckReport:
    rules, sources = conflict_corpus(tmp_path)
    return api.check([rules], [sources])


@pytest.fixture(scope="module")
def seeds() -> CheckReport:
    return api.check([ROOT / "rules"], [ROOT / "seeds"])


@pytest.fixture(scope="module")
def mistakes() -> LintReport:
    return api.lint([DRAFT], [ROOT / "rules"], [ROOT / "seeds"])


def test_self_contained_and_well_formed(conflict: CheckReport) -> None:
    tree = Tree(render_page(conflict))
    root = tree.root
    assert [n.attrs.get("src") for n in root.all("script")] == [None]
    assert not root.all("link") and not root.all("img") and not root.all("iframe")
    urls = [n.attrs.get(a, "") for n in root.iter() for a in ("href", "src", "action")]
    assert all(u == "" or u.startswith("#") for u in urls), urls
    assert (
        "default-src 'none'"
        in root.one("meta", http_equiv="Content-Security-Policy").attrs["content"]
    )


def test_source_and_rule_text_render_as_text(conflict: CheckReport) -> None:
    markup = render_page(conflict)
    tree = Tree(markup)
    assert len(tree.root.all("script")) == 1  # ours only: the source's script is text
    assert EVIL not in markup and "<b>AWS</b>" not in markup and "<img" not in markup
    gamma = next(n for n in tree.root.all("details", "source") if "gamma" in n.text())
    assert EVIL in gamma.text()
    assert 'Value of the <b>AWS</b> deal & "more".' in tree.root.one("tbody").text()
    assert tree.root.one("th", title="<img src=x onerror=alert(1)>").text().endswith('A & B "Wire"')


def test_matrix_cells_summary_and_legend(conflict: CheckReport) -> None:
    tree = Tree(render_page(conflict))
    grid = tree.by_id["matrix"]
    assert grid.attrs["role"] == "grid"
    assert [th.all("span", "mono")[0].text() for th in grid.all("th", scope="col")[1:]] == [
        s.id for s in conflict.sources
    ]
    cells = grid.all("button", "cell")
    assert len(cells) == len(conflict.claims) * len(conflict.sources)
    assert [c.attrs["tabindex"] for c in cells].count("0") == 1  # one tab stop: roving focus
    statuses = {s.source: s.status for s in conflict.claims[0].sources}
    assert statuses == {
        "alpha": "agrees",
        "beta": "agrees",
        "gamma": "conflicts",
        "delta": "silent",
    }
    for cell, source in zip(cells, conflict.sources, strict=True):
        status = statuses[source.id]
        text = cell.text()
        assert status in text and ("✔" in text or "✘" in text or "○" in text)  # not colour only
        assert source.id in cell.attrs["aria-label"]
        assert cell.attrs["data-evidence"] in tree.by_id
    gamma = cells[[s.id for s in conflict.sources].index("gamma")]
    assert "$40 billion" in gamma.text() and "✘" in gamma.text()
    summary = {
        li.text().split()[-1]: int(li.text().split()[-2])
        for li in tree.root.one("ul", "summary").all("li")
    }
    assert summary == {"agree": 0, "conflict": 1, "single": 0, "silent": 0}
    assert conflict.summary == {**summary, "expect_mismatch": 0}  # no chip for none
    legend = tree.root.one("ul", "legend").text()
    assert all(word in legend for word in ("agrees", "conflicts", "single", "silent"))


def test_conflict_evidence_quote_cue_and_source_link(conflict: CheckReport) -> None:
    tree = Tree(render_page(conflict))
    cell = next(c for c in tree.by_id["matrix"].all("button", "cell") if "conflicts" in c.text())
    evidence = tree.by_id[cell.attrs["data-evidence"]]
    assert "hidden" in evidence.attrs and evidence in tree.by_id["panel"].iter()
    mention = next(s for s in conflict.claims[0].sources if s.source == "gamma").mentions[0]
    quote = evidence.one("blockquote")
    assert quote.text() == mention.quote == "Reports put the deal with AWS at $40 billion."
    assert [m.text() for m in quote.all("mark", "val")] == ["$40 billion"]
    assert [m.text() for m in quote.all("mark", "cue")] == ["deal with AWS"]
    assert f"Line {mention.line}, column {mention.column}" in evidence.text()
    link = evidence.one("a", "to-source")
    target = tree.by_id[link.attrs["href"][1:]]
    assert target.tag == "mark" and target.text() == "$40 billion"
    line = tree.by_id[f"{link.attrs['href'][1:].split('-m')[0]}-L{mention.line}"]
    assert target in line.iter()


def test_full_texts_mark_every_bound_value(seeds: CheckReport) -> None:
    tree = Tree(render_page(seeds))
    for c, source in enumerate(seeds.sources):
        bound = Counter(
            m.text
            for claim in seeds.claims
            for s in claim.sources
            if s.source == source.id
            for m in s.mentions
        )
        box = tree.by_id[f"src-{c}"]
        marks = Counter(m.text() for m in box.all("mark", "bound"))
        assert marks == bound, source.id
        lines = box.all("span", "ln")
        text = Path(source.path).read_text(encoding="utf-8")
        assert len(lines) == text.count("\n") + 1
        assert "\n".join(ln.text() for ln in lines) == text


def test_every_quote_matches_the_report(seeds: CheckReport) -> None:
    tree = Tree(render_page(seeds))
    column = {s.id: c for c, s in enumerate(seeds.sources)}
    checked = 0
    for r, claim in enumerate(seeds.claims):
        for source in claim.sources:
            evidence = tree.by_id[f"ev-{r}-{column[source.source]}"]
            quotes = evidence.all("blockquote")
            assert [q.text() for q in quotes] == [m.quote for m in source.mentions]
            for quote, mention in zip(quotes, source.mentions, strict=True):
                assert [m.text() for m in quote.all("mark", "val")] == [
                    " ".join(mention.text.split())
                ]
                checked += 1
    assert checked >= 15


def test_seed_page_rows_and_determinism(seeds: CheckReport) -> None:
    first, second = render_page(seeds), render_page(seeds)
    assert first == second
    rows = Tree(first).by_id["matrix"].one("tbody").all("tr")
    assert [r.one("span", "claim-id").text() for r in rows] == [c.id for c in seeds.claims]


def test_missing_source_file_falls_back_to_the_quote(conflict: CheckReport, tmp_path: Path) -> None:
    for path in (tmp_path / "sources").glob("*.txt"):
        path.unlink()
    tree = Tree(render_page(conflict))
    cell = next(c for c in tree.by_id["matrix"].all("button", "cell") if "conflicts" in c.text())
    quote = tree.by_id[cell.attrs["data-evidence"]].one("blockquote")
    assert quote.text() == "Reports put the deal with AWS at $40 billion."
    assert [m.text() for m in quote.all("mark", "val")] == ["$40 billion"]
    assert "could not be read" in tree.by_id["src-0"].text()


def test_lint_page_underlines_findings_and_lists_them_by_level(mistakes: LintReport) -> None:
    tree = Tree(render_lint_page(mistakes))
    section = tree.by_id["draft-0"]
    marks = section.all("mark", "lint")
    assert {m.attrs["title"].split()[0] for m in marks} >= {"FC101", "FC203", "FC202"}
    dollars = next(m for m in marks if m.text() == "$40 billion")
    assert "error" in dollars.classes and dollars.attrs["data-findings"] == "0 1"
    assert dollars.attrs["aria-describedby"] == "item-0 item-1"
    nav = section.one("nav", "findings")
    headings = [h.text() for h in nav.all("h3")]
    assert headings == ["Errors (3)", "Warnings (7)", "Suppressed (2)"]
    items = nav.all("li", "finding")
    assert len(items) == len(mistakes.findings) + len(mistakes.suppressed)
    levels = [next(lv for lv in ("error", "warning", "info") if lv in i.classes) for i in items]
    assert levels == sorted(levels[:10], key=("error", "warning").index) + ["error", "warning"]
    for item in nav.all("li", "finding"):
        href = item.all("a")[0].attrs["href"][1:]
        assert href in tree.by_id, href
    lines = section.all("span", "ln")
    assert "\n".join(ln.text() for ln in lines) == DRAFT.read_text(encoding="utf-8")
    assert tree.by_id["d0-at134"].text() == "$40 billion"


def test_lint_page_escapes_the_draft(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(f"{EVIL}\n\nRevenue chief Mark Chen & co said <b>hi</b>.\n", encoding="utf-8")
    report = api.lint([draft], [ROOT / "rules"], [ROOT / "seeds"])
    markup = render_lint_page(report)
    tree = Tree(markup)
    assert len(tree.root.all("script")) == 1 and "<b>hi</b>" not in markup
    assert EVIL in tree.by_id["draft-0"].text()
    assert [m.text() for m in tree.root.all("mark", "lint")] == ["Mark Chen"]


@pytest.mark.parametrize(
    "command",
    [
        lambda out: [
            "check",
            "--rules",
            str(ROOT / "rules"),
            "--sources",
            str(ROOT / "seeds"),
            "--format",
            "html",
            "-o",
            str(out),
        ],
        lambda out: [
            "lint",
            str(DRAFT),
            "--rules",
            str(ROOT / "rules"),
            "--sources",
            str(ROOT / "seeds"),
            "--format",
            "html",
            "-o",
            str(out),
        ],
    ],
    ids=["check", "lint"],
)
def test_cli_writes_the_page(
    command: Callable[[Path], list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    code = main(command(out))
    assert code in (0, 1) and capsys.readouterr().out == ""
    markup = out.read_text(encoding="utf-8")
    assert markup.startswith("<!DOCTYPE html>") and markup.endswith("</html>\n")
    Tree(markup)


def test_the_cue_marked_is_the_one_the_binder_used() -> None:
    """The panel marks the cue span the evidence carries, not another copy of the words."""
    from factcheck.report.check.html import quote_html
    from factcheck.results import MentionOut

    text = "The deal, a deal with AWS, is worth $38 billion in all."
    value = text.index("$38 billion")
    first, second = text.index("deal"), text.index("deal", text.index("deal") + 1)
    for cue_start in (first, second):
        mention = MentionOut(
            text="$38 billion",
            value=38e9,
            unit="USD",
            qualifier=None,
            start=value,
            end=value + len("$38 billion"),
            line=1,
            column=value + 1,
            quote=text,
            cue="deal",
            sentence_start=0,
            sentence_end=len(text),
            cue_start=cue_start,
            cue_end=cue_start + 4,
            cue_text="deal",
        )
        marked = quote_html(text, mention)
        before = marked.split('<mark class="cue">deal</mark>')[0]
        assert before.count("deal") == (0 if cue_start == first else 1)
        assert '<mark class="val">$38 billion</mark>' in marked
        # Without the text, the quote's own words are marked: the value, and a cue
        # copy that is not part of it.
        assert '<mark class="cue">deal</mark>' in quote_html(None, mention)


def unpacked(tree: Tree, template_id: str) -> Tree:
    """A packed template's markup (base64 of zlib-deflated HTML), parsed."""
    import base64
    import zlib

    data = tree.by_id[template_id].text()
    return Tree(zlib.decompress(base64.b64decode(data)).decode("utf-8"))


@pytest.fixture
def packed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of more than two sources are laid out as an archive's."""
    from factcheck.report.check import html_layout

    monkeypatch.setattr(html_layout, "INLINE_SOURCES", 2)


@pytest.mark.usefixtures("packed")
def test_a_large_page_shows_notable_columns_and_packs_evidence_and_texts(
    conflict: CheckReport,
) -> None:
    markup = render_page(conflict)
    tree = Tree(markup)
    grid = tree.by_id["matrix"]
    heads = [th.all("span", "mono")[0].text() for th in grid.all("th", scope="col")[1:]]
    assert heads == ["gamma"]  # the one source that conflicts
    cell = grid.one("button", "cell")
    assert cell.attrs["data-c"] == str([s.id for s in conflict.sources].index("gamma"))
    assert cell.attrs["tabindex"] == "0"
    counts = grid.one("span", "counts").text()
    assert counts == "2 agree · 1 conflict · 1 silent"
    assert "columns-note" in markup and "<blockquote" not in markup  # evidence is packed
    evidence = unpacked(tree, "z-ev-0")
    block = evidence.by_id[cell.attrs["data-evidence"]]
    assert block.one("blockquote").text() == "Reports put the deal with AWS at $40 billion."
    boxes = tree.root.all("details", "source")
    assert [b.attrs["data-z"] for b in boxes] == ["z-src-0"] * len(conflict.sources)
    texts = unpacked(tree, "z-src-0")
    gamma = f"src-{[s.id for s in conflict.sources].index('gamma')}"
    body = next(n for n in texts.root.all("div", "text-body") if n.attrs["data-for"] == gamma)
    assert EVIL in body.text() and not texts.root.all("script")  # packed text is escaped too
    assert [m.text() for m in body.all("mark", "bound")] == ["$40 billion"]
    assert render_page(conflict) == markup  # packing is deterministic


@pytest.mark.usefixtures("packed")
def test_a_large_page_caps_its_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.report.check import html_layout

    rules, sources = conflict_corpus(tmp_path)
    (sources / "epsilon.txt").write_text("The deal with AWS came to $41 billion.\n", "utf-8")
    monkeypatch.setattr(html_layout, "MAX_COLUMNS", 1)
    tree = Tree(render_page(api.check([rules], [sources])))
    assert len(tree.by_id["matrix"].all("th", scope="col")) == 1 + 1  # claim, one source
    assert (
        "Columns: 1 of the 5 sources (the first 1 of 2 such)"
        in tree.root.one("p", "columns-note").text()
    )


def test_the_streamed_page_is_the_report_page(tmp_path: Path) -> None:
    """From a run (the command line's path, evidence read back as it is written) and from
    the report's models, the same bytes; the story's title heads the page."""
    import io

    from factcheck.report.check.html import render

    with api.run_check([ROOT / "rules"], [ROOT / "seeds"], spill_after=0) as run:
        streamed = io.StringIO()
        render(run, streamed)
        report, title = run.report(), run.title
    assert title and streamed.getvalue() == render_page(report, title=title)
    tree = Tree(streamed.getvalue())
    assert tree.root.one("h1").text() == title
    assert tree.root.one("title").text() == f"{title} · factcheck"


def test_small_page_keeps_every_column_and_a_compact_legend(seeds: CheckReport) -> None:
    tree = Tree(render_page(seeds))
    assert not tree.root.all("template")
    box = tree.root.one("details", "legend-box")
    assert "open" not in box.attrs  # folded: one line of badges
    assert [b.text().split()[-1] for b in box.one("summary").all("span", "badge")] == [
        "agrees",
        "conflicts",
        "single",
        "self-conflict",
        "silent",
    ]
    rows = tree.by_id["matrix"].one("tbody").all("tr")
    assert [r.attrs["data-status"] for r in rows] == [c.status for c in seeds.claims]
    assert tree.by_id["toolbar"].attrs.get("hidden") == ""  # the script shows it


def test_the_command_line_page_is_streamed_from_the_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The page is written from the run's verdicts, never from a whole report's models
    (they are what made a 2,000-source page peak at half a gigabyte)."""
    from factcheck.run.outcome import CheckRun

    def no_report(self: CheckRun) -> CheckReport:
        raise AssertionError("the HTML renderer built the whole report")

    monkeypatch.setattr(CheckRun, "report", no_report)
    out = tmp_path / "report.html"
    args = ["check", "--rules", str(ROOT / "rules"), "--sources", str(ROOT / "seeds")]
    assert main([*args, "--format", "html", "-o", str(out)]) == 0
    tree = Tree(out.read_text(encoding="utf-8"))
    assert tree.root.one("h1").text().startswith("OpenAI deepens ties with Amazon")
