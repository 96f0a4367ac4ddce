"""Markdown gap report: summary, per-chapter table, then one block per assessed article."""

from __future__ import annotations

from lexalign.models import Assessment, Convention, Report
from lexalign.render.common import STATUS_LABELS, STATUSES, assessed, chapter_rows, excerpt, missing_labels, obligation, provisions_by_id, status_counts


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown(report: Report, convention: Convention | None) -> str:
    """The whole report as Markdown text."""
    doc = report.document
    counts = status_counts(assessed(report))
    total = sum(counts.values())
    lines = [
        f"# Gap report: {doc.source}",
        "",
        f"Checked against the UN Convention against Cybercrime (2024) by LexAlign {report.lexalign_version}, "
        f"Convention model {report.model_version}. Document: {doc.format}, {doc.pages} page(s), {doc.characters} characters, sha256 `{doc.sha256[:12]}`.",
        "",
        "## Summary",
        "",
        f"Of {total} assessed articles: **{counts['covered']} covered**, **{counts['partial']} partial**, **{counts['absent']} absent**.",
        "",
        "## By chapter",
        "",
        "| Chapter | Title | " + " | ".join(STATUS_LABELS[s].capitalize() for s in STATUSES) + " |",
        "| --- | --- | " + " | ".join("---:" for _ in STATUSES) + " |",
    ]
    for row in chapter_rows(report, convention):
        lines.append(f"| {row.number} | {_cell(row.title)} | " + " | ".join(str(row.counts[s]) for s in STATUSES) + " |")
    lines += ["", "## Articles", ""]
    provisions = provisions_by_id(report)
    for article in assessed(report):
        lines += _article(article, convention, provisions)
    skipped = [str(a.article) for a in report.articles if a.status == "not_assessed"]
    if skipped:
        lines += [f"Not assessed (informational articles): {', '.join(skipped)}.", ""]
    lines += ["## Provisions mapped to no article", ""]
    if report.unmapped_provisions:
        lines += [f"- {_provision_line(pid, provisions)}" for pid in report.unmapped_provisions]
    else:
        lines.append("None: every substantive provision supports at least one article.")
    if report.warnings:
        lines += ["", "## Warnings", ""] + [f"- {_cell(w)}" for w in report.warnings]
    return "\n".join(lines) + "\n"


def _article(article: Assessment, convention: Convention | None, provisions: dict) -> list[str]:
    facts = []
    summary = obligation(convention, article.article)
    if summary:
        facts.append(f"*Obligation:* {summary}")
    if article.budapest:
        facts.append(f"*Budapest Convention:* {article.budapest}")
    if article.reviewed_by:
        facts.append(f"*Reviewed* by {article.reviewed_by} on {article.reviewed_at or '?'} (engine said {article.engine_status}). {article.note or ''}".rstrip())
    missing = missing_labels(article, convention)
    if missing:
        facts.append(f"*Missing elements:* {', '.join(missing)}")
    if article.explanation:
        facts.append(f"*Why:* {' '.join(article.explanation.split())}")
    lines = [f"### Article {article.article}. {article.title}: {STATUS_LABELS[article.status]} (confidence {article.confidence:.2f})", ""]
    # Two trailing spaces are a hard line break: each fact stays on its own line when rendered.
    lines += [fact + "  " for fact in facts] + ([""] if facts else [])
    for evidence in article.evidence:
        provision = provisions.get(evidence.provision)
        label = evidence.label or (provision.label if provision else evidence.provision)
        text = excerpt(provision.text) if provision else ""
        lines.append(f"- **{label}** (p. {evidence.page}, score {evidence.score:.2f}): {text}")
    if article.evidence:
        lines.append("")
    return lines


def _provision_line(provision_id: str, provisions: dict) -> str:
    provision = provisions.get(provision_id)
    if provision is None:
        return provision_id
    heading = f" {provision.heading}." if provision.heading else ""
    return f"**{provision.label}** (p. {provision.page}).{heading} {excerpt(provision.text, 200)}"
