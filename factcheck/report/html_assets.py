"""Inline CSS and JavaScript for the HTML reports (``check`` and ``lint``).

The pages are self-contained: no fonts, images, CDNs or network requests.
Colours reach WCAG AA contrast against their backgrounds, every status also
has an icon and a word, and a print stylesheet turns the evidence panel into
an appendix. The scripts are small and dependency-free; they toggle
``hidden``, classes and focus, filter and page, and never build markup from
data: the only markup they insert is a large page's own evidence and texts,
escaped by the renderer like the rest and packed (deflate, base64) to be
inflated with the browser's ``DecompressionStream`` when first asked for.
"""

from __future__ import annotations

CSS = """
:root { --fg: #1b1f24; --muted: #4b5563; --bg: #fff; --line: #c9ced6; --focus: #1a4fd6;
  --agree-bg: #e3f3e7; --agree-fg: #0b5d1e; --conflict-bg: #fde4e6; --conflict-fg: #8a1020;
  --single-bg: #fff1c2; --single-fg: #5f4500; --silent-bg: #f1f2f4; --silent-fg: #4b5563;
  --selfc-bg: #f1e6fd; --selfc-fg: #5b1a8a; --info-fg: #0b4f71; --info-bg: #e1f1fa; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); line-height: 1.45;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 80rem; padding: 1.25rem 1.5rem 3rem; }
body.panel-open main { margin-right: 30rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
code, pre, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: .9em; }
a { color: #0b48b8; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
[tabindex="-1"]:not(button):focus { outline: none; }
.muted { color: var(--muted); }
.summary { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0;
  margin: .5rem 0 1rem; }
.chip, .badge { display: inline-block; border: 1px solid currentColor; border-radius: .3rem;
  padding: .1rem .5rem; font-weight: 600; white-space: nowrap; }
.badge { font-size: .85em; padding: 0 .35rem; }
.agree, .agrees { background: var(--agree-bg); color: var(--agree-fg); }
.conflict, .conflicts { background: var(--conflict-bg); color: var(--conflict-fg); }
.single { background: var(--single-bg); color: var(--single-fg); }
.silent { background: var(--silent-bg); color: var(--silent-fg); }
.self-conflict { background: var(--selfc-bg); color: var(--selfc-fg); }
.changed, .superseded { background: var(--info-bg); color: var(--info-fg); }
.timeline { margin: .25rem 0 0; padding-left: 1.1rem; font-weight: normal; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.25rem; list-style: none; padding: 0;
  margin: .25rem 0 1rem; font-size: .9rem; }
.legend .badge { margin-right: .35rem; }
.matrix-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: .3rem; }
table.matrix { border-collapse: collapse; width: 100%; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: 0; vertical-align: top; }
.matrix thead th { background: #f6f7f9; padding: .4rem .5rem; text-align: left;
  font-size: .85rem; font-weight: 600; }
.matrix thead th .mono { display: block; word-break: break-all; }
.matrix th[scope=row] { text-align: left; padding: .45rem .6rem; min-width: 15rem;
  max-width: 24rem; font-weight: normal; background: #fbfbfc; }
.matrix th[scope=row], .matrix thead th:first-child { position: sticky; left: 0; z-index: 1;
  box-shadow: inset -2px 0 0 var(--line); }
.matrix thead th:first-child { z-index: 2; }
.counts { display: block; font-size: .8rem; color: var(--muted); margin-top: .15rem; }
.legend-box { margin: .25rem 0 .75rem; }
.legend-box > summary { cursor: pointer; font-weight: 600; }
.legend-box .badges { display: inline-flex; flex-wrap: wrap; gap: .3rem; font-weight: normal;
  vertical-align: middle; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center;
  margin: .5rem 0; }
.toolbar[hidden], .pager[hidden] { display: none; }
.toolbar select, .toolbar input, .pager button { font: inherit; margin-left: .35rem;
  padding: .2rem .4rem; border: 1px solid var(--line); border-radius: .3rem; }
.toolbar input { width: 16rem; max-width: 60vw; }
.pager { margin: .4rem 0; }
.columns-note { font-size: .9rem; color: var(--muted); }
.claim-id { font-weight: 700; }
.claim-desc { display: block; font-size: .85rem; color: var(--muted); margin-top: .15rem; }
.claim-meta { display: block; font-size: .85rem; margin-top: .2rem; }
.note { display: block; font-size: .8rem; color: var(--muted); font-style: italic; }
button.cell { display: block; width: 100%; margin: 0; border: 0; padding: .4rem .5rem;
  text-align: left; font: inherit; color: inherit; background: transparent; cursor: pointer; }
.matrix td.silent button.cell { color: var(--silent-fg); }
.matrix td:hover { box-shadow: inset 0 0 0 2px currentColor; }
.matrix td:has(button[aria-expanded=true]) { box-shadow: inset 0 0 0 3px var(--focus); }
button.cell:focus-visible { outline-offset: -3px; }
.cell .icon { font-weight: 700; margin-right: .25rem; }
.cell .value { font-weight: 700; }
.cell .said { display: block; font-size: .8rem; font-style: italic; }
.cell .status { display: block; font-size: .8rem; }
.matrix td.silent .status { display: inline; }
.matrix td.conflicts { box-shadow: inset 5px 0 0 var(--conflict-fg); }
.matrix td.self-conflict { box-shadow: inset 5px 0 0 var(--selfc-fg); }
.panel { position: fixed; top: 0; right: 0; bottom: 0; width: 30rem; max-width: 100%;
  overflow-y: auto; background: #fff; border-left: 2px solid var(--line);
  box-shadow: -4px 0 16px rgba(0,0,0,.12); padding: 1rem 1.25rem 2rem; z-index: 10; }
.panel-head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
.panel-head h2 { margin: 0; }
.close { font: inherit; border: 1px solid var(--line); background: #f6f7f9; border-radius: .3rem;
  padding: .2rem .6rem; cursor: pointer; }
.evidence h3 { margin-top: .25rem; }
.mention { border-top: 1px solid var(--line); padding-top: .6rem; margin-top: .6rem; }
.where { font-size: .9rem; font-weight: 600; }
blockquote.quote { margin: .4rem 0; padding: .4rem .7rem; border-left: 4px solid var(--line);
  background: #fafafa; }
mark.val { background: #ffe27a; color: #1b1f24; font-weight: 700; padding: 0 .1em;
  outline: 1px solid #8a6d00; }
mark.cue { background: none; color: inherit; text-decoration: underline 2px;
  text-underline-offset: 3px; font-style: italic; }
.key { font-size: .85rem; color: var(--muted); }
pre.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .5rem 0; padding: .5rem 0;
  background: #fafafa; border: 1px solid var(--line); border-radius: .3rem; }
pre.text .ln { display: block; padding: 0 .75rem 0 4.2rem; text-indent: -3.6rem; }
pre.text .ln::before { content: attr(data-n); display: inline-block; width: 3rem;
  margin-right: .6rem; text-align: right; color: var(--muted); text-indent: 0; }
pre.text .ln:target, pre.text .ln.targeted { background: #e8efff; }
mark.bound { background: #ffe27a; color: #1b1f24; outline: 1px solid #8a6d00; }
mark.bound:target, mark.bound.targeted { outline: 3px solid var(--focus); }
.tag { font-size: .72em; color: var(--muted); vertical-align: super; margin-left: .15em; }
details.source { border: 1px solid var(--line); border-radius: .3rem; margin: .5rem 0;
  padding: .3rem .7rem; }
details.source > summary { cursor: pointer; font-weight: 600; }
details.source > summary .muted { font-weight: normal; }
.lint-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1.25rem;
  align-items: start; }
@media (max-width: 40rem) {
  main { padding: .75rem .6rem 2rem; }
  h1 { font-size: 1.2rem; }
  .summary { gap: .3rem; margin: .3rem 0 .5rem; }
  .chip { padding: 0 .35rem; font-size: .85rem; }
  .matrix th[scope=row] { min-width: 8.5rem; max-width: 10.5rem; padding: .35rem .4rem; }
  .matrix th[scope=row] .claim-desc, .matrix th[scope=row] .note { display: none; }
  .claim-id { word-break: break-all; }
  .toolbar input { width: 11rem; }
  .hint { display: none; }
  .columns-note { font-size: .8rem; } }
@media (max-width: 60rem) { .lint-grid { grid-template-columns: 1fr; }
  .panel { width: 100%; top: auto; height: 60vh; border-left: 0;
    border-top: 2px solid var(--line); }
  body.panel-open main { margin-right: auto; margin-bottom: 60vh; } }
.lint { background: none; padding: 0; color: inherit; text-decoration-line: underline;
  text-decoration-thickness: 2px; text-underline-offset: 3px; cursor: pointer; }
.lint.error { text-decoration-style: wavy; text-decoration-color: var(--conflict-fg);
  background: var(--conflict-bg); }
.lint.warning { text-decoration-style: dashed; text-decoration-color: var(--single-fg);
  background: var(--single-bg); }
.lint.info { text-decoration-style: dotted; text-decoration-color: var(--info-fg);
  background: var(--info-bg); }
mark.lint:target, mark.lint.current { outline: 3px solid var(--focus); }
.lint.starts::before { font-size: .75em; font-weight: 700; vertical-align: super;
  margin-right: .1em; }
.lint.error.starts::before { content: "✘"; color: var(--conflict-fg); }
.lint.warning.starts::before { content: "⚠"; color: var(--single-fg); }
.lint.info.starts::before { content: "ℹ"; color: var(--info-fg); }
.findings { position: sticky; top: .5rem; max-height: calc(100vh - 1rem); overflow-y: auto; }
.findings ol { list-style: none; padding: 0; margin: 0; }
.findings li { border: 1px solid var(--line); border-left-width: 5px; border-radius: .3rem;
  padding: .4rem .6rem; margin: 0 0 .45rem; }
.findings li.error { border-left-color: var(--conflict-fg); }
.findings li.warning { border-left-color: var(--single-fg); border-left-style: dashed; }
.findings li.info { border-left-color: var(--info-fg); border-left-style: dotted; }
.findings li.suppressed { border-left-color: var(--line); color: var(--muted); }
.findings li.current { outline: 3px solid var(--focus); }
.level.error { color: var(--conflict-fg); background: var(--conflict-bg); }
.level.warning { color: var(--single-fg); background: var(--single-bg); }
.level.info { color: var(--info-fg); background: var(--info-bg); }
.sources-list { margin: .25rem 0 0 1rem; padding: 0; font-size: .85rem; }
.sources-list li { border: 0; padding: 0; margin: 0; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .4rem; z-index: 20; }
@media print {
  body { font-size: 10.5pt; }
  main, body.panel-open main { max-width: none; margin: 0; padding: 0; }
  .panel, .panel[hidden] { display: block; position: static; width: auto; box-shadow: none;
    border: 0; padding: 0; overflow: visible; }
  .panel .close, .skip, .no-print, .sources { display: none !important; }
  .evidence[hidden] { display: block; }
  .evidence.is-silent, .evidence.is-silent[hidden] { display: none; }
  .evidence { break-inside: avoid; border-top: 1px solid #999; }
  .matrix-wrap { overflow: visible; border: 0; }
  .matrix { font-size: 9pt; }
  .matrix th[scope=row], .matrix thead th:first-child { position: static; }
  tbody tr[hidden] { display: table-row; }
  thead { display: table-header-group; }
  tr, .findings li { break-inside: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .lint-grid { display: block; }
  .findings { position: static; max-height: none; overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
"""

NOSCRIPT_CSS = """
.panel, .panel[hidden], .evidence[hidden] { display: block; position: static; width: auto;
  box-shadow: none; border: 0; }
.panel .close { display: none; }
"""

CHECK_JS = r"""
(function () {
  "use strict";
  var grid = document.getElementById("matrix");
  var panel = document.getElementById("panel");
  var title = document.getElementById("panel-title");
  var current = null, unpacking = {};
  if (!grid || !panel) { return; }
  function each(list, f) { Array.prototype.forEach.call(list, f); }
  /* Packed markup (a large page's evidence and texts): base64 of deflated HTML that the
     page itself escaped, inflated once, when first asked for. */
  function unpack(id, place) {
    if (!unpacking[id]) {
      var packed = document.getElementById(id);
      if (!packed) { return Promise.resolve(); }
      var bytes = Uint8Array.from(atob(packed.content.textContent.trim()),
        function (ch) { return ch.charCodeAt(0); });
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
      unpacking[id] = new Response(stream).text().then(function (markup) {
        place(markup);
        packed.remove();
      });
    }
    return unpacking[id];
  }
  function rows() {
    return Array.prototype.filter.call(grid.tBodies[0].rows, function (tr) { return !tr.hidden; });
  }
  function cellsOf(tr) { return tr ? tr.querySelectorAll("button.cell") : []; }
  function moveTo(cell) {
    if (!cell) { return; }
    each(grid.querySelectorAll("button.cell"), function (c) { c.tabIndex = -1; });
    cell.tabIndex = 0;
    cell.focus();
  }
  function close() {
    if (panel.hidden) { return; }
    panel.hidden = true;
    document.body.classList.remove("panel-open");
    if (current) {
      current.setAttribute("aria-expanded", "false");
      current.focus();
    }
  }
  function show(cell) {
    var block = document.getElementById(cell.getAttribute("data-evidence"));
    if (!block) { return; }
    each(panel.querySelectorAll(".evidence"), function (b) { b.hidden = true; });
    if (current) { current.setAttribute("aria-expanded", "false"); }
    current = cell;
    moveTo(cell);
    cell.setAttribute("aria-expanded", "true");
    block.hidden = false;
    panel.hidden = false;
    document.body.classList.add("panel-open");
    title.focus();
  }
  function open(cell) {
    unpack("z-ev-" + cell.getAttribute("data-r"), function (markup) {
      panel.insertAdjacentHTML("beforeend", markup);
    }).then(function () { show(cell); });
  }
  grid.addEventListener("click", function (event) {
    var cell = event.target.closest("button.cell");
    if (cell) { open(cell); }
  });
  grid.addEventListener("keydown", function (event) {
    var cell = event.target.closest("button.cell");
    if (!cell) { return; }
    var all = rows(), r = all.indexOf(cell.closest("tr"));
    var c = Array.prototype.indexOf.call(cellsOf(all[r]), cell);
    var moves = { ArrowRight: [r, c + 1], ArrowLeft: [r, c - 1], ArrowDown: [r + 1, c],
      ArrowUp: [r - 1, c], Home: [r, 0], End: [r, cellsOf(all[r]).length - 1],
      PageUp: [0, c], PageDown: [all.length - 1, c] };
    var to = moves[event.key];
    if (to) { event.preventDefault(); moveTo(cellsOf(all[to[0]])[to[1]]); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { close(); }
  });
  document.getElementById("panel-close").addEventListener("click", close);

  /* Source texts: a packed one is inflated when its box opens or a link points into it. */
  function placeTexts(markup) {
    var holder = document.createElement("template");
    holder.innerHTML = markup;
    each(holder.content.querySelectorAll(".text-body"), function (body) {
      var box = document.getElementById(body.getAttribute("data-for"));
      if (box) { box.appendChild(body); }
    });
  }
  function load(box) {
    var packed = box.getAttribute("data-z");
    return packed ? unpack(packed, placeTexts) : Promise.resolve();
  }
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var found = /^src-[0-9]+/.exec(id);
    var box = found && document.getElementById(found[0]);
    if (!box) { return; }
    box.hidden = false;
    load(box).then(function () {
      box.open = true;
      var target = document.getElementById(id);
      if (!target) { return; }
      each(document.querySelectorAll(".targeted"), function (t) {
        t.classList.remove("targeted");
      });
      target.classList.add("targeted");  /* :target misses text inflated after the jump */
      target.scrollIntoView({ block: "center" });
    });
  }
  document.addEventListener("toggle", function (event) {
    var box = event.target;
    if (box.open && box.classList && box.classList.contains("source")) { load(box); }
  }, true);
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.to-source");
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("href").slice(1));
    var box = target && target.closest("details");
    if (box) { box.open = true; }
    if (!target || link.getAttribute("href") === location.hash) { setTimeout(reveal, 0); }
  });
  window.addEventListener("hashchange", reveal);

  /* Filter (claim status) and search (words): rows of the matrix, and the source list,
     which is shown a page at a time. */
  var filter = document.getElementById("filter"), search = document.getElementById("search");
  var pager = document.getElementById("pager"), counter = document.getElementById("shown");
  var boxes = document.querySelectorAll("details.source"), start = 0;
  var size = pager ? +pager.getAttribute("data-size") : boxes.length;
  var WANTS = { conflict: ["conflicts", "self-conflict"], agree: ["agrees"],
    single: ["single"], silent: ["silent"] };
  function matches(node, words) {
    return !words || node.textContent.toLowerCase().indexOf(words) >= 0;
  }
  function listed(box, status, words) {
    var has = (box.getAttribute("data-statuses") || "").split(" ");
    var wanted = status === "all" || WANTS[status].some(function (s) {
      return has.indexOf(s) >= 0;
    });
    return wanted && matches(box.querySelector("summary"), words);
  }
  function button(label, to, disabled) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.disabled = disabled;
    b.addEventListener("click", function () { start = to; apply(); });
    return b;
  }
  function apply() {
    var status = filter.value, words = search.value.trim().toLowerCase(), kept = 0;
    each(grid.tBodies[0].rows, function (tr) {
      tr.hidden = !((status === "all" || tr.getAttribute("data-status") === status) &&
        matches(tr, words));
      kept += tr.hidden ? 0 : 1;
    });
    var hit = Array.prototype.filter.call(boxes, function (box) {
      return listed(box, status, words);
    });
    if (start >= hit.length) { start = 0; }
    each(boxes, function (box) { box.hidden = true; });
    hit.slice(start, start + size).forEach(function (box) { box.hidden = false; });
    counter.textContent = kept + " of " + grid.tBodies[0].rows.length + " claims, " +
      hit.length + " of " + boxes.length + " sources";
    if (pager && hit.length > size) {
      pager.hidden = false;
      pager.textContent = "Sources " + (start + 1) + "–" + Math.min(start + size, hit.length) +
        " of " + hit.length + " ";
      pager.appendChild(button("Previous", Math.max(0, start - size), start === 0));
      pager.appendChild(button("Next", start + size, start + size >= hit.length));
    } else if (pager) {
      pager.hidden = true;
    }
    var stop = grid.querySelector('button.cell[tabindex="0"]');
    if (!stop || stop.closest("tr").hidden) { moveFocusless(cellsOf(rows()[0])[0]); }
  }
  function moveFocusless(cell) {
    if (!cell) { return; }
    each(grid.querySelectorAll("button.cell"), function (c) { c.tabIndex = -1; });
    cell.tabIndex = 0;
  }
  if (filter && search) {
    document.getElementById("toolbar").hidden = false;
    filter.addEventListener("change", function () { start = 0; apply(); });
    search.addEventListener("input", function () { start = 0; apply(); });
    apply();
  }
  reveal();
})();
"""

LINT_JS = r"""
(function () {
  "use strict";
  function clear() {
    var old = document.querySelectorAll(".current");
    for (var i = 0; i < old.length; i++) { old[i].classList.remove("current"); }
  }
  function select(mark) {
    clear();
    mark.classList.add("current");
    var ids = (mark.getAttribute("data-findings") || "").split(" ");
    var first = null;
    for (var i = 0; i < ids.length; i++) {
      var item = document.getElementById("item-" + ids[i]);
      if (item) { item.classList.add("current"); first = first || item; }
    }
    if (first) { first.scrollIntoView({ block: "nearest" }); }
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest("mark.lint[data-findings]");
    if (mark) { select(mark); }
  });
  document.addEventListener("keydown", function (event) {
    var mark = event.target.closest && event.target.closest("mark.lint[data-findings]");
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      select(mark);
    } else if (event.key === "Escape") {
      clear();
    }
  });
})();
"""
