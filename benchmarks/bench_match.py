"""Benchmark narrcomp's top-k search against common alternatives.

Exact search on random unit-norm float32 vectors (same data, same run):

* ``match_embeddings`` with ``index="auto"`` (what users get),
* ``match_embeddings(index="exact")`` (blocked numpy + argpartition),
* FAISS ``IndexFlatIP`` (build + search),
* ``sentence_transformers.util.semantic_search`` (torch, chunked),
* plain numpy in query blocks (matmul + argpartition + sort).

Then the approximate indexes on a larger collection, with recall@k against
exact search. Prints time, peak traced memory (tracemalloc: Python/numpy
allocations; FAISS and torch allocate outside it, so their figure is a lower
bound) and the time ratio to FAISS flat.

Usage (defaults are the sizes of the issue; use smaller ones on a laptop)::

    PYTHONPATH=. python benchmarks/bench_match.py --queries 10000 --candidates 100000 \
        --ann-candidates 1000000
    PYTHONPATH=. python benchmarks/bench_match.py --queries 2000 --candidates 20000 \
        --ann-candidates 100000 --ann-queries 500
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

import numpy as np
import pandas as pd

from narrcomp.matching import match_embeddings


def unit_rows(n: int, d: int, seed: int) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, d), dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def measure(fn):
    """(result, seconds, peak traced MiB) of ``fn()``."""
    tracemalloc.start()
    t0 = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return out, seconds, peak / 2**20


def faiss_flat(Q, C, k):
    import faiss

    index = faiss.IndexFlatIP(C.shape[1])
    index.add(C)
    return index.search(Q, k)[1]


def st_semantic_search(Q, C, k):
    import torch
    from sentence_transformers.util import semantic_search

    hits = semantic_search(torch.from_numpy(Q), torch.from_numpy(C), top_k=k)
    return np.array([[h["corpus_id"] for h in row] for row in hits])


def numpy_blocks(Q, C, k, block=1024):
    out = np.empty((len(Q), k), dtype=np.int64)
    for s in range(0, len(Q), block):
        S = Q[s:s + block] @ C.T
        part = np.argpartition(-S, k - 1, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(S, part, axis=1), axis=1)
        out[s:s + block] = np.take_along_axis(part, order, axis=1)
    return out


def ours(index):
    def run(Q, C, k):
        found = match_embeddings(Q, C, k, index=index, show_progress=False)
        return found["candidate_id"].to_numpy().reshape(len(Q), k)
    return run


def recall(found: np.ndarray, truth: np.ndarray) -> float:
    return float(np.mean([len(set(a) & set(b)) / len(b) for a, b in zip(found, truth)]))


def exact_table(n_q, n_c, d, k, skip_st=False):
    Q, C = unit_rows(n_q, d, 0), unit_rows(n_c, d, 1)
    methods = {
        "match_embeddings (auto)": ours("auto"),
        "match_embeddings (exact numpy)": ours("exact"),
        "faiss IndexFlatIP": faiss_flat,
        "st semantic_search": st_semantic_search,
        "numpy blocks": numpy_blocks,
    }
    if skip_st:
        del methods["st semantic_search"]
    rows, truth = [], None
    for name, fn in methods.items():
        found, sec, mib = measure(lambda: fn(Q, C, k))
        truth = found if truth is None else truth
        rows.append({"method": name, "seconds": sec, "peak_traced_MiB": mib,
                     "recall@k_vs_auto": recall(found, truth)})
    table = pd.DataFrame(rows)
    flat = table.loc[table["method"] == "faiss IndexFlatIP", "seconds"].iloc[0]
    table["ratio_to_faiss_flat"] = table["seconds"] / flat
    return table


def ann_table(n_q, n_c, d, k):
    C = unit_rows(n_c, d, 2)
    # queries near known candidates, as in real retrieval, plus their exact top-k
    Q = C[:: max(1, n_c // n_q)][:n_q] + 0.5 * unit_rows(n_q, d, 3) / np.sqrt(d)
    Q /= np.linalg.norm(Q, axis=1, keepdims=True)
    truth, t_exact, _ = measure(lambda: ours("faiss")(Q, C, k))
    rows = [{"index": "faiss (flat, exact)", "seconds": t_exact, "recall@k": 1.0}]
    for index in ("faiss-ivf", "faiss-hnsw"):
        found, sec, _ = measure(lambda: ours(index)(Q, C, k))
        rows.append({"index": index, "seconds": sec, "recall@k": recall(found, truth)})
    return pd.DataFrame(rows)


def main(argv=None):
    parser = argparse.ArgumentParser(description="top-k search benchmark")
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("-k", type=int, default=5)
    parser.add_argument("--ann-candidates", type=int, default=1_000_000, help="0 skips the ANN part")
    parser.add_argument("--ann-queries", type=int, default=1000)
    parser.add_argument("--skip-st", action="store_true", help="leave out sentence-transformers")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 160)
    print(f"exact top-{args.k}: {args.queries:,} queries x {args.candidates:,} candidates, d={args.dim}")
    print(exact_table(args.queries, args.candidates, args.dim, args.k, args.skip_st).round(3).to_string(index=False))
    if args.ann_candidates:
        print(f"\napproximate top-{args.k}: {args.ann_queries:,} queries x "
              f"{args.ann_candidates:,} candidates (build + search)")
        print(ann_table(args.ann_queries, args.ann_candidates, args.dim, args.k)
              .round(3).to_string(index=False))


if __name__ == "__main__":
    main()
