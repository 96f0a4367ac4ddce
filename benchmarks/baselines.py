"""Two baselines a user might pick instead of LexAlign, scored side by side with it on the dev set.

* BM25: each article's description (the model's own summary, title and element names) searched
  against the law's sections; the article is present when the best score passes a threshold.
* rapidfuzz: token-set similarity of the same description with each section, same rule.
Thresholds are tuned on the dev set itself (the most favourable setting for the baselines).

    .venv/bin/python benchmarks/baselines.py [--dev DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Callable

import bm25s
from rapidfuzz import fuzz

from lexalign.convention import load_convention
from lexalign.evaluate import METRIC_COLUMNS, ArticleOutcome, metrics, outcomes_for
from lexalign.ingest import load
from lexalign.models import Assessment, Evidence, GoldFile, Report, SegmentedLaw
from lexalign.pipeline import check
from lexalign.report import build_report
from lexalign.segment import segment
from lexalign.settings import dev_data_dir

Scorer = Callable[[SegmentedLaw, list[str]], list[list[float]]]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def bm25_scores(law: SegmentedLaw, queries: list[str]) -> list[list[float]]:
    sections = _sections(law)
    retriever = bm25s.BM25()
    retriever.index([_words(f"{p.heading} {p.text}") for p in sections], show_progress=False)
    return [list(map(float, retriever.get_scores(_words(q)))) for q in queries]


def fuzz_scores(law: SegmentedLaw, queries: list[str]) -> list[list[float]]:
    sections = _sections(law)
    return [[fuzz.token_set_ratio(q, f"{p.heading} {p.text}") / 100 for p in sections] for q in queries]


def _sections(law: SegmentedLaw):
    sections = [p for p in law.provisions if p.kind == "section"]
    return sections or [p for p in law.provisions if p.parent is None]


def baseline_report(law: SegmentedLaw, scores: list[list[float]], threshold: float) -> Report:
    convention = load_convention()
    assessed = [a for a in convention.articles if a.assessed]
    sections = _sections(law)
    assessments = []
    for article, row in zip(assessed, scores):
        best = max(range(len(row)), key=row.__getitem__) if row else None
        present = best is not None and row[best] >= threshold
        evidence = [Evidence(provision=sections[best].id, score=min(1.0, row[best]))] if present else []
        assessments.append(Assessment(article=article.number, title=article.title, chapter=article.chapter, status="covered" if present else "absent", confidence=0.5, evidence=evidence))
    return build_report(law, assessments, convention)


def run(dev: Path) -> dict[str, dict[str, float]]:
    convention = load_convention()
    queries = [" ".join([a.title, a.summary, *(e.label for e in a.elements)]) for a in convention.articles if a.assessed]
    golds = [GoldFile.model_validate(json.loads(p.read_text())) for p in sorted((dev / "gold").glob("*.gold.json"))]
    laws = {g.law: segment(load(dev / "laws" / g.law)) for g in golds}
    table: dict[str, dict[str, float]] = {}
    for name, scorer in (("BM25", bm25_scores), ("rapidfuzz", fuzz_scores)):
        scored = {g.law: scorer(laws[g.law], queries) for g in golds}
        candidates = sorted({round(v, 3) for rows in scored.values() for row in rows for v in row})
        best: tuple[float, list[ArticleOutcome]] | None = None
        for threshold in candidates[:: max(1, len(candidates) // 200)]:
            outcomes = [o for g in golds for o in outcomes_for(g, baseline_report(laws[g.law], scored[g.law], threshold), g.law)]
            accuracy = metrics(outcomes).status_accuracy
            if best is None or accuracy > metrics(best[1]).status_accuracy:
                best = (threshold, outcomes)
        assert best is not None
        table[f"{name} (threshold {best[0]:.3f})"] = metrics(best[1]).model_dump()
    lexalign = [o for g in golds for o in outcomes_for(g, check(dev / "laws" / g.law), g.law)]
    table["LexAlign"] = metrics(lexalign).model_dump()
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=dev_data_dir())
    args = parser.parse_args()
    if not (args.dev / "gold").is_dir():
        print(f"no dev set at {args.dev}: set LEXALIGN_DEV_DATA", file=sys.stderr)
        return 2
    table = run(args.dev)
    names = list(table)
    print("| metric | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for key, title in METRIC_COLUMNS:
        print(f"| {title} | " + " | ".join(f"{table[n][key]:.3f}" for n in names) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
