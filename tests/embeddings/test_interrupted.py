"""A run killed half-way (SIGKILL) leaves a usable cache; the rerun fills the gaps."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from narrcomp.embeddings import embed

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")]

REPO = Path(__file__).resolve().parents[2]
_PLACES = ["Douma", "Khan Shaykhun", "Ghouta", "Saraqib", "Aleppo", "Idlib"]
_TEMPLATES = [
    "Officials said {n} people were treated in {p} after the strike.",
    "The report on {p} lists {n} samples taken by inspectors.",
    "Witnesses in {p} described {n} cylinders on the roofs.",
    "State media claimed that {n} videos from {p} were staged.",
    "A doctor in {p} counted {n} patients with breathing problems.",
]
TEXTS = [t.format(n=n, p=p) for n in range(8) for p in _PLACES for t in _TEMPLATES]  # 240

_RUN = textwrap.dedent("""
    import sys
    from narrcomp.embeddings import embed
    sys.path.insert(0, sys.argv[2])
    from test_interrupted import TEXTS
    embed(TEXTS, cache=sys.argv[1], batch_size=2, show_progress=False)
""")


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0]
    except sqlite3.OperationalError:  # file or table not created yet
        return 0


def test_killed_run_leaves_usable_cache_and_rerun_computes_only_the_rest(tmp_path, st_model):
    cache = tmp_path / "cache"
    db = cache / "embeddings.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", _RUN, str(cache), str(Path(__file__).parent)],
                            env={**os.environ, "PYTHONPATH": str(REPO)},
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 240
        while _count(db) < 20 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, f"the embedding run ended before it could be killed: {proc.stderr.read()}"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    saved = _count(db)
    assert 20 <= saved < len(TEXTS)

    resumed, stats = embed(TEXTS, cache=cache, return_stats=True)
    assert (stats.n_cached, stats.n_computed, stats.n_damaged) == (saved, len(TEXTS) - saved, 0)
    uninterrupted = embed(TEXTS, cache=False)
    np.testing.assert_allclose(resumed, uninterrupted, atol=1e-6)
