"""Which provisions are cited as evidence when a short law is read whole, through the segmenter:
part headings, penalty subsections and list items decide what counts, so these rows go through
`segment` rather than the hand-built laws of test_articles.py."""

from __future__ import annotations

import pytest

from lexalign.ingest import load
from lexalign.pipeline import check_document

P_ = pytest.param

# (law text, article, expected evidence ids)
ROWS = [
    # A part heading "Offences and penalties" does not make a prohibition item a sanction: the
    # penalty is in subsection (2), which punishes the prohibition.
    P_(
        "PART II - OFFENCES AND PENALTIES\n\n"
        "10. Illegal devices\n"
        "(1) A person shall not unlawfully deal with or possess— (a) a device, including a computer program, designed for the purpose of committing an offence; "
        "(b) a computer password or access code by which a computer system may be accessed, with intent that it be used for committing an offence.\n"
        "(2) A person who contravenes subsection (1) commits an offence and is liable on conviction to a fine or to imprisonment for a term not exceeding three years.\n",
        21,
        {"10.2"},
        id="21-part-heading-is-not-a-sanction",
    ),
    # An item that only states the penalty for a repeat conviction is a sanction of the offence above it.
    P_(
        "6. Unauthorised access\n"
        "(1) Any person who knowingly secures access without authority to any computer system shall be guilty of an offence and shall be liable on conviction— "
        "(a) to a fine not exceeding $5,000 or to imprisonment for a term not exceeding 2 years; and "
        "(b) in the case of a second or subsequent conviction, to a fine not exceeding $10,000 or to imprisonment for a term not exceeding 3 years.\n",
        21,
        {"6.1.a", "6.1.b"},
        id="21-repeat-conviction-item",
    ),
]


@pytest.mark.parametrize(("text", "article", "expected"), ROWS)
def test_evidence_of_a_short_law(text: str, article: int, expected: set[str]) -> None:
    report = check_document(load(text.encode(), name="law.txt"))
    finding = next(a for a in report.articles if a.article == article)
    assert {e.provision for e in finding.evidence} == expected, finding.explanation
