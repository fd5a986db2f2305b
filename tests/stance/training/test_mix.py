"""The hand-written news pairs in data/stancepairs and how the training mix uses them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from narrcomp.evaluate.stance_data import load_claimpairs
from narrcomp.stance.training.mix import news_pairs

DATA = Path(__file__).resolve().parents[3] / "data" / "stancepairs"


def test_news_pairs_use_both_orders_repeated_with_three_way_labels():
    table = load_claimpairs(DATA / "train.jsonl", "all")
    rows = news_pairs([DATA / "train.jsonl"], repeat=3)
    assert len(rows) == 6 * len(table)
    assert set(rows["label"]) == {"agree", "contradict", "neutral"}
    assert (rows["source"] == "newspairs").all()
    first = table.iloc[0]
    reversed_rows = rows[(rows["a"] == first["b"]) & (rows["b"] == first["a"])]
    assert len(reversed_rows) == 3 and set(reversed_rows["label"]) == {first["label"]}
    neutral = table["label4"].isin(["related", "unrelated"])
    assert (rows["label"] == "neutral").sum() == 6 * neutral.sum()


def test_test_pairs_share_no_incident_and_no_sentence_with_the_training_pairs():
    train = pd.read_json(DATA / "train.jsonl", lines=True)
    test = pd.read_json(DATA / "test.jsonl", lines=True)
    assert not set(train["topic"]) & set(test["topic"])
    assert not (set(train["a"]) | set(train["b"])) & (set(test["a"]) | set(test["b"]))
    for table in (train, test):
        assert table["id"].is_unique
        assert set(table["label"]) == {"agree", "contradict", "related", "unrelated"}
        words = pd.concat([table["a"], table["b"]]).str.split().str.len()
        assert words.between(8, 35).all()
