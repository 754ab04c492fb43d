"""Names: two or more capitalised words, titles and sentence openers trimmed."""

from __future__ import annotations

import pytest

from factcheck.extract import names
from factcheck.model import ExtractContext


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Revenue chief Denise Dresser said", ["Denise Dresser"]),
        ("Revenue Chief Denise Dresser recently said", ["Denise Dresser"]),
        ("Chief Executive Sam Altman said", ["Sam Altman"]),
        ("said Mr. Satya Nadella, chief executive", ["Satya Nadella"]),
        ("Prime Minister Keir Starmer spoke.", ["Keir Starmer"]),
        # A title after a department or an employer still is no part of the name.
        ("Finance Director Alicia Moreno said", ["Alicia Moreno"]),
        ("Police Chief Ray Castellanos got most", ["Ray Castellanos"]),
        ("Deutsche Bank Chief Executive Christian Sewing said", ["Christian Sewing"]),
        ("Harbor Falls City Council voted", ["Harbor Falls City Council"]),
        ("Jean-Luc de la Croix wrote it.", ["Jean-Luc de la Croix"]),
        ("Amazon Web Services grew.", ["Amazon Web Services"]),
        ("The Company said so.", []),
        ("Amazon alone is no name here.", []),
        ("lower case words only", []),
        # A sentence's full stop ends a name; initials and titles do not.
        ("... said Dana Whitfield. The company agreed.", ["Dana Whitfield"]),
        ("said Dana Whitfield.\nThe company", ["Dana Whitfield"]),
        (
            "said Dana Whitfield. Amazon Web Services grew",
            ["Dana Whitfield", "Amazon Web Services"],
        ),
        ("J. Smith said so.", ["J. Smith"]),
        ("Dana J. Whitfield said so.", ["Dana J. Whitfield"]),
        ("said John F. Kennedy. The", ["John F. Kennedy"]),
        ("said Dr. Dana Whitfield.", ["Dana Whitfield"]),
        ("said Mr. Smith. The firm", []),
    ],
)
def test_names(text: str, expected: list[str]) -> None:
    found = list(names.extract(text, ExtractContext()))
    assert [m.value for m in found] == expected
    assert all(text[m.start : m.end] == m.text for m in found)
