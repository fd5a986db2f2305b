"""Benchmark narrcomp's top-k search against common alternatives.

Exact search on random unit-norm float32 vectors (same data, same run):

* ``match_embeddings`` with ``index="auto"`` (what users get),
* ``match_embeddings(index="exact")`` (blocked numpy + argpartition),
* FAISS ``IndexFlatIP`` (build + search),
* ``sentence_transformers.util.semantic_search`` (torch, chunked),
* plain numpy in query blocks (matmul + argpartition + sort).

Exact-search timings print time, peak traced memory (tracemalloc: Python/numpy
allocations; FAISS and torch allocate outside it, so their figure is a lower
bound) and the time ratio to FAISS flat.

Then the approximate indexes (``index="faiss-ivf"`` and ``"faiss-hnsw"``) on a
larger collection: build time, search time, recall@k against exact search and
the speed-up over exact search, for the default settings of
:mod:`narrcomp.matching._faiss` and a small grid around them (IVF ``nprobe``,
HNSW ``efSearch``). Each index is built once with the same ``build_index``
that ``match_embeddings`` calls, then searched for ``k + TIE_PAD`` neighbours
per query (as ``match_embeddings`` does) with each setting; recall@k is the
share of the exact top-k ids found in the first k.

ANN data (``--ann-data``)
-------------------------
``random``
    Gaussian vectors scaled to unit norm, queries near planted candidates.
    This is the worst case for approximate search (no cluster structure,
    neighbours almost as far as everything else), not what users have.
``realistic`` (default)
    Synthetic, but built from real sentence embeddings, as follows. The
    ``vclaim`` column of ``--ann-source`` (the 10,375 verified claims of CLEF
    2020 CheckThat! task 2) is embedded with :func:`narrcomp.embeddings.embed`
    (bundled all-MiniLM-L6-v2; cached, about 4.5 minutes on 2 CPU cores the
    first time). A seeded permutation holds ``--ann-queries`` of them out as
    query bases; the rest (9,375 with the default 1,000 queries) are candidate
    bases. Each of the N candidates is a candidate base drawn at random (with
    replacement, so about N / 9,375 noisy copies of each) plus Gaussian noise,
    scaled back to unit norm. The
    noise has the covariance of the real embeddings (normalised to an expected
    squared norm of 1), so it moves vectors along the directions sentence
    embeddings use, and each vector draws its own noise scale uniformly from
    ``--ann-noise LO HI``. Two query sets are searched: ``held-out`` (the
    held-out real embeddings perturbed the same way: claims with no copy in the
    collection, the harder case) and ``in-collection`` (random candidate bases
    perturbed the same way: drawn like the candidates, as when the same claim
    was already reported elsewhere).

    How the noise scale was chosen: the nearest-neighbour cosine of a real
    claim among the others grows with the collection size (median 0.43 among
    1,000 claims, 0.54 among all 10,375). Fitting the nearest-neighbour
    *distance* as a power of the size (intrinsic dimension about 23) and
    extrapolating gives, for a million real claims, a median of 0.69
    (10th-90th percentile 0.58-0.85); a log-linear fit of the cosine would
    give more (median 0.74), so this is the lower estimate. The default range
    0.4-1.5 makes the million generated candidates match it: median 0.70
    (0.58-0.85). Both are printed on every run. Limits: nothing here is a
    measured million-claim collection; the structure below the 9,375 bases is
    Gaussian; the held-out queries sit further from their nearest candidate
    (median 0.46) than a new claim would in a real million (about 0.69), so
    their recall is a pessimistic figure.

Usage (defaults are the sizes of the issue; use smaller ones on a laptop)::

    PYTHONPATH=. HF_HUB_OFFLINE=1 python benchmarks/bench_match.py --queries 10000 \
        --candidates 100000 --ann-candidates 1000000
    PYTHONPATH=. HF_HUB_OFFLINE=1 python benchmarks/bench_match.py --queries 2000 \
        --candidates 20000 --ann-candidates 100000 --ann-queries 500
    # only the ANN part, as in docs/scaling.md (about 15 minutes on 2 shared CPU cores)
    PYTHONPATH=. HF_HUB_OFFLINE=1 python benchmarks/bench_match.py --candidates 0 \
        --ann-candidates 1000000 --ann-queries 1000 --hnsw-candidates 200000
"""

from __future__ import annotations

import argparse
import os
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

from narrcomp.matching import match_embeddings
from narrcomp.matching.dense import TIE_PAD

#: Where ``--ann-source`` points by default: the CLEF 2020 task 2 verified claims.
_SHARED = Path(os.environ.get("NARRCOMP_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
DEFAULT_ANN_SOURCE = _SHARED / "eval" / "clef2020_task2" / "v3" / "verified_claims.docs.tsv"
#: Per-vector noise scales of the realistic ANN data (see the module docstring).
DEFAULT_ANN_NOISE = (0.4, 1.5)


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


def timed(fn):
    """(result, seconds) of ``fn()``."""
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


# ---------------------------------------------------------------- ANN data
def random_ann_data(n_q, n_c, d, seed=2):
    """Random unit vectors; queries close to evenly spaced candidates."""
    C = unit_rows(n_c, d, seed)
    Q = C[:: max(1, n_c // n_q)][:n_q] + 0.5 * unit_rows(n_q, d, seed + 1) / np.sqrt(d)
    Q /= np.linalg.norm(Q, axis=1, keepdims=True)
    return Q, C


def real_embeddings(path) -> np.ndarray:
    """Unit-norm embeddings of the ``vclaim`` column (else the first text column) of a TSV."""
    from narrcomp.embeddings import embed

    frame = pd.read_csv(path, sep="\t")
    texts = [c for c in frame.columns if frame[c].dtype == object]
    column = "vclaim" if "vclaim" in frame.columns else texts[0]
    vectors = np.asarray(embed(frame[column].dropna().astype(str).tolist()), dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def noise_factor(vectors: np.ndarray) -> np.ndarray:
    """``L`` with ``L @ L.T`` the covariance of ``vectors`` scaled to trace 1."""
    centred = vectors - vectors.mean(axis=0)
    cov = centred.T.astype(np.float64) @ centred / len(centred)
    cov /= np.trace(cov)
    return np.linalg.cholesky(cov + 1e-9 * np.eye(len(cov))).astype(np.float32)


def noisy_copies(E, base, factor, noise, rng, chunk=65_536) -> np.ndarray:
    """Unit-norm ``E[base] + s * factor @ z`` with ``s ~ U(noise)`` per row, ``z`` standard normal."""
    out = np.empty((len(base), E.shape[1]), dtype=np.float32)
    for s in range(0, len(base), chunk):
        rows = base[s:s + chunk]
        z = rng.standard_normal((len(rows), E.shape[1]), dtype=np.float32)
        scale = rng.uniform(noise[0], noise[1], (len(rows), 1)).astype(np.float32)
        block = E[rows] + scale * (z @ factor.T)
        out[s:s + chunk] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


def realistic_ann_data(E, n_q, n_c, noise=DEFAULT_ANN_NOISE, seed=2):
    """Candidates and two query sets made of real embeddings ``E`` plus shaped noise.

    Returns ``C`` and ``{"held-out": Q, "in-collection": Q2}``: ``Q`` perturbs
    ``n_q`` real embeddings that are no candidate's base, ``Q2`` perturbs
    ``n_q`` candidate bases (so ``Q2`` is drawn like the candidates).
    """
    if not 0 < n_q < len(E) // 2:
        raise ValueError(f"--ann-queries must be between 1 and {len(E) // 2 - 1} for this source. "
                         f"Got {n_q} instead.")
    rng = np.random.default_rng(seed)
    perm = rng.permutation(len(E))
    query_bases, candidate_bases = perm[:n_q], perm[n_q:]
    factor = noise_factor(E[candidate_bases])
    C = noisy_copies(E, rng.choice(candidate_bases, n_c), factor, noise, rng)
    held_out = noisy_copies(E, query_bases, factor, noise, rng)
    in_collection = noisy_copies(E, rng.choice(candidate_bases, n_q), factor, noise, rng)
    return C, {"held-out": held_out, "in-collection": in_collection}


def nn_cosines(X, rows=None) -> np.ndarray:
    """Cosine of each of ``X[rows]`` (default: all rows) to its nearest other row of ``X``."""
    import faiss

    index = faiss.IndexFlatIP(X.shape[1])
    index.add(X)
    D, _ = index.search(X if rows is None else X[rows], 2)
    return D[:, 1]


QUANTILES = (0.1, 0.5, 0.9)


def describe(values) -> str:
    lo, mid, hi = np.quantile(values, QUANTILES)
    return f"median {mid:.3f} (10th-90th percentile {lo:.3f}-{hi:.3f})"


def extrapolated_nn_cosines(E, n, sizes=(1000, 2000, 4000), seeds=3) -> np.ndarray:
    """Nearest-neighbour cosine quantiles a real collection of ``n`` would have.

    Fits ``log(distance) = a + b log(size)`` (nearest-neighbour distance of
    points with intrinsic dimension ``-1/b``) per quantile of random subsets of
    ``E`` and of all of ``E``; the log-linear fit of the cosine itself grows
    faster, so this is the lower of the two extrapolations.
    """
    sizes = [m for m in sizes if m < len(E)] + [len(E)]
    cos = []
    for m in sizes:
        subsets = [np.random.default_rng(s).choice(len(E), m, replace=False) if m < len(E) else slice(None)
                   for s in range(seeds if m < len(E) else 1)]
        runs = [np.quantile(nn_cosines(E[rows]), QUANTILES) for rows in subsets]
        cos.append(np.mean(runs, axis=0))
    dist = np.sqrt(2 * (1 - np.array(cos)))
    out = []
    for j in range(len(QUANTILES)):
        b, a = np.polyfit(np.log(sizes), np.log(dist[:, j]), 1)
        out.append(1 - np.exp(a + b * np.log(n)) ** 2 / 2)
    return np.array(out)


# ---------------------------------------------------------------- ANN table
def flat_rows(queries, C, k, with_numpy):
    """Exact baselines on ``C``: the exact top-k ids per query set and table rows.

    Times are for the first query set; the others are searched untimed.
    """
    import faiss

    names = list(queries)
    Q = queries[names[0]]
    rows = []
    if with_numpy:
        found, sec = timed(lambda: ours("exact")(Q, C, k))
        rows.append({"index": "exact (match_embeddings numpy)", "setting": "", "build_s": 0.0,
                     "search_s": sec, "found": {names[0]: found}})
    flat, build = timed(lambda: faiss.IndexFlatIP(C.shape[1]))
    _, add = timed(lambda: flat.add(C))
    (scores, ids), sec = timed(lambda: flat.search(Q, k + TIE_PAD))
    truth = {names[0]: ids[:, :k]}
    best = {names[0]: scores[:, 0]}
    for name in names[1:]:
        scores, ids = flat.search(queries[name], k)
        truth[name], best[name] = ids, scores[:, 0]
    rows.append({"index": "faiss flat (exact, = auto)", "setting": "", "build_s": build + add,
                 "search_s": sec, "found": dict(truth)})
    for row in rows:
        row["candidates"] = len(C)
        row["truth"] = truth
    return truth, best, rows


def ann_searches(index, queries, k, truth, settings, set_value, label, build, n_c, log):
    """Rows for ``index`` searched once per ``(value, name)`` in ``settings``.

    ``set_value(value)`` applies a setting; times are those of the first query set.
    """
    rows = []
    for value, name in settings:
        set_value(value)
        found, sec = {}, None
        for query_set, Q in queries.items():
            t0 = time.perf_counter()
            found[query_set] = index.search(Q, k + TIE_PAD)[1][:, :k]
            sec = time.perf_counter() - t0 if sec is None else sec
        rows.append({"index": label, "candidates": n_c, "setting": name, "build_s": build,
                     "search_s": sec, "found": found, "truth": truth})
        log(f"  {label} {name}: {sec:.2f} s")
    return rows


def ann_table(queries, C, k, nprobes=(16, 32, 64, 128, 256, 512), ef_searches=(64, 128, 256, 512),
              hnsw_candidates=0,
              with_numpy=True, log=print):
    """Exact vs IVF vs HNSW on ``C`` (HNSW on its first ``hnsw_candidates`` rows).

    ``queries`` maps a name to a query array; search times are those of the
    first, recall@k is given for each. Returns the table and the exact
    searches' nearest-candidate cosines per query set.
    """
    from narrcomp.matching import _faiss

    truth, best, rows = flat_rows(queries, C, k, with_numpy)
    log(f"  exact done ({rows[-1]['search_s']:.1f} s FAISS flat search)")
    ivf, build = timed(lambda: _faiss.build_index(C, "faiss-ivf"))
    log(f"  IVF built in {build:.1f} s (nlist={ivf.nlist})")
    default = ivf.nprobe
    settings = [(p, f"nlist={ivf.nlist} nprobe={p}" + (" (default)" if p == default else ""))
                for p in sorted(set(nprobes) | {default})]
    rows += ann_searches(ivf, queries, k, truth, settings, lambda p: setattr(ivf, "nprobe", p),
                         "faiss-ivf", build, len(C), log)
    ivf = None  # frees its copy of the candidates before HNSW
    n_h = min(hnsw_candidates, len(C)) if hnsw_candidates else len(C)
    C_h = C[:n_h]
    truth_h = truth
    if n_h < len(C):
        truth_h, _, more = flat_rows(queries, C_h, k, with_numpy)
        rows += more
    hnsw, build = timed(lambda: _faiss.build_index(C_h, "faiss-hnsw"))
    log(f"  HNSW built on {n_h:,} candidates in {build:.1f} s")
    default = hnsw.hnsw.efSearch
    settings = [(e, f"M={_faiss.HNSW_M} efSearch={e}" + (" (default)" if e == default else ""))
                for e in sorted(set(ef_searches) | {default})]
    rows += ann_searches(hnsw, queries, k, truth_h, settings, lambda e: setattr(hnsw.hnsw, "efSearch", e),
                         "faiss-hnsw", build, n_h, log)
    table = pd.DataFrame(rows)
    for name in queries:
        table[f"recall@{k} {name}" if len(queries) > 1 else f"recall@{k}"] = [
            recall(r.found[name], r.truth[name]) if name in r.found else np.nan for r in table.itertuples()]
    exact = table[table["index"].str.startswith(("faiss flat", "exact"))]
    exact_total = (exact["build_s"] + exact["search_s"]).groupby(exact["candidates"]).min()
    exact_search = exact["search_s"].groupby(exact["candidates"]).min()
    base_search = table["candidates"].map(exact_search)
    base_total = table["candidates"].map(exact_total)
    table["speedup_search"] = base_search / table["search_s"]
    table["speedup_build+search"] = base_total / (table["build_s"] + table["search_s"])
    per_query_gain = (base_search - table["search_s"]) / len(next(iter(queries.values())))
    extra_build = table["build_s"] - (base_total - base_search)
    table["break_even_queries"] = np.where(per_query_gain > 0, extra_build / per_query_gain, np.inf)
    table.loc[table["index"].isin(exact["index"]), "break_even_queries"] = np.nan
    first = ["index", "candidates", "setting", "build_s", "search_s"]
    table = table[first + [c for c in table.columns if c not in first]]
    return table.drop(columns=["found", "truth"]), best


def run_ann(args):
    """Build the ANN data named by ``args`` and print its description and table."""
    n_q, n_c, k = args.ann_queries, args.ann_candidates, args.k
    print(f"\napproximate top-{k}: {n_q:,} queries x {n_c:,} candidates, --ann-data {args.ann_data}",
          flush=True)
    if args.ann_data == "random":
        print("  data: Gaussian unit vectors (the worst case for ANN); queries near planted candidates")
        queries_C = random_ann_data(n_q, n_c, args.dim)
        queries, C = {"planted": queries_C[0]}, queries_C[1]
    else:
        E, sec = timed(lambda: real_embeddings(args.ann_source))
        lo, hi = args.ann_noise
        print(f"  data: {len(E):,} real claim embeddings ({args.ann_source.name}, all-MiniLM-L6-v2, "
              f"{sec:.0f} s with the embedding cache); {n_q:,} held out as query bases, the rest are "
              f"candidate bases")
        print(f"  candidates: a random candidate base + Gaussian noise with the bases' covariance, "
              f"scale ~ U({lo}, {hi}) per vector, unit-normalised (seeded)")
        print(f"  queries 'held-out': the held-out bases perturbed the same way; "
              f"'in-collection': {n_q:,} random candidate bases perturbed the same way")
        (C, queries), sec = timed(lambda: realistic_ann_data(E, n_q, n_c, (lo, hi)))
        sample = np.random.default_rng(5).choice(n_c, min(n_c, 1000), replace=False)
        print("  nearest-neighbour cosine of a vector in its own collection:")
        print(f"    real claims, all {len(E):,}:{'':>14}{describe(nn_cosines(E))}")
        q = extrapolated_nn_cosines(E, n_c)
        print(f"    real claims, extrapolated to {n_c:,}: median {q[1]:.3f} (10th-90th percentile "
              f"{q[0]:.3f}-{q[2]:.3f}; power law in the collection size fitted on 1,000-{len(E):,})")
        print(f"    generated, {len(sample):,} of the {n_c:,}:{'':>6}{describe(nn_cosines(C, sample))}"
              f"  (generated in {sec:.0f} s)", flush=True)
    table, best = ann_table(queries, C, k, args.nprobe, args.ef_search, args.hnsw_candidates,
                            with_numpy=not args.skip_exact_numpy, log=lambda m: print(m, flush=True))
    for name, scores in best.items():
        print(f"  nearest-candidate cosine of the '{name}' queries: {describe(scores)}")
    if len(best) > 1:
        print(f"  search times are those of the '{next(iter(best))}' queries")
    print("  speedup_*: time of the fastest exact method on as many candidates / this row's time; "
          "break_even_queries: queries per call from which build + search beats exact search")
    print(table.round({"build_s": 1, "search_s": 2, "speedup_search": 1, "speedup_build+search": 2,
                       "break_even_queries": 0, **{c: 3 for c in table.columns if c.startswith("recall")}})
          .to_string(index=False))


def main(argv=None):
    parser = argparse.ArgumentParser(description="top-k search benchmark")
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--candidates", type=int, default=100_000, help="0 skips the exact part")
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("-k", type=int, default=5)
    parser.add_argument("--ann-candidates", type=int, default=1_000_000, help="0 skips the ANN part")
    parser.add_argument("--ann-queries", type=int, default=1000)
    parser.add_argument("--ann-data", choices=["random", "realistic"], default="realistic",
                        help="ANN vectors: Gaussian, or real claim embeddings plus noise (module docstring)")
    parser.add_argument("--ann-source", type=Path, default=DEFAULT_ANN_SOURCE,
                        help="TSV whose 'vclaim' column is embedded for --ann-data realistic")
    parser.add_argument("--ann-noise", type=float, nargs=2, default=DEFAULT_ANN_NOISE, metavar=("LO", "HI"),
                        help="range of the per-vector noise scale for --ann-data realistic")
    parser.add_argument("--nprobe", type=int, nargs="+", default=[16, 32, 64, 128, 256, 512],
                        help="IVF nprobe values to measure (the default is always added)")
    parser.add_argument("--ef-search", type=int, nargs="+", default=[64, 128, 256, 512],
                        help="HNSW efSearch values to measure (the default is always added)")
    parser.add_argument("--hnsw-candidates", type=int, default=0,
                        help="build HNSW on only the first N ANN candidates (0: all); its build is slow")
    parser.add_argument("--skip-exact-numpy", action="store_true",
                        help="leave match_embeddings(index='exact') out of the ANN table")
    parser.add_argument("--skip-st", action="store_true", help="leave out sentence-transformers")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 200)
    if args.candidates:
        print(f"exact top-{args.k}: {args.queries:,} queries x {args.candidates:,} candidates, d={args.dim}")
        print(exact_table(args.queries, args.candidates, args.dim, args.k, args.skip_st)
              .round(3).to_string(index=False))
    if args.ann_candidates:
        run_ann(args)


if __name__ == "__main__":
    main()
