"""Benchmark narrcomp.embed against bare SentenceTransformer.encode.

Measures, on N claim-length sentences:

* bare ``SentenceTransformer.encode`` (the floor),
* narrcomp cold (empty temporary cache): overhead vs bare, goal <= 10 %,
* narrcomp warm (everything cached): speed-up vs cold, goal >= 20x,
* peak Python memory (tracemalloc, in separate passes so it does not skew the
  timings) of each, and the process's max RSS.

Sentences come from ../shared/eval/stance-train when present (CSV/TSV/JSONL
text columns), otherwise from templates with varied places and numbers.

Run::

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/bench_embed.py --n 5000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

_PLACES = ["Douma", "Khan Shaykhun", "Ghouta", "Saraqib", "Aleppo", "Idlib", "Damascus",
           "Latamneh", "Homs", "Raqqa"]
_ACTORS = ["the OPCW", "Russian officials", "the White Helmets", "state television",
           "a local doctor", "the Syrian government", "inspectors", "a leaked report"]
_TEMPLATES = [
    "{a} said {n} people were treated in {p} after the attack on {d} April.",
    "According to {a}, {n} chlorine cylinders were found in {p}.",
    "{a} claimed that the {n} videos filmed in {p} had been staged.",
    "Samples taken by {a} in {p} on day {d} showed traces of a toxic gas in {n} of them.",
    "{a} denied that any chemical weapon was used in {p}, despite {n} reported deaths.",
    "In {p}, {a} counted {n} patients with breathing problems by the evening of day {d}.",
]


def template_sentences(n: int) -> list[str]:
    """``n`` distinct claim-like sentences, the same on every run."""
    out = []
    i = 0
    while len(out) < n:
        t = _TEMPLATES[i % len(_TEMPLATES)]
        out.append(t.format(a=_ACTORS[(i // 6) % len(_ACTORS)], p=_PLACES[(i // 48) % len(_PLACES)],
                            n=3 + (i * 7) % 97, d=1 + i % 28).capitalize())
        i += 1
    return out


def shared_sentences(n: int) -> list[str] | None:
    """Up to ``n`` distinct sentences from ../shared/eval/stance-train, if present."""
    root = Path(os.environ.get("NARRCOMP_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
    folder = root / "eval" / "stance-train"
    if not folder.is_dir():
        return None
    import pandas as pd

    seen: dict[str, None] = {}
    for path in sorted(folder.rglob("*")):
        if len(seen) >= n or path.suffix not in {".csv", ".tsv", ".jsonl"}:
            continue
        try:
            if path.suffix == ".jsonl":
                frame = pd.read_json(path, lines=True, nrows=4 * n)
            else:
                frame = pd.read_csv(path, sep="\t" if path.suffix == ".tsv" else ",", nrows=4 * n)
        except Exception:  # noqa: BLE001 - skip files that do not parse as tables
            continue
        for column in frame.columns:
            if frame[column].dtype != object:
                continue
            for value in frame[column].dropna().astype(str):
                if 30 <= len(value) <= 300:
                    seen.setdefault(value)
                    if len(seen) >= n:
                        break
    return list(seen)[:n] if len(seen) >= n else None


def timed(func):
    """Run ``func()``; return (result, seconds)."""
    start = time.perf_counter()
    result = func()
    return result, time.perf_counter() - start


def traced(func):
    """Run ``func()`` under tracemalloc; return (result, peak MiB of Python allocations)."""
    tracemalloc.start()
    try:
        result = func()
        return result, tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="number of sentences")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--source", choices=["auto", "templates"], default="auto")
    parser.add_argument("--no-memory", dest="memory", action="store_false",
                        help="skip the tracemalloc passes (they repeat each run)")
    parser.add_argument("--json", help="also write the results to this JSON file")
    args = parser.parse_args(argv)

    from narrcomp.embeddings import embed
    from narrcomp.embeddings.models import load_model

    texts = (shared_sentences(args.n) if args.source == "auto" else None) or template_sentences(args.n)
    source = "stance-train" if args.source == "auto" and texts != template_sentences(args.n) else "templates"
    model = load_model()
    model.encode(texts[:64], batch_size=args.batch_size)  # warm up torch

    bare = lambda: model.encode(texts, batch_size=args.batch_size,  # noqa: E731
                                normalize_embeddings=True)
    with tempfile.TemporaryDirectory() as tmp:
        cold = lambda: embed(texts, cache=tmp, batch_size=args.batch_size,  # noqa: E731
                             show_progress=False)
        _, bare_s = timed(bare)
        cold_vectors, cold_s = timed(cold)
        warm_vectors, warm_s = timed(cold)
        assert (cold_vectors == warm_vectors).all()
    bare_mib = cold_mib = warm_mib = float("nan")
    if args.memory:  # separate passes: tracemalloc slows Python code and would skew timings
        _, bare_mib = traced(bare)
        with tempfile.TemporaryDirectory() as tmp:
            run = lambda: embed(texts, cache=tmp, batch_size=args.batch_size,  # noqa: E731
                                show_progress=False)
            _, cold_mib = traced(run)
            _, warm_mib = traced(run)
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results = {
        "n": len(texts), "source": source, "batch_size": args.batch_size,
        "bare_s": bare_s, "cold_s": cold_s, "warm_s": warm_s,
        "overhead_pct": 100 * (cold_s / bare_s - 1), "warm_speedup": cold_s / warm_s,
        "bare_peak_mib": bare_mib, "cold_peak_mib": cold_mib, "warm_peak_mib": warm_mib,
        "max_rss_mib": rss_mib,
    }
    print(f"embed benchmark: n={len(texts)} ({source}), batch_size={args.batch_size}, "
          f"torch threads={__import__('torch').get_num_threads()}")
    print(f"{'run':<34}{'seconds':>10}{'texts/s':>10}{'peak MiB':>10}")
    for name, secs, mib in [("SentenceTransformer.encode (bare)", bare_s, bare_mib),
                            ("narrcomp.embed cold (empty cache)", cold_s, cold_mib),
                            ("narrcomp.embed warm (all cached)", warm_s, warm_mib)]:
        print(f"{name:<34}{secs:>10.2f}{len(texts) / secs:>10.0f}{mib:>10.1f}")
    print(f"cold overhead vs bare: {results['overhead_pct']:+.1f} % (goal <= 10 %)")
    print(f"warm speed-up vs cold: {results['warm_speedup']:.0f}x (goal >= 20x)")
    print(f"process max RSS: {rss_mib:.0f} MiB (peak MiB above = tracemalloc, Python allocations)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
