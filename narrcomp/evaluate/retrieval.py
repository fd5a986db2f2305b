"""Retrieval metrics on match tables.

All functions take

* ``matches``: a matches table (``query_id``, ``candidate_id``, ``rank``),
  as returned by :func:`narrcomp.match`, and
* ``qrels``: the relevant pairs (``query_id``, ``candidate_id``; an optional
  ``relevance`` column keeps only rows with relevance > 0),

and average over the queries that have at least one relevant candidate in
``qrels``. Such a query with no row in ``matches`` counts as a miss (0);
queries of ``matches`` absent from ``qrels`` are ignored.

Definitions for one query with relevant set ``R`` and ranked list ``L``:

* ``AP@k = sum(P@r for each rank r <= k where L[r] is relevant) / |R|``
  (as ``trec_eval``'s ``map_cut`` and the CLEF CheckThat! scorer),
* ``RR@k = 1 / rank of the first relevant result within k`` (0 if none),
* ``recall@k = |R ∩ L[:k]| / |R|``, ``success@k = 1 if R ∩ L[:k] else 0``.

Examples
--------
>>> import pandas as pd
>>> matches = pd.DataFrame({"query_id": [0, 0, 1, 1], "candidate_id": [7, 8, 9, 7],
...                         "rank": [1, 2, 1, 2]})
>>> qrels = pd.DataFrame({"query_id": [0, 1], "candidate_id": [8, 9]})
>>> map_at_k(matches, qrels, k=5)
0.75
"""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from narrcomp._validation import check_int, param_error

__all__ = ["map_at_k", "mrr", "recall_at_k", "success_at_k", "retrieval_report"]


def map_at_k(matches: pd.DataFrame, qrels: pd.DataFrame, k: int = 5) -> float:
    """Mean average precision over the top ``k`` results (see module docstring).

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"query_id": [0, 0], "candidate_id": ["a", "b"], "rank": [1, 2]})
    >>> map_at_k(m, pd.DataFrame({"query_id": [0], "candidate_id": ["b"]}), k=5)
    0.5
    """
    return float(_per_query(matches, qrels, k, "map_at_k")["ap"].mean())


def mrr(matches: pd.DataFrame, qrels: pd.DataFrame, k: int | None = None) -> float:
    """Mean reciprocal rank of the first relevant result (within ``k`` if given).

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"query_id": [0, 0, 0], "candidate_id": [1, 2, 3], "rank": [1, 2, 3]})
    >>> mrr(m, pd.DataFrame({"query_id": [0], "candidate_id": [3]}))
    0.3333333333333333
    """
    return float(_per_query(matches, qrels, k, "mrr")["rr"].mean())


def recall_at_k(matches: pd.DataFrame, qrels: pd.DataFrame, k: int = 5) -> float:
    """Mean share of a query's relevant candidates found in its top ``k``.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"query_id": [0, 0], "candidate_id": [1, 2], "rank": [1, 2]})
    >>> recall_at_k(m, pd.DataFrame({"query_id": [0, 0], "candidate_id": [2, 5]}), k=2)
    0.5
    """
    return float(_per_query(matches, qrels, k, "recall_at_k")["recall"].mean())


def success_at_k(matches: pd.DataFrame, qrels: pd.DataFrame, k: int = 5) -> float:
    """Share of queries with at least one relevant candidate in their top ``k``.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"query_id": [0, 0], "candidate_id": [1, 2], "rank": [1, 2]})
    >>> success_at_k(m, pd.DataFrame({"query_id": [0], "candidate_id": [2]}), k=1)
    0.0
    """
    return float(_per_query(matches, qrels, k, "success_at_k")["success"].mean())


def retrieval_report(matches: pd.DataFrame, qrels: pd.DataFrame,
                     ks: Iterable[int] = (1, 3, 5, 10)) -> pd.DataFrame:
    """All metrics at several cut-offs, one row per ``k``.

    Returns
    -------
    DataFrame
        Columns ``k``, ``map``, ``mrr``, ``recall``, ``success``, ``n_queries``.

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame({"query_id": [0, 0], "candidate_id": [1, 2], "rank": [1, 2]})
    >>> retrieval_report(m, pd.DataFrame({"query_id": [0], "candidate_id": [2]}), ks=(1, 2))
       k  map  mrr  recall  success  n_queries
    0  1  0.0  0.0     0.0      0.0          1
    1  2  0.5  0.5     1.0      1.0          1
    """
    ks = list(ks) if not isinstance(ks, int) else [ks]
    if not ks:
        raise param_error("ks", "retrieval_report", "a non-empty sequence of ints >= 1", ks)
    rows = []
    for k in ks:
        k = check_int(k, "ks", "retrieval_report", min=1)
        per = _per_query(matches, qrels, k, "retrieval_report")
        rows.append({"k": k, "map": per["ap"].mean(), "mrr": per["rr"].mean(),
                     "recall": per["recall"].mean(), "success": per["success"].mean(),
                     "n_queries": len(per)})
    return pd.DataFrame(rows)


def _per_query(matches, qrels, k, func) -> pd.DataFrame:
    """One row per judged query: ap, rr, recall, success at cut-off ``k``."""
    if k is not None:
        k = check_int(k, "k", func, min=1)
    matches = _check_table(matches, "matches", func, ["query_id", "candidate_id", "rank"])
    qrels = _check_table(qrels, "qrels", func, ["query_id", "candidate_id"])
    if "relevance" in qrels.columns:
        qrels = qrels[qrels["relevance"] > 0]
    qrels = qrels[["query_id", "candidate_id"]].drop_duplicates()
    n_rel = qrels.groupby("query_id").size().rename("n_rel")
    top = matches[["query_id", "candidate_id", "rank"]]
    if k is not None:
        top = top[top["rank"] <= k]
    top = top.sort_values(["query_id", "rank"], kind="stable")
    top = top.drop_duplicates(["query_id", "candidate_id"])
    top = top[top["query_id"].isin(n_rel.index)]
    hit = top.merge(qrels.assign(_rel=True), on=["query_id", "candidate_id"], how="left")
    hit["_rel"] = hit["_rel"].fillna(False).astype(bool)
    hit["_pos"] = hit["rank"].astype(float)
    hit["_n_hit"] = hit.groupby("query_id")["_rel"].cumsum()
    rel = hit[hit["_rel"]]
    ap = (rel["_n_hit"] / rel["_pos"]).groupby(rel["query_id"]).sum()
    rr = (1.0 / rel.groupby("query_id")["_pos"].min())
    found = rel.groupby("query_id").size()
    out = pd.DataFrame(index=n_rel.index)
    out["n_rel"] = n_rel
    out["ap"] = ap.reindex(out.index, fill_value=0.0) / out["n_rel"]
    out["rr"] = rr.reindex(out.index, fill_value=0.0)
    out["recall"] = found.reindex(out.index, fill_value=0) / out["n_rel"]
    out["success"] = (found.reindex(out.index, fill_value=0) > 0).astype(float)
    return out.astype({"ap": float, "rr": float, "recall": float})


def _check_table(table, name, func, columns) -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame):
        raise param_error(name, func, "a pandas DataFrame", type(table).__name__, TypeError)
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise param_error(name, func, f"a DataFrame with columns {columns}",
                          f"a DataFrame missing {missing}")
    return table
