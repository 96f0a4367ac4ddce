"""The eval metrics follow FORMAT.md section 4 exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lexalign.evaluate import ArticleOutcome, EvalResult, evaluate, format_table, metrics, provision_matches, reliability
from lexalign.models import Assessment, Evidence, Report, ReportDocument


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("4.a.1", "4.a.1", True),  # equal
        ("4.a.1", "4.a", True),  # predicted inside gold
        ("4.a.1.i", "4", True),  # deep inside gold still inside
        ("4.a", "4.a.1", True),  # gold one level inside predicted
        ("4", "4.a.1", False),  # two levels coarser does not match
        ("4.b", "4.a", False),  # siblings
        ("14", "141", False),  # prefix of the number is not containment
        ("477.1.1", "477.1", True),  # section numbers with dots
        ("1030.a", "1030.a.5", True),
    ],
)
def test_provision_matching(predicted: str, gold: str, expected: bool) -> None:
    assert provision_matches(predicted, gold) is expected


def outcome(gold: str, predicted: str, gold_ids=(), predicted_ids=(), confidence: float = 0.9) -> ArticleOutcome:
    return ArticleOutcome(law="x", article=7, gold_status=gold, predicted_status=predicted, confidence=confidence, gold_provisions=list(gold_ids), predicted_provisions=list(predicted_ids))


def test_metrics_on_a_small_set() -> None:
    outcomes = [
        outcome("covered", "covered", ["3.1"], ["3.1", "9"]),  # one right, one wrong evidence
        outcome("partial", "covered", ["5"], ["5.2"]),  # status wrong, still present; evidence right
        outcome("absent", "absent"),
        outcome("absent", "partial", [], ["7"]),  # a missed gap; evidence not scored (gold absent)
        outcome("covered", "absent", ["8"], []),  # missed presence
    ]
    result = metrics(outcomes)
    assert result.status_accuracy == pytest.approx(2 / 5)
    assert result.presence_precision == pytest.approx(2 / 3)
    assert result.presence_recall == pytest.approx(2 / 3)
    assert result.gap_recall == pytest.approx(1 / 2)
    assert result.evidence_precision == pytest.approx(2 / 3)
    assert result.evidence_recall == pytest.approx(2 / 2)
    assert result.top1_evidence == pytest.approx(1.0)


def test_top1_uses_the_highest_scored_evidence() -> None:
    result = metrics([outcome("covered", "covered", ["3"], ["9", "3"])])
    assert result.top1_evidence == 0.0
    assert result.evidence_recall == 1.0


def test_reliability_and_calibration_error() -> None:
    outcomes = [outcome("covered", "covered", confidence=0.85)] * 8 + [outcome("covered", "absent", confidence=0.85)] * 2
    table, ece = reliability(outcomes)
    assert len(table) == 1 and table[0].count == 10
    assert table[0].accuracy == pytest.approx(0.8)
    assert ece == pytest.approx(0.05)


def _report(status: str, evidence: list[str]) -> Report:
    document = ReportDocument(source="law.txt", sha256="0", format="txt", language="en", characters=1, pages=1)
    articles = [Assessment(article=7, title="Illegal access", chapter=2, status=status, confidence=0.9, evidence=[Evidence(provision=p, score=1.0 - i / 10) for i, p in enumerate(evidence)])]
    return Report(lexalign_version="t", model_version="t", document=document, provisions=[], articles=articles)


def test_evaluate_reads_a_gold_folder_and_survives_a_bad_law(tmp_path: Path) -> None:
    for name, status in (("good", "covered"), ("broken", "absent")):
        gold = {"law": f"{name}.txt", "articles": {"7": {"status": status, "provisions": ["3"] if status == "covered" else []}}}
        (tmp_path / f"{name}.gold.json").write_text(json.dumps(gold))

    def check(path: Path) -> Report:
        if path.name == "broken.txt":
            raise ValueError("cannot read")
        return _report("covered", ["3.1"])

    result = evaluate(tmp_path, tmp_path, check)
    assert list(result.per_law) == ["good.txt"]
    assert result.errors == {"broken.txt": "cannot read"}
    assert result.pooled.status_accuracy == 1.0 and result.pooled.evidence_f1 == 1.0
    assert "POOLED" in format_table(result) and "broken.txt" in format_table(result)


def test_a_broken_gold_file_is_reported_and_the_others_scored(tmp_path: Path) -> None:
    (tmp_path / "bad.gold.json").write_text("{not json")
    (tmp_path / "good.gold.json").write_text(json.dumps({"law": "good.txt", "articles": {"7": {"status": "covered", "provisions": ["3"]}}}))
    result = evaluate(tmp_path, tmp_path, lambda path: _report("covered", ["3"]))
    assert list(result.per_law) == ["good.txt"]
    assert "bad.gold.json" in result.errors and "gold file" in result.errors["bad.gold.json"]


def test_cli_eval_missing_folder_is_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lexalign.cli import app

    result = CliRunner().invoke(app, ["eval", str(tmp_path / "nowhere"), "--laws", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such folder" in result.output and "Traceback" not in result.output


def test_a_gold_file_with_a_bad_article_number_is_reported(tmp_path: Path) -> None:
    (tmp_path / "odd.gold.json").write_text(json.dumps({"law": "odd.txt", "articles": {"7a": {"status": "absent"}}}))
    result = evaluate(tmp_path, tmp_path, lambda path: _report("covered", ["3"]))
    assert "odd.gold.json" in result.errors and result.per_law == {}


def test_per_article_table_marks_what_cannot_be_measured() -> None:
    outcomes = [outcome("covered", "covered", ["3"], ["3"]), outcome("covered", "covered", ["4"], ["9"])]
    table = format_table(EvalResult(per_law={}, pooled=metrics(outcomes), confusion={}, reliability=[], outcomes=outcomes), per_article=True)
    row = next(line for line in table.splitlines() if line.startswith("│ 7 "))
    assert "–" in row  # no gold gap for article 7: gap recall is not 0, it is undefined
    assert "0.500" in row  # evidence: one of two right
