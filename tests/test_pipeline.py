"""The whole pipeline honours the report contract of shared/eval/FORMAT.md section 2 on any input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexalign.convention import load_convention
from lexalign.errors import UnusableInput
from lexalign.ingest import load
from lexalign.models import Report
from lexalign.pipeline import check, check_document
from lexalign.render import render

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
ASSESSED = set(range(7, 49)) | {53}


def assert_contract(report: Report) -> None:
    data = json.loads(render(report, "json"))
    assert data["schema"] == "lexalign.report/1"
    assert [a["article"] for a in data["articles"]] == list(range(1, 69))
    ids = {p["id"] for p in data["provisions"]}
    for article in data["articles"]:
        expected = {"covered", "partial", "absent"} if article["article"] in ASSESSED else {"not_assessed"}
        assert article["status"] in expected, article
        assert 0.0 <= article["confidence"] <= 1.0
        assert {e["provision"] for e in article["evidence"]} <= ids, article["article"]
        if article["status"] == "absent":
            assert article["evidence"] == []
    by_id = {p.id: p for p in report.provisions}
    for assessment in report.articles:
        for evidence in assessment.evidence:  # every highlighted span is whole words of its provision
            text = by_id[evidence.provision].text
            for span in evidence.spans:
                assert text[span.start : span.end] == span.text
                assert span.start == 0 or not text[span.start - 1].isalnum(), (span, text[: span.end])
                assert span.end == len(text) or not text[span.end].isalnum(), (span, text[: span.end + 1])


@pytest.mark.parametrize("law", sorted(p.name for p in CORPORA.iterdir() if p.suffix == ".txt"))
def test_sample_laws_honour_the_contract(law: str) -> None:
    assert_contract(check(CORPORA / law))


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # A text with no numbering at all is read as one block: illegal access, with its sanction;
        # leading blank lines must not shift the highlighted spans.
        ("\n\n   Whoever intentionally accesses a computer system without authority commits an offence and is liable to imprisonment.", {7, 21}),
        # Numbered sections with nothing of the Convention in them: every assessed article is a gap.
        ("1. Short title\nThis Act may be cited as the Fisheries Act.\n\n2. Licences\nNo person shall fish without a licence.", set()),
    ],
)
def test_reports_on_unusual_laws(text: str, present: set[int]) -> None:
    report = check_document(load(text.encode(), name="law.txt"))
    assert_contract(report)
    found = {a.article for a in report.articles if a.status in ("covered", "partial")}
    assert found == present


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400))
def test_random_text_never_breaks_the_contract(text: str) -> None:
    try:
        document = load(text.encode("utf-8"), name="random.txt")
    except UnusableInput as error:  # empty or binary-looking input: refused with one clear line
        assert str(error).startswith("random.txt: ") and "\n" not in str(error)
        return
    assert_contract(check_document(document, load_convention()))
