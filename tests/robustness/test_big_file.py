"""A 50 MB text file loads with bounded memory (issue 10).

Peak memory is measured in a fresh subprocess: its peak resident set size
(``VmHWM``) after importing narrcomp and warming the loader up, and again
after ``load_corpus`` read the big file. The growth must stay below
:data:`MAX_GROWTH` times the file size -- a generous bound (the loader
currently needs about 2x: the bytes and the decoded text); the point is that
memory is not unbounded.

This part is load-only. ``extract_claims`` processes about 0.1 MB of text per
second on one shared core, so a 50 MB document would take several minutes; its
speed is measured in ``benchmarks/bench_ingest.py`` (``--big-mb``) instead, and
a 300 kB document is extracted here to check the per-document path on a long text.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from narrcomp import extract_claims, load_corpus

from .hostile import RUSSIAN, write_big_text

MAX_GROWTH = 8
BIG_MB = 50
REPO = Path(__file__).resolve().parents[2]

_MEASURE = """
import json, sys
from narrcomp import load_corpus

def peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024

load_corpus("Warm-up: the inspectors found two cylinders in Douma.")
before = peak()
corpus = load_corpus(sys.argv[1], show_progress=False)
row = corpus.documents.iloc[0]
print(json.dumps({"growth": peak() - before, "n_chars": int(row["n_chars"]), "sha256": row["sha256"],
                  "n_errors": len(corpus.errors)}))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to read peak memory")
def test_a_50_mb_text_loads_with_bounded_memory(tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    size = write_big_text(folder / "big.txt", BIG_MB)
    expected_sha = hashlib.sha256((folder / "big.txt").read_bytes()).hexdigest()
    result = subprocess.run([sys.executable, "-c", _MEASURE, str(folder)], capture_output=True, text=True,
                            cwd=REPO, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    assert measured["n_errors"] == 0
    assert measured["n_chars"] == size  # ASCII text: one char per byte, nothing lost
    assert measured["sha256"] == expected_sha
    assert 0 < measured["growth"] < MAX_GROWTH * size, f"peak RSS grew by {measured['growth'] / size:.1f}x the file"


def test_a_5_mb_windows_1251_text_decodes_exactly(tmp_path):
    text = ("\n\n".join(" ".join(RUSSIAN) for _ in range(16_000)))
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    corpus = load_corpus(path)
    assert len(corpus.errors) == 0
    assert corpus.documents.loc[0, "text"] == text
    assert corpus.documents.loc[0, "language"] == "ru"


def test_a_300_kb_document_yields_exact_claims(tmp_path):
    path = tmp_path / "long.txt"
    write_big_text(path, 0.3)
    corpus = load_corpus(path)
    text = corpus.documents.loc[0, "text"]
    claims = extract_claims(corpus, show_progress=False)
    assert len(claims) > 1000
    assert all(text[s:e] == t for s, e, t in zip(claims["start"], claims["end"], claims["text"]))
    assert claims["start"].is_monotonic_increasing
