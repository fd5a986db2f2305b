"""2-D coordinates of claims for the claim map.

UMAP (``umap-learn``) with a fixed ``random_state`` when it is installed and the
corpus has at least :data:`UMAP_MIN_CLAIMS` claims; PCA otherwise. With a fixed
``random_state`` UMAP runs single-threaded and gives the same coordinates on
re-runs with the same library versions (umap-learn's documented behaviour).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrcomp._validation import check_choice, check_int

UMAP_MIN_CLAIMS = 30


def project(embeddings: np.ndarray, *, method: str = "auto", random_state: int = 0,
            n_neighbors: int = 15) -> tuple[np.ndarray, str]:
    """Return (coordinates (n, 2), method used)."""
    method = check_choice(method, "method", "projection", ["auto", "umap", "pca"])
    random_state = check_int(random_state, "random_state", "projection", min=0)
    n = len(embeddings)
    if n == 0:
        return np.zeros((0, 2)), "pca"
    if method == "auto":
        method = "umap" if n >= UMAP_MIN_CLAIMS and _has_umap() else "pca"
    if method == "umap":
        if not _has_umap():
            raise ImportError("projection(method='umap') needs umap-learn: pip install umap-learn")
        import umap

        reducer = umap.UMAP(n_components=2, n_neighbors=min(n_neighbors, n - 1), metric="cosine",
                            random_state=random_state, n_jobs=1)
        return np.asarray(reducer.fit_transform(embeddings), dtype=np.float64), "umap"
    return _pca(embeddings), "pca"


def _pca(x: np.ndarray) -> np.ndarray:
    if len(x) == 1:
        return np.zeros((1, 2))
    centred = x - x.mean(axis=0)
    u, s, vt = np.linalg.svd(centred.astype(np.float64), full_matrices=False)
    coords = u[:, :2] * s[:2]
    # Fix the sign of each axis so the output does not depend on the SVD's sign choice.
    signs = np.sign(coords[np.argmax(np.abs(coords), axis=0), range(coords.shape[1])])
    coords = coords * np.where(signs == 0, 1, signs)
    if coords.shape[1] < 2:
        coords = np.hstack([coords, np.zeros((len(x), 2 - coords.shape[1]))])
    return coords


def _has_umap() -> bool:
    try:
        import umap  # noqa: F401
    except ImportError:
        return False
    return True


def projection_table(claims: pd.DataFrame, coords: np.ndarray) -> pd.DataFrame:
    cols = [c for c in ("claim_id", "source", "status", "text", "date", "attribution", "kind") if c in claims]
    out = claims[cols].reset_index(drop=True).copy()
    out.insert(1, "x", coords[:, 0])
    out.insert(2, "y", coords[:, 1])
    return out
