"""Run work on a Dask cluster in ordered chunks, loading models once per worker.

:func:`map_chunks` is generic: it splits a list into chunks, runs
``func(chunk, *args, **kwargs)`` on the cluster's workers and returns the
per-chunk results in input order. :func:`worker_memo` keeps one object (a
loaded model) per worker process, so a model is loaded once per worker however
many chunks that worker runs. The stance stage reuses both.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Hashable, Sequence

from narrcomp._validation import check_int, param_error

__all__ = ["map_chunks", "worker_memo", "encode_chunk"]

_memo: dict[Hashable, Any] = {}
_memo_lock = threading.Lock()


def worker_memo(key: Hashable, factory: Callable[[], Any]) -> Any:
    """Return the object memoised under ``key`` in this process, creating it once.

    Called inside a task it keeps one object per worker process (Dask workers
    are long-lived, so the module global outlives single tasks).

    Examples
    --------
    >>> worker_memo("demo-key", lambda: [1, 2]) is worker_memo("demo-key", list)
    True
    """
    with _memo_lock:
        if key not in _memo:
            _memo[key] = factory()
        return _memo[key]


def _chunks(items: Sequence, size: int) -> list[list]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def map_chunks(client, func: Callable, items: Sequence, chunk_size: int, *args,
               show_progress: bool | None = None, desc: str | None = None,
               on_result: Callable[[int, Any], None] | None = None, **kwargs) -> list:
    """Apply ``func(chunk, *args, **kwargs)`` to consecutive chunks on a Dask cluster.

    Parameters
    ----------
    client : dask.distributed.Client
        The cluster to run on.
    func : callable
        Importable on the workers (a module-level function). It receives a list
        of items and returns one result for that chunk.
    items : sequence
        The work, split into ``ceil(len(items) / chunk_size)`` chunks.
    chunk_size : int
        Items per task.
    *args, **kwargs
        Passed to ``func``; pass large objects as ``client.scatter(obj, broadcast=True)``.
    show_progress : bool, optional
        tqdm bar over finished chunks; default: on when there are more than 256 items.
    desc : str, optional
        Progress bar label.
    on_result : callable, optional
        ``on_result(chunk_index, result)`` as each chunk finishes (in completion
        order), e.g. to save partial results.

    Returns
    -------
    list
        One result per chunk, in input order (concatenate them as needed).

    Examples
    --------
    >>> from dask.distributed import Client, LocalCluster  # doctest: +SKIP
    >>> with LocalCluster(n_workers=2, processes=True, dashboard_address=None) as cluster, \\
    ...         Client(cluster) as client:  # doctest: +SKIP
    ...     map_chunks(client, sorted, [3, 1, 2, 9, 7], 2)
    [[1, 3], [2, 9], [7]]
    """
    chunk_size = check_int(chunk_size, "chunk_size", "map_chunks", min=1)
    if not callable(func):
        raise param_error("func", "map_chunks", "a callable", func, TypeError)
    from distributed import as_completed
    from tqdm.auto import tqdm

    chunks = _chunks(list(items), chunk_size)
    if not chunks:
        return []
    if show_progress is None:
        show_progress = len(items) > 256
    futures = [client.submit(func, chunk, *args, pure=False, **kwargs) for chunk in chunks]
    where = {fut.key: i for i, fut in enumerate(futures)}
    results: list = [None] * len(chunks)
    bar = tqdm(total=len(items), desc=desc or getattr(func, "__name__", "map_chunks"),
               disable=not show_progress)
    try:
        for fut in as_completed(futures):
            i = where[fut.key]
            results[i] = fut.result()
            if on_result is not None:
                on_result(i, results[i])
            bar.update(len(chunks[i]))
    except BaseException:
        client.cancel(futures)
        raise
    finally:
        bar.close()
    return results


def encode_chunk(texts: list[str], model, identity: str, batch_size: int):
    """Worker task: embed ``texts`` with the model named by ``identity``.

    ``model`` is a :class:`~narrcomp.embeddings.models.ModelSpec` (loaded from
    its folder on the worker, or by name when the worker has no such folder)
    or a SentenceTransformer instance. The worker loads it once, checks that
    its identity matches the caller's (same weights), and encodes exactly as
    the local path does.
    """
    from narrcomp.embeddings.encode import encode_texts
    from narrcomp.embeddings.models import model_identity, model_info
    from narrcomp.errors import ModelNotAvailableError

    def load():
        from narrcomp.embeddings.models import ModelSpec, load_model

        spec = model
        if isinstance(spec, ModelSpec) and spec.path is not None:
            import os

            if not os.path.isdir(spec.path):  # worker on another machine: resolve by name
                spec = spec.name
        info = model_info(spec)
        if model_identity(info) != identity:
            raise ModelNotAvailableError(
                f"the worker's copy of model {info['name']!r} differs from the caller's "
                f"(weights sha256 {info['weights_sha256'][:12]}...; expected {identity})")
        return load_model(spec)

    st = worker_memo(("narrcomp.embed", identity), load)
    return encode_texts(st, texts, batch_size)
