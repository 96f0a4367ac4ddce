"""Scores reports against expert assessments (shared/eval/FORMAT.md section 4).

Works on any folder of `<stem>.gold.json` files: experts use it on their own annotated laws.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable

from pydantic import BaseModel, ConfigDict

from lexalign.models import GoldFile, Report

STATUSES = ("covered", "partial", "absent")
PRESENT = {"covered", "partial"}


class ArticleOutcome(BaseModel):
    """One (law, assessed article) pair: what the experts said and what the report said."""

    model_config = ConfigDict(frozen=True)

    law: str
    article: int
    gold_status: str
    predicted_status: str
    confidence: float
    gold_provisions: list[str]
    predicted_provisions: list[str]  # ranked, best first


class Metrics(BaseModel):
    model_config = ConfigDict(frozen=True)

    pairs: int
    status_accuracy: float
    presence_precision: float
    presence_recall: float
    presence_f1: float
    gap_recall: float
    evidence_precision: float
    evidence_recall: float
    evidence_f1: float
    top1_evidence: float
    ece: float


class ReliabilityBin(BaseModel):
    model_config = ConfigDict(frozen=True)

    low: float
    high: float
    count: int
    mean_confidence: float
    accuracy: float


class EvalResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    per_law: dict[str, Metrics]
    pooled: Metrics
    confusion: dict[str, dict[str, int]]  # gold status -> predicted status -> count
    reliability: list[ReliabilityBin]
    outcomes: list[ArticleOutcome]
    errors: dict[str, str] = {}


def provision_matches(predicted: str, gold: str) -> bool:
    """FORMAT.md: equal, predicted inside gold, or gold directly (one level) inside predicted."""
    if predicted == gold or predicted.startswith(gold + "."):
        return True
    return gold.startswith(predicted + ".") and "." not in gold[len(predicted) + 1 :]


def outcomes_for(gold: GoldFile, report: Report, law_name: str) -> list[ArticleOutcome]:
    """Pair every assessed article of the gold file with the report's finding."""
    by_article = {a.article: a for a in report.articles}
    outcomes = []
    for key, expert in sorted(gold.articles.items(), key=lambda kv: int(kv[0])):
        found = by_article.get(int(key))
        ranked = sorted(found.evidence, key=lambda e: -e.score) if found else []
        outcomes.append(
            ArticleOutcome(
                law=law_name,
                article=int(key),
                gold_status=expert.status,
                predicted_status=found.status if found else "missing",
                confidence=found.confidence if found else 0.0,
                gold_provisions=expert.provisions,
                predicted_provisions=[e.provision for e in ranked],
            )
        )
    return outcomes


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)


def reliability(outcomes: Iterable[ArticleOutcome], bins: int = 10) -> tuple[list[ReliabilityBin], float]:
    """Confidence against status agreement, in equal-width bins, and the expected calibration error."""
    outcomes = list(outcomes)
    table: list[ReliabilityBin] = []
    ece = 0.0
    for index in range(bins):
        low, high = index / bins, (index + 1) / bins
        members = [o for o in outcomes if low <= o.confidence < high or (index == bins - 1 and o.confidence == 1.0)]
        if not members:
            continue
        mean_confidence = sum(o.confidence for o in members) / len(members)
        accuracy = sum(o.predicted_status == o.gold_status for o in members) / len(members)
        ece += len(members) / len(outcomes) * abs(mean_confidence - accuracy)
        table.append(ReliabilityBin(low=low, high=high, count=len(members), mean_confidence=mean_confidence, accuracy=accuracy))
    return table, ece


def metrics(outcomes: list[ArticleOutcome]) -> Metrics:
    """FORMAT.md section 4 metrics over a list of pairs (one law, or pooled over many)."""
    correct = sum(o.predicted_status == o.gold_status for o in outcomes)
    true_present = sum(o.gold_status in PRESENT and o.predicted_status in PRESENT for o in outcomes)
    predicted_present = sum(o.predicted_status in PRESENT for o in outcomes)
    gold_present = sum(o.gold_status in PRESENT for o in outcomes)
    gold_absent = [o for o in outcomes if o.gold_status == "absent"]
    both = [o for o in outcomes if o.gold_status in PRESENT and o.predicted_status in PRESENT]
    reported = sum(len(o.predicted_provisions) for o in both)
    reported_right = sum(any(provision_matches(p, g) for g in o.gold_provisions) for o in both for p in o.predicted_provisions)
    gold_total = sum(len(o.gold_provisions) for o in both)
    gold_found = sum(any(provision_matches(p, g) for p in o.predicted_provisions) for o in both for g in o.gold_provisions)
    top1 = sum(bool(o.predicted_provisions) and any(provision_matches(o.predicted_provisions[0], g) for g in o.gold_provisions) for o in both)
    presence_precision = _ratio(true_present, predicted_present)
    presence_recall = _ratio(true_present, gold_present)
    evidence_precision = _ratio(reported_right, reported)
    evidence_recall = _ratio(gold_found, gold_total)
    return Metrics(
        pairs=len(outcomes),
        status_accuracy=_ratio(correct, len(outcomes)),
        presence_precision=presence_precision,
        presence_recall=presence_recall,
        presence_f1=_f1(presence_precision, presence_recall),
        gap_recall=_ratio(sum(o.predicted_status == "absent" for o in gold_absent), len(gold_absent)),
        evidence_precision=evidence_precision,
        evidence_recall=evidence_recall,
        evidence_f1=_f1(evidence_precision, evidence_recall),
        top1_evidence=_ratio(top1, len(both)),
        ece=reliability(outcomes)[1],
    )


def evaluate(gold_dir: Path, laws_dir: Path, check: Callable[[Path], Report]) -> EvalResult:
    """Run `check` on every law that has a gold file and score the reports.

    A law that cannot be read is recorded in `errors` and the others still run."""
    outcomes: list[ArticleOutcome] = []
    per_law: dict[str, Metrics] = {}
    errors: dict[str, str] = {}
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        try:
            gold = GoldFile.model_validate(json.loads(gold_path.read_text(encoding="utf-8")))
            for key in gold.articles:
                int(key)  # article numbers; "7a" is not one
        except (ValueError, OSError) as error:  # bad JSON or not the gold format: report it, score the rest
            errors[gold_path.name] = f"not a gold file in the shared format: {str(error).splitlines()[0]}"
            continue
        law_path = Path(laws_dir) / gold.law
        try:
            report = check(law_path)
        except Exception as error:  # noqa: BLE001 - one bad law must not stop the others
            errors[gold.law] = str(error)
            continue
        law_outcomes = outcomes_for(gold, report, gold.law)
        per_law[gold.law] = metrics(law_outcomes)
        outcomes.extend(law_outcomes)
    confusion = {g: dict(Counter(o.predicted_status for o in outcomes if o.gold_status == g)) for g in STATUSES}
    table, _ = reliability(outcomes)
    return EvalResult(per_law=per_law, pooled=metrics(outcomes), confusion=confusion, reliability=table, outcomes=outcomes, errors=errors)


METRIC_COLUMNS = (
    ("status_accuracy", "status acc"),
    ("presence_f1", "presence F1"),
    ("gap_recall", "gap recall"),
    ("evidence_precision", "evid P"),
    ("evidence_recall", "evid R"),
    ("evidence_f1", "evid F1"),
    ("top1_evidence", "top-1"),
    ("ece", "ECE"),
)


def by_article(outcomes: list[ArticleOutcome]) -> dict[int, Metrics]:
    """The metrics of each article over all laws: where the engine and the experts part."""
    articles = sorted({o.article for o in outcomes})
    return {number: metrics([o for o in outcomes if o.article == number]) for number in articles}


def _undefined_metrics(outcomes: list[ArticleOutcome]) -> set[str]:
    """Metrics with nothing to count for these pairs (no gold gap, no finding present on both sides)."""
    undefined = set()
    if not any(o.gold_status == "absent" for o in outcomes):
        undefined.add("gap_recall")
    if not any(o.gold_status in PRESENT or o.predicted_status in PRESENT for o in outcomes):
        undefined.add("presence_f1")
    if not any(o.gold_status in PRESENT and o.predicted_status in PRESENT for o in outcomes):
        undefined |= {"evidence_precision", "evidence_recall", "evidence_f1", "top1_evidence"}
    return undefined


def format_table(result: EvalResult, per_article: bool = False) -> str:
    """The eval result as plain-text tables: per law and pooled, confusion, reliability, and with
    `per_article` one row per article."""
    from rich.console import Console
    from rich.table import Table

    console = Console(width=140, force_terminal=False, color_system=None)
    scores = Table(title="Scores against expert assessments (assessed articles only)")
    scores.add_column("law")
    scores.add_column("pairs", justify="right")
    for _, title in METRIC_COLUMNS:
        scores.add_column(title, justify="right")
    rows = [*result.per_law.items(), ("POOLED", result.pooled)]
    for name, values in rows:
        scores.add_row(name, str(values.pairs), *(f"{getattr(values, key):.3f}" for key, _ in METRIC_COLUMNS))
    confusion = Table(title="Status confusion (rows: experts, columns: LexAlign)")
    predicted = ["covered", "partial", "absent", "not_assessed", "missing"]
    confusion.add_column("gold \\ predicted")
    for status in predicted:
        confusion.add_column(status, justify="right")
    for gold_status, counts in result.confusion.items():
        confusion.add_row(gold_status, *(str(counts.get(status, 0)) for status in predicted))
    calibration = Table(title=f"Reliability of confidence (expected calibration error {result.pooled.ece:.3f})")
    for column in ("confidence bin", "findings", "mean confidence", "agree with experts"):
        calibration.add_column(column, justify="right")
    for bin_ in result.reliability:
        calibration.add_row(f"{bin_.low:.1f}-{bin_.high:.1f}", str(bin_.count), f"{bin_.mean_confidence:.3f}", f"{bin_.accuracy:.3f}")
    tables = [scores, confusion, calibration]
    if per_article:
        articles = Table(title="Per article, over all laws")
        articles.add_column("article")
        articles.add_column("laws", justify="right")
        for _, title in METRIC_COLUMNS[:-1]:
            articles.add_column(title, justify="right")
        for number, values in by_article(result.outcomes).items():
            pairs = [o for o in result.outcomes if o.article == number]
            undefined = _undefined_metrics(pairs)
            articles.add_row(str(number), str(values.pairs), *("–" if key in undefined else f"{getattr(values, key):.3f}" for key, _ in METRIC_COLUMNS[:-1]))
        tables.append(articles)
    with console.capture() as capture:
        for table in tables:
            console.print(table)
        for law, error in result.errors.items():
            console.print(f"error: {law}: {error}")
    return capture.get()
