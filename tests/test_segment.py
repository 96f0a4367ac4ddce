"""Segmentation of the real dev laws: the ids their expert assessments cite must exist.

The laws are read from settings.dev_data_dir() (LEXALIGN_DEV_DATA); never copied here.
"""

from __future__ import annotations

import json

import pytest

from lexalign import settings
from lexalign.ingest import load
from lexalign.segment import segment

DEV = settings.dev_data_dir()
GOLDS = sorted((DEV / "gold").glob("*.gold.json")) if (DEV / "gold").is_dir() else []

pytestmark = [
    pytest.mark.dev_data,
    pytest.mark.skipif(not GOLDS, reason=f"dev set not found at {DEV} (set LEXALIGN_DEV_DATA)"),
]


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name.split(".")[0])
def test_gold_cited_ids_are_segmented(gold_path):
    # >= 98 % of the provision ids an expert cites for this law are among the segmented ids.
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    cited = {pid for article in gold["articles"].values() for pid in article["provisions"]}
    law = segment(load(DEV / "laws" / gold["law"]))
    ids = [p.id for p in law.provisions]
    assert len(ids) == len(set(ids)), "duplicate provision ids"
    missing = sorted(cited - set(ids))
    assert len(cited - set(ids)) <= 0.02 * len(cited), f"missing cited ids: {missing}"


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name.split(".")[0])
def test_dev_law_tree_is_consistent(gold_path):
    # Every parent exists and comes before its children; a node's span contains its children's.
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    law = segment(load(DEV / "laws" / gold["law"]))
    seen = {}
    for provision in law.provisions:
        if provision.parent is not None:
            parent = seen[provision.parent]
            assert parent.start <= provision.start and provision.end <= parent.end
        seen[provision.id] = provision
