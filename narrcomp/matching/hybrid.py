"""Fusing dense (embedding) and lexical (BM25) matching.

Candidates for a query are the union of its dense top-``pool`` and its BM25
top-``pool``. Every candidate in the union gets both scores exactly (not only
those of the list it came from) and the two are fused:

``fusion="linear"`` (default)
    ``cosine + weight * bm25 / max_bm25``, the BM25 score divided by the
    query's best BM25 score, so it lies in [0, 1] like the cosine.
``fusion="rrf"``
    reciprocal rank fusion, ``1 / (60 + rank_dense) + weight / (60 + rank_bm25)``
    with ranks taken within the union.

The default weight and pool were tuned on CLEF 2020 CheckThat! task 2
train/dev (see :mod:`narrcomp.matching` and ``scripts/tune_matching.py``).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from narrcomp.matching.dense import _exclusion_pairs, _ranks_within, match_embeddings, pair_scores
from narrcomp.matching.lexical import BM25

__all__ = ["hybrid_scores", "fuse", "FUSIONS", "RRF_K"]

FUSIONS = ("linear", "rrf")
#: The constant of reciprocal rank fusion (Cormack et al., 2009).
RRF_K = 60


def hybrid_scores(
    q_emb: np.ndarray,
    c_emb: np.ndarray,
    q_texts: Sequence[str],
    bm25: BM25,
    k: int,
    *,
    weight: float,
    pool: int,
    fusion: str = "linear",
    exclude=None,
    index: str = "auto",
) -> pd.DataFrame:
    """Top-``k`` fused matches (positions) for embedded and tokenised inputs.

    ``bm25`` must be fitted on the candidate texts in the order of ``c_emb``;
    ``q_texts`` are the normalised query texts in the order of ``q_emb``.
    Returns the matches table with positions as ids.
    """
    pool = max(pool, k)
    dense = match_embeddings(q_emb, c_emb, pool, index=index, exclude=exclude)
    lexical = bm25.top_k(q_texts, pool)
    excluded = _exclusion_pairs(exclude, len(q_emb), len(c_emb))
    pairs = _union_pairs(dense, lexical, excluded, len(c_emb))
    q_pos, c_pos = pairs[:, 0], pairs[:, 1]
    cos = pair_scores(q_emb, c_emb, q_pos, c_pos)
    lex = bm25.pair_scores(q_texts, q_pos, c_pos)
    score = fuse(q_pos, c_pos, cos, lex, weight=weight, fusion=fusion)
    return _top(q_pos, c_pos, score, k)


def fuse(q_pos, c_pos, cos, lex, *, weight: float, fusion: str = "linear") -> np.ndarray:
    """Fused score of each (query, candidate) pair; see the module docstring.

    Examples
    --------
    >>> import numpy as np
    >>> q = np.array([0, 0]); c = np.array([0, 1])
    >>> fuse(q, c, np.array([0.5, 0.6]), np.array([4.0, 0.0]), weight=0.2)
    array([0.7, 0.6])
    """
    if fusion == "linear":
        best = _group_max(q_pos, lex)
        scale = np.where(best > 0, best, 1.0)
        return cos + weight * lex / scale
    r_cos = _group_rank(q_pos, c_pos, cos)
    r_lex = _group_rank(q_pos, c_pos, lex)
    return 1.0 / (RRF_K + r_cos) + weight / (RRF_K + r_lex)


def _union_pairs(dense, lexical, excluded, n_c) -> np.ndarray:
    q = np.concatenate([dense["query_id"].to_numpy(np.int64), lexical["query_id"].to_numpy(np.int64)])
    c = np.concatenate([dense["candidate_id"].to_numpy(np.int64),
                        lexical["candidate_id"].to_numpy(np.int64)])
    key = np.unique(q * n_c + c)
    if len(excluded):
        key = key[~np.isin(key, excluded[:, 0] * n_c + excluded[:, 1])]
    return np.stack([key // n_c, key % n_c], axis=1) if len(key) else np.empty((0, 2), np.int64)


def _group_max(groups: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Per-row maximum of ``values`` over rows with the same group."""
    if len(groups) == 0:
        return values.copy()
    uniq, inv = np.unique(groups, return_inverse=True)
    best = np.full(len(uniq), -np.inf)
    np.maximum.at(best, inv, values)
    return best[inv]


def _group_rank(groups, c_pos, values) -> np.ndarray:
    """1-based rank of each row within its group (value desc, position asc)."""
    order = np.lexsort((c_pos, -values, groups))
    ranks = np.empty(len(groups), dtype=np.float64)
    ranks[order] = _ranks_within(groups[order])
    return ranks


def _top(q_pos, c_pos, score, k) -> pd.DataFrame:
    order = np.lexsort((c_pos, -score, q_pos))
    q_pos, c_pos, score = q_pos[order], c_pos[order], score[order]
    rank = _ranks_within(q_pos)
    top = rank <= k
    return pd.DataFrame({"query_id": q_pos[top], "candidate_id": c_pos[top],
                         "rank": rank[top], "score": score[top]})
