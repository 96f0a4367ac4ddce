"""Sample corpora: every law has a manifest entry and a gold file in the shared format, and
every provision the gold cites is a provision the segmenter finds."""

from __future__ import annotations

import json

import pytest

from factories import ASSESSED
from lexalign.ingest import load
from lexalign.models import GoldFile, ManifestEntry
from lexalign.segment import segment
from lexalign.settings import REPO_ROOT

CORPORA = REPO_ROOT / "corpora"
LAWS = sorted(p.name for p in CORPORA.glob("*.txt"))


def manifest() -> dict[str, ManifestEntry]:
    data = json.loads((CORPORA / "manifest.json").read_text(encoding="utf-8"))
    return {entry.file: entry for entry in (ManifestEntry.model_validate(raw) for raw in data["laws"])}


def gold(law: str) -> GoldFile:
    return GoldFile.model_validate_json((CORPORA / law.replace(".txt", ".gold.json")).read_text(encoding="utf-8"))


def test_at_least_three_laws_in_the_manifest():
    assert len(LAWS) >= 3
    assert sorted(manifest()) == LAWS


@pytest.mark.parametrize("law", LAWS)
def test_manifest_entry_is_complete(law):
    entry = manifest()[law]
    assert entry.country and len(entry.country) == 2
    assert entry.title and entry.year and entry.language and entry.status


@pytest.mark.parametrize("law", LAWS)
def test_law_size_is_realistic(law):
    assert 5_000 <= len((CORPORA / law).read_text(encoding="utf-8")) <= 17_000


@pytest.mark.parametrize("law", LAWS)
def test_gold_covers_exactly_the_assessed_set(law):
    assessment = gold(law)
    assert assessment.law == law
    assert sorted(int(n) for n in assessment.articles) == ASSESSED
    for number, article in assessment.articles.items():
        # absent cites nothing; present cites at least one provision
        assert (article.status == "absent") == (not article.provisions), number


@pytest.mark.parametrize("law", LAWS)
def test_gold_agrees_with_the_manifest(law):
    assert gold(law).country == manifest()[law].country


def test_every_tradition_has_gaps_and_coverage():
    for law in LAWS:
        statuses = {a.status for a in gold(law).articles.values()}
        assert {"covered", "absent"} <= statuses, law


@pytest.mark.parametrize("law", LAWS)
def test_gold_provisions_are_segmented(law):
    ids = {provision.id for provision in segment(load(CORPORA / law)).provisions}
    cited = {pid for article in gold(law).articles.values() for pid in article.provisions}
    assert sorted(cited - ids) == []
