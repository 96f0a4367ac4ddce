"""The whole job as a list of stage calls: load -> segment -> match -> assess -> report."""

from __future__ import annotations

from pathlib import Path

from lexalign.assess import assess
from lexalign.convention import load_convention
from lexalign.ingest import load
from lexalign.match import match
from lexalign.models import Convention, Document, Report
from lexalign.report import build_report
from lexalign.segment import segment


def check_document(document: Document, convention: Convention | None = None) -> Report:
    """Analyse an already loaded document."""
    convention = convention or load_convention()
    law = segment(document)
    candidates = match(law, convention)
    assessments = assess(law, candidates, convention)
    return build_report(law, assessments, convention)


def check(path: Path | str, *, max_mb: float | None = None, pdf_engine: str | None = None, convention: Convention | None = None) -> Report:
    """Read a law file and report its alignment with the Convention."""
    return check_document(load(Path(path), max_mb=max_mb, pdf_engine=pdf_engine), convention)
