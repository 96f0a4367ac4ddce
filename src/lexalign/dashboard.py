"""What the review app shows, computed here so that `app.py` stays a thin UI.

Counts per status and per chapter, filtering, the coloured article grid and highlighted
provision text (HTML built from escaped law text only), sample laws, and exports.
"""

from __future__ import annotations

import argparse
import html
import json
import os
from pathlib import Path
from typing import Iterable, Sequence

from lexalign import settings
from lexalign.ingest import load
from lexalign.models import Assessment, Convention, Evidence, Report, ReportProvision, Span
from lexalign.pipeline import check_document
from lexalign.render import render
from lexalign.render.common import STATUS_COLOURS, STATUSES, element_labels, status_counts  # noqa: F401 - the app reads them here
from lexalign.render.common import highlight as highlight_spans
from lexalign.review import to_gold

EXPORT_FORMATS = {
    "json": ("application/json", "reviewed.json"),
    "html": ("text/html", "reviewed.html"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "reviewed.docx"),
    "csv": ("text/csv", "reviewed.csv"),
    "gold": ("application/json", "gold.json"),
}
_GRID_STYLE = (
    "<style>.la-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(5.5em,1fr));gap:4px}"
    ".la-cell{color:white;border-radius:4px;padding:4px 2px;text-align:center;font-size:0.8em}</style>"
)
UPLOAD_TYPES = ["pdf", "docx", "html", "htm", "txt", "xml"]


def apply_app_flags(argv: Sequence[str]) -> None:
    """Turn the app's own flags (`streamlit run app.py -- --data-dir X`) into settings env vars."""
    # No abbreviations: pytest's or streamlit's own arguments must never be taken for ours.
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--max-file-mb")
    flags, _ = parser.parse_known_args(list(argv))
    if flags.data_dir:
        os.environ["LEXALIGN_DATA_DIR"] = flags.data_dir
    if flags.max_file_mb:
        os.environ["LEXALIGN_MAX_FILE_MB"] = flags.max_file_mb


def sample_laws(folder: Path | None = None) -> list[Path]:
    """The bundled sample laws in `corpora/`, by name."""
    folder = folder or settings.REPO_ROOT / "corpora"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower().lstrip(".") in UPLOAD_TYPES)


def analyse(data: bytes, name: str, convention: Convention | None = None) -> Report:
    """Read an uploaded file and check it: what the app runs for uploads and samples alike.

    Raises `UnusableInput` (one line for the user) for files that cannot be read as a law."""
    return check_document(load(data, name=name, max_mb=settings.max_file_mb()), convention)


def chapter_summary(report: Report, convention: Convention | None = None) -> list[dict]:
    """One row per chapter: its title (when the Convention is given), counts per status, reviewed."""
    titles = {c.number: c.title for c in convention.chapters} if convention else {}
    rows: dict[int, dict] = {}
    for article in report.articles:
        row = rows.setdefault(article.chapter, {"chapter": article.chapter, "title": titles.get(article.chapter, ""), **dict.fromkeys(STATUSES, 0), "reviewed": 0})
        row[article.status] += 1
        row["reviewed"] += article.reviewed_by is not None
    return [rows[number] for number in sorted(rows)]


def filter_articles(articles: Iterable[Assessment], chapters: Iterable[int] = (), statuses: Iterable[str] = ()) -> list[Assessment]:
    """Articles in any of the chapters and with any of the statuses; an empty filter keeps all."""
    chapters, statuses = set(chapters), set(statuses)
    return [a for a in articles if (not chapters or a.chapter in chapters) and (not statuses or a.status in statuses)]


def grid_html(articles: Iterable[Assessment]) -> str:
    """A grid of article cells coloured by status; reviewed articles carry a pencil mark."""
    cells = []
    for a in articles:
        colour = STATUS_COLOURS[a.status]
        mark = " ✎" if a.reviewed_by else ""
        tip = f"Art. {a.article} {a.title}: {a.status}" + (f" (reviewed by {a.reviewed_by}; engine: {a.engine_status})" if a.reviewed_by else "")
        cells.append(
            f'<div class="la-cell" data-article="{a.article}" data-status="{a.status}" title="{html.escape(tip)}" style="background:{colour}">'
            f"<b>{a.article}{mark}</b><br>{html.escape(a.status.replace('_', ' '))}</div>"
        )
    return _GRID_STYLE + '<div class="la-grid">' + "".join(cells) + "</div>"


def legend_html() -> str:
    """The colour key for the grid."""
    items = (f'<span style="background:{c};color:white;border-radius:3px;padding:1px 6px;margin-right:6px">{s.replace("_", " ")}</span>' for s, c in STATUS_COLOURS.items())
    return "<div>" + "".join(items) + " ✎ reviewed</div>"


def highlight(text: str, spans: Iterable[Span]) -> str:
    """Law text as HTML with matched terms in <mark>, line breaks kept; everything from the law is escaped."""
    return '<div style="white-space:pre-wrap">' + highlight_spans(text, spans) + "</div>"


def evidence_html(evidence: Sequence[Evidence]) -> str:
    """The ranked evidence list: provision, page, score and the matched terms, all escaped."""
    if not evidence:
        return "<p>No evidence provision.</p>"
    items = []
    for e in evidence:
        terms = ", ".join(dict.fromkeys(s.text for s in e.spans))
        matched = f" · matched: <mark>{html.escape(terms)}</mark>" if terms else ""
        items.append(f"<li><code>{html.escape(e.provision)}</code> {html.escape(e.label)} · p. {e.page} · score {e.score:.2f}{matched}</li>")
    return "<ol>" + "".join(items) + "</ol>"


def provision_html(provision: ReportProvision, spans: Iterable[Span] = ()) -> str:
    """One provision's label, heading and full text with matched terms highlighted, all escaped."""
    heading = f" {html.escape(provision.heading)}" if provision.heading else ""
    return f"<p><b>{html.escape(provision.label)}</b>{heading} · p. {provision.page}</p>" + highlight(provision.text, spans)


def export(report: Report, fmt: str, convention: Convention | None = None) -> bytes:
    """The reviewed report as a downloadable file: json, html, docx, csv or gold (.gold.json)."""
    if fmt == "gold":
        return json.dumps(to_gold(report), indent=2, ensure_ascii=False).encode("utf-8")
    rendered = render(report, fmt, convention)
    return rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")


def export_name(report: Report, fmt: str) -> str:
    """File name for an export: the law's stem plus `.reviewed.<ext>` or `.gold.json`."""
    stem = Path(report.document.source).stem or "law"
    return f"{stem}.{EXPORT_FORMATS[fmt][1]}"
