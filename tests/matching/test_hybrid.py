"""Fusion arithmetic, and hybrid versus dense on a CLEF 2020 dev subset."""

import numpy as np
import pytest

from narrcomp.matching import match
from narrcomp.matching.hybrid import RRF_K, fuse


def test_linear_fusion_scales_bm25_by_the_query_best():
    q = np.array([0, 0, 1, 1])
    c = np.array([0, 1, 0, 1])
    out = fuse(q, c, np.array([0.5, 0.6, 0.2, 0.1]), np.array([4.0, 2.0, 0.0, 0.0]), weight=0.5)
    np.testing.assert_allclose(out, [0.5 + 0.5, 0.6 + 0.25, 0.2, 0.1])


def test_rrf_fusion_uses_ranks_within_each_query():
    q = np.array([0, 0, 0])
    c = np.array([0, 1, 2])
    out = fuse(q, c, np.array([0.9, 0.8, 0.8]), np.array([1.0, 3.0, 2.0]), weight=1.0, fusion="rrf")
    # dense ranks 1, 2, 3 (tie broken by position); BM25 ranks 3, 1, 2
    expected = [1 / (RRF_K + 1) + 1 / (RRF_K + 3), 1 / (RRF_K + 2) + 1 / (RRF_K + 1),
                1 / (RRF_K + 3) + 1 / (RRF_K + 2)]
    np.testing.assert_allclose(out, expected)


@pytest.fixture(scope="module")
def clef_subset(clef_path):
    """50 dev queries against their gold vclaims plus 2,000 other vclaims."""
    from narrcomp.evaluate.clef import load_clef2020

    queries, vclaims, qrels = load_clef2020(clef_path, "dev")
    queries = queries.iloc[:50]
    qrels = qrels[qrels["query_id"].isin(queries["claim_id"])]
    gold = vclaims["claim_id"].isin(qrels["candidate_id"])
    others = vclaims[~gold].sample(2000, random_state=0)
    pool = vclaims[gold | vclaims.index.isin(others.index)]
    return queries, pool, qrels


@pytest.mark.slow
@pytest.mark.benchmarks
def test_hybrid_not_below_dense_or_lexical_on_clef_dev_subset(clef_subset):
    pytest.importorskip("narrcomp.embeddings", reason="narrcomp.embeddings (embed) not available")
    from narrcomp.evaluate.retrieval import map_at_k

    queries, vclaims, qrels = clef_subset
    scores = {m: map_at_k(match(queries, vclaims, k=5, method=m), qrels, k=5)
              for m in ("dense", "lexical", "hybrid")}
    assert scores["hybrid"] >= scores["dense"]  # the default must not fall below dense
    assert scores["hybrid"] >= scores["lexical"]
    assert scores["dense"] > 0.6  # a sanity floor: the gold vclaim is usually near the top
    auto = match(queries, vclaims, k=5)
    assert map_at_k(auto, qrels, k=5) == pytest.approx(scores["hybrid"])
