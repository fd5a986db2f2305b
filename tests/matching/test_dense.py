"""match_embeddings: exact blocked search, FAISS, ties, exclusions, errors."""

import re

import numpy as np
import pandas as pd
import pytest

from narrcomp.matching import match_embeddings
from narrcomp.matching.dense import resolve_index

from .conftest import unit_rows


def brute_force(Q, C, k, exclude=()):
    """Reference: full matrix in float64, sorted by (-score, position)."""
    S = Q.astype(np.float64) @ C.astype(np.float64).T
    rows = []
    for i in range(len(Q)):
        order = sorted((j for j in range(len(C)) if (i, j) not in exclude), key=lambda j: (-S[i, j], j))
        rows += [(i, j, r) for r, j in enumerate(order[:k], start=1)]
    return pd.DataFrame(rows, columns=["query_id", "candidate_id", "rank"])


def test_small_example_scores_and_order():
    q = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    c = np.array([[0.0, 1.0], [0.6, 0.8], [1.0, 0.0]], dtype=np.float32)
    out = match_embeddings(q, c, k=2)
    assert list(out.columns) == ["query_id", "candidate_id", "rank", "score"]
    assert out["candidate_id"].tolist() == [2, 1, 0, 1]
    assert out["rank"].tolist() == [1, 2, 1, 2]
    np.testing.assert_allclose(out["score"], [1.0, 0.6, 1.0, 0.8], atol=1e-7)


def test_exact_equals_brute_force():
    Q, C = unit_rows(37, 16, 0), unit_rows(503, 16, 1)
    out = match_embeddings(Q, C, k=7, index="exact")
    pd.testing.assert_frame_equal(out[["query_id", "candidate_id", "rank"]], brute_force(Q, C, 7),
                                  check_dtype=False)


@pytest.mark.parametrize("block", [1, 3, (5, 64), (1000, 7), 10_000])
def test_block_size_does_not_change_results(block):
    Q, C = unit_rows(23, 8, 2), unit_rows(300, 8, 3)
    ref = match_embeddings(Q, C, k=5, index="exact")
    out = match_embeddings(Q, C, k=5, index="exact", block_size=block)
    pd.testing.assert_frame_equal(out, ref)


def test_faiss_flat_identical_to_exact():
    Q, C = unit_rows(64, 32, 4), unit_rows(2000, 32, 5)
    exact = match_embeddings(Q, C, k=10, index="exact", block_size=(16, 256))
    flat = match_embeddings(Q, C, k=10, index="faiss")
    pd.testing.assert_frame_equal(exact, flat)


def test_ties_go_to_lower_position_in_every_backend():
    # candidates 3, 5, 8, 11 and 14 are copies of the best vector; 2 and 9 copies of the next
    rng = np.random.default_rng(6)
    C = unit_rows(20, 12, 7) * 0.5
    best, second = unit_rows(1, 12, 8)[0], unit_rows(1, 12, 9)[0]
    C[[3, 5, 8, 11, 14]] = best
    C[[2, 9]] = second
    Q = np.stack([best, second + 0.001 * rng.standard_normal(12).astype(np.float32)])
    for index in ("exact", "faiss"):
        for block in (1, 4, 100):
            out = match_embeddings(Q, C, k=3, index=index, block_size=block)
            assert out[out.query_id == 0]["candidate_id"].tolist() == [3, 5, 8]
            assert out[out.query_id == 1]["candidate_id"].tolist()[:2] == [2, 9]
            assert out.loc[0, "score"] == out.loc[1, "score"] == out.loc[2, "score"]


def test_k_larger_than_candidates_returns_all():
    Q, C = unit_rows(3, 4, 10), unit_rows(4, 4, 11)
    for index in ("exact", "faiss"):
        out = match_embeddings(Q, C, k=10, index=index)
        assert out.groupby("query_id").size().tolist() == [4, 4, 4]
        assert out["rank"].tolist() == [1, 2, 3, 4] * 3


def test_exclude_diagonal_and_pairs():
    X = unit_rows(50, 8, 12)
    out = match_embeddings(X, X, k=3, exclude="diagonal")
    assert not (out["query_id"] == out["candidate_id"]).any()
    assert out.groupby("query_id").size().eq(3).all()
    ref = brute_force(X, X, 3, exclude={(i, i) for i in range(50)})
    pd.testing.assert_frame_equal(out[["query_id", "candidate_id", "rank"]], ref, check_dtype=False)
    first = match_embeddings(X, X, k=2, exclude="diagonal")
    drop = first[first["rank"] == 1][["query_id", "candidate_id"]].to_numpy()
    for index in ("exact", "faiss"):
        again = match_embeddings(X, X, k=1, exclude=np.vstack([drop, np.c_[np.arange(50), np.arange(50)]]),
                                 index=index)
        assert again["candidate_id"].tolist() == first[first["rank"] == 2]["candidate_id"].tolist()


def test_ann_indexes_find_the_planted_neighbours():
    C = unit_rows(5000, 32, 13)
    Q = C[::50] + 0.01 * unit_rows(100, 32, 14)
    for index in ("faiss-ivf", "faiss-hnsw"):
        out = match_embeddings(Q, C, k=1, index=index)
        hits = (out["candidate_id"].to_numpy() == np.arange(0, 5000, 50)).mean()
        assert hits >= 0.95, index


def test_auto_switches_to_faiss_on_large_inputs():
    assert resolve_index("auto", 10, 100) == "exact"
    # blocked numpy measured faster than FAISS flat up to 1,000 x 1,000,000
    assert resolve_index("auto", 1_000, 1_000_000) == "exact"
    assert resolve_index("auto", 100_000, 1_000_000) == "faiss"
    assert resolve_index("exact", 100_000, 1_000_000) == "exact"


def test_empty_inputs_give_empty_table():
    out = match_embeddings(np.zeros((0, 4), np.float32), unit_rows(3, 4, 0), k=2)
    assert out.empty and list(out.columns) == ["query_id", "candidate_id", "rank", "score"]


@pytest.mark.parametrize("kwargs, exc, text", [
    ({"k": 0}, ValueError, "The 'k' parameter of match_embeddings must be an int >= 1. Got 0 instead."),
    ({"k": 2.5}, TypeError, "The 'k' parameter of match_embeddings must be an int >= 1"),
    ({"index": "annoy"}, ValueError, "The 'index' parameter of match_embeddings must be one of"),
    ({"block_size": 0}, ValueError, "The 'block_size' parameter of match_embeddings"),
    ({"exclude": "self"}, ValueError, "The 'exclude' parameter of match_embeddings"),
    ({"exclude": np.array([1, 2, 3])}, ValueError, "The 'exclude' parameter of match_embeddings"),
    ({"show_progress": "yes"}, TypeError, "The 'show_progress' parameter of match_embeddings"),
])
def test_parameter_errors(kwargs, exc, text):
    with pytest.raises(exc, match=re.escape(text)):
        match_embeddings(unit_rows(2, 4, 0), unit_rows(3, 4, 1), **kwargs)


def test_array_errors():
    with pytest.raises(ValueError, match="'queries' parameter of match_embeddings must be a 2-D array"):
        match_embeddings(np.ones(4), unit_rows(3, 4, 1))
    with pytest.raises(ValueError, match="same dimension. Got 4 and 5"):
        match_embeddings(unit_rows(2, 4, 0), unit_rows(3, 5, 1))
    with pytest.raises(ValueError, match="finite numbers"):
        match_embeddings(np.full((1, 4), np.nan), unit_rows(3, 4, 1))
