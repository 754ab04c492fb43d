"""Builders for the binary article fixtures (PDF, Word), written where a test needs them.

The PDFs are drawn with pypdf's own objects (Helvetica, one text line per
string), so pypdf reads back exactly the words written; the scanned PDF has a
drawing and no text layer. The Word files are built with python-docx, comments
anchored to paragraphs as Word anchors them.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

FILING_PAGES = [
    [
        "Amazon.com, Inc. - Form 8-K",
        "Item 1.01 Entry into a Material Definitive Agreement.",
        "On April 13, 2026, Amazon Web Services entered into an agreement",
        "with OpenAI under which OpenAI committed $38 billion to AWS.",
    ],
    [
        "Item 8.01 Other Events.",
        "Amazon plans to invest up to $50 billion in OpenAI over several years.",
    ],
]


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A PDF with one page per list of lines (an empty list: a page with only a drawing)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    font_ref = writer._add_object(font)
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        ops = ["0.5 g 72 600 200 100 re f"]  # a grey box: what a scan's image stands for
        if lines:
            ops += ["BT", "/F1 11 Tf", "14 TL", "72 720 Td"]
            ops += [f"({_escaped(line)}) Tj T*" for line in lines] + ["ET"]
        stream = DecodedStreamObject()
        stream.set_data("\n".join(ops).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        fonts = DictionaryObject({NameObject("/F1"): font_ref})
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    if title:
        writer.add_metadata({"/Title": title})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _escaped(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


DRAFT_PARAGRAPHS = [
    "OpenAI and Amazon",
    "OpenAI has committed $38 billion to Amazon Web Services.",
    "Amazon will invest $60 billion in OpenAI.",
    "Amazon will invest $70 billion in OpenAI, one analyst wrote.",
]


def make_docx(
    paragraphs: list[str],
    comments: dict[int, str] | None = None,
    title: str | None = None,
) -> bytes:
    """A Word file of ``paragraphs``; ``comments`` maps a paragraph index to a comment on it."""
    import docx

    document = docx.Document()
    for i, text in enumerate(paragraphs):
        paragraph = document.add_paragraph(text)
        if comments and i in comments:
            document.add_comment(paragraph.runs, text=comments[i], author="Desk")
    document.core_properties.author = ""  # python-docx's template names itself
    if title:
        document.core_properties.title = title
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
