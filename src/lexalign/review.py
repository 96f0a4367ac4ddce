"""The review store: reviewers' decisions in SQLite, and applying them to a Report.

Decisions are appended, never updated: the latest decision for a (document, article)
wins and the earlier ones stay as the audit trail. Each call opens its own connection
(WAL mode, busy timeout), so two reviewers in two app sessions can write at once.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from lexalign import settings
from lexalign.models import Assessment, Decision, Evidence, GoldFile, Report, Status

STORE_NAME = "reviews.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document TEXT NOT NULL,
    article INTEGER NOT NULL,
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL,
    status TEXT,
    evidence_added TEXT NOT NULL DEFAULT '[]',
    evidence_removed TEXT NOT NULL DEFAULT '[]',
    note TEXT
);
CREATE INDEX IF NOT EXISTS decisions_by_article ON decisions (document, article, id);
"""

_COLUMNS = "document, article, reviewer, at, status, evidence_added, evidence_removed, note"


def default_store_path() -> Path:
    """Where the review store lives: `reviews.sqlite3` in the data folder (LEXALIGN_DATA_DIR)."""
    return settings.data_dir() / STORE_NAME


def utc_now() -> str:
    """Current time as a UTC ISO 8601 string, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class ReviewStore:
    """Append-only decisions table in one SQLite file."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as connection:
            # WAL lets readers go on while one session writes; it is a property of the file.
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        # One connection per call: sqlite3 connections must not cross threads, and Streamlit
        # runs each session's script in its own thread.
        connection = sqlite3.connect(self.path, timeout=30)
        connection.execute("PRAGMA busy_timeout = 30000")
        return connection

    def record(
        self,
        document: str,
        article: int,
        reviewer: str,
        *,
        status: Status | None = None,
        evidence_added: Iterable[str] = (),
        evidence_removed: Iterable[str] = (),
        note: str | None = None,
    ) -> Decision:
        """Append a decision, stamped with the current UTC time, and return it."""
        decision = Decision(
            document=document,
            article=article,
            reviewer=reviewer.strip() or "anonymous",
            at=utc_now(),
            status=status,
            evidence_added=list(evidence_added),
            evidence_removed=list(evidence_removed),
            note=(note or "").strip() or None,
        )
        self.save(decision)
        return decision

    def save(self, decision: Decision) -> None:
        """Append one decision as given (its timestamp included)."""
        row = (
            decision.document,
            decision.article,
            decision.reviewer,
            decision.at,
            decision.status,
            json.dumps(decision.evidence_added),
            json.dumps(decision.evidence_removed),
            decision.note,
        )
        with closing(self._connect()) as connection, connection:
            connection.execute(f"INSERT INTO decisions ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)

    def history(self, document: str, article: int) -> list[Decision]:
        """Every decision on one article of one document, oldest first."""
        query = f"SELECT {_COLUMNS} FROM decisions WHERE document = ? AND article = ? ORDER BY id"
        with closing(self._connect()) as connection:
            return [_decision(row) for row in connection.execute(query, (document, article))]

    def latest(self, document: str) -> dict[int, Decision]:
        """The decision in force for each reviewed article of a document (the last one saved)."""
        query = f"SELECT {_COLUMNS} FROM decisions WHERE document = ? ORDER BY id"
        with closing(self._connect()) as connection:
            rows = connection.execute(query, (document,)).fetchall()
        # Rows come oldest first, so later decisions overwrite earlier ones.
        return {decision.article: decision for decision in map(_decision, rows)}


def _decision(row: tuple) -> Decision:
    document, article, reviewer, at, status, added, removed, note = row
    return Decision(
        document=document,
        article=article,
        reviewer=reviewer,
        at=at,
        status=status,
        evidence_added=json.loads(added),
        evidence_removed=json.loads(removed),
        note=note,
    )


def apply_reviews(report: Report, decisions: dict[int, Decision] | Iterable[Decision]) -> Report:
    """The reviewed report: each decided article takes the reviewer's status and evidence.

    `status` becomes the reviewed status and `engine_status` keeps the engine's; evidence the
    reviewer added comes first with score 1.0 (it is the reviewer's word), removed evidence goes.
    Decisions for other documents or unknown articles are ignored."""
    if not isinstance(decisions, dict):
        by_article: dict[int, Decision] = {}
        for decision in decisions:
            by_article[decision.article] = decision
        decisions = by_article
    provisions = {p.id: p for p in report.provisions}
    articles = []
    for assessment in report.articles:
        decision = decisions.get(assessment.article)
        if decision is None or decision.document != report.document.sha256:
            articles.append(assessment)
        else:
            articles.append(_apply(assessment, decision, provisions))
    return report.model_copy(update={"articles": articles})


def _apply(assessment: Assessment, decision: Decision, provisions: dict) -> Assessment:
    engine_status = assessment.engine_status or assessment.status
    removed = set(decision.evidence_removed) | set(decision.evidence_added)
    kept = [e for e in assessment.evidence if e.provision not in removed]
    added = [
        Evidence(provision=pid, score=1.0, label=provisions[pid].label, page=provisions[pid].page)
        for pid in dict.fromkeys(decision.evidence_added)
        # The report contract: every evidence id is one of the report's provisions.
        if pid in provisions
    ]
    return assessment.model_copy(
        update={
            "status": decision.status or engine_status,
            "engine_status": engine_status,
            "evidence": [*added, *kept],
            "reviewed_by": decision.reviewer,
            "reviewed_at": decision.at,
            "note": decision.note,
        }
    )


def reviewed_report(report: Report, store: ReviewStore | None = None) -> Report:
    """The report with the store's latest decisions for its document applied."""
    store = store or ReviewStore()
    return apply_reviews(report, store.latest(report.document.sha256))


def to_gold(report: Report, *, include_unreviewed: bool = False) -> dict:
    """The reviewed decisions as a `.gold.json` dict (FORMAT.md section 1), assessed set only.

    By default only reviewed articles are written, so `lexalign eval` never scores the engine
    against its own unchecked output; `include_unreviewed` fills the rest with engine findings."""
    articles: dict[str, dict] = {}
    for assessment in report.articles:
        if (assessment.engine_status or assessment.status) == "not_assessed" or assessment.status == "not_assessed":
            continue
        if assessment.reviewed_by is None and not include_unreviewed:
            continue
        provisions = [] if assessment.status == "absent" else [e.provision for e in assessment.evidence]
        entry: dict = {"status": assessment.status, "provisions": provisions}
        if assessment.reviewed_by is not None:
            who = f"reviewed by {assessment.reviewed_by} at {assessment.reviewed_at}"
            entry["note"] = f"{assessment.note} ({who})" if assessment.note else who
        else:
            entry["note"] = "engine finding, not reviewed"
        articles[str(assessment.article)] = entry
    gold = {
        "law": report.document.source,
        "language": report.document.language,
        "sha256": report.document.sha256,
        "articles": articles,
    }
    GoldFile.model_validate(gold)  # the export must be readable by `lexalign eval`
    return gold
