"""Report stage: one `Report` model built from the assessments; renderers turn it into files."""

from __future__ import annotations

from lexalign import __version__
from lexalign.models import Assessment, Convention, Report, ReportDocument, ReportProvision, SegmentedLaw

# Kinds that carry substance of their own; structural nodes (parts, chapters) do not.
SUBSTANTIVE_KINDS = {"section", "schedule", "unclassified"}


def build_report(law: SegmentedLaw, assessments: list[Assessment], convention: Convention) -> Report:
    """Assemble the report model: document facts, every provision, every article's finding."""
    document = law.document
    return Report(
        lexalign_version=__version__,
        model_version=convention.model_version,
        document=ReportDocument(
            source=document.source,
            sha256=document.sha256,
            format=document.format,
            language=document.language,
            characters=len(document.text),
            pages=len(document.page_starts),
            pdf_engine=document.pdf_engine,
        ),
        provisions=[
            ReportProvision(id=p.id, label=p.label, heading=p.heading, kind=p.kind, page=p.page, text=p.text, parent=p.parent)
            for p in law.provisions
        ],
        articles=sorted(assessments, key=lambda a: a.article),
        unmapped_provisions=unmapped_provisions(law, assessments),
        warnings=[*document.warnings, *law.warnings],
    )


def unmapped_provisions(law: SegmentedLaw, assessments: list[Assessment]) -> list[str]:
    """Top-level provisions that no article cites, neither they nor anything inside them.

    Reviewers want these: an offence that maps to no article may be over-broad."""
    cited = {evidence.provision for a in assessments for evidence in a.evidence}
    by_id = {p.id: p for p in law.provisions}

    def top_level(provision_id: str) -> str:
        node = by_id.get(provision_id)
        while node is not None and node.parent is not None and node.parent in by_id and by_id[node.parent].kind not in ("part", "chapter"):
            node = by_id[node.parent]
        return node.id if node is not None else provision_id

    cited_tops = {top_level(pid) for pid in cited}
    return [p.id for p in law.provisions if p.kind in SUBSTANTIVE_KINDS and p.id not in cited_tops]
