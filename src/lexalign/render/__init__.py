"""Renderers: the one Report model as Markdown, HTML, CSV, DOCX or canonical JSON."""

from __future__ import annotations

import json

from lexalign.models import Convention, Report

FORMATS = ("md", "html", "csv", "docx", "json")


def report_json(report: Report) -> str:
    """The canonical JSON form of a report (FORMAT.md section 2), with the `schema` key."""
    return json.dumps(report.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False) + "\n"


def render(report: Report, fmt: str, convention: Convention | None = None) -> str | bytes:
    """The report in format `fmt` (md, html, csv, docx, json); DOCX is bytes, the rest text.

    `convention` supplies obligation summaries, element labels and chapter titles; it is
    loaded once (cached) when not given. Renderer modules are imported on demand: a batch
    run that writes JSON and HTML should not pay for importing python-docx."""
    if fmt == "json":
        return report_json(report)
    if fmt == "csv":
        from lexalign.render.csv_table import render_csv

        return render_csv(report)
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format '{fmt}': use {', '.join(FORMATS)}")
    if convention is None:
        from lexalign.convention import load_convention

        convention = load_convention()
    if fmt == "md":
        from lexalign.render.markdown import render_markdown

        return render_markdown(report, convention)
    if fmt == "html":
        from lexalign.render.html import render_html

        return render_html(report, convention)
    from lexalign.render.word import render_docx

    return render_docx(report, convention)
