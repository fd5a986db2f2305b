"""embed(): shapes, normalisation, cache hits, determinism, damaged caches."""

from __future__ import annotations

import random
import sqlite3

import numpy as np
import pandas as pd
import pytest

from narrcomp.embeddings import EmbeddingCache, embed
from narrcomp.text import normalize_text

from .conftest import SENTENCES

pytestmark = pytest.mark.slow


def test_vectors_are_unit_norm_float32_and_aligned(st_model, cache_dir):
    vectors = embed(SENTENCES, cache=cache_dir)
    assert vectors.dtype == np.float32
    assert vectors.shape == (len(SENTENCES), 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-6)
    # row i is sentence i: each row is closest to the model's own vector for that sentence
    direct = st_model.encode(SENTENCES, normalize_embeddings=True)
    assert (np.argmax(vectors @ direct.T, axis=1) == np.arange(len(SENTENCES))).all()
    np.testing.assert_allclose(vectors, direct, atol=1e-5)


def test_list_series_and_claims_frame_agree(st_model):
    claims = pd.DataFrame({"claim_id": [f"c-{i}" for i in range(3)], "text": SENTENCES[:3]})
    from_list = embed(SENTENCES[:3], cache=False)
    np.testing.assert_array_equal(embed(pd.Series(SENTENCES[:3]), cache=False), from_list)
    np.testing.assert_array_equal(embed(claims, cache=False), from_list)


def test_empty_input_gives_zero_rows(st_model):
    assert embed([], cache=False).shape == (0, 384)
    assert embed(pd.DataFrame({"text": []}), cache=False).shape == (0, 384)


def test_texts_are_normalised_and_deduplicated(st_model, cache_dir):
    raw = ["Chlorine in Douma &amp; Ghouta https://t.co/abc @OPCW", "Chlorine in Douma & Ghouta OPCW"]
    assert normalize_text(raw[0]) == raw[1]
    vectors, stats = embed(raw + [raw[1]], cache=cache_dir, return_stats=True)
    assert (stats.n_texts, stats.n_unique, stats.n_computed) == (3, 1, 1)
    np.testing.assert_array_equal(vectors[0], vectors[1])
    raw_vectors = embed(raw, cache=False, normalize=None)
    assert not np.allclose(raw_vectors[0], raw_vectors[1])


def test_similar_claims_are_closer_than_unrelated(st_model):
    a, b, c = embed(["Chlorine was used in the attack on Douma.",
                     "A chlorine gas attack hit Douma.",
                     "The football season starts in August."], cache=False)
    assert a @ b > a @ c + 0.3


def test_second_call_reads_the_cache(st_model, cache_dir):
    first, s1 = embed(SENTENCES[:6], cache=cache_dir, return_stats=True)
    second, s2 = embed(SENTENCES[:8], cache=cache_dir, return_stats=True)
    assert (s1.n_computed, s1.n_cached) == (6, 0)
    assert (s2.n_computed, s2.n_cached) == (2, 6)
    np.testing.assert_array_equal(second[:6], first)
    assert EmbeddingCache(cache_dir).info()["n_entries"] == 8


def test_same_vectors_whatever_batch_size_or_order(st_model):
    texts = SENTENCES[:9]
    reference = embed(texts, cache=False, batch_size=32)
    for batch_size in (1, 7):
        np.testing.assert_allclose(embed(texts, cache=False, batch_size=batch_size),
                                   reference, atol=1e-6)
    order = list(range(len(texts)))
    random.Random(3).shuffle(order)
    shuffled = embed([texts[i] for i in order], cache=False, batch_size=7)
    np.testing.assert_allclose(shuffled, reference[order], atol=1e-6)


def test_damaged_entry_is_reported_and_recomputed(st_model, cache_dir):
    good = embed(SENTENCES[:4], cache=cache_dir)
    db = cache_dir / "embeddings.sqlite3"
    with sqlite3.connect(db) as conn:
        key, blob = conn.execute("SELECT key, vec FROM embeddings LIMIT 1").fetchone()
        damaged = bytes([blob[0] ^ 0xFF]) + blob[1:]
        conn.execute("UPDATE embeddings SET vec = ? WHERE key = ?", (damaged, key))
    with pytest.warns(RuntimeWarning, match="damaged embedding cache entry"):
        again, stats = embed(SENTENCES[:4], cache=cache_dir, return_stats=True)
    assert (stats.n_damaged, stats.n_computed, stats.n_cached) == (1, 1, 3)
    np.testing.assert_allclose(again, good, atol=1e-6)


def test_garbled_database_is_moved_aside_and_rebuilt(st_model, cache_dir):
    good = embed(SENTENCES[:3], cache=cache_dir)
    db = cache_dir / "embeddings.sqlite3"
    for extra in ("-wal", "-shm"):
        (cache_dir / f"embeddings.sqlite3{extra}").unlink(missing_ok=True)
    db.write_bytes(b"this is not a database, it was overwritten " * 200)
    with pytest.warns(RuntimeWarning, match="damaged"):
        again, stats = embed(SENTENCES[:3], cache=cache_dir, return_stats=True)
    assert stats.n_computed == 3
    np.testing.assert_allclose(again, good, atol=1e-6)
    assert len(list(cache_dir.glob("embeddings.sqlite3.corrupt-*"))) == 1
    _, stats = embed(SENTENCES[:3], cache=cache_dir, return_stats=True)
    assert stats.n_cached == 3


@pytest.mark.parametrize("kwargs, error, message", [
    ({"batch_size": 0}, ValueError,
     "The 'batch_size' parameter of embed must be an int >= 1. Got 0 instead."),
    ({"cache": 3}, TypeError, "The 'cache' parameter of embed must be"),
    ({"show_progress": "yes"}, TypeError, "The 'show_progress' parameter of embed must be a bool"),
    ({"normalize": "nfkc"}, TypeError, "The 'normalize' parameter of embed must be"),
])
def test_bad_parameters_are_named(kwargs, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        embed(["a claim"], **kwargs)


def test_bad_inputs_are_named():
    with pytest.raises(TypeError, match="'texts_or_claims' parameter of embed"):
        embed("a single string")
    with pytest.raises(ValueError, match="'text' column"):
        embed(pd.DataFrame({"claim": ["x"]}))
    with pytest.raises(TypeError, match="item 1 is float"):
        embed(["fine", float("nan")])
