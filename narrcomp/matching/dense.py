"""Exact and approximate top-k search over embedding arrays.

:func:`match_embeddings` is the array half of :func:`narrcomp.match` (the way
``paraphrase_mining_embeddings`` is the array half of ``paraphrase_mining`` in
sentence-transformers): give it query and candidate embeddings, get back the
``k`` best candidates per query as a matches table.

How the search runs
-------------------
``index="exact"``
    Blocked float32 matrix products. Queries *and* candidates are cut into
    blocks, so at most ``query_block x candidate_block`` scores exist at any
    time (32 MiB with the default 1,024 x 8,192), and a running top list per
    query is kept with :func:`numpy.argpartition`.
``index="faiss"``
    A FAISS ``IndexFlatIP``: exhaustive, so it returns the same top-k as
    ``"exact"`` (tested), only faster on large collections.
``index="auto"`` (default)
    ``"faiss"`` when ``n_queries * n_candidates >= AUTO_FAISS_MIN_PAIRS``
    (1e11 pairs, e.g. 100,000 x 1,000,000), else ``"exact"``. Measured with
    ``benchmarks/bench_match.py`` on 2 busy CPU cores (d=384, k=5), blocked
    numpy took 0.53x the time of FAISS flat at 1,000 x 20,000, 0.56x at
    2,000 x 50,000 and 0.38x at 1,000 x 1,000,000 (17.0 s vs 45.0 s), so
    numpy is used at every size measured and FAISS flat only far beyond them.
``index="faiss-ivf"`` / ``"faiss-hnsw"``
    Approximate: IVF-Flat with about ``4 * sqrt(n)`` inverted lists (trained on
    a seeded sample of ``64 * nlist`` rows) and ``nprobe=128``; HNSW graph with
    ``M=32, efConstruction=80, efSearch=256`` (constants in
    :mod:`narrcomp.matching._faiss`). Measured with
    ``benchmarks/bench_match.py --candidates 0 --ann-candidates 1000000
    --ann-queries 1000 --hnsw-candidates 200000`` on 2 shared CPU cores, d=384,
    k=5, on real claim embeddings plus noise calibrated to the
    nearest-neighbour cosines a real million-claim collection would have (see
    that script); recall@5 against exact search for queries with no copy in
    the collection / queries drawn like the candidates, search-time speed-up
    over exact numpy search (17.0 s at 1M, 3.3 s at 200k)::

        index  candidates  setting                build   search  recall@5       speed-up
        ivf    1,000,000   nlist=4000 nprobe=32   474 s   1.9 s   0.857 / 0.995    8.9x
        ivf    1,000,000   nlist=4000 nprobe=64           3.1 s   0.915 / 0.998    5.4x
        ivf    1,000,000   nlist=4000 nprobe=128          5.6 s   0.950 / 0.999    3.1x   <- default
        ivf    1,000,000   nlist=4000 nprobe=256         10.8 s   0.976 / 1.000    1.6x
        hnsw     200,000   efSearch=128            97 s   0.7 s   0.928 / 0.996    4.5x
        hnsw     200,000   efSearch=256                   1.6 s   0.969 / 0.999    2.0x   <- default

    The defaults are the cheapest settings with recall@5 >= 0.95 on queries
    with no copy in the collection.

    The index is built on every call, and the build dominates: at a million
    candidates IVF beats exact search only from about 31,000 queries per call
    (41,000 with ``nprobe=128``). Below that, ``"exact"`` is faster and exact.

Determinism
-----------
Every search first keeps ``k + TIE_PAD`` candidates per query, re-scores them
in float64 and then sorts by score (descending) and candidate position
(ascending). Scores therefore do not depend on block sizes, on the index or on
the BLAS kernel, and exact ties always go to the lower candidate position.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from narrcomp._validation import check_array, check_bool, check_choice, check_int, param_error

__all__ = ["match_embeddings", "AUTO_FAISS_MIN_PAIRS", "TIE_PAD", "INDEXES"]

#: Query x candidate pairs from which ``index="auto"`` switches to FAISS flat.
AUTO_FAISS_MIN_PAIRS = 100_000_000_000
#: Query x candidate pairs from which ``show_progress=None`` shows a progress bar.
PROGRESS_MIN_PAIRS = 100_000_000
#: Extra candidates kept per query before the float64 re-scoring and tie-break.
TIE_PAD = 16
#: Accepted values of ``index``.
INDEXES = ("auto", "exact", "faiss", "faiss-ivf", "faiss-hnsw")
DEFAULT_BLOCK = (1024, 8192)
MATCH_COLUMNS = ["query_id", "candidate_id", "rank", "score"]

_FUNC = "match_embeddings"


def match_embeddings(
    queries: np.ndarray,
    candidates: np.ndarray,
    k: int = 5,
    *,
    block_size: int | tuple[int, int] = DEFAULT_BLOCK,
    index: str = "auto",
    exclude: str | np.ndarray | Sequence[tuple[int, int]] | None = None,
    show_progress: bool | None = None,
) -> pd.DataFrame:
    """Find the ``k`` most similar candidates for every query embedding.

    Parameters
    ----------
    queries : ndarray of shape (n_queries, d)
        Query embeddings; unit-norm rows give cosine similarity.
    candidates : ndarray of shape (n_candidates, d)
        Candidate embeddings.
    k : int, default 5
        Matches per query (fewer when there are fewer candidates).
    block_size : int or (int, int), default (1024, 8192)
        Rows per query block and per candidate block for ``index="exact"``
        (one int sets both). Results do not depend on it.
    index : {"auto", "exact", "faiss", "faiss-ivf", "faiss-hnsw"}, default "auto"
        Search backend; see the module docstring.
    exclude : "diagonal", array of shape (m, 2) or None
        Pairs that must not be returned: ``"diagonal"`` drops query ``i``
        against candidate ``i`` (a collection matched against itself);
        an array of ``(query_position, candidate_position)`` rows drops those.
    show_progress : bool or None
        Progress bar over query blocks; ``None`` shows it only for long runs.

    Returns
    -------
    DataFrame
        ``query_id`` and ``candidate_id`` (row positions), ``rank`` (1-based)
        and ``score`` (inner product, float64), sorted by query then rank.

    Examples
    --------
    >>> import numpy as np
    >>> q = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    >>> c = np.array([[0.0, 1.0], [0.6, 0.8], [1.0, 0.0]], dtype=np.float32)
    >>> match_embeddings(q, c, k=2)
       query_id  candidate_id  rank  score
    0         0             2     1    1.0
    1         0             1     2    0.6
    2         1             0     1    1.0
    3         1             1     2    0.8
    """
    Q = _as_matrix(queries, "queries")
    C = _as_matrix(candidates, "candidates")
    if Q.shape[1] != C.shape[1]:
        raise ValueError(
            f"queries and candidates of {_FUNC} must have the same dimension. "
            f"Got {Q.shape[1]} and {C.shape[1]} instead."
        )
    k = check_int(k, "k", _FUNC, min=1)
    blocks = _check_block_size(block_size)
    index = check_choice(index, "index", _FUNC, INDEXES)
    if show_progress is not None:
        check_bool(show_progress, "show_progress", _FUNC)
    excluded = _exclusion_pairs(exclude, len(Q), len(C))
    n_excl = int(np.bincount(excluded[:, 0], minlength=1).max()) if len(excluded) else 0
    if len(Q) == 0 or len(C) == 0:
        return _empty_matches()
    keep = min(k + TIE_PAD + n_excl, len(C))
    backend = resolve_index(index, len(Q), len(C))
    if backend == "exact":
        cand = _exact_topk(Q, C, keep, blocks, excluded, show_progress)
    else:
        cand = _faiss_topk(Q, C, keep, backend)
    return _finalise(Q, C, cand, k, excluded)


def resolve_index(index: str, n_queries: int, n_candidates: int) -> str:
    """Return the backend ``index="auto"`` stands for at this size.

    Examples
    --------
    >>> resolve_index("auto", 10, 1000)
    'exact'
    >>> resolve_index("auto", 100_000, 1_000_000)
    'faiss'
    """
    if index != "auto":
        return index
    return "faiss" if n_queries * n_candidates >= AUTO_FAISS_MIN_PAIRS else "exact"


def _as_matrix(values, name: str) -> np.ndarray:
    return np.ascontiguousarray(check_array(values, name, _FUNC, ndim=2, dtype=np.float32,
                                            shape_text="(n, d)"))


def _check_block_size(block_size) -> tuple[int, int]:
    if isinstance(block_size, tuple) and len(block_size) == 2:
        return (check_int(block_size[0], "block_size", _FUNC, min=1),
                check_int(block_size[1], "block_size", _FUNC, min=1))
    if isinstance(block_size, tuple):
        raise param_error("block_size", _FUNC, "an int >= 1 or a pair of them", block_size)
    size = check_int(block_size, "block_size", _FUNC, min=1)
    return size, size


def _exclusion_pairs(exclude, n_q: int, n_c: int) -> np.ndarray:
    """Normalise ``exclude`` to a sorted (m, 2) int64 array of unique pairs."""
    if exclude is None:
        return np.empty((0, 2), dtype=np.int64)
    if isinstance(exclude, str):
        check_choice(exclude, "exclude", _FUNC, ["diagonal"])
        diag = np.arange(min(n_q, n_c), dtype=np.int64)
        return np.stack([diag, diag], axis=1)
    pairs = np.asarray(exclude)
    expected = "'diagonal', None or an int array of shape (m, 2)"
    if pairs.size == 0:
        return np.empty((0, 2), dtype=np.int64)
    if pairs.ndim != 2 or pairs.shape[1] != 2 or not np.issubdtype(pairs.dtype, np.integer):
        raise param_error("exclude", _FUNC, expected, exclude)
    pairs = pairs.astype(np.int64)
    valid = (pairs[:, 0] >= 0) & (pairs[:, 0] < n_q) & (pairs[:, 1] >= 0) & (pairs[:, 1] < n_c)
    return np.unique(pairs[valid], axis=0)


def _exact_topk(Q, C, keep, blocks, excluded, show_progress) -> np.ndarray:
    """Candidate positions of the ``keep`` best scores per query (unordered)."""
    from tqdm.auto import tqdm

    qb, cb = blocks
    starts = range(0, len(Q), qb)
    if show_progress is None:
        show_progress = len(Q) * len(C) >= PROGRESS_MIN_PAIRS
    out = np.empty((len(Q), keep), dtype=np.int64)
    for q0 in tqdm(starts, desc="match", unit="block", disable=not show_progress):
        q1 = min(q0 + qb, len(Q))
        out[q0:q1] = _topk_one_query_block(Q[q0:q1], C, keep, cb, excluded, q0)
    return out


def _topk_one_query_block(Qb, C, keep, cb, excluded, q0) -> np.ndarray:
    n = len(Qb)
    best_s = np.full((n, 0), -np.inf, dtype=np.float32)
    best_i = np.empty((n, 0), dtype=np.int64)
    rows = np.arange(n)[:, None]
    for c0 in range(0, len(C), cb):
        scores = Qb @ C[c0:c0 + cb].T
        _mask_excluded(scores, excluded, q0, c0)
        if scores.shape[1] > keep:  # the block's own top list first: no full-block copies
            part = np.argpartition(scores, scores.shape[1] - keep, axis=1)[:, -keep:]
            scores = np.take_along_axis(scores, part, axis=1)
        else:
            part = np.broadcast_to(np.arange(scores.shape[1]), scores.shape)
        all_s = np.concatenate([best_s, scores], axis=1)
        all_i = np.concatenate([best_i, part + c0], axis=1)
        if all_s.shape[1] > keep:
            top = np.argpartition(all_s, all_s.shape[1] - keep, axis=1)[:, -keep:]
            all_s, all_i = all_s[rows, top], all_i[rows, top]
        best_s, best_i = all_s, all_i
    return best_i


def _mask_excluded(scores, excluded, q0, c0) -> None:
    if not len(excluded):
        return
    n_q, n_c = scores.shape
    sel = ((excluded[:, 0] >= q0) & (excluded[:, 0] < q0 + n_q)
           & (excluded[:, 1] >= c0) & (excluded[:, 1] < c0 + n_c))
    hit = excluded[sel]
    scores[hit[:, 0] - q0, hit[:, 1] - c0] = -np.inf


def _faiss_topk(Q, C, keep, backend) -> np.ndarray:
    from narrcomp.matching._faiss import build_index

    idx = build_index(C, backend)
    _, found = idx.search(Q, keep)
    return found.astype(np.int64)


def _finalise(Q, C, cand, k, excluded) -> pd.DataFrame:
    """Re-score in float64, drop exclusions, sort with the tie-break, cut to k."""
    n_q, width = cand.shape
    q_pos = np.repeat(np.arange(n_q, dtype=np.int64), width)
    c_pos = cand.ravel()
    ok = c_pos >= 0  # FAISS pads with -1
    q_pos, c_pos = q_pos[ok], c_pos[ok]
    if len(excluded):
        key = q_pos * len(C) + c_pos
        ex_key = excluded[:, 0] * len(C) + excluded[:, 1]
        ok = ~np.isin(key, ex_key)
        q_pos, c_pos = q_pos[ok], c_pos[ok]
    scores = pair_scores(Q, C, q_pos, c_pos)
    order = np.lexsort((c_pos, -scores, q_pos))
    q_pos, c_pos, scores = q_pos[order], c_pos[order], scores[order]
    rank = _ranks_within(q_pos)
    top = rank <= k
    return pd.DataFrame({
        "query_id": q_pos[top], "candidate_id": c_pos[top],
        "rank": rank[top], "score": scores[top],
    })


def pair_scores(Q: np.ndarray, C: np.ndarray, q_pos: np.ndarray, c_pos: np.ndarray,
                chunk: int = 65536) -> np.ndarray:
    """Float64 inner products of the given (query, candidate) position pairs.

    Computed pair by pair, so a pair's score never depends on which other
    pairs are scored with it.
    """
    out = np.empty(len(q_pos), dtype=np.float64)
    for s in range(0, len(q_pos), chunk):
        a = Q[q_pos[s:s + chunk]].astype(np.float64)
        b = C[c_pos[s:s + chunk]].astype(np.float64)
        out[s:s + chunk] = np.einsum("ij,ij->i", a, b)
    return out


def _ranks_within(sorted_groups: np.ndarray) -> np.ndarray:
    """1-based position of each row within its run of equal group values."""
    if len(sorted_groups) == 0:
        return np.empty(0, dtype=np.int64)
    starts = np.r_[True, sorted_groups[1:] != sorted_groups[:-1]]
    first = np.maximum.accumulate(np.where(starts, np.arange(len(sorted_groups)), 0))
    return np.arange(len(sorted_groups)) - first + 1


def _empty_matches() -> pd.DataFrame:
    return pd.DataFrame({
        "query_id": np.empty(0, np.int64), "candidate_id": np.empty(0, np.int64),
        "rank": np.empty(0, np.int64), "score": np.empty(0, np.float64),
    })
