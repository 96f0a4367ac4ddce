"""The review store: persistence, audit trail, concurrent writers, applying reviews, gold export."""

from __future__ import annotations

import threading

import pytest

from app_factories import SHA, report
from lexalign.models import GoldFile
from lexalign.review import ReviewStore, apply_reviews, reviewed_report, to_gold


@pytest.fixture
def store(tmp_path):
    return ReviewStore(tmp_path / "reviews.sqlite3")


@pytest.mark.parametrize(
    ("kwargs", "status", "engine_status", "evidence"),
    [
        # override covered -> partial, evidence unchanged
        ({"status": "partial"}, "partial", "covered", ["3"]),
        # confirm (status None) keeps the engine's status and marks the article reviewed
        ({}, "covered", "covered", ["3"]),
        # add a provision: reviewer's evidence comes first
        ({"evidence_added": ["5"]}, "covered", "covered", ["5", "3"]),
        # remove the engine's only evidence and call it absent
        ({"status": "absent", "evidence_removed": ["3"]}, "absent", "covered", []),
        # an unknown provision id is not added (report contract: evidence ids exist)
        ({"evidence_added": ["99"]}, "covered", "covered", ["3"]),
        # adding evidence the engine already had does not duplicate it
        ({"evidence_added": ["3"]}, "covered", "covered", ["3"]),
    ],
)
def test_apply_reviews(store, kwargs, status, engine_status, evidence):
    store.record(SHA, 7, "Ana", note="checked", **kwargs)
    reviewed = reviewed_report(report(), store)
    article = reviewed.articles[6]
    assert article.article == 7
    assert (article.status, article.engine_status) == (status, engine_status)
    assert [e.provision for e in article.evidence] == evidence
    assert article.reviewed_by == "Ana" and article.note == "checked" and article.reviewed_at.endswith("+00:00")
    # every other article is untouched
    assert all(a.reviewed_by is None and a.engine_status is None for a in reviewed.articles if a.article != 7)


def test_restart_keeps_decisions(tmp_path):
    ReviewStore(tmp_path / "r.sqlite3").record(SHA, 11, "Ana", status="partial")
    again = ReviewStore(tmp_path / "r.sqlite3")
    assert again.latest(SHA)[11].status == "partial"


def test_default_path_follows_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LEXALIGN_DATA_DIR", str(tmp_path / "data"))
    ReviewStore().record(SHA, 7, "Ana")
    assert (tmp_path / "data" / "reviews.sqlite3").exists()


def test_latest_wins_history_kept(store):
    store.record(SHA, 9, "Ana", status="partial", note="first")
    store.record(SHA, 9, "Ben", status="absent", note="second")
    assert store.latest(SHA)[9].reviewer == "Ben"
    assert [(d.reviewer, d.status, d.note) for d in store.history(SHA, 9)] == [("Ana", "partial", "first"), ("Ben", "absent", "second")]
    assert reviewed_report(report(), store).articles[8].status == "absent"


def test_decisions_are_per_document(store):
    store.record("cd" * 32, 7, "Ana", status="absent")
    assert store.latest(SHA) == {}
    # a decision for another document is ignored even when passed in explicitly
    other = store.latest("cd" * 32)
    assert apply_reviews(report(), other).articles[6].status == "covered"


def test_two_writers_on_different_articles(store):
    # Two reviewers saving at the same time through separate store objects and threads.
    def write(reviewer: str, articles: range) -> None:
        writer = ReviewStore(store.path)
        for number in articles:
            writer.record(SHA, number, reviewer, status="partial")

    threads = [threading.Thread(target=write, args=("Ana", range(7, 22))), threading.Thread(target=write, args=("Ben", range(22, 37)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latest = store.latest(SHA)
    assert sorted(latest) == list(range(7, 37))
    assert {latest[n].reviewer for n in range(7, 22)} == {"Ana"} and {latest[n].reviewer for n in range(22, 37)} == {"Ben"}


@pytest.mark.parametrize(
    ("include_unreviewed", "expected_keys"),
    [
        # only the reviewed articles of the assessed set (article 2 is not assessed)
        (False, {"7", "9"}),
        # filled with engine findings for every other assessed article
        (True, {str(n) for n in [*range(7, 49), 53]}),
    ],
)
def test_gold_export(store, include_unreviewed, expected_keys):
    store.record(SHA, 7, "Ana", status="partial", evidence_added=["4"], note="only protected computers")
    store.record(SHA, 9, "Ana", status="absent")
    store.record(SHA, 2, "Ana", status="covered")
    gold = to_gold(reviewed_report(report(), store), include_unreviewed=include_unreviewed)
    parsed = GoldFile.model_validate(gold)
    assert set(parsed.articles) == expected_keys
    assert parsed.law == "xx_test_act.txt"
    assert parsed.articles["7"].status == "partial" and parsed.articles["7"].provisions == ["4", "3"]
    assert "only protected computers" in parsed.articles["7"].note and "Ana" in parsed.articles["7"].note
    assert parsed.articles["9"].provisions == []  # absent lists no provisions
