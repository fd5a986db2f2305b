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


def test_training_development_and_test_pairs_share_no_incident_and_no_sentence():
    read = lambda name: pd.read_json(DATA / name, lines=True)  # noqa: E731
    train = pd.concat([read(f.name) for f in sorted(DATA.glob("train*.jsonl"))], ignore_index=True)
    parts = {"train": train, "dev": read("dev.jsonl"), "test": read("test.jsonl")}
    for one, other in (("train", "dev"), ("train", "test"), ("dev", "test")):
        left, right = parts[one], parts[other]
        assert not set(left["topic"]) & set(right["topic"]), (one, other)
        assert not (set(left["a"]) | set(left["b"])) & (set(right["a"]) | set(right["b"])), (one, other)
    for table in parts.values():
        assert table["id"].is_unique
        assert set(table["label"]) == {"agree", "contradict", "related", "unrelated"}
        words = pd.concat([table["a"], table["b"]]).str.split().str.len()
        assert words.between(8, 35).all()


def test_news_pairs_of_several_files_are_their_rows_in_file_order():
    one = news_pairs([DATA / "train.jsonl", DATA / "train2.jsonl"], repeat=1)
    first = news_pairs([DATA / "train.jsonl"], repeat=1)
    n_first = len(first) // 2
    assert first["a"].iloc[:n_first].tolist() == one["a"].iloc[:n_first].tolist()
    assert len(one) == 2 * (n_first + len(load_claimpairs(DATA / "train2.jsonl", "all")))


def test_restated_pairs_agree_with_themselves_and_without_a_trailing_date():
    from narrcomp.stance.training.mix import restated_pairs

    rows = restated_pairs([DATA / "train4.jsonl"], repeat=2)
    assert set(rows["label"]) == {"agree"} and set(rows["source"]) == {"restated"}
    table = load_claimpairs(DATA / "train4.jsonl", "all")
    claims = set(table["a"]) | set(table["b"])
    identical = rows[rows["a"] == rows["b"]]
    assert set(identical["a"]) == claims and len(identical) == 2 * len(claims)
    shortened = rows[rows["a"] != rows["b"]]
    assert len(shortened) > 0
    for a, b in shortened[["a", "b"]].itertuples(index=False):
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        assert longer.startswith(shorter[:-1]) and longer in claims
        tail = longer[len(shorter) - 1:]
        assert tail.startswith((" on ", " in ", ", on ", ", in ")), tail
        assert any(c.isdigit() for c in tail) or tail.split()[-1].rstrip(".").istitle(), tail
