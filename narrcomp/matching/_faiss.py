"""FAISS indexes for :func:`narrcomp.matching.match_embeddings`.

Kept apart so ``faiss`` is imported only when a FAISS backend is used.
All indexes use the inner product, so unit-norm embeddings give cosine
similarity.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["build_index", "IVF_NPROBE", "HNSW_M", "HNSW_EF_SEARCH"]

#: Inverted lists probed per query by ``index="faiss-ivf"``.
IVF_NPROBE = 128
#: Graph degree and search breadth of ``index="faiss-hnsw"``.
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 256
_SEED = 1234


def build_index(vectors: np.ndarray, kind: str):
    """Build a FAISS index of ``kind`` ("faiss", "faiss-ivf", "faiss-hnsw") over ``vectors``.

    Examples
    --------
    >>> import numpy as np
    >>> index = build_index(np.eye(3, dtype=np.float32), "faiss")
    >>> index.ntotal
    3
    """
    import faiss

    d = vectors.shape[1]
    if kind == "faiss":
        index = faiss.IndexFlatIP(d)
    elif kind == "faiss-hnsw":
        index = faiss.IndexHNSWFlat(d, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    elif kind == "faiss-ivf":
        index = _trained_ivf(vectors, faiss)
    else:  # pragma: no cover - guarded by the caller's check_choice
        raise ValueError(f"unknown FAISS index kind {kind!r}")
    index.add(vectors)
    return index


def _trained_ivf(vectors: np.ndarray, faiss):
    """IVF-Flat with about 4 * sqrt(n) lists, trained on a seeded sample."""
    n, d = vectors.shape
    nlist = max(1, min(int(4 * math.sqrt(n)), n // 39))
    quantizer = faiss.IndexFlatIP(d)
    index = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
    index.cp.seed = _SEED
    n_train = min(n, 64 * nlist)
    rng = np.random.default_rng(_SEED)
    sample = vectors[np.sort(rng.choice(n, n_train, replace=False))]
    index.train(sample)
    index.nprobe = min(IVF_NPROBE, nlist)
    return index
