"""Golden reports: the findings on each sample law, in canonical JSON, are what they were.

A change to the rules that moves a finding fails here; when the move is intended, regenerate
with `pytest tests/test_golden.py --update-golden` and review the diff of tests/golden/ like code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lexalign.pipeline import check

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
GOLDEN = Path(__file__).resolve().parent / "golden"
LAWS = sorted(p.name for p in CORPORA.iterdir() if p.suffix == ".txt")


def findings(law: str) -> dict:
    """What a reviewer reads: status, evidence in rank order and missing elements per assessed article
    (scores and versions left out: they move without the findings changing)."""
    report = check(CORPORA / law)
    return {
        str(a.article): {"status": a.status, "evidence": [e.provision for e in a.evidence], "missing": a.missing_elements}
        for a in report.articles
        if a.status != "not_assessed"
    }


@pytest.mark.parametrize("law", LAWS)
def test_golden_findings(law: str, request: pytest.FixtureRequest) -> None:
    path = GOLDEN / f"{Path(law).stem}.findings.json"
    actual = json.dumps(findings(law), indent=1, sort_keys=True) + "\n"
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run pytest tests/test_golden.py --update-golden"
    assert actual == path.read_text(encoding="utf-8")
