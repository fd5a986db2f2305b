"""match() on real sentences with the default model."""

import re

import numpy as np
import pandas as pd
import pytest

from narrcomp.matching import match
from narrcomp.text import NormalizeOptions

pytest.importorskip("narrcomp.embeddings", reason="narrcomp.embeddings (embed) not available")

QUERIES = [
    "Inspectors from the OPCW found chlorine cylinders at the site in Douma.",
    "A Buk missile fired from rebel-held territory brought down flight MH17.",
    "Sergei Skripal and his daughter were poisoned with Novichok in Salisbury.",
]
CANDIDATES = [
    "The Skripals were attacked with a Novichok nerve agent in the English city of Salisbury.",
    "The central bank raised interest rates by half a point on Thursday.",
    "Investigators concluded that MH17 was shot down by a Buk surface-to-air missile.",
    "Local football club wins the regional cup after a penalty shoot-out.",
    "OPCW inspectors said chlorine gas cylinders were found in Douma.",
]
GOLD = [4, 2, 0]


@pytest.mark.slow
@pytest.mark.parametrize("method", ["dense", "hybrid", "lexical"])
def test_paraphrases_rank_first_with_list_positions(method):
    out = match(QUERIES, CANDIDATES, k=2, method=method, show_progress=False)
    assert list(out.columns) == ["query_id", "candidate_id", "rank", "score"]
    top = out[out["rank"] == 1]
    assert top["query_id"].tolist() == [0, 1, 2]
    assert top["candidate_id"].tolist() == GOLD
    assert out["query_id"].dtype.kind == "i" and out["candidate_id"].dtype.kind == "i"


@pytest.mark.slow
def test_dense_scores_are_cosines_in_rank_order():
    out = match(QUERIES, CANDIDATES, k=5, method="dense", show_progress=False)
    assert out.groupby("query_id")["score"].apply(lambda s: s.is_monotonic_decreasing).all()
    assert out["score"].between(-1.0, 1.0 + 1e-6).all()
    assert out[out["rank"] == 1]["score"].min() > 0.6


@pytest.mark.slow
def test_claim_tables_give_claim_ids():
    q = pd.DataFrame({"claim_id": ["c-q0", "c-q1", "c-q2"], "text": QUERIES})
    c = pd.DataFrame({"claim_id": [f"c-{i}" for i in range(5)], "text": CANDIDATES})
    out = match(q, c, k=1, show_progress=False)
    assert out["query_id"].tolist() == ["c-q0", "c-q1", "c-q2"]
    assert out["candidate_id"].tolist() == [f"c-{g}" for g in GOLD]


@pytest.mark.slow
def test_self_match_is_excluded_when_matching_one_collection():
    texts = QUERIES + CANDIDATES
    out = match(texts, k=1, method="dense", show_progress=False)
    assert not (out["query_id"] == out["candidate_id"]).any()
    pairs = dict(zip(out["query_id"], out["candidate_id"]))
    assert pairs[0] == 3 + 4 and pairs[2] == 3 + 0
    kept = match(texts, texts, k=1, method="dense", exclude_self=False, show_progress=False)
    assert (kept["query_id"] == kept["candidate_id"]).all()
    table = pd.DataFrame({"claim_id": [f"c-{i}" for i in range(len(texts))], "text": texts})
    out = match(table, table.copy(), k=1, method="lexical", exclude_self=True)
    assert not (out["query_id"] == out["candidate_id"]).any()


@pytest.mark.slow
def test_urls_handles_pictures_and_entities_are_normalised_away():
    noisy = ["OPCW inspectors said chlorine gas cylinders were found in Douma &amp; "
             "@OPCW https://t.co/abc123 pic.twitter.com/xyz"]
    clean = ["OPCW inspectors said chlorine gas cylinders were found in Douma & OPCW"]
    a = match(noisy, CANDIDATES, k=5, method="dense", show_progress=False)
    b = match(clean, CANDIDATES, k=5, method="dense", show_progress=False)
    pd.testing.assert_frame_equal(a, b)
    assert a.loc[0, "candidate_id"] == 4
    raw = match(noisy, CANDIDATES, k=5, method="dense", normalize=None, show_progress=False)
    assert not np.allclose(raw["score"], a["score"])


def test_lexical_normalisation_drops_url_tokens():
    cands = ["visit example dot com for news", "chlorine found in Douma"]
    out = match(["https://example.com/chlorine"], cands, k=2, method="lexical")
    assert out.empty  # the URL is removed, nothing left to match
    out = match(["https://example.com/chlorine"], cands, k=2, method="lexical", normalize=None)
    assert out["candidate_id"].tolist() == [0, 1]


def test_empty_inputs():
    out = match([], CANDIDATES, k=3, method="lexical")
    assert out.empty and list(out.columns) == ["query_id", "candidate_id", "rank", "score"]


@pytest.mark.parametrize("kwargs, exc, text", [
    ({"k": 0}, ValueError, "The 'k' parameter of match must be an int >= 1. Got 0 instead."),
    ({"method": "bm25"}, ValueError, "The 'method' parameter of match must be one of {'auto', "),
    ({"exclude_self": 1}, TypeError, "The 'exclude_self' parameter of match must be a bool."),
    ({"normalize": True}, TypeError, "The 'normalize' parameter of match must be a NormalizeOptions"),
    ({"weight": -1}, ValueError, "The 'weight' parameter of match must be a float >= 0.0"),
    ({"fusion": "max"}, ValueError, "The 'fusion' parameter of match must be one of"),
    ({"index": "flat"}, ValueError, "The 'index' parameter of match must be one of"),
    ({"candidates": "one text"}, TypeError, "The 'candidates' parameter of match must be a list of str"),
    ({"candidates": ["ok", 3]}, TypeError, "texts that are all str. Got 'int at position 1' instead."),
    ({"candidates": pd.DataFrame({"text": ["a"]})}, ValueError, "missing ['claim_id']"),
])
def test_parameter_errors(kwargs, exc, text):
    kwargs = {"candidates": CANDIDATES, "method": "lexical", **kwargs}
    with pytest.raises(exc, match=re.escape(text)):
        match(QUERIES, **kwargs)
