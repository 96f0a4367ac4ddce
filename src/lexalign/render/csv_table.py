"""CSV gap report: one row per Convention article, for spreadsheets and comparisons."""

from __future__ import annotations

import csv
import io

from lexalign.models import Report
from lexalign.render.common import evidence_ids

COLUMNS = ["article", "title", "chapter", "status", "confidence", "evidence", "missing_elements", "explanation"]
# Added only when the report carries reviewers' decisions, so engine-only CSVs stay narrow.
REVIEW_COLUMNS = ["engine_status", "reviewed_by", "reviewed_at", "note"]


def render_csv(report: Report) -> str:
    """Header plus one row per article of the report (68 for a full report); lists joined by '; '."""
    reviewed = any(a.reviewed_by is not None for a in report.articles)
    columns = COLUMNS + (REVIEW_COLUMNS if reviewed else [])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for a in report.articles:
        row = [a.article, a.title, a.chapter, a.status, f"{a.confidence:.2f}", "; ".join(evidence_ids(a)), "; ".join(a.missing_elements), " ".join(a.explanation.split())]
        if reviewed:
            row += [a.engine_status or "", a.reviewed_by or "", a.reviewed_at or "", a.note or ""]
        writer.writerow(row)
    return out.getvalue()
