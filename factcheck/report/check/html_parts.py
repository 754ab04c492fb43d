"""The HTML check page's parts: the page shell, matrix rows and cells, evidence blocks.

Each cell shows the source's status with an icon, a word and a colour, and
the value it states; its evidence block holds the sentence with the value and
the cue highlighted, its line, and a link to the value in the source's full
text. All text from sources and rules goes through :func:`html.escape`; ids
come from positions, so the output is deterministic. The page is put together
by :mod:`.html_layout`; the shell and line helpers are shared with the lint
page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from factcheck.model import Sentence
from factcheck.report.html_assets import CSS, NOSCRIPT_CSS
from factcheck.report.stored import LINE_BREAK, same_words
from factcheck.results import ClaimOut, MentionOut, SourceClaimOut, SourceOut
from factcheck.text import quote_window

ICONS = {
    "agree": "✔",
    "agrees": "✔",
    "conflict": "✘",
    "conflicts": "✘",
    "single": "◐",
    "silent": "○",
    "self-conflict": "⚠",
    "changed": "↻",
    "superseded": "↺",
}
LEGEND = (
    ("agrees", "the source states a value compatible with the others"),
    ("conflicts", "the source's value is incompatible with the majority"),
    ("single", "the only source that states the claim"),
    ("self-conflict", "the source states incompatible values itself"),
    ("silent", "the source does not state the claim"),
)
# Shown only when some claim changed over time, so other reports keep their legend.
SUPERSEDED = ("superseded", "the source's figure was right for its time; later ones differ")
Span = tuple[int, int]
MarkTag = Callable[[tuple[int, ...], int, bool], str]


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def page(title: str, body: str, script: str) -> str:
    return page_start(title) + body + page_end(script)


def segments(length: int, spans: Sequence[Span]) -> list[tuple[int, int, tuple[int, ...]]]:
    """Cut ``[0, length)`` at every span edge; each piece lists the spans covering it."""
    clipped = [(max(0, s), min(length, e)) for s, e in spans]
    bounds = sorted({0, length, *(b for span in clipped for b in span)})
    return [
        (a, b, tuple(i for i, (s, e) in enumerate(clipped) if s <= a and b <= e and s < e))
        for a, b in zip(bounds, bounds[1:], strict=False)
        if a < b
    ]


def numbered_lines(text: str, spans: Sequence[Span], prefix: str, mark: MarkTag) -> str:
    """``text`` as line elements (``id="{prefix}-L{n}"``) with spans wrapped in marks.

    ``mark(keys, start, first)`` returns the opening tag for the piece of a segment
    at offset ``start`` covered by the spans ``keys`` (``first``: its first line).
    """
    number = 1
    out = [f'<span class="ln" id="{prefix}-L1" data-n="1">']
    for start, end, keys in segments(len(text), spans):
        for j, piece in enumerate(LINE_BREAK.split(text[start:end])):
            if j:
                number += 1
                out.append(f'</span><span class="ln" id="{prefix}-L{number}" data-n="{number}">')
            if piece and keys:
                out.append(f"{mark(keys, start, j == 0)}{esc(piece)}</mark>")
            elif piece:
                out.append(esc(piece))
    out.append("</span>")
    return "".join(out)


def page_start(title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n"
        f"<noscript><style>{NOSCRIPT_CSS}</style></noscript>\n</head>\n<body>\n"
    )


def page_end(script: str) -> str:
    return f"\n<script>{script}</script>\n</body>\n</html>\n"


def _column_head(source: SourceOut) -> str:
    details = ", ".join(esc(x) for x in (source.outlet, source.published) if x)
    title = f' title="{esc(source.title)}"' if source.title else ""
    return (
        f'<th scope="col"{title}><span class="mono">{esc(source.id)}</span>'
        f"{f'<span class=muted>{details}</span>' if details else ''}</th>"
    )


def _row(
    r: int, claim: ClaimOut, cells: Sequence[tuple[int, SourceClaimOut]], counts: str = ""
) -> str:
    """Claim row ``r``: its header (sticky on the left) and a cell per shown source
    (``cells``: column number and verdict); ``counts``: how many sources say what."""
    meta = [
        f'<span class="badge {claim.status}"><span aria-hidden="true">'
        f"{ICONS[claim.status]}</span> {claim.status}</span>",
        esc(claim.type),
    ]
    if claim.consensus is not None:
        meta.append(f"<strong>{esc(claim.consensus.display)}</strong>")
    if claim.single_original is not None:
        meta.append('<span class="badge single">one original report</span>')
    if claim.expect is not None and claim.expected == "mismatch":
        meta.append(
            f'<span class="badge conflict expect-mismatch"><span aria-hidden="true">≠</span> '
            f"expect {esc(claim.expect.display)}</span>"
        )
    elif claim.expect is not None:
        meta.append(f"expect {esc(claim.expect.display)}")
    notes = "".join(f'<span class="note">note: {esc(n)}</span>' for n in claim.notes)
    head = (
        f'<th scope="row"><span class="claim-id mono">{esc(claim.id)}</span>'
        f'<span class="claim-meta">{" · ".join(meta)}</span>'
        f"{f'<span class=counts>{counts}</span>' if counts else ''}"
        f'<span class="claim-desc">{esc(claim.description)}</span>{_timeline(claim)}{notes}</th>'
    )
    row = "".join(_cell(r, c, claim, s, r == 0 and i == 0) for i, (c, s) in enumerate(cells))
    return f'<tr data-status="{claim.status}">{head}{row}</tr>\n'


def _timeline(claim: ClaimOut) -> str:
    """The figures of a claim that changed over time, in order, with who and when."""
    if not claim.timeline:
        return ""
    items = [
        f"<li>{esc(e.first)}{'' if e.first == e.last else ' – ' + esc(e.last)}: "
        f"<strong>{esc(e.value.display)}</strong> ({esc(', '.join(e.sources))})</li>"
        for e in claim.timeline
    ]
    if claim.undated:
        items.append(f"<li>undated: {esc(', '.join(claim.undated))}</li>")
    return f'<ol class="timeline" aria-label="Timeline">{"".join(items)}</ol>'


def _on_page(page: int | None) -> str:
    return f"Page {page}, " if page is not None else ""


def _cell_value(source: SourceClaimOut) -> str:
    if source.value is not None:
        return source.value.display
    return " / ".join(dict.fromkeys(m.text for m in source.mentions)) or "not stated"


def _cell(r: int, c: int, claim: ClaimOut, source: SourceClaimOut, first: bool = False) -> str:
    status, value = source.status, _cell_value(source)
    words = [m.text for m in source.mentions]
    said = (
        f'<span class="said">“{esc(words[0])}”</span>'
        if len(words) == 1 and words[0] != value
        else ""
    )
    shown = "" if status == "silent" else f'<span class="value">{esc(value)}</span>{said}'
    mismatch = " ≠ expect" if source.expected == "mismatch" else ""
    tab = "0" if first else "-1"  # one tab stop: the arrow keys move from there
    label = f"{claim.id} in {source.source}: {status}, {value}{mismatch}"
    return (
        f'<td class="{status}"><button type="button" class="cell" data-r="{r}" data-c="{c}" '
        f'data-evidence="ev-{r}-{c}" aria-controls="panel" aria-expanded="false" '
        f'tabindex="{tab}" aria-label="{esc(label)}">'
        f'<span class="icon" aria-hidden="true">{ICONS[status]}</span>{shown}'
        f'<span class="status">{status}{mismatch}</span></button></td>'
    )


def _evidence(
    r: int,
    c: int,
    claim: ClaimOut,
    source: SourceClaimOut,
    text: str | None,
    anchors: dict[Span, int],
) -> str:
    status = source.status
    parts = [
        f'<div class="evidence{" is-silent" if status == "silent" else ""}" id="ev-{r}-{c}" '
        "hidden>",
        f'<h3><span class="mono">{esc(claim.id)}</span> in '
        f'<span class="mono">{esc(source.source)}</span></h3>',
        f'<p><span class="badge {status}"><span aria-hidden="true">{ICONS[status]}</span> '
        f"{status}</span> <strong>{esc(_cell_value(source))}</strong>"
        f"{_expected(claim, source)}</p>",
        f'<p class="claim-desc">{esc(claim.description)}</p>',
    ]
    for m in source.mentions:
        link = f"src-{c}-m{anchors[(m.start, m.end)]}"
        cue = f' · cue: <mark class="cue">{esc(m.cue)}</mark>' if m.cue else ""
        cue += f' · <span class="muted">score {m.score:.2f}</span>'
        parts.append(
            f'<div class="mention"><p class="where">{_on_page(m.page)}'
            f"Line {m.line}, column {m.column}</p>"
            f'<blockquote class="quote">{quote_html(text, m)}</blockquote>'
            f'<p class="key">value: <mark class="val">{esc(m.text)}</mark>{cue}</p>'
            f'<p class="no-print"><a class="to-source" href="#{link}">Open the full text '
            f"at line {m.line}</a></p></div>"
        )
    if not source.mentions:
        parts.append(
            '<p>This source does not state the claim.</p><p class="no-print">'
            f'<a class="to-source" href="#src-{c}">Open the full text</a></p>'
        )
    parts.append("</div>\n")
    return "".join(parts)


def _expected(claim: ClaimOut, source: SourceClaimOut) -> str:
    if source.expected is None or claim.expect is None:
        return ""
    word = "matches" if source.expected == "match" else "≠ does not match"
    return f' <span class="muted">({word} expect {esc(claim.expect.display)})</span>'


def quote_html(text: str | None, mention: MentionOut) -> str:
    """The mention's sentence with the value and its cue marked; its text content is
    exactly ``mention.quote`` (same window, whitespace collapsed, ellipses). Spans come
    from the evidence: nothing is matched or split again here."""
    if text is None or not same_words(text[mention.start : mention.end], mention.text):
        return _fallback_quote(mention)
    sentence = Sentence(mention.sentence_start, mention.sentence_end)
    if not sentence.start <= mention.start < sentence.end:
        return _fallback_quote(mention)
    lo, hi = quote_window(sentence, mention.start, mention.end)
    spans = [(mention.start, mention.end)]
    cue = _cue_span(mention)
    if cue is not None and lo <= cue[0] and cue[1] <= hi:
        spans.append(cue)
    pieces = []
    for a, b, keys in segments(hi - lo, [(s - lo, e - lo) for s, e in spans]):
        piece = re.sub(r"\s+", " ", text[lo + a : lo + b])
        if a == 0:
            piece = piece.lstrip()
        if b == hi - lo:
            piece = piece.rstrip()
        pieces.append(_quote_piece(piece, keys))
    prefix = "…" if lo > sentence.start else ""
    suffix = "…" if hi < sentence.end else ""
    return f"{prefix}{''.join(pieces)}{suffix}"


def _cue_span(mention: MentionOut) -> Span | None:
    """The cue's words, unless they are part of the value (a yes/no statement's)."""
    if mention.cue_start is None or mention.cue_end is None:
        return None
    if mention.cue_start < mention.end and mention.start < mention.cue_end:
        return None
    return mention.cue_start, mention.cue_end


def _quote_piece(piece: str, keys: tuple[int, ...]) -> str:
    if not keys:
        return esc(piece)
    kind = "val" if 0 in keys else "cue"
    return f'<mark class="{kind}">{esc(piece)}</mark>'


def _fallback_quote(mention: MentionOut) -> str:
    """Without the source text as it was: mark the value's and the cue's words in the quote."""
    quote, value = mention.quote, " ".join(mention.text.split())
    at = quote.find(value)
    if at < 0:
        return esc(quote)
    spans = [(at, at + len(value))]
    cue_at = _find_apart(quote, mention.cue_text, spans[0]) if _cue_span(mention) else None
    if cue_at is not None:
        spans.append(cue_at)
    return "".join(_quote_piece(quote[a:b], keys) for a, b, keys in segments(len(quote), spans))


def _find_apart(quote: str, words: str | None, value: Span) -> Span | None:
    """Where ``words`` stand in ``quote`` without overlapping the value, nearest first."""
    if not words:
        return None
    found = []
    at = quote.find(words)
    while at >= 0:
        span = (at, at + len(words))
        if span[1] <= value[0] or span[0] >= value[1]:
            found.append(span)
        at = quote.find(words, at + 1)
    if not found:
        return None
    return min(found, key=lambda s: (min(abs(s[0] - value[1]), abs(value[0] - s[1])), s))
