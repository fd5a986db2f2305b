"""A `narrcomp compare` run killed (SIGKILL) mid-embedding: the rerun reuses the cache and its
tables are identical to an uninterrupted run's."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SUBJECTS = ["The convoy", "The hospital", "The market", "The school", "The bakery", "The water plant"]
PLACES = ["Aleppo", "Idlib", "Douma", "Homs", "Hama", "Raqqa", "Deir ez-Zor", "Latakia"]
ACTS = ["was struck by an air raid", "was shelled by artillery", "was damaged in a ground assault",
        "was hit by a barrel bomb", "was destroyed by a missile"]


def _corpus(folder: Path) -> Path:
    """Two sources, ~480 distinct claims: long enough to kill the run mid-embedding."""
    folder.mkdir()
    rows = ["path,source,kind,date,url,title"]
    for n, (source, kind) in enumerate((("Monitor", "official"), ("Outlet", "media"))):
        sentences = []
        for i, subject in enumerate(SUBJECTS):
            for j, place in enumerate(PLACES):
                for k, act in enumerate(ACTS):
                    if (i + j + k + n) % 2 == 0:
                        sentences.append(f"{subject} in {place} {act} on {1 + (i * 7 + j * 3 + k) % 28} March 2016.")
        (folder / f"{source}.txt").write_text("\n".join(sentences) + "\n")
        rows.append(f"{source}.txt,{source},{kind},2016-04-0{n + 1},,{source}")
    (folder / "corpus.csv").write_text("\n".join(rows) + "\n")
    return folder


def _run(corpus, out, cache, **kwargs):
    env = {**os.environ, "NARRCOMP_CACHE_DIR": str(cache), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    return subprocess.Popen([sys.executable, "-m", "narrcomp.cli", "compare", str(corpus), "--out", str(out),
                             "--quiet"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def _entries(cache: Path) -> int:
    db = cache / "embeddings.sqlite3"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as con:
            return con.execute("select count(*) from embeddings").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_killed_compare_resumes_from_cache_with_identical_tables(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    cache = tmp_path / "cache"
    proc = _run(corpus, tmp_path / "killed", cache)
    deadline = time.time() + 240
    while time.time() < deadline and _entries(cache) == 0 and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _entries(cache)
    assert proc.returncode == -signal.SIGKILL
    assert partial > 0, "nothing was cached before the kill"

    rerun = _run(corpus, tmp_path / "rerun", cache)
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err.decode()[-2000:]
    total = _entries(cache)
    assert partial < total, "the run was killed after embedding finished; nothing to resume"

    fresh = _run(corpus, tmp_path / "fresh", tmp_path / "fresh-cache")
    _, err = fresh.communicate(timeout=600)
    assert fresh.returncode == 0, err.decode()[-2000:]
    for name in ("claims", "matches", "divergence", "narratives"):
        a = (tmp_path / "rerun" / f"{name}.parquet").read_bytes()
        b = (tmp_path / "fresh" / f"{name}.parquet").read_bytes()
        assert a == b, name
