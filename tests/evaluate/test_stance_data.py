"""Stance benchmark readers on small files and on the shared data when present."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from narrcomp.evaluate.stance_data import load_claimpairs, load_fnc1, load_sick


def _eval_root() -> Path:
    env = os.environ.get("NARRCOMP_SHARED")
    root = Path(env) if env else Path(__file__).resolve().parents[2] / ".." / "shared"
    return root / "eval"


@pytest.fixture
def shared():
    root = _eval_root()
    if not (root / "sick" / "SICK.txt").is_file():
        pytest.skip(f"shared evaluation data not found at {root} (set NARRCOMP_SHARED)")
    return root


def _write_pairs(path: Path, n: int = 4) -> Path:
    labels = ["agree", "contradict", "related", "unrelated"]
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(1, n + 1):
            handle.write(json.dumps({"id": f"cp-{i:03d}", "topic": "t", "a": f"a{i}",
                                     "b": f"b{i}", "label": labels[(i - 1) % 4],
                                     "note": ""}) + "\n")
    return path


def test_claimpairs_parts_and_label_mapping(tmp_path):
    path = _write_pairs(tmp_path / "pairs.jsonl")
    whole = load_claimpairs(path)
    assert whole["label"].tolist() == ["agree", "contradict", "neutral", "neutral"]
    assert whole["label4"].tolist() == ["agree", "contradict", "related", "unrelated"]
    assert load_claimpairs(path, "calibration")["id"].tolist() == ["cp-001", "cp-003"]
    assert load_claimpairs(path, "heldout")["id"].tolist() == ["cp-002", "cp-004"]


def test_bad_part_and_missing_file(tmp_path):
    with pytest.raises(ValueError, match="The 'part' parameter of load_claimpairs must be one of"):
        load_claimpairs(_write_pairs(tmp_path / "p.jsonl"), "test")
    with pytest.raises(FileNotFoundError, match="claimpairs file not found"):
        load_claimpairs(tmp_path / "absent.jsonl")


def test_sick_split_on_a_small_file(tmp_path):
    path = tmp_path / "SICK.txt"
    path.write_text("pair_ID\tsentence_A\tsentence_B\trelatedness_score\tentailment_judgment\n"
                    "5\tA man runs\tA person runs\t4.5\tENTAILMENT\n"
                    "6\tA man runs\tNo man runs\t3.5\tCONTRADICTION\n")
    test = load_sick(path)
    assert test["pair_id"].tolist() == [5] and test["label"].tolist() == ["agree"]
    assert load_sick(path, "train")["label"].tolist() == ["contradict"]


@pytest.mark.benchmarks
def test_real_sick_and_claimpairs(shared):
    sick = load_sick(shared / "sick" / "SICK.txt")
    assert (sick["pair_id"] % 5 == 0).all() and len(sick) > 1900
    assert set(sick["label"]) == {"agree", "contradict", "neutral"}
    pairs = load_claimpairs(shared / "claimpairs" / "pairs.jsonl", "heldout")
    assert len(pairs) == 100
    assert pairs["label4"].value_counts().sum() == 100


@pytest.mark.benchmarks
def test_fnc1_subset_is_stratified(shared):
    table = load_fnc1(shared / "fnc1", max_rows=100, body="lead")
    assert 95 <= len(table) <= 105
    assert set(table["fnc_label"]) == {"agree", "disagree", "discuss", "unrelated"}
    assert (table["label"][table["fnc_label"] == "disagree"] == "contradict").all()


def test_fnc1_train_split_reads_the_train_files(shared):
    table = load_fnc1(shared / "stance-train" / "fnc1_train", split="train", max_rows=60)
    assert 55 <= len(table) <= 65
    assert set(table["fnc_label"]) == {"agree", "disagree", "discuss", "unrelated"}
    # best_sentence: each body text is one sentence of its article, not the whole body
    assert table["b"].str.split().str.len().max() < 120
    with pytest.raises(ValueError, match="The 'split' parameter of load_fnc1"):
        load_fnc1(shared / "fnc1", split="dev")
