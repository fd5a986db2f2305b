"""EmbeddingCache: round trips, damage repair, concurrent writers, location."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from narrcomp.embeddings import cache_info, clear_cache
from narrcomp.embeddings.cache import EmbeddingCache, default_cache_dir

REPO = Path(__file__).resolve().parents[2]


def _vec(seed: int, dim: int = 8) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(dim).astype(np.float32)


def test_round_trip_is_bit_exact(tmp_path):
    with EmbeddingCache(tmp_path) as cache:
        cache.put_many([("a", "m@1", _vec(1)), ("b", "m@1", _vec(2))])
        got = cache.get_many(["a", "b", "missing"], dim=8)
    assert set(got) == {"a", "b"}
    assert got["a"].dtype == np.float32
    np.testing.assert_array_equal(got["b"], _vec(2))
    assert (tmp_path / "embeddings.sqlite3").is_file()


def test_a_file_path_is_used_as_is(tmp_path):
    target = tmp_path / "mine.sqlite3"
    with EmbeddingCache(target) as cache:
        cache.put_many([("a", "m@1", _vec(1))])
    assert cache_info(target)["n_entries"] == 1


def test_wrong_dimension_is_not_returned(tmp_path):
    with EmbeddingCache(tmp_path) as cache, pytest.warns(RuntimeWarning, match="damaged"):
        cache.put_many([("a", "m@1", _vec(1, dim=8))])
        assert cache.get_many(["a"], dim=16) == {}
        assert cache.n_damaged == 1


def test_crc_mismatch_is_dropped_and_reported_once(tmp_path):
    with EmbeddingCache(tmp_path) as cache:
        cache.put_many([(k, "m@1", _vec(i)) for i, k in enumerate("abc")])
    with sqlite3.connect(tmp_path / "embeddings.sqlite3") as conn:
        conn.execute("UPDATE embeddings SET crc = crc + 1 WHERE key IN ('a', 'b')")
    with EmbeddingCache(tmp_path) as cache:
        with pytest.warns(RuntimeWarning, match="2 damaged embedding cache entries") as record:
            got = cache.get_many(["a", "b", "c"], dim=8)
        assert set(got) == {"c"} and cache.n_damaged == 2
        assert len(record) == 1
        assert cache.info()["n_entries"] == 1  # damaged rows deleted, to be recomputed


def test_garbled_file_is_quarantined(tmp_path):
    db = tmp_path / "embeddings.sqlite3"
    db.write_bytes(bytes(range(256)) * 64)
    with EmbeddingCache(tmp_path) as cache:
        with pytest.warns(RuntimeWarning, match="moved it to embeddings.sqlite3.corrupt-"):
            assert cache.get_many(["a"], dim=8) == {}
        cache.put_many([("a", "m@1", _vec(1))])
        assert cache.info()["n_entries"] == 1
    moved = list(tmp_path.glob("embeddings.sqlite3.corrupt-*"))
    assert len(moved) == 1 and moved[0].read_bytes() == bytes(range(256)) * 64


def test_info_counts_per_model_and_clear_by_name(tmp_path):
    with EmbeddingCache(tmp_path) as cache:
        cache.put_many([(f"x{i}", "mini@aaa", _vec(i)) for i in range(3)])
        cache.put_many([(f"y{i}", "other@bbb", _vec(i)) for i in range(2)])
    info = cache_info(tmp_path)
    assert info["models"] == {"mini@aaa": 3, "other@bbb": 2}
    assert info["n_entries"] == 5 and info["size_bytes"] > 0
    assert info["path"] == str(tmp_path / "embeddings.sqlite3")
    assert clear_cache("mini", cache=tmp_path) == 3
    assert clear_cache("other@bbb", cache=tmp_path) == 2
    assert cache_info(tmp_path)["n_entries"] == 0


def test_clear_all(tmp_path):
    with EmbeddingCache(tmp_path) as cache:
        cache.put_many([(f"x{i}", "mini@aaa", _vec(i)) for i in range(4)])
    assert clear_cache(cache=tmp_path) == 4
    assert cache_info(tmp_path)["models"] == {}


def test_default_location_follows_env(tmp_path, monkeypatch):
    monkeypatch.setenv("NARRCOMP_CACHE_DIR", str(tmp_path / "here"))
    assert default_cache_dir() == tmp_path / "here"
    assert cache_info()["path"] == str(tmp_path / "here" / "embeddings.sqlite3")
    monkeypatch.delenv("NARRCOMP_CACHE_DIR")
    assert default_cache_dir().parts[-2:] == ("narrcomp", "embeddings")


def test_bad_cache_argument_is_named(tmp_path):
    with pytest.raises(TypeError, match="The 'cache' parameter of cache_info must be"):
        cache_info(cache=42)
    with pytest.raises(TypeError, match="The 'model' parameter of clear_cache must be"):
        clear_cache(7, cache=tmp_path)


def test_unwritable_location_raises_cache_error(tmp_path):
    from narrcomp.errors import CacheError

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(CacheError, match=str(blocker)):
        EmbeddingCache(blocker / "sub").get_many(["a"], dim=8)


_WRITER = textwrap.dedent("""
    import sys, numpy as np
    from narrcomp.embeddings.cache import EmbeddingCache
    folder, who = sys.argv[1], int(sys.argv[2])
    cache = EmbeddingCache(folder)
    for batch in range(40):
        # both writers write the shared keys s0..s199 and their own keys
        rows = []
        for j in range(10):
            i = batch * 5 + j % 5
            key = f"s{i}" if j < 5 else f"own{who}-{batch}-{j}"
            vec = np.full(16, i if j < 5 else who, dtype=np.float32)
            rows.append((key, "m@1", vec))
        cache.put_many(rows)
        cache.get_many([r[0] for r in rows], dim=16)
    cache.close()
""")


def test_two_processes_writing_at_once_corrupt_nothing(tmp_path):
    env = {"PYTHONPATH": str(REPO)}
    import os

    env = {**os.environ, **env}
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), str(who)],
                              env=env, stderr=subprocess.PIPE, text=True) for who in (1, 2)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with sqlite3.connect(tmp_path / "embeddings.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with EmbeddingCache(tmp_path) as cache:
        keys = [f"s{i}" for i in range(200)]
        got = cache.get_many(keys, dim=16)
        assert cache.n_damaged == 0
        assert cache.info()["n_entries"] == 200 + 2 * 40 * 5
    assert set(got) == set(keys)
    for i, key in enumerate(keys):
        assert (got[key] == i).all()
