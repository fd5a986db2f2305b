"""``match``: texts or claim tables in, a matches table out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence, Union

import numpy as np
import pandas as pd

from narrcomp._validation import (check_bool, check_choice, check_float, check_int,
                                  check_str, param_error)
from narrcomp.matching.dense import INDEXES, _empty_matches, match_embeddings
from narrcomp.matching.hybrid import FUSIONS, hybrid_scores
from narrcomp.matching.lexical import BM25
from narrcomp.text import DEFAULT_NORMALIZE, NormalizeOptions, normalize_text

__all__ = ["match", "METHODS", "DEFAULT_METHOD", "DEFAULT_WEIGHT", "DEFAULT_POOL",
           "DEFAULT_FUSION"]

Texts = Union[Sequence[str], pd.DataFrame]

METHODS = ("auto", "dense", "lexical", "hybrid")
#: What ``method="auto"`` means (tuned on CLEF 2020 task 2 train/dev).
DEFAULT_METHOD = "hybrid"
#: BM25 weight of the linear fusion (tuned on CLEF 2020 task 2 train/dev).
DEFAULT_WEIGHT = 0.25
#: Candidates taken from each of the dense and the BM25 top lists.
DEFAULT_POOL = 100
DEFAULT_FUSION = "linear"

_FUNC = "match"


@dataclass(frozen=True)
class _Side:
    """One side of a match: ids and normalised texts."""

    ids: np.ndarray
    texts: list[str]


def match(
    queries: Texts,
    candidates: Texts | None = None,
    k: int = 5,
    *,
    model=None,
    method: str = "auto",
    exclude_self: bool | None = None,
    normalize: NormalizeOptions | None = DEFAULT_NORMALIZE,
    text_column: str = "text",
    index: str = "auto",
    weight: float = DEFAULT_WEIGHT,
    pool: int = DEFAULT_POOL,
    fusion: str = DEFAULT_FUSION,
    batch_size: int = 32,
    show_progress: bool | None = None,
) -> pd.DataFrame:
    """Find the ``k`` candidates most similar to each query.

    Parameters
    ----------
    queries : list of str or DataFrame
        Texts, or a claim table with ``claim_id`` and ``text_column``.
    candidates : list of str, DataFrame or None
        The same kinds; ``None`` matches ``queries`` against themselves.
    k : int, default 5
        Matches per query.
    model : str, SentenceTransformer or None
        Embedding model passed to :func:`narrcomp.embeddings.embed`
        (``None``: the default all-MiniLM-L6-v2). Unused for ``"lexical"``.
        The ``score`` column is the cosine for ``"dense"``, BM25 for
        ``"lexical"`` and the fused score for ``"hybrid"`` (with the default
        linear fusion, the cosine plus up to ``weight`` for the best BM25
        candidate of the query: use ``"dense"`` where a pure cosine threshold
        is needed).
    method : {"auto", "dense", "lexical", "hybrid"}, default "auto"
        ``"dense"``: cosine of embeddings; ``"lexical"``: BM25;
        ``"hybrid"``: cosine plus scaled BM25 (see
        :mod:`narrcomp.matching.hybrid`); ``"auto"``: ``DEFAULT_METHOD``
        (``"hybrid"``, the best on CLEF 2020 task 2 train/dev).
    exclude_self : bool or None
        Drop a query's match with itself: the same position (lists) or the
        same ``claim_id`` (tables). ``None``: only when ``candidates`` is
        ``None`` or the very same object as ``queries``.
    normalize : NormalizeOptions or None, default DEFAULT_NORMALIZE
        Text normalisation before embedding and BM25; ``None`` turns it off.
    text_column : str, default "text"
        Column of claim tables holding the text (``"content"`` matches claims
        without their attribution frame).
    index : {"auto", "exact", "faiss", "faiss-ivf", "faiss-hnsw"}
        Dense search backend, see :func:`match_embeddings`.
    weight, pool, fusion
        Hybrid settings, see :mod:`narrcomp.matching.hybrid`.
    batch_size : int, default 32
        Embedding batch size.
    show_progress : bool or None
        Progress bars while embedding and searching.

    Returns
    -------
    DataFrame
        ``query_id``, ``candidate_id`` (positions for lists, ``claim_id`` for
        tables), ``rank`` (1-based) and ``score``; ordered by query, rank.
        Ties go to the earlier candidate.

    Examples
    --------
    >>> match(["OPCW inspectors found chlorine in Douma"],
    ...       ["The weather in Kyiv is mild", "Chlorine was found in Douma, OPCW says"],
    ...       k=1, method="lexical")
       query_id  candidate_id  rank     score
    0         0             1     1  2.515338
    """
    same = candidates is None or candidates is queries
    k = check_int(k, "k", _FUNC, min=1)
    method = check_choice(method, "method", _FUNC, METHODS)
    method = DEFAULT_METHOD if method == "auto" else method
    if exclude_self is None:
        exclude_self = same
    check_bool(exclude_self, "exclude_self", _FUNC)
    if normalize is not None and not isinstance(normalize, NormalizeOptions):
        raise param_error("normalize", _FUNC, "a NormalizeOptions or None", normalize, TypeError)
    check_str(text_column, "text_column", _FUNC)
    check_choice(index, "index", _FUNC, INDEXES)
    weight = check_float(weight, "weight", _FUNC, min=0.0)
    pool = check_int(pool, "pool", _FUNC, min=1)
    check_choice(fusion, "fusion", _FUNC, FUSIONS)
    batch_size = check_int(batch_size, "batch_size", _FUNC, min=1)
    if show_progress is not None:
        check_bool(show_progress, "show_progress", _FUNC)

    q = _side(queries, "queries", text_column, normalize)
    c = q if same else _side(candidates, "candidates", text_column, normalize)
    if len(q.ids) == 0 or len(c.ids) == 0:
        return _with_ids(_empty_matches(), q, c)
    exclude = _self_pairs(q, c) if exclude_self else None

    if method == "lexical":
        found = _lexical(q, c, k, exclude)
    else:
        q_emb = _embed(q.texts, model, batch_size, show_progress)
        c_emb = q_emb if c is q else _embed(c.texts, model, batch_size, show_progress)
        if method == "dense":
            found = match_embeddings(q_emb, c_emb, k, index=index, exclude=exclude,
                                     show_progress=show_progress)
        else:
            bm25 = BM25().fit(c.texts)
            found = hybrid_scores(q_emb, c_emb, q.texts, bm25, k, weight=weight, pool=pool,
                                  fusion=fusion, exclude=exclude, index=index)
    return _with_ids(found, q, c)


def _side(values, name: str, text_column: str, normalize) -> _Side:
    """Ids and normalised texts of a list of strings or a claim table."""
    if isinstance(values, pd.DataFrame):
        missing = [col for col in ("claim_id", text_column) if col not in values.columns]
        if missing:
            raise param_error(name, _FUNC, f"a list of str or a DataFrame with columns "
                              f"'claim_id' and {text_column!r}", f"a DataFrame missing {missing}")
        ids = values["claim_id"].to_numpy()
        raw = values[text_column].tolist()
    elif isinstance(values, (str, bytes)) or not isinstance(values, (Sequence, pd.Series, np.ndarray)):
        raise param_error(name, _FUNC, "a list of str or a claim DataFrame", values, TypeError)
    else:
        raw = list(values)
        ids = np.arange(len(raw), dtype=np.int64)
    bad = [i for i, t in enumerate(raw) if not isinstance(t, str)]
    if bad:
        raise param_error(name, _FUNC, "texts that are all str",
                          f"{type(raw[bad[0]]).__name__} at position {bad[0]}", TypeError)
    return _Side(ids=ids, texts=[normalize_text(t, normalize) for t in raw])


def _self_pairs(q: _Side, c: _Side) -> np.ndarray:
    """(query, candidate) positions that are the same item."""
    if q.ids.dtype.kind in "iu" and c.ids.dtype.kind in "iu":
        n = min(len(q.ids), len(c.ids))
        return np.stack([np.arange(n), np.arange(n)], axis=1)
    pairs = pd.DataFrame({"id": q.ids, "q": np.arange(len(q.ids))}).merge(
        pd.DataFrame({"id": c.ids, "c": np.arange(len(c.ids))}), on="id")
    return pairs[["q", "c"]].to_numpy(np.int64)


def _lexical(q: _Side, c: _Side, k: int, exclude) -> pd.DataFrame:
    n_extra = int(np.bincount(exclude[:, 0]).max()) if exclude is not None and len(exclude) else 0
    found = BM25().fit(c.texts).top_k(q.texts, k + n_extra)
    if exclude is not None and len(exclude):
        key = found["query_id"].to_numpy() * len(c.ids) + found["candidate_id"].to_numpy()
        found = found[~np.isin(key, exclude[:, 0] * len(c.ids) + exclude[:, 1])].copy()
        found["rank"] = found.groupby("query_id").cumcount() + 1
        found = found[found["rank"] <= k]
    return found.reset_index(drop=True)


def _embed(texts: list[str], model, batch_size: int, show_progress) -> np.ndarray:
    from narrcomp.embeddings import embed

    # the texts are already normalised with the caller's options: do not do it twice
    emb = embed(texts, model, batch_size=batch_size, show_progress=show_progress, normalize=None)
    return np.asarray(emb, dtype=np.float32)


def _with_ids(found: pd.DataFrame, q: _Side, c: _Side) -> pd.DataFrame:
    out = found.reset_index(drop=True)
    qpos = out["query_id"].to_numpy(np.int64)
    cpos = out["candidate_id"].to_numpy(np.int64)
    return pd.DataFrame({
        "query_id": q.ids[qpos] if len(qpos) else q.ids[:0],
        "candidate_id": c.ids[cpos] if len(cpos) else c.ids[:0],
        "rank": out["rank"].to_numpy(np.int64),
        "score": out["score"].to_numpy(np.float64),
    })
