"""map_chunks and embed(client=...) on a real two-process LocalCluster."""

from __future__ import annotations

import operator

import numpy as np
import pytest

from narrcomp.embeddings import embed, map_chunks, worker_memo

from .test_interrupted import TEXTS

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    dask_client = distributed.Client(cluster)
    try:
        yield dask_client
    finally:
        dask_client.close()
        cluster.close()


def test_map_chunks_keeps_input_order(client):
    items = list(range(23))
    seen = []
    results = map_chunks(client, sorted, items[::-1], 5, on_result=lambda i, r: seen.append(i))
    assert results == [sorted(items[::-1][i:i + 5]) for i in range(0, 23, 5)]
    assert sorted(seen) == [0, 1, 2, 3, 4]
    assert map_chunks(client, sorted, [], 5) == []


def test_map_chunks_passes_arguments(client):
    # test helpers are nested so that cloudpickle ships them by value (workers
    # cannot import this test module)
    def scale(chunk, factor, *, offset=0):
        return [x * factor + offset for x in chunk]

    assert map_chunks(client, scale, [1, 2, 3], 2, 10, offset=1) == [[11, 21], [31]]


def test_worker_memo_creates_one_object_per_worker(client):
    def pid_and_memo_id(chunk):
        import os

        from narrcomp.embeddings.distributed import worker_memo as memo

        return [(os.getpid(), id(memo("test-object", object)))] * len(chunk)

    pairs = [p for chunk in map_chunks(client, pid_and_memo_id, list(range(40)), 2)
             for p in chunk]
    per_pid = {}
    for pid, obj in pairs:
        per_pid.setdefault(pid, set()).add(obj)
    assert all(len(objects) == 1 for objects in per_pid.values())


def test_worker_errors_reach_the_caller(client):
    with pytest.raises(TypeError):
        map_chunks(client, operator.neg, [1, 2], 1)
    with pytest.raises(ValueError, match="'chunk_size' parameter of map_chunks"):
        map_chunks(client, sorted, [1], 0)


def test_embed_on_the_cluster_matches_local(client, tmp_path, st_model):
    texts = TEXTS[:50]
    local = embed(texts, cache=False, batch_size=8)
    remote, stats = embed(texts, cache=tmp_path, batch_size=8, client=client, return_stats=True)
    assert stats.n_computed == 50
    np.testing.assert_allclose(remote, local, atol=1e-6)
    cached, stats = embed(texts, cache=tmp_path, client=client, return_stats=True)
    assert (stats.n_cached, stats.n_computed) == (50, 0)  # the caller wrote the cache
    np.testing.assert_array_equal(cached, remote)
    assert worker_memo("local-only", lambda: 1) == 1
