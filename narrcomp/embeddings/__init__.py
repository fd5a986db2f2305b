"""Sentence embeddings of claims, cached on disk and optionally computed on a cluster.

>>> from narrcomp.embeddings import embed
>>> vectors = embed(["Chlorine was used in Douma.", "No attack took place."])  # doctest: +SKIP
>>> vectors.shape, vectors.dtype  # doctest: +SKIP
((2, 384), dtype('float32'))
"""

from __future__ import annotations

import hashlib
import math
import os
import time
from dataclasses import dataclass

import numpy as np

from narrcomp._validation import check_bool, check_int, param_error
from narrcomp.embeddings.cache import EmbeddingCache, default_cache_dir
from narrcomp.embeddings.distributed import encode_chunk, map_chunks, worker_memo
from narrcomp.embeddings.encode import encode_texts, length_order
from narrcomp.embeddings.models import (ModelSpec, load_model, model_identity, model_info,
                                        model_label, resolve_model)
from narrcomp.text import DEFAULT_NORMALIZE, NormalizeOptions, normalize_text

__all__ = ["embed", "EmbedStats", "cache_info", "clear_cache", "model_info",
           "EmbeddingCache", "default_cache_dir", "map_chunks", "worker_memo"]

_PROGRESS_THRESHOLD = 256
_CACHE_EXPECTED = "True, False, None, a folder path or an EmbeddingCache"


@dataclass(frozen=True)
class EmbedStats:
    """What one :func:`embed` call did.

    Attributes
    ----------
    n_texts : int
        Rows asked for.
    n_unique : int
        Distinct normalised texts among them.
    n_cached : int
        Distinct texts read from the cache.
    n_computed : int
        Distinct texts encoded by the model in this call.
    n_damaged : int
        Damaged cache entries found, dropped and recomputed.
    model : str
        ``name@<first 12 hex of the weights sha256>``.
    cache_path : str or None
        The cache file used, or None without a cache.
    seconds : float
        Wall-clock time of the call.
    """

    n_texts: int
    n_unique: int
    n_cached: int
    n_computed: int
    n_damaged: int
    model: str
    cache_path: str | None
    seconds: float


def _as_texts(texts_or_claims) -> list[str]:
    import pandas as pd

    expected = "a list of str, a pandas Series of str or a claims DataFrame with a 'text' column"
    if isinstance(texts_or_claims, pd.DataFrame):
        if "text" not in texts_or_claims.columns:
            raise param_error("texts_or_claims", "embed", expected,
                              f"DataFrame with columns {list(texts_or_claims.columns)}")
        values = texts_or_claims["text"].tolist()
    elif isinstance(texts_or_claims, str):
        raise param_error("texts_or_claims", "embed", expected, texts_or_claims, TypeError)
    elif isinstance(texts_or_claims, (pd.Series, np.ndarray, list, tuple)):
        values = list(texts_or_claims)
    else:
        raise param_error("texts_or_claims", "embed", expected, texts_or_claims, TypeError)
    for i, value in enumerate(values):
        if not isinstance(value, str):
            raise TypeError(f"The 'texts_or_claims' parameter of embed must hold only str; "
                            f"item {i} is {type(value).__name__} ({value!r:.60}).")
    return values


def _as_cache(cache) -> tuple[EmbeddingCache | None, bool]:
    """Return (cache or None, whether embed opened it and must close it)."""
    if cache is True:
        return EmbeddingCache(), True
    if cache is False or cache is None:
        return None, False
    if isinstance(cache, EmbeddingCache):
        return cache, False
    if isinstance(cache, (str, os.PathLike)) and str(cache):
        return EmbeddingCache(cache), True
    raise param_error("cache", "embed", _CACHE_EXPECTED, cache, TypeError)


def _key(identity: str, text: str) -> str:
    return hashlib.sha256((identity + "\x00" + text).encode("utf-8")).hexdigest()


def embed(texts_or_claims, model=None, *, batch_size: int = 32, cache=True,
          show_progress: bool | None = None, client=None,
          normalize: NormalizeOptions | None = DEFAULT_NORMALIZE,
          return_stats: bool = False):
    """Embed texts or claims as unit-norm float32 vectors, with a persistent cache.

    Parameters
    ----------
    texts_or_claims : list of str, pandas.Series or claims DataFrame
        The texts; for a DataFrame, its ``text`` column.
    model : None, str, os.PathLike or SentenceTransformer
        ``None`` is the bundled all-MiniLM-L6-v2 (never downloaded); otherwise
        a local sentence-transformers folder, a hub name (used from the local
        Hugging Face cache; fetched only when ``HF_HUB_OFFLINE`` is unset and
        the hub answers) or a loaded model.
    batch_size : int
        Texts per forward pass (results do not depend on it beyond 1e-6).
    cache : bool, None, path or EmbeddingCache
        ``True``: ``$NARRCOMP_CACHE_DIR`` or the user cache dir; ``False`` or
        ``None``: no cache; a folder or ``.sqlite3`` file; or a cache object.
    show_progress : bool, optional
        Progress bar; default: on when more than 256 texts must be computed.
    client : dask.distributed.Client, optional
        Compute the missing vectors on this cluster (the cache is written here).
    normalize : NormalizeOptions or None
        Text normalisation applied before embedding and caching
        (:func:`narrcomp.text.normalize_text`); ``None`` embeds texts as given.
    return_stats : bool
        Also return an :class:`EmbedStats` (how many texts were computed, etc.).

    Returns
    -------
    numpy.ndarray or (numpy.ndarray, EmbedStats)
        float32 of shape ``(n, dim)``; row ``i`` is input ``i``.

    Raises
    ------
    narrcomp.errors.ModelNotAvailableError
        When the model cannot be loaded offline (the message says how to get it).

    Examples
    --------
    >>> vectors, stats = embed(["Douma &amp; chlorine", "Douma & chlorine"],
    ...                        cache=False, return_stats=True)  # doctest: +SKIP
    >>> vectors.shape, stats.n_computed  # doctest: +SKIP
    ((2, 384), 1)
    """
    started = time.perf_counter()
    texts = _as_texts(texts_or_claims)
    batch_size = check_int(batch_size, "batch_size", "embed", min=1)
    if show_progress is not None:
        check_bool(show_progress, "show_progress", "embed")
    check_bool(return_stats, "return_stats", "embed")
    if normalize is not None and not isinstance(normalize, NormalizeOptions):
        raise param_error("normalize", "embed", "a NormalizeOptions or None", normalize, TypeError)
    if client is not None and not hasattr(client, "submit"):
        raise param_error("client", "embed", "a dask.distributed.Client or None", client, TypeError)
    store, owned = _as_cache(cache)

    spec = resolve_model(model)
    info = model_info(spec)
    identity, label = model_identity(info), model_label(info)
    normalised = [normalize_text(t, normalize) for t in texts]
    unique = list(dict.fromkeys(normalised))
    keys = {t: _key(identity, t) for t in unique}
    damaged_before = store.n_damaged if store else 0
    try:
        found = store.get_many([keys[t] for t in unique], info["dim"]) if store else {}
        vectors = {t: found[keys[t]] for t in unique if keys[t] in found}
        missing = [t for t in unique if t not in vectors]
        if missing:
            vectors.update(_compute(missing, spec, info, identity, label, keys, store,
                                    batch_size, show_progress, client))
        n_damaged = store.n_damaged - damaged_before if store else 0
        cache_path = str(store.path) if store else None
    finally:
        if owned:
            store.close()

    out = np.zeros((len(texts), info["dim"]), dtype=np.float32)
    for i, text in enumerate(normalised):
        out[i] = vectors[text]
    if not return_stats:
        return out
    stats = EmbedStats(len(texts), len(unique), len(unique) - len(missing), len(missing),
                       n_damaged, label, cache_path, time.perf_counter() - started)
    return out, stats


def _compute(missing, spec, info, identity, label, keys, store, batch_size, show_progress,
             client) -> dict:
    """Encode ``missing`` texts locally or on ``client``, saving each batch to ``store``."""
    from tqdm.auto import tqdm

    def save(batch, vectors):
        if store is not None:
            store.put_many((keys[t], label, v) for t, v in zip(batch, vectors))

    if show_progress is None:
        show_progress = len(missing) > _PROGRESS_THRESHOLD
    if client is None:
        with tqdm(total=len(missing), desc=f"embed ({info['name']})",
                  disable=not show_progress) as bar:
            vectors = encode_texts(load_model(spec), missing, batch_size,
                                   on_batch=save, progress=bar)
        return dict(zip(missing, vectors))

    ordered = [missing[i] for i in length_order(missing)]
    chunks = _chunk_size(client, len(ordered), batch_size)
    payload = spec if isinstance(spec, ModelSpec) else client.scatter(spec, broadcast=True)
    results = map_chunks(client, encode_chunk, ordered, chunks, payload, identity, batch_size,
                         show_progress=show_progress, desc=f"embed ({info['name']}, dask)",
                         on_result=lambda i, v: save(ordered[i * chunks:(i + 1) * chunks], v))
    return dict(zip(ordered, np.concatenate(results)))


def _chunk_size(client, n: int, batch_size: int) -> int:
    """Chunks of whole batches, about 4 per worker, at most 64 batches each."""
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    except Exception:  # noqa: BLE001 - scheduler unreachable: let submit report it
        n_workers = 1
    batches = math.ceil(n / batch_size)
    per_chunk = min(64, max(1, math.ceil(batches / (4 * n_workers))))
    return per_chunk * batch_size


def _cache_for(cache, func: str) -> tuple[EmbeddingCache, bool]:
    if cache is True:
        return EmbeddingCache(), True
    if isinstance(cache, EmbeddingCache):
        return cache, False
    if isinstance(cache, (str, os.PathLike)) and str(cache):
        return EmbeddingCache(cache), True
    raise param_error("cache", func, "True, a folder path or an EmbeddingCache", cache, TypeError)


def cache_info(cache=True) -> dict:
    """Describe the embedding cache.

    Parameters
    ----------
    cache : True, path or EmbeddingCache
        ``True`` is the default cache (``$NARRCOMP_CACHE_DIR`` or the user cache dir).

    Returns
    -------
    dict
        ``path``, ``n_entries``, ``size_bytes`` and ``models`` (entries per
        ``name@hash`` label).

    Examples
    --------
    >>> import tempfile
    >>> cache_info(tempfile.mkdtemp())["n_entries"]
    0
    """
    store, owned = _cache_for(cache, "cache_info")
    try:
        return store.info()
    finally:
        if owned:
            store.close()


def clear_cache(model: str | None = None, *, cache=True) -> int:
    """Delete cached embeddings: all of them, or one model's.

    Parameters
    ----------
    model : str, optional
        A model name (``"all-MiniLM-L6-v2"``) or a ``name@hash`` label from
        :func:`cache_info`; ``None`` clears every entry.
    cache : True, path or EmbeddingCache
        Which cache (default: the default cache).

    Returns
    -------
    int
        Number of entries deleted.

    Examples
    --------
    >>> import tempfile
    >>> clear_cache(cache=tempfile.mkdtemp())
    0
    """
    if model is not None and (not isinstance(model, str) or not model):
        raise param_error("model", "clear_cache", "a model name, a 'name@hash' label or None",
                          model, TypeError)
    store, owned = _cache_for(cache, "clear_cache")
    try:
        return store.clear(model)
    finally:
        if owned:
            store.close()
