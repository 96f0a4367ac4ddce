"""Facts every renderer shows, computed once from the Report (and the Convention for names)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable

from lexalign.models import Assessment, Convention, Report, ReportProvision, Span

# Order in which statuses are listed and counted everywhere.
STATUSES = ("covered", "partial", "absent", "not_assessed")
STATUS_LABELS = {"covered": "covered", "partial": "partial", "absent": "absent", "not_assessed": "not assessed"}
# Colour-blind-safe palette (Okabe-Ito); the same in HTML reports, the batch heatmap and DOCX.
STATUS_COLOURS = {"covered": "#009E73", "partial": "#E69F00", "absent": "#D55E00", "not_assessed": "#9E9E9E"}
# Status strength, for "strongest status across a country's laws".
STATUS_RANK = {"not_assessed": 0, "absent": 1, "partial": 2, "covered": 3}


@dataclass(frozen=True)
class ChapterRow:
    """Counts per status for one chapter of the Convention."""

    number: int
    title: str
    counts: dict[str, int]


def status_counts(articles: Iterable[Assessment]) -> dict[str, int]:
    """Number of articles per status, every status present (zero when none)."""
    counts = dict.fromkeys(STATUSES, 0)
    for article in articles:
        counts[article.status] += 1
    return counts


def chapter_rows(report: Report, convention: Convention | None) -> list[ChapterRow]:
    """One row per chapter holding at least one article, in chapter order."""
    titles = {c.number: c.title for c in convention.chapters} if convention else {}
    by_chapter: dict[int, list[Assessment]] = {}
    for article in report.articles:
        by_chapter.setdefault(article.chapter, []).append(article)
    return [ChapterRow(n, titles.get(n, ""), status_counts(by_chapter[n])) for n in sorted(by_chapter)]


def assessed(report: Report) -> list[Assessment]:
    """The articles the report assesses (every status but `not_assessed`)."""
    return [a for a in report.articles if a.status != "not_assessed"]


def provisions_by_id(report: Report) -> dict[str, ReportProvision]:
    """The report's provisions keyed by canonical id."""
    return {p.id: p for p in report.provisions}


def element_labels(convention: Convention | None, article: int) -> dict[str, str]:
    """Element id -> human label for one article (empty when the model lacks the article)."""
    if convention is None:
        return {}
    try:
        return {e.id: e.label for e in convention.article(article).elements}
    except KeyError:
        return {}


def missing_labels(assessment: Assessment, convention: Convention | None) -> list[str]:
    """The article's missing elements as human labels (the id itself when unknown)."""
    labels = element_labels(convention, assessment.article)
    return [labels.get(element, element) for element in assessment.missing_elements]


def obligation(convention: Convention | None, article: int) -> str:
    """One-line paraphrase of what the article requires ('' when unknown)."""
    if convention is None:
        return ""
    try:
        return convention.article(article).summary
    except KeyError:
        return ""


def evidence_ids(assessment: Assessment) -> list[str]:
    """Ids of the evidence provisions, best first."""
    return [evidence.provision for evidence in assessment.evidence]


def excerpt(text: str, limit: int = 400) -> str:
    """The text on one line, cut at a word boundary near `limit` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + " …"


def highlight(text: str, spans: Iterable[Span]) -> str:
    """Law text as HTML with matched spans in <mark>; every piece of law text is escaped."""
    ordered = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, -s.end))
    parts, cursor = [], 0
    for span in ordered:
        if span.start < cursor:  # overlapping matches: keep the first, longest one
            continue
        parts.append(html.escape(text[cursor : span.start]))
        parts.append(f'<mark title="{html.escape(span.element)}">{html.escape(text[span.start : span.end])}</mark>')
        cursor = span.end
    parts.append(html.escape(text[cursor:]))
    return "".join(parts)
