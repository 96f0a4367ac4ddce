"""Self-contained HTML gap report: inline CSS, no scripts, no external assets.

Everything taken from the law (source name, headings, provision text, warnings) goes
through `html.escape`; a law is untrusted input and the page is opened in a browser.
"""

from __future__ import annotations

from html import escape

from lexalign.models import Assessment, Convention, Report
from lexalign.render.common import (
    STATUS_COLOURS,
    STATUS_LABELS,
    STATUSES,
    assessed,
    chapter_rows,
    excerpt,
    highlight,
    missing_labels,
    obligation,
    provisions_by_id,
    status_counts,
)

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:64em;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em} h2{margin-top:1.6em;border-bottom:1px solid #ddd}
.meta{color:#555;font-size:.9em}
table{border-collapse:collapse;margin:.5em 0} th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left} td.n{text-align:right}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(3.6em,1fr));gap:4px;margin:.5em 0}
.cell{display:block;color:#fff;text-decoration:none;text-align:center;border-radius:4px;padding:.35em 0;font-weight:600}
.badge{color:#fff;border-radius:3px;padding:.05em .5em;font-size:.85em}
.legend span{margin-right:.6em}
article{border:1px solid #ddd;border-left-width:6px;border-radius:4px;padding:.4em 1em;margin:1em 0}
article h3{margin:.3em 0}
.evidence{background:#fafafa;border:1px solid #eee;padding:.4em .6em;margin:.4em 0;white-space:pre-wrap;font-size:.92em}
.evidence .src{font-weight:600;white-space:normal}
mark{background:#ffe066;padding:0 .1em}
.small{font-size:.9em;color:#444}
@media print{.grid{grid-template-columns:repeat(12,1fr)} article{break-inside:avoid}}
"""


def _badge(status: str) -> str:
    return f'<span class="badge" style="background:{STATUS_COLOURS[status]}">{escape(STATUS_LABELS[status])}</span>'


def render_html(report: Report, convention: Convention | None) -> str:
    """The whole report as one HTML page."""
    doc = report.document
    counts = status_counts(assessed(report))
    title = f"Gap report: {doc.source}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">Checked against the UN Convention against Cybercrime (2024) by LexAlign {escape(report.lexalign_version)}, '
        f"Convention model {escape(report.model_version)}. Document: {escape(doc.format)}, {doc.pages} page(s), "
        f"{doc.characters} characters, sha256 <code>{escape(doc.sha256[:12])}</code>.</p>",
        "<h2>Summary</h2>",
        f"<p>Of {sum(counts.values())} assessed articles: {counts['covered']} {_badge('covered')} "
        f"{counts['partial']} {_badge('partial')} {counts['absent']} {_badge('absent')}</p>",
        _chapter_table(report, convention),
        "<h2>All articles</h2>",
        '<p class="legend">' + "".join(_badge(s) for s in STATUSES) + "</p>",
        _grid(report),
        "<h2>Articles</h2>",
    ]
    provisions = provisions_by_id(report)
    parts += [_article(a, convention, provisions) for a in assessed(report)]
    parts.append(_unmapped(report, provisions))
    if report.warnings:
        parts.append("<h2>Warnings</h2><ul>" + "".join(f"<li>{escape(w)}</li>" for w in report.warnings) + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _chapter_table(report: Report, convention: Convention | None) -> str:
    head = "<tr><th>Chapter</th><th>Title</th>" + "".join(f"<th>{escape(STATUS_LABELS[s])}</th>" for s in STATUSES) + "</tr>"
    rows = [
        f"<tr><td>{row.number}</td><td>{escape(row.title)}</td>" + "".join(f'<td class="n">{row.counts[s]}</td>' for s in STATUSES) + "</tr>"
        for row in chapter_rows(report, convention)
    ]
    return "<table>" + head + "".join(rows) + "</table>"


def _grid(report: Report) -> str:
    cells = []
    for a in report.articles:
        tip = f"Art. {a.article} {a.title}: {STATUS_LABELS[a.status]}"
        # Only assessed articles have a section to jump to.
        href = f' href="#art-{a.article}"' if a.status != "not_assessed" else ""
        cells.append(f'<a class="cell"{href} title="{escape(tip)}" style="background:{STATUS_COLOURS[a.status]}">{a.article}</a>')
    return '<div class="grid">' + "".join(cells) + "</div>"


def _article(a: Assessment, convention: Convention | None, provisions: dict) -> str:
    rows = []
    summary = obligation(convention, a.article)
    if summary:
        rows.append(f"<p><b>Obligation:</b> {escape(summary)}</p>")
    facts = [f"<b>Status:</b> {_badge(a.status)}", f"<b>Confidence:</b> {a.confidence:.2f}"]
    if a.budapest:
        facts.append(f"<b>Budapest Convention:</b> {escape(a.budapest)}")
    rows.append("<p>" + " · ".join(facts) + "</p>")
    if a.reviewed_by:
        rows.append(
            f'<p class="small">Reviewed by {escape(a.reviewed_by)} on {escape(a.reviewed_at or "?")}; '
            f"engine said {escape(STATUS_LABELS.get(a.engine_status or '', a.engine_status or '?'))}. {escape(a.note or '')}</p>"
        )
    missing = missing_labels(a, convention)
    if missing:
        rows.append("<p><b>Missing elements:</b> " + ", ".join(escape(m) for m in missing) + "</p>")
    if a.explanation:
        rows.append(f'<p class="small">{escape(a.explanation)}</p>')
    for evidence in a.evidence:
        provision = provisions.get(evidence.provision)
        label = evidence.label or (provision.label if provision else evidence.provision)
        text = highlight(provision.text, evidence.spans) if provision else ""
        narrowed = f" · narrowed by {escape(', '.join(evidence.narrowed_by))}" if evidence.narrowed_by else ""
        rows.append(
            f'<div class="evidence"><div class="src">{escape(label)} · page {evidence.page} · score {evidence.score:.2f}{narrowed}</div>{text}</div>'
        )
    return (
        f'<article id="art-{a.article}" style="border-left-color:{STATUS_COLOURS[a.status]}">'
        f"<h3>Article {a.article}. {escape(a.title)}</h3>" + "".join(rows) + "</article>"
    )


def _unmapped(report: Report, provisions: dict) -> str:
    head = "<h2>Provisions mapped to no article</h2>"
    if not report.unmapped_provisions:
        return head + "<p>None: every substantive provision supports at least one article.</p>"
    items = []
    for pid in report.unmapped_provisions:
        p = provisions.get(pid)
        if p is None:
            items.append(f"<li>{escape(pid)}</li>")
        else:
            heading = f" {escape(p.heading)}." if p.heading else ""
            items.append(f"<li><b>{escape(p.label)}</b> (page {p.page}).{heading} {escape(excerpt(p.text, 300))}</li>")
    note = '<p class="small">Offences here that match no article may be broader than the Convention requires; reviewers should look at them.</p>'
    return head + note + "<ul>" + "".join(items) + "</ul>"
