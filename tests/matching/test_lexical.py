"""BM25 and tokenisation on real sentences."""

import math

import numpy as np
import pytest

from narrcomp.matching.lexical import BM25, tokenize

DOCS = [
    "OPCW inspectors found chlorine cylinders in Douma.",
    "The Dutch Safety Board said a Buk missile downed MH17.",
    "Russian officials said the Skripal poisoning was staged.",
    "Novichok was used against Sergei Skripal in Salisbury, investigators said.",
]


def test_tokenize_lowercases_and_drops_function_words():
    assert tokenize("The OPCW found Chlorine in DOUMA_2018!") == ["opcw", "found", "chlorine", "douma", "2018"]


def test_scores_match_hand_computed_bm25():
    bm25 = BM25(k1=1.2, b=0.75).fit(["red apples", "green pears", "red red pears pears pears"])
    # query "red": df=2 of N=3 -> idf = log(1 + 1.5/2.5); lengths 2, 2, 5 (avg 3)
    idf = math.log(1 + 1.5 / 2.5)
    norm = lambda tf, dl: tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * dl / 3))
    expected = [idf * norm(1, 2), 0.0, idf * norm(2, 5)]
    np.testing.assert_allclose(bm25.scores(["red"])[0], expected)


def test_top_k_finds_the_lexical_match_first():
    bm25 = BM25().fit(DOCS)
    out = bm25.top_k(["Skripal Novichok Salisbury", "chlorine Douma OPCW", "weather in Kyiv"], k=2)
    assert out[out.query_id == 0]["candidate_id"].tolist() == [3, 2]
    assert out[out.query_id == 1]["candidate_id"].tolist() == [0]
    assert 2 not in out["query_id"].tolist()  # no shared word: no match
    assert (out["score"] > 0).all()


def test_pair_scores_agree_with_dense_scores():
    bm25 = BM25().fit(DOCS)
    full = bm25.scores(["Skripal poisoning", "MH17 Buk"])
    q, c = np.array([0, 0, 1, 1]), np.array([2, 3, 1, 0])
    np.testing.assert_allclose(bm25.pair_scores(["Skripal poisoning", "MH17 Buk"], q, c), full[q, c])


def test_ties_go_to_lower_position():
    bm25 = BM25().fit(["douma report", "other text", "douma report"])
    assert bm25.top_k(["douma"], k=2)["candidate_id"].tolist() == [0, 2]


def test_errors():
    with pytest.raises(RuntimeError, match="not fitted"):
        BM25().top_k(["x"])
    with pytest.raises(ValueError, match="The 'b' parameter of BM25 must be a float in the range"):
        BM25(b=2)
    with pytest.raises(ValueError, match="The 'k' parameter of BM25.top_k must be an int >= 1"):
        BM25().fit(DOCS).top_k(["x"], k=0)
