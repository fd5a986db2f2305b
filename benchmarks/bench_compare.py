"""End-to-end ``narrcomp compare`` on N generated claims: wall time by stage and peak RSS.

    python benchmarks/bench_compare.py --n 10000 [--sources 5] [--k 3]

The claims are generated deterministically (templated news sentences about strikes on
places, with varied actors, places, dates and numbers, some negated), split over
``--sources`` outlets of which the first is the reference. Each stage is timed on its own;
the embedding cache is a fresh temporary folder so embedding is cold.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time

import numpy as np
import pandas as pd

ACTORS = ["Government aircraft", "Rebel artillery", "Russian jets", "Coalition drones", "Militia fighters",
          "Unidentified gunmen", "Army helicopters", "Opposition forces"]
TARGETS = ["a hospital", "a market", "a school", "an aid convoy", "a bakery", "a water plant", "a mosque",
           "a refugee camp", "a power station", "a checkpoint"]
PLACES = ["Aleppo", "Idlib", "Douma", "Homs", "Hama", "Raqqa", "Deir ez-Zor", "Latakia", "Daraa", "Kobani",
          "Saraqib", "Maarat al-Numan"]
VERBS = ["struck", "shelled", "bombed", "attacked", "hit"]


def generate_claims(n: int, n_sources: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        actor, target, place, verb = (rng.choice(ACTORS), rng.choice(TARGETS), rng.choice(PLACES),
                                      rng.choice(VERBS))
        day, dead = int(rng.integers(1, 29)), int(rng.integers(2, 80))
        if rng.random() < 0.2:
            text = f"{actor} did not attack {target} in {place} on {day} March, contrary to reports."
        else:
            text = f"{actor} {verb} {target} in {place} on {day} March, killing {dead} people."
        source = f"Source {i % n_sources}"
        rows.append((f"c-{i:07d}", source, "official" if source == "Source 0" else "media",
                     f"2016-03-{day:02d}", text))
    return pd.DataFrame(rows, columns=["claim_id", "source", "kind", "date", "text"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--sources", type=int, default=5)
    parser.add_argument("--k", type=int, default=3)
    args = parser.parse_args()
    os.environ["NARRCOMP_CACHE_DIR"] = tempfile.mkdtemp(prefix="narrcomp-bench-")
    from narrcomp.comparison import pipeline as p
    from narrcomp.comparison.result import Comparison
    from narrcomp.comparison.statuses import decide_status

    timings = {}
    t = time.perf_counter()
    claims = p._check_claims(generate_claims(args.n, args.sources))
    claims = claims.assign(is_reference=p._reference_mask(claims, None).to_numpy())
    timings["prepare claims"] = time.perf_counter() - t
    t = time.perf_counter()
    embeddings = p._embed(claims, None, None, False)
    timings["embed (cold)"] = time.perf_counter() - t
    t = time.perf_counter()
    pairs, best = p._candidate_pairs(claims, embeddings, args.k)
    claims = claims.assign(best_other_score=best)
    matches = pairs[pairs["score"] >= p.DEFAULT_THRESHOLD].reset_index(drop=True)
    timings["match"] = time.perf_counter() - t
    t = time.perf_counter()
    matches = p._attach_stance(matches, claims, None, None, None, False)
    timings["stance"] = time.perf_counter() - t
    t = time.perf_counter()
    status = decide_status(matches[matches["match_is_reference"]], list(claims["claim_id"]),
                           threshold=p.DEFAULT_THRESHOLD)
    claims = claims.assign(status=status["status"].to_numpy(), reference_match_id=status["match_claim_id"].to_numpy())
    comparison = Comparison(claims=claims, matches=matches, embeddings=embeddings,
                            params={"threshold": p.DEFAULT_THRESHOLD, "k": args.k, "reference": None,
                                    "stance_thresholds": None}, models={})
    comparison.agreement(), comparison.coverage(), comparison.divergence(), comparison.narratives()
    timings["statuses + aggregates"] = time.perf_counter() - t
    total = sum(timings.values())
    n_pairs = len(matches)
    print(f"narrcomp compare on {args.n} claims, {args.sources} sources, k={args.k}: {n_pairs} matched pairs")
    print(f"{'stage':<24}{'seconds':>10}{'share':>8}")
    for stage, sec in timings.items():
        print(f"{stage:<24}{sec:>10.1f}{sec / total:>8.0%}")
    print(f"{'total':<24}{total:>10.1f}")
    print(f"stance throughput: {n_pairs / timings['stance']:.0f} matched pairs/s "
          f"({len(set(map(frozenset, matches[['claim_id', 'match_claim_id']].to_numpy().tolist())))} unique)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
