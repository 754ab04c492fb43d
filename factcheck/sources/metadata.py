"""Article metadata, from wherever it is written, read without ever stopping the run.

An article's title, outlet, publication date, syndication credit, URL, author
and language come from its manifest entry first, then from what the file
itself says (front matter, a header block, HTML metadata), then nothing:
:meth:`Meta.over` lays one over the other. Keys factcheck does not read are
kept as ``extra``. A value that cannot be read (``published: sometime soon``)
becomes a notice naming the file and the value, and the article is checked
with that field unknown.

Publication dates, as :func:`read_date` reads them::

    2026-04-13, 13 April 2026, April 13, 2026     -> 2026-04-13
    2026-04-13T23:30:00-05:00                     -> 2026-04-13 (the date where it was written)
    unknown, n/a, none, undated (or empty)        -> no date, no warning
    sometime soon, 20260413 (a number)            -> no date, and a warning
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import date, datetime

from factcheck.dataclass import dataclass
from factcheck.model import Location, Notice

FIELDS = ("title", "outlet", "published", "via", "url", "author", "language")
UNKNOWN_DATES = frozenset({"", "unknown", "n/a", "na", "none", "undated", "-", "?"})
_STILL_CHECKED = "checked with its publication date unknown (relative dates stay unresolved)"


@dataclass(frozen=True, slots=True)
class Meta:
    """What is known about an article; None where nothing says."""

    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    via: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    extra: tuple[tuple[str, str], ...] = ()
    notices: tuple[Notice, ...] = ()

    def over(self, base: Meta) -> Meta:
        """This metadata laid over ``base``: where both speak, this one wins."""
        given = {name: getattr(self, name) for name in FIELDS if getattr(self, name) is not None}
        extra = dict(base.extra) | dict(self.extra)
        return dataclasses.replace(
            base,
            **given,
            extra=tuple(sorted(extra.items())),
            notices=(*base.notices, *self.notices),
        )


Field = tuple[str, object, Location]  # a key as written, its value, where it is written


def read_fields(
    fields: Iterable[Field],
    aliases: Mapping[str, str],
    *,
    strict_keys: bool = False,
) -> Meta:
    """Metadata from ``(key, value, where)`` triples. ``aliases`` maps each key as
    written (compared case-insensitively) to a field; other keys are kept as
    extra metadata, with a warning and a did-you-mean when ``strict_keys``
    (a manifest, whose keys are all factcheck's)."""
    published: date | None = None
    texts: dict[str, str | None] = {}
    extra: dict[str, str] = {}
    notices: list[Notice] = []
    for key, value, where in fields:
        name = aliases.get(key.strip().lower())
        if name is None:
            extra[key] = _extra_text(value)
            if strict_keys:
                notices.append(Notice(where, _unknown_key(key)))
            continue
        # "published" and "date" both given: the first readable one wins
        if name == "published":
            day, notice = read_date(value)
            if notice:
                notices.append(Notice(where, notice))
            published = published or day
            continue
        text = _as_text(value) or None
        if text is None and value is not None and not isinstance(value, str):
            notices.append(
                Notice(where, f"{key} should be text, not {type(value).__name__}; ignored")
            )
        texts[name] = texts.get(name) or text
    return Meta(
        title=texts.get("title"),
        outlet=texts.get("outlet"),
        published=published,
        via=texts.get("via"),
        url=texts.get("url"),
        author=texts.get("author"),
        language=texts.get("language"),
        extra=tuple(sorted(extra.items())),
        notices=tuple(notices),
    )


def _unknown_key(key: str) -> str:
    from difflib import get_close_matches  # only for a field factcheck does not know

    close = get_close_matches(key.lower(), FIELDS, n=1, cutoff=0.6)
    advice = f"did you mean {close[0]!r}?" if close else f"factcheck reads {', '.join(FIELDS)}"
    return f"unknown key {key!r}, kept as extra metadata ({advice})"


def _extra_text(value: object) -> str:
    """Extra metadata as text: a list as its items, comma-separated."""
    if isinstance(value, list | tuple):
        return ", ".join(_extra_text(item) for item in value)
    return _as_text(value) or ("" if value is None else str(value))


def _as_text(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool | int | float | date):
        return str(value)
    return None


def read_date(value: object) -> tuple[date | None, str | None]:
    """A publication date, and a warning when one is written but cannot be read."""
    if value is None:
        return None, None
    if isinstance(value, datetime):  # YAML reads 2026-04-13T09:30:00Z as a datetime
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if not isinstance(value, str):
        kind = "a number" if isinstance(value, int | float) else type(value).__name__
        return None, (
            f"publication date {value!r} is {kind}, not a date (write it as 2026-04-13); "
            f"{_STILL_CHECKED}"
        )
    text = value.strip()
    if text.lower() in UNKNOWN_DATES:
        return None, None
    parsed = _iso(text) or _absolute(text)
    if parsed is None:
        return None, f"cannot read publication date {text!r}; {_STILL_CHECKED}"
    return parsed, None


def _iso(text: str) -> date | None:
    """An ISO date, or the date part of an ISO datetime as written (its own time zone:
    a story filed at 23:30 in New York is dated that day, not the next one in UTC)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _absolute(text: str) -> date | None:
    """A written-out date ("13 April 2026", an RFC 822 date); never a relative reading."""
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import; needed only for free-form metadata dates

    parsed: datetime | None = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "PARSERS": ["timestamp", "absolute-time"],
            "REQUIRE_PARTS": ["day", "month", "year"],
            "DATE_ORDER": "DMY",
        },
    )
    return parsed.date() if parsed else None
