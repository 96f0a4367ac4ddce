"""DOCX gap report via python-docx: ministries draft in Word."""

from __future__ import annotations

import io

from docx import Document as WordDocument
from docx.shared import Pt, RGBColor

from lexalign.models import Assessment, Convention, Report
from lexalign.render.common import STATUS_COLOURS, STATUS_LABELS, STATUSES, assessed, chapter_rows, excerpt, missing_labels, obligation, provisions_by_id, status_counts


def render_docx(report: Report, convention: Convention | None) -> bytes:
    """The report as a .docx file (bytes): heading, summary tables, one section per article."""
    doc = report.document
    word = WordDocument()
    word.add_heading(f"Gap report: {doc.source}", level=0)
    word.add_paragraph(
        f"Checked against the UN Convention against Cybercrime (2024) by LexAlign {report.lexalign_version}, "
        f"Convention model {report.model_version}. Document: {doc.format}, {doc.pages} page(s), sha256 {doc.sha256[:12]}."
    )
    word.add_heading("Summary", level=1)
    counts = status_counts(assessed(report))
    _table(word, ["Status", "Articles"], [[STATUS_LABELS[s], str(counts[s])] for s in STATUSES if s != "not_assessed"])
    word.add_heading("By chapter", level=1)
    _table(
        word,
        ["Chapter", "Title"] + [STATUS_LABELS[s] for s in STATUSES],
        [[str(r.number), r.title] + [str(r.counts[s]) for s in STATUSES] for r in chapter_rows(report, convention)],
    )
    word.add_heading("Articles", level=1)
    provisions = provisions_by_id(report)
    for article in assessed(report):
        _article(word, article, convention, provisions)
    skipped = [str(a.article) for a in report.articles if a.status == "not_assessed"]
    if skipped:
        word.add_paragraph(f"Not assessed (informational articles): {', '.join(skipped)}.")
    word.add_heading("Provisions mapped to no article", level=1)
    if not report.unmapped_provisions:
        word.add_paragraph("None: every substantive provision supports at least one article.")
    for pid in report.unmapped_provisions:
        p = provisions.get(pid)
        word.add_paragraph(f"{p.label} (p. {p.page}): {excerpt(p.text, 300)}" if p else pid, style="List Bullet")
    if report.warnings:
        word.add_heading("Warnings", level=1)
        for warning in report.warnings:
            word.add_paragraph(warning, style="List Bullet")
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _table(word: WordDocument, header: list[str], rows: list[list[str]]) -> None:
    table = word.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text


def _article(word: WordDocument, a: Assessment, convention: Convention | None, provisions: dict) -> None:
    word.add_heading(f"Article {a.article}. {a.title}", level=2)
    status = word.add_paragraph()
    run = status.add_run(STATUS_LABELS[a.status].upper())
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(STATUS_COLOURS[a.status].lstrip("#"))
    status.add_run(f"  confidence {a.confidence:.2f}" + (f"  ·  Budapest Convention {a.budapest}" if a.budapest else ""))
    summary = obligation(convention, a.article)
    if summary:
        _labelled(word, "Obligation: ", summary)
    if a.reviewed_by:
        _labelled(word, "Reviewed: ", f"by {a.reviewed_by} on {a.reviewed_at or '?'} (engine said {a.engine_status}). {a.note or ''}".rstrip())
    missing = missing_labels(a, convention)
    if missing:
        _labelled(word, "Missing elements: ", ", ".join(missing))
    if a.explanation:
        _labelled(word, "Why: ", a.explanation)
    for evidence in a.evidence:
        p = provisions.get(evidence.provision)
        label = evidence.label or (p.label if p else evidence.provision)
        para = word.add_paragraph(style="List Bullet")
        para.add_run(f"{label} (p. {evidence.page}, score {evidence.score:.2f}): ").bold = True
        text = para.add_run(excerpt(p.text, 600) if p else "")
        text.font.size = Pt(9)


def _labelled(word: WordDocument, label: str, text: str) -> None:
    para = word.add_paragraph()
    para.add_run(label).bold = True
    para.add_run(text)
