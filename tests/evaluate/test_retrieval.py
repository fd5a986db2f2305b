"""Retrieval metrics, checked against values computed by hand."""

import re

import pandas as pd
import pytest

from narrcomp.evaluate.retrieval import map_at_k, mrr, recall_at_k, retrieval_report, success_at_k

# q1: relevant {a, c}, ranked a, b, c, d  -> AP@3 = (1/1 + 2/3) / 2 = 5/6
# q2: relevant {x},    ranked y, x        -> AP@3 = (1/2) / 1 = 1/2, RR = 1/2
# q3: relevant {z},    ranked w           -> 0 everywhere
# q4: relevant {v},    not matched at all -> counts as a miss
# q5: matched but not judged              -> ignored
MATCHES = pd.DataFrame({
    "query_id": ["q1"] * 4 + ["q2"] * 2 + ["q3"] + ["q5"],
    "candidate_id": ["a", "b", "c", "d", "y", "x", "w", "a"],
    "rank": [1, 2, 3, 4, 1, 2, 1, 1],
    "score": [0.9, 0.8, 0.7, 0.6, 0.9, 0.5, 0.4, 0.9],
})
QRELS = pd.DataFrame({"query_id": ["q1", "q1", "q2", "q3", "q4"],
                      "candidate_id": ["a", "c", "x", "z", "v"]})


def test_map_at_k():
    assert map_at_k(MATCHES, QRELS, k=3) == pytest.approx((5 / 6 + 1 / 2) / 4)
    assert map_at_k(MATCHES, QRELS, k=1) == pytest.approx((1 / 2) / 4)  # q1: (1/1) / 2


def test_mrr():
    assert mrr(MATCHES, QRELS) == pytest.approx((1 + 1 / 2) / 4)
    assert mrr(MATCHES, QRELS, k=1) == pytest.approx(1 / 4)


def test_recall_and_success():
    assert recall_at_k(MATCHES, QRELS, k=1) == pytest.approx((1 / 2) / 4)
    assert recall_at_k(MATCHES, QRELS, k=3) == pytest.approx((1 + 1) / 4)
    assert success_at_k(MATCHES, QRELS, k=1) == pytest.approx(1 / 4)
    assert success_at_k(MATCHES, QRELS, k=2) == pytest.approx(2 / 4)


def test_relevance_zero_rows_are_not_relevant():
    qrels = QRELS.assign(relevance=[1, 0, 1, 1, 1])  # q1's "c" judged not relevant
    assert map_at_k(MATCHES, qrels, k=3) == pytest.approx((1 + 1 / 2) / 4)


def test_report_has_one_row_per_k():
    rep = retrieval_report(MATCHES, QRELS, ks=(1, 3))
    assert rep.columns.tolist() == ["k", "map", "mrr", "recall", "success", "n_queries"]
    assert rep["k"].tolist() == [1, 3]
    assert rep["n_queries"].tolist() == [4, 4]
    assert rep.loc[1, "map"] == pytest.approx(map_at_k(MATCHES, QRELS, k=3))
    assert rep.loc[1, "mrr"] == pytest.approx(mrr(MATCHES, QRELS, k=3))


def test_perfect_ranking_scores_one():
    m = pd.DataFrame({"query_id": [1, 2], "candidate_id": [10, 20], "rank": [1, 1]})
    q = pd.DataFrame({"query_id": [1, 2], "candidate_id": [10, 20]})
    assert retrieval_report(m, q, ks=(1,)).iloc[0, 1:5].tolist() == [1.0, 1.0, 1.0, 1.0]


def test_errors():
    with pytest.raises(ValueError, match=re.escape("The 'k' parameter of map_at_k must be an int >= 1. Got 0")):
        map_at_k(MATCHES, QRELS, k=0)
    with pytest.raises(ValueError, match=re.escape("missing ['rank']")):
        mrr(MATCHES.drop(columns="rank"), QRELS)
    with pytest.raises(TypeError, match="The 'qrels' parameter of recall_at_k must be a pandas DataFrame"):
        recall_at_k(MATCHES, {"q1": "a"})
    with pytest.raises(ValueError, match="The 'ks' parameter of retrieval_report"):
        retrieval_report(MATCHES, QRELS, ks=())
