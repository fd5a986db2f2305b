"""Reproducibility (issue 10): ``narrcomp compare`` twice on the same inputs gives
byte-identical Parquet tables and the same manifest hash; a changed parameter
or document changes the hash.

The two identical runs are separate processes (so hash seeds, thread pools and
import order differ); the changed runs are made in-process to save the model
loading time. A three-document corpus keeps the module near 50 s on 2 cores.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .hostile import TOPICS

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
DOCS = [("doc0.txt", "OPCW FFM", "official"), ("doc1.txt", "Sputnik", "media"), ("doc2.txt", "Bellingcat", "media")]


def _write_corpus(root: Path, changed: bool = False) -> Path:
    root.mkdir(parents=True)
    for i, (name, _, _) in enumerate(DOCS):
        sentences = TOPICS["douma"][i:i + 4]
        if changed and i == 1:
            sentences = sentences[:-1] + [TOPICS["skripal"][3]]
        (root / name).write_text(" ".join(sentences) + "\n", encoding="utf-8")
    rows = "".join(f"{name},{source},{kind}\n" for name, source, kind in DOCS)
    (root / "corpus.csv").write_text("path,source,kind\n" + rows, encoding="utf-8")
    return root


def _env(cache: Path) -> dict:
    env = dict(os.environ, NARRCOMP_CACHE_DIR=str(cache), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def _run_cli(corpus: Path, out: Path, cache: Path, *extra: str) -> None:
    result = subprocess.run([sys.executable, "-m", "narrcomp.cli", "compare", str(corpus), "--out", str(out),
                             "--quiet", *extra], capture_output=True, text=True, cwd=REPO, env=_env(cache),
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]


def _manifest_hash(out: Path) -> str:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))["manifest_sha256"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("repro")
    corpus = _write_corpus(tmp / "corpus")
    _run_cli(corpus, tmp / "first", tmp / "cache-first")
    _run_cli(corpus, tmp / "second", tmp / "cache-second")
    return tmp, corpus


def test_two_runs_write_byte_identical_tables(runs):
    tmp, _ = runs
    tables = sorted(p.name for p in (tmp / "first").glob("*.parquet"))
    assert {"claims.parquet", "matches.parquet", "documents.parquet"} <= set(tables)
    assert tables == sorted(p.name for p in (tmp / "second").glob("*.parquet"))
    differing = [name for name in tables if (tmp / "first" / name).read_bytes() != (tmp / "second" / name).read_bytes()]
    assert not differing
    assert (tmp / "first" / "embeddings.npy").read_bytes() == (tmp / "second" / "embeddings.npy").read_bytes()


def test_two_runs_have_the_same_manifest_hash(runs):
    tmp, _ = runs
    assert _manifest_hash(tmp / "first") == _manifest_hash(tmp / "second")


def test_a_changed_parameter_or_document_changes_the_hash(runs, monkeypatch):
    from narrcomp.cli import main

    tmp, corpus = runs
    monkeypatch.setenv("NARRCOMP_CACHE_DIR", str(tmp / "cache-first"))
    assert main(["compare", str(corpus), "--out", str(tmp / "k2"), "--quiet", "--k", "2"]) == 0
    changed = _write_corpus(tmp / "changed", changed=True)
    assert main(["compare", str(changed), "--out", str(tmp / "doc"), "--quiet"]) == 0
    hashes = {_manifest_hash(tmp / name) for name in ("first", "k2", "doc")}
    assert len(hashes) == 3
