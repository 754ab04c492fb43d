"""Article bytes to text: byte-order marks, UTF-8, then charset detection.

BOM (UTF-32 before UTF-16, whose mark begins UTF-32's) -> that encoding
NUL bytes without a BOM -> UTF-16 if the NULs fall every other byte, else binary
valid UTF-8 -> UTF-8
else -> charset_normalizer, preferring Windows-1252 (the usual legacy encoding
        of English news) where it reads as plausibly, and never a DOS, Mac or
        EBCDIC code page when Windows-1252 reads the bytes ("\x80" is the euro
        sign there, and "Ç" in a DOS code page)
short text (under 2,000 bytes) with Windows-1252's typographic marks (€, ‚, „,
        smart quotes, dashes) that reads as Western text in Windows-1252 ->
        Windows-1252: a sentence or two is too little for detection, which
        reads "it’s €38bn" as a Cyrillic, Central European or even CJK code page
"""

from __future__ import annotations

import codecs
import unicodedata

from factcheck.regexes import compiled

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_CHAOS_MARGIN = 0.1
# Code pages of DOS, the old Mac and IBM mainframes: no news file of today is in one.
_LEGACY_PREFIXES = ("cp4", "cp7", "cp8", "cp03", "cp02", "cp05", "cp10", "cp1125", "cp114", "mac")


def decode_as_stored(data: bytes) -> str | None:
    """Decode article bytes as the file stores them (line breaks included): BOMs
    first, then UTF-8, then charset detection; None for binary content."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:  # no text encoding but UTF-16/32 has NUL bytes: valid UTF-8 or not
        return _utf16_without_bom(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if len(data) < _SHORT:
        western = _plainly_western(data)
        if western is not None:
            return western
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 file

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    # Short texts read plausibly in several single-byte code pages; among the
    # equally plausible, prefer Windows-1252, the usual legacy encoding of English news.
    for match in results:
        if match.encoding in _WESTERN and match.chaos <= best.chaos + _CHAOS_MARGIN:
            return _text(str(match))
    if best.encoding.startswith(_LEGACY_PREFIXES):
        return _western(data) or _text(str(best))
    if len(data) < _SHORT and best.encoding.startswith(_EAST_ASIAN):
        return _plainly_western(data, marks=False) or _text(str(best))
    return _text(str(best))


_SHORT = 2000
# Windows-1252's marks at 0x80-0x9f: what a Western text has and Latin-1 does not.
_MARKS_1252 = frozenset("€‚„…†‡‰‹›‘’“”•–—™")
_WESTERN_MARKS = _MARKS_1252 | frozenset("\u00a0¡¢£¥§©«®°±·»¿×÷½¼¾ƒˆ˜")
_FOREIGN_SHARE = 0.4  # of the letters: more is another alphabet misread (Cyrillic: ~all)
# What detection makes of a few accented Western words: multi-byte East Asian
# encodings, and UTF-16/32 without the byte-order mark or NUL bytes they would have.
_EAST_ASIAN = (
    "big5",
    "gb",
    "hz",
    "euc",
    "shift_jis",
    "cp932",
    "cp949",
    "cp950",
    "johab",
    "iso2022",
    "utf_16",
    "utf_32",
)


def _plainly_western(data: bytes, marks: bool = True) -> str | None:
    """The bytes as Windows-1252 if they read as Western text there (Latin letters,
    mostly ASCII, and Western punctuation only) and, with ``marks``, use its
    typographic marks."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if marks and not any(c in _MARKS_1252 for c in text):
        return None
    letters = [c for c in text if c.isalpha()]
    foreign = [c for c in letters if not c.isascii()]
    if len(foreign) > len(letters) * _FOREIGN_SHARE:
        return None
    for c in set(text):
        if c.isascii() or c in _WESTERN_MARKS:
            continue
        if not (c.isalpha() and unicodedata.name(c, "").startswith("LATIN")):
            return None
    return _text(text)


def _western(data: bytes) -> str | None:
    """The bytes as Windows-1252, if every byte is defined there and the text reads as text."""
    try:
        return _text(data.decode("cp1252"))
    except UnicodeDecodeError:
        return None


def _text(text: str) -> str | None:
    return text if _looks_like_text(text) else None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark (mostly-ASCII text puts a NUL in
    every other byte), or None: binary."""
    if len(data) % 2:
        return None
    high_even = data[0::2].count(0)  # big-endian: the NUL comes first
    high_odd = data[1::2].count(0)
    half = len(data) // 2
    if max(high_even, high_odd) < half * 0.3 or min(high_even, high_odd) > half * 0.05:
        return None
    try:
        text = data.decode("utf-16-be" if high_even > high_odd else "utf-16-le")
    except UnicodeDecodeError:
        return None
    spaces = sum(1 for c in text if c.isspace())  # prose separates words; b"\x00\xff" * n does not
    if spaces < len(text) * 0.05 or not _looks_like_text(text):
        return None
    return text


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    return controls <= len(text) // 100


def split_newlines(text: str) -> tuple[str, tuple[int, ...]]:
    """The text with every line break (CRLF, CR, LF) written as ``\n``, so lines and
    columns are what an editor shows, and where a CRLF became one ``\n`` (offsets
    in the new text), so positions can be given back in the file as stored."""
    if "\r" not in text:
        return text, ()
    crlf: list[int] = []
    for match in _CRLF.finditer(text):
        crlf.append(match.start() - len(crlf))
    return text.replace("\r\n", "\n").replace("\r", "\n"), tuple(crlf)


_CRLF = compiled("\r\n")
