"""The HTML reports in a real headless browser: Debian's chromium driven by Playwright.

Opens the pages from file:// URLs with the network out of reach, reaches a
conflict cell by keyboard and by mouse, and checks that the panel shows the
quote and its line. Screenshots are kept under ``build/`` for a human look.
Skipped, with the reason, only where playwright or a chromium is missing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck import api
from factcheck.report.check.html import render_page
from factcheck.report.lint.html import render_page as render_lint_page
from factcheck.results import CheckReport
from tests.conftest import ROOT
from tests.test_html_report import DRAFT, EVIL, conflict_corpus

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)

BROWSERS = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = ROOT / "build"


def _executable() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _executable()
    if executable is None:
        pytest.skip("no chromium found (apt-get install -y chromium); never `playwright install`")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield launched
        launched.close()


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 900}


def _page(browser: Any, viewport: dict[str, int]) -> Iterator[Any]:
    """A page at ``viewport`` that may reach nothing but file: URLs and must log no error."""
    context = browser.new_context(viewport=viewport, has_touch=viewport == PHONE)
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    def only_local(route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    yield page
    context.close()
    assert errors == [] and outside == []


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    yield from _page(browser, DESKTOP)


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    yield from _page(browser, PHONE)


def _shot(page: Any, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=full_page)


def _open(page: Any, markup: str, path: Path) -> None:
    path.write_text(markup, encoding="utf-8")
    page.goto(path.as_uri())


def _conflict_cell(report: CheckReport) -> tuple[int, int, Any]:
    column = {s.id: c for c, s in enumerate(report.sources)}
    for r, claim in enumerate(report.claims):
        for source in claim.sources:
            if source.status == "conflicts":
                return r, column[source.source], source.mentions[0]
    raise AssertionError("no conflict in the corpus")


@pytest.fixture
def conflict(tmp_path: Path) -> CheckReport:
    rules, sources = conflict_corpus(tmp_path)
    return api.check([rules], [sources])


def _assert_panel(page: Any, mention: Any) -> None:
    panel = page.locator("#panel")
    sync_api.expect(panel).to_be_visible()
    evidence = panel.locator(".evidence:visible")
    sync_api.expect(evidence).to_have_count(1)
    sync_api.expect(evidence.locator("blockquote")).to_have_text(mention.quote)
    sync_api.expect(evidence.locator(".where")).to_contain_text(f"Line {mention.line}")
    sync_api.expect(evidence.locator("blockquote mark.val")).to_have_text(mention.text)


def test_keyboard_reaches_the_conflict_cell(
    page: Any, conflict: CheckReport, tmp_path: Path
) -> None:
    r, c, mention = _conflict_cell(conflict)
    _open(page, render_page(conflict), tmp_path / "report.html")
    for _ in range(10):  # Tab until the matrix has focus (skip link first)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cell')"):
            break
    assert (
        page.evaluate("document.activeElement.dataset.r + ',' + document.activeElement.dataset.c")
        == "0,0"
    )
    for _ in range(r):
        page.keyboard.press("ArrowDown")
    for _ in range(c):
        page.keyboard.press("ArrowRight")
    cell = page.locator(f'button.cell[data-r="{r}"][data-c="{c}"]')
    sync_api.expect(cell).to_be_focused()
    sync_api.expect(page.locator("#panel")).to_be_hidden()
    page.keyboard.press("Enter")
    _assert_panel(page, mention)
    sync_api.expect(cell).to_have_attribute("aria-expanded", "true")
    _shot(page, "html-report-conflict.png")
    page.keyboard.press("Escape")
    sync_api.expect(page.locator("#panel")).to_be_hidden()
    sync_api.expect(cell).to_be_focused()
    page.keyboard.press(" ")  # Space opens too
    _assert_panel(page, mention)


def test_click_opens_the_evidence_and_the_full_text(
    page: Any, conflict: CheckReport, tmp_path: Path
) -> None:
    r, c, mention = _conflict_cell(conflict)
    _open(page, render_page(conflict), tmp_path / "report.html")
    page.locator(f'button.cell[data-r="{r}"][data-c="{c}"]').click()
    _assert_panel(page, mention)
    page.locator("#panel .evidence:visible a.to-source").click()
    target = page.locator(f"#src-{c} mark.bound", has_text=mention.text)
    sync_api.expect(target).to_be_visible()
    sync_api.expect(target).to_be_in_viewport()
    assert page.evaluate("location.hash") == f"#src-{c}-m0"
    sync_api.expect(page.locator(f"#src-{c}")).to_contain_text(EVIL)  # text, not a script
    page.locator("#panel-close").click()
    sync_api.expect(page.locator("#panel")).to_be_hidden()


def test_seed_report_and_lint_page(page: Any, tmp_path: Path) -> None:
    seeds = api.check([ROOT / "rules"], [ROOT / "seeds"])
    _open(page, render_page(seeds), tmp_path / "seeds.html")
    sync_api.expect(page.locator("#matrix tbody tr")).to_have_count(len(seeds.claims))
    cell = page.locator('button.cell[data-r="0"][data-c="3"]')
    cell.click()
    _assert_panel(page, seeds.claims[0].sources[3].mentions[0])
    _shot(page, "html-report-seeds.png")
    page.emulate_media(media="print")  # the panel becomes an appendix of all evidence
    stating = sum(s.status != "silent" for claim in seeds.claims for s in claim.sources)
    sync_api.expect(page.locator("#panel .evidence:visible")).to_have_count(stating)
    sync_api.expect(page.locator("#panel-close")).to_be_hidden()
    sync_api.expect(page.locator("section.sources")).to_be_hidden()
    page.emulate_media(media="screen")

    report = api.lint([DRAFT], [ROOT / "rules"], [ROOT / "seeds"])
    _open(page, render_lint_page(report), tmp_path / "lint.html")
    mark = page.locator("mark.lint", has_text="$40 billion")
    mark.focus()
    page.keyboard.press("Enter")
    sync_api.expect(page.locator("#item-0")).to_have_class("finding error current")
    sync_api.expect(page.locator("#item-1")).to_have_class("finding error current")
    page.keyboard.press("Escape")
    sync_api.expect(page.locator("li.current")).to_have_count(0)
    page.locator("#item-2 a").click()
    sync_api.expect(page.locator("mark.lint", has_text="$50 billion")).to_be_in_viewport()
    _shot(page, "html-lint.png")


def test_phone_folds_the_legend_and_keeps_the_claim_column(phone: Any, tmp_path: Path) -> None:
    seeds = api.check([ROOT / "rules"], [ROOT / "seeds"])
    _open(phone, render_page(seeds), tmp_path / "seeds.html")
    sync_api.expect(phone.locator("ul.legend")).to_be_hidden()  # folded to a line of badges
    badges = phone.locator(".legend-box summary")
    assert badges.bounding_box()["height"] < 100
    _shot(phone, "html-report-phone.png", full_page=False)
    wrap = phone.locator(".matrix-wrap")
    claim = phone.locator("#matrix tbody th").first
    left = claim.bounding_box()["x"]
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    last = phone.locator('button.cell[data-r="0"]').last
    sync_api.expect(last).to_be_in_viewport()
    assert abs(claim.bounding_box()["x"] - left) < 1  # sticky: the claim stays in view
    sync_api.expect(claim).to_be_in_viewport()
    last.tap()
    _assert_panel(phone, seeds.claims[0].sources[-1].mentions[0])
    _shot(phone, "html-report-phone-evidence.png", full_page=False)
    phone.locator("#panel-close").tap()
    sync_api.expect(phone.locator("#panel")).to_be_hidden()


@pytest.fixture
def packed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of more than two sources are laid out as an archive's, listing two a page."""
    from factcheck.report.check import html_layout

    monkeypatch.setattr(html_layout, "INLINE_SOURCES", 2)
    monkeypatch.setattr(html_layout, "LIST_PAGE", 2)


@pytest.mark.usefixtures("packed")
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_packed_page_inflates_evidence_and_texts(
    browser: Any, conflict: CheckReport, tmp_path: Path, size: str
) -> None:
    r, c, mention = _conflict_cell(conflict)
    for page in _page(browser, DESKTOP if size == "desktop" else PHONE):
        _open(page, render_page(conflict), tmp_path / "packed.html")
        assert page.locator("template").count() == 2  # the claim's evidence, the texts
        cell = page.locator(f'button.cell[data-r="{r}"][data-c="{c}"]')
        cell.focus()
        page.keyboard.press("Enter")
        _assert_panel(page, mention)
        sync_api.expect(cell).to_have_attribute("aria-expanded", "true")
        _shot(page, f"html-report-packed-{size}.png", full_page=False)
        page.locator("#panel .evidence:visible a.to-source").click()
        target = page.locator(f"#src-{c} mark.bound", has_text=mention.text)
        sync_api.expect(target).to_be_in_viewport()
        sync_api.expect(target).to_have_class("bound targeted")
        assert page.evaluate("location.hash") == f"#src-{c}-m0"
        sync_api.expect(page.locator(f"#src-{c}")).to_contain_text(EVIL)  # text, not a script
        page.keyboard.press("Escape")
        sync_api.expect(page.locator("#panel")).to_be_hidden()


@pytest.mark.usefixtures("packed")
def test_filter_search_and_source_pages(page: Any, conflict: CheckReport, tmp_path: Path) -> None:
    _open(page, render_page(conflict), tmp_path / "packed.html")
    rows, pager = page.locator("#matrix tbody tr:visible"), page.locator("#pager")
    sources = page.locator("details.source:visible")
    sync_api.expect(rows).to_have_count(1)
    sync_api.expect(pager).to_contain_text("Sources 1–2 of 4")
    sync_api.expect(sources).to_have_count(2)
    pager.get_by_role("button", name="Next").click()
    sync_api.expect(pager).to_contain_text("Sources 3–4 of 4")
    sync_api.expect(sources).to_have_count(2)
    page.locator("#filter").select_option("agree")
    sync_api.expect(rows).to_have_count(0)
    page.locator("#filter").select_option("conflict")
    sync_api.expect(rows).to_have_count(1)
    sync_api.expect(sources).to_have_count(1)  # only gamma conflicts
    sync_api.expect(sources).to_contain_text("gamma")
    page.locator("#filter").select_option("all")
    page.locator("#search").fill("delta")
    sync_api.expect(sources).to_have_count(1)
    sync_api.expect(rows).to_have_count(0)  # no claim mentions delta
    page.locator("#search").fill("aws-deal")
    sync_api.expect(rows).to_have_count(1)
    # gamma's entry names the claim it conflicts on
    sync_api.expect(page.locator("#shown")).to_have_text("1 of 1 claims, 1 of 4 sources")
    page.locator("#search").fill("")
    page.keyboard.press("Tab")  # the matrix keeps its one tab stop
    for _ in range(5):
        if page.evaluate("document.activeElement.classList.contains('cell')"):
            break
        page.keyboard.press("Tab")
    sync_api.expect(page.locator("button.cell").first).to_be_focused()


def test_arrow_keys_skip_filtered_rows(page: Any, tmp_path: Path) -> None:
    seeds = api.check([ROOT / "rules"], [ROOT / "seeds"])
    single = [r for r, claim in enumerate(seeds.claims) if claim.status == "single"]
    _open(page, render_page(seeds), tmp_path / "seeds.html")
    page.locator("#filter").select_option("single")
    sync_api.expect(page.locator("#matrix tbody tr:visible")).to_have_count(len(single))
    page.locator(f'button.cell[data-r="{single[0]}"][data-c="1"]').focus()
    page.keyboard.press("ArrowDown")
    sync_api.expect(page.locator(f'button.cell[data-r="{single[1]}"][data-c="1"]')).to_be_focused()
    page.keyboard.press("PageDown")
    last = page.locator(f'button.cell[data-r="{single[-1]}"][data-c="1"]')
    sync_api.expect(last).to_be_focused()
    page.keyboard.press("End")
    sync_api.expect(page.locator(f'button.cell[data-r="{single[-1]}"]').last).to_be_focused()
