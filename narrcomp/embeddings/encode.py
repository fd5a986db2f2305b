"""Deterministic batch encoding shared by the local and the Dask paths.

Texts are encoded in batches of similar length (sorted by length, then by
text) and put back in input order, so the vectors of a text do not depend on
which other texts were asked for, in which order, or with which batch size
(up to float rounding, well under 1e-6).
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

__all__ = ["length_order", "unit_normalize", "encode_texts"]


def length_order(texts: Sequence[str]) -> list[int]:
    """Indices that sort ``texts`` by length, ties broken by the text itself.

    Examples
    --------
    >>> length_order(["ccc", "a", "bb", "b"])
    [1, 3, 2, 0]
    """
    return sorted(range(len(texts)), key=lambda i: (len(texts[i]), texts[i]))


def unit_normalize(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit L2 norm, as float32 (all-zero rows stay zero).

    Examples
    --------
    >>> unit_normalize(np.array([[3.0, 4.0], [0.0, 0.0]])).tolist()
    [[0.6000000238418579, 0.800000011920929], [0.0, 0.0]]
    """
    vectors = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def encode_texts(model, texts: Sequence[str], batch_size: int = 32, *,
                 on_batch: Callable[[list[str], np.ndarray], None] | None = None,
                 progress=None) -> np.ndarray:
    """Encode ``texts`` with a SentenceTransformer, in length-sorted batches.

    Parameters
    ----------
    model : SentenceTransformer
        The loaded model.
    texts : sequence of str
        Texts to encode (already normalised and de-duplicated by the caller).
    batch_size : int
        Texts per forward pass.
    on_batch : callable, optional
        Called as ``on_batch(batch_texts, batch_vectors)`` after each batch
        (the embedding cache commits there).
    progress : tqdm-like, optional
        Its ``update(n)`` is called after each batch.

    Returns
    -------
    numpy.ndarray
        float32, shape ``(len(texts), dim)``, unit-norm rows in input order.

    Examples
    --------
    >>> from narrcomp.embeddings.models import load_model
    >>> encode_texts(load_model(), ["Chlorine was found.", "No attack."]).shape  # doctest: +SKIP
    (2, 384)
    """
    dim = int(model.get_embedding_dimension())
    out = np.zeros((len(texts), dim), dtype=np.float32)
    order = length_order(texts)
    for start in range(0, len(order), batch_size):
        idx = order[start:start + batch_size]
        batch = [texts[i] for i in idx]
        raw = model.encode(batch, batch_size=len(batch), convert_to_numpy=True,
                           show_progress_bar=False, normalize_embeddings=False)
        vectors = unit_normalize(raw)
        out[idx] = vectors
        if on_batch is not None:
            on_batch(batch, vectors)
        if progress is not None:
            progress.update(len(batch))
    return out
