"""The files a report points into, as stored: what renderers that show a whole
article or draft read (through the sources stage's one loader), and how its
line breaks are counted (CRLF, CR and LF each break one line)."""

from __future__ import annotations

from factcheck.regexes import compiled

LINE_BREAK = compiled(r"\r\n|\r|\n")


def read_text(path: str) -> str | None:
    """The file's text as stored (report offsets point into it); None if unreadable."""
    from factcheck.sources.corpus import load_text

    return load_text(path)


def same_words(stored: str, reported: str) -> bool:
    """Whether a slice of the stored file is the text a report gives for it (reports
    write every line break as a newline)."""
    return LINE_BREAK.sub("\n", stored) == reported
