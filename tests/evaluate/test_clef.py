"""CLEF 2020 CheckThat! task 2 reader (on the real files) and its errors."""

import os
from pathlib import Path

import pytest

from narrcomp.evaluate.clef import evaluate_clef2020, load_clef2020


def _clef_path() -> Path:
    env = os.environ.get("NARRCOMP_SHARED")
    shared = Path(env) if env else Path(__file__).resolve().parents[2] / ".." / "shared"
    return shared / "eval" / "clef2020_task2"


@pytest.fixture(scope="module")
def clef_path():
    path = _clef_path()
    if not (path / "v3").is_dir():
        pytest.skip(f"CLEF 2020 task 2 data not found at {path} (set NARRCOMP_SHARED)")
    return path


@pytest.mark.benchmarks
@pytest.mark.parametrize("split, n_queries, n_qrels", [("train", 800, 801), ("dev", 197, 198),
                                                       ("test", 200, 200)])
def test_load_counts_and_columns(clef_path, split, n_queries, n_qrels):
    queries, vclaims, qrels = load_clef2020(clef_path, split)
    assert queries.columns.tolist() == ["claim_id", "text"]
    assert vclaims.columns.tolist() == ["claim_id", "vclaim", "title", "text"]
    assert qrels.columns.tolist() == ["query_id", "candidate_id", "relevance"]
    assert (len(queries), len(vclaims), len(qrels)) == (n_queries, 10375, n_qrels)
    assert qrels["query_id"].isin(queries["claim_id"]).all()
    assert qrels["candidate_id"].isin(vclaims["claim_id"]).all()
    assert vclaims["claim_id"].is_unique and queries["claim_id"].is_unique


@pytest.mark.benchmarks
def test_text_is_claim_then_title_and_multiline_fields_parse(clef_path):
    _, vclaims, _ = load_clef2020(clef_path, "dev")
    row = vclaims[vclaims["claim_id"] == "0"].iloc[0]
    assert row["vclaim"].startswith("122 detainees released from confinement at Guantanamo Bay")
    assert row["text"] == row["vclaim"] + " " + row["title"]
    assert vclaims["claim_id"].str.fullmatch(r"\d+").all()  # no row split by a quoted newline


@pytest.mark.benchmarks
def test_evaluate_lexical_on_dev(clef_path):
    # BM25 needs no model, so this runs in seconds; dense/hybrid figures are in
    # scripts/tune_matching.py and narrcomp/matching/__init__.py.
    out = evaluate_clef2020(clef_path, "dev", method="lexical", ks=(1, 5))
    assert set(out) >= {"map@1", "map@5", "recall@5", "success@5", "mrr", "n_queries"}
    assert out["n_queries"] == 197
    assert 0.6 < out["map@5"] < 0.95
    assert out["map@1"] <= out["map@5"] <= out["success@5"]


def test_missing_folder_names_the_path(tmp_path):
    with pytest.raises(FileNotFoundError, match=f"{tmp_path}: not a CLEF 2020 task 2 folder"):
        load_clef2020(tmp_path, "dev")
    (tmp_path / "v3").mkdir()
    with pytest.raises(FileNotFoundError, match="tweets.queries.tsv: CLEF 2020 task 2 file not found"):
        load_clef2020(tmp_path, "dev")


def test_bad_split(tmp_path):
    with pytest.raises(ValueError, match="The 'split' parameter of load_clef2020 must be one of"):
        load_clef2020(tmp_path, "validation")
