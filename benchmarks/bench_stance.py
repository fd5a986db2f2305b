#!/usr/bin/env python
"""Throughput of classify_stance (pairs per second) on claim-sized pairs.

Prints a table: the cross-encoder alone (one pass per pair, as classify_stance
scores each pair once in a canonical order) and the full classify_stance
(attribution split, cross-encoder, embeddings, calibration), for
a few batch sizes. The pairs are SICK test sentences (or synthetic claims when
the shared data is absent). Target from the issue: >= 100 pairs/s on 2 cores.

    .venv/bin/python benchmarks/bench_stance.py --pairs 512 --batch-sizes 32 64
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _pairs(n: int):
    root = Path(os.environ.get("NARRCOMP_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
    sick = root / "eval" / "sick" / "SICK.txt"
    if sick.is_file():
        from narrcomp.evaluate.stance_data import load_sick

        table = load_sick(sick, "test").iloc[:n]
        return table["a"].tolist(), table["b"].tolist(), "SICK test"
    a = [f"Officials said {i} people were killed in the attack on the convoy." for i in range(n)]
    b = [f"The convoy attack killed {i + 1} people, the ministry said." for i in range(n)]
    return a, b, "synthetic"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=512)
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[64])
    parser.add_argument("--model", default=None)
    parser.add_argument("--warm-cache", action="store_true",
                        help="use the user's embedding cache (default: a fresh empty one per run)")
    args = parser.parse_args(argv)
    if not args.warm_cache:
        import tempfile

        os.environ["NARRCOMP_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench-stance-")

    import torch

    from narrcomp.stance import classify_stance
    from narrcomp.stance.pipeline import make_backend, resolve

    a, b, name = _pairs(args.pairs)
    classify_stance(["warm up the models"], ["load them once"], model=args.model,
                    show_progress=False)
    rows = [("mode", "batch", "pairs", "seconds", "pairs/s")]
    for batch in args.batch_sizes:
        ref, _ = resolve(args.model, batch)
        backend = make_backend(ref) if hasattr(ref, "kind") else ref
        backend.predict_proba(list(zip(a[:8], b[:8])))
        started = time.perf_counter()
        backend.predict_proba(list(zip(a, b)))
        ce = time.perf_counter() - started
        rows.append(("cross-encoder, one pass", batch, len(a), f"{ce:.1f}", f"{len(a) / ce:.1f}"))
        if not args.warm_cache:
            import tempfile

            os.environ["NARRCOMP_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench-stance-")
        started = time.perf_counter()
        classify_stance(a, b, model=args.model, batch_size=batch, show_progress=False)
        full = time.perf_counter() - started
        rows.append(("classify_stance (full)", batch, len(a), f"{full:.1f}", f"{len(a) / full:.1f}"))
    print(f"data: {name}; embedding cache: {'warm' if args.warm_cache else 'cold'}; torch threads: {torch.get_num_threads()}; cpus: {os.cpu_count()}; "
          f"load average: {os.getloadavg()[0]:.1f}")
    widths = [max(len(str(r[i])) for r in rows) for i in range(5)]
    for row in rows:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
