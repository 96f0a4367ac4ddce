"""Renderers: every format from one Report; law text is escaped; HTML is self-contained."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import docx
import pytest

from factories import ASSESSED, fake_convention, make_evidence, make_provision, make_report
from lexalign.models import Report, Span
from lexalign.render import FORMATS, render

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def convention():
    return fake_convention()


@pytest.fixture(scope="module")
def report() -> Report:
    """A report whose law text tries script injection, with evidence spans and an unmapped provision."""
    text = f"A person who accesses a computer system {HOSTILE} commits an offence."
    provisions = [
        make_provision("3.1", text, heading="Unauthorised access", page=2),
        make_provision("11", f"False publications {HOSTILE} & more", heading=HOSTILE, page=3),
    ]
    spans = [Span(start=13, end=21, element="a7.access", text="accesses"), Span(start=24, end=39, element="a7.system", text="computer system")]
    return make_report(
        {7: "covered", 8: "partial", 30: "partial"},
        provisions=provisions,
        evidence={7: [make_evidence("3.1", 0.91, spans, page=2)], 8: [make_evidence("3.1", 0.4, page=2)]},
        source=f"evil{HOSTILE}.txt",
        unmapped_provisions=["11"],
        warnings=[f"odd input {HOSTILE}"],
    )


@pytest.mark.parametrize(
    "fmt, kind",
    [
        ("md", str),  # Markdown text
        ("html", str),  # one HTML page
        ("csv", str),  # spreadsheet rows
        ("docx", bytes),  # Word file
        ("json", str),  # canonical JSON
    ],
)
def test_every_format_renders(report, convention, fmt, kind):
    assert isinstance(render(report, fmt, convention), kind)


def test_unknown_format_names_the_known_ones(report, convention):
    with pytest.raises(ValueError, match="use md, html, csv, docx, json"):
        render(report, "xlsx", convention)


def test_formats_constant_lists_all(report, convention):
    assert FORMATS == ("md", "html", "csv", "docx", "json")


@pytest.mark.parametrize(
    "fmt",
    [
        "md",  # every assessed article gets a heading
        "html",  # and a section
    ],
)
def test_every_assessed_article_is_mentioned(report, convention, fmt):
    out = render(report, fmt, convention)
    for n in ASSESSED:
        assert f"Article {n}. Title of article {n}" in out


def test_html_escapes_law_text(report, convention):
    page = render(report, "html", convention)
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()


@pytest.mark.parametrize(
    "pattern",
    [
        r"""(src|href)\s*=\s*["']?\s*(https?:)?//""",  # no remote images, fonts, scripts, stylesheets
        r"<link\b",  # no linked stylesheet at all
        r"@import",  # no CSS imports
    ],
)
def test_html_is_self_contained(report, convention, pattern):
    assert not re.search(pattern, render(report, "html", convention), re.IGNORECASE)


def test_html_highlights_spans_and_pages(report, convention):
    page = render(report, "html", convention)
    assert '<mark title="a7.access">accesses</mark>' in page
    assert '<mark title="a7.system">computer system</mark>' in page
    assert "page 2" in page


def test_html_has_grid_of_all_articles_and_obligations(report, convention):
    page = render(report, "html", convention)
    assert len(re.findall(r'<a class="cell"', page)) == 68
    assert "Obligation summary of article 7." in page
    assert "Art. 2" in page  # Budapest equivalent of article 7


def test_html_lists_unmapped_provisions(report, convention):
    page = render(report, "html", convention)
    unmapped = page.split("Provisions mapped to no article", 1)[1]
    assert "Section 11" in unmapped and "False publications" in unmapped


def test_csv_has_one_row_per_article(report, convention):
    rows = list(csv.DictReader(io.StringIO(render(report, "csv", convention))))
    assert [int(r["article"]) for r in rows] == list(range(1, 69))
    assert rows[6]["status"] == "covered" and rows[6]["evidence"] == "3.1"
    assert "engine_status" not in rows[0]


def test_csv_adds_review_columns_on_reviewed_reports(report, convention):
    reviewed = report.model_copy(update={"articles": [a.model_copy(update={"reviewed_by": "ana", "engine_status": "absent", "note": "seen"}) if a.article == 9 else a for a in report.articles]})
    rows = list(csv.DictReader(io.StringIO(render(reviewed, "csv", convention))))
    assert rows[8]["reviewed_by"] == "ana" and rows[8]["engine_status"] == "absent" and rows[8]["note"] == "seen"
    assert rows[0]["reviewed_by"] == ""


def test_docx_opens_and_holds_every_article(report, convention):
    word = docx.Document(io.BytesIO(render(report, "docx", convention)))
    headings = {p.text for p in word.paragraphs if p.style.name.startswith("Heading")}
    for n in ASSESSED:
        assert f"Article {n}. Title of article {n}" in headings
    assert len(word.tables) == 2  # summary and per-chapter tables


def test_json_is_the_canonical_model(report, convention):
    data = json.loads(render(report, "json", convention))
    assert data["schema"] == "lexalign.report/1"
    assert Report.model_validate(data) == report


def test_markdown_shows_evidence_and_missing_elements(report, convention):
    md = render(report, "md", convention)
    assert "**Section 3.1** (p. 2, score 0.91)" in md
    assert "*Missing elements:* core element of 8" in md
    assert "Of 43 assessed articles: **1 covered**, **2 partial**, **40 absent**." in md


@pytest.mark.parametrize("fmt", FORMATS)
def test_real_report_of_the_demo_law_renders(fmt):
    """The demo law through the real pipeline and Convention model, in every format."""
    from lexalign.pipeline import check
    from lexalign.settings import REPO_ROOT

    from lexalign.convention import load_convention

    report = _demo_report(check, REPO_ROOT / "corpora" / "ruritania_cma2023.txt")
    out = render(report, fmt)
    summary = load_convention().article(7).summary
    if fmt == "md":
        assert "### Article 7. Illegal access" in out and summary in out
    elif fmt == "html":
        assert "<h3>Article 7. Illegal access</h3>" in out and html.escape(summary) in out
    elif fmt == "docx":
        assert "Article 7. Illegal access" in {p.text for p in docx.Document(io.BytesIO(out)).paragraphs}
    else:
        assert "Illegal access" in out


_DEMO: dict = {}


def _demo_report(check, path) -> Report:
    # One pipeline run shared by the parametrized cases.
    if "report" not in _DEMO:
        _DEMO["report"] = check(path)
    return _DEMO["report"]
