"""Small factories for reports, assessments and a stand-in Convention, shared by the render and batch tests."""

from __future__ import annotations

import hashlib

from lexalign.models import (
    Article,
    Assessment,
    Chapter,
    Convention,
    Element,
    Evidence,
    Modality,
    Paragraph,
    Report,
    ReportDocument,
    ReportProvision,
    Span,
)

ASSESSED = [*range(7, 49), 53]
# (number, roman, title, first, last): the Convention's nine chapters.
CHAPTERS = [
    (1, "I", "General provisions", 1, 6),
    (2, "II", "Criminalization", 7, 21),
    (3, "III", "Jurisdiction", 22, 22),
    (4, "IV", "Procedural measures and law enforcement", 23, 34),
    (5, "V", "International cooperation", 35, 52),
    (6, "VI", "Preventive measures", 53, 53),
    (7, "VII", "Technical assistance and information exchange", 54, 56),
    (8, "VIII", "Mechanism of implementation", 57, 58),
    (9, "IX", "Final provisions", 59, 68),
]


def chapter_of(article: int) -> int:
    """Chapter number holding an article."""
    return next(number for number, _, _, first, last in CHAPTERS if first <= article <= last)


def fake_convention() -> Convention:
    """A stand-in Convention with all 68 articles, one element each, for renderer tests."""
    articles = [
        Article(
            number=n,
            title=f"Title of article {n}",
            chapter=chapter_of(n),
            assessed=n in ASSESSED,
            paragraphs=[Paragraph(number="1", modality=Modality.shall, paraphrase=f"paraphrase {n}")],
            elements=[Element(id=f"a{n}.core", label=f"core element of {n}", kind="conduct")],
            budapest=f"Art. {n - 5}" if 7 <= n <= 35 else None,
            summary=f"Obligation summary of article {n}.",
        )
        for n in range(1, 69)
    ]
    chapters = [Chapter(number=n, roman=r, title=t, first_article=f, last_article=l) for n, r, t, f, l in CHAPTERS]
    return Convention(model_version="test-model", chapters=chapters, articles=articles, vocabulary=[], terms={})


def make_provision(pid: str = "3.1", text: str = "A person who intentionally accesses a computer system commits an offence.", **fields) -> ReportProvision:
    """A report provision; label defaults to 'Section <id>'."""
    values = {"id": pid, "label": f"Section {pid}", "heading": "", "kind": "subsection", "page": 1, "text": text}
    return ReportProvision(**{**values, **fields})


def make_evidence(provision: str = "3.1", score: float = 0.9, spans: list[Span] | None = None, **fields) -> Evidence:
    """Evidence pointing at a provision, with optional matched spans."""
    return Evidence(provision=provision, score=score, spans=spans or [], label=fields.pop("label", f"Section {provision}"), **fields)


def make_assessment(article: int = 7, status: str = "covered", evidence: list[Evidence] | None = None, **fields) -> Assessment:
    """An assessment of one article; not_assessed outside the assessed set unless told."""
    values = {
        "article": article,
        "title": f"Title of article {article}",
        "chapter": chapter_of(article),
        "status": status,
        "confidence": 0.8,
        "evidence": evidence or [],
        "missing_elements": [] if status == "covered" else [f"a{article}.core"],
        "explanation": f"explanation for {article}",
        "budapest": f"Art. {article - 5}" if 7 <= article <= 35 else None,
    }
    return Assessment(**{**values, **fields})


def make_report(
    statuses: dict[int, str] | None = None,
    provisions: list[ReportProvision] | None = None,
    evidence: dict[int, list[Evidence]] | None = None,
    source: str = "xx_test_act.txt",
    text: str = "law text",
    **fields,
) -> Report:
    """A full report: 68 articles, assessed ones 'absent' unless `statuses` says otherwise."""
    statuses = statuses or {}
    evidence = evidence or {}
    provisions = provisions if provisions is not None else [make_provision()]
    articles = [
        make_assessment(n, statuses.get(n, "absent" if n in ASSESSED else "not_assessed"), evidence.get(n))
        for n in range(1, 69)
    ]
    document = ReportDocument(source=source, sha256=hashlib.sha256(text.encode()).hexdigest(), format="txt", language="en", characters=len(text), pages=1)
    values = {"lexalign_version": "0.1.0", "model_version": "test-model", "document": document, "provisions": provisions, "articles": articles}
    return Report(**{**values, **fields})
