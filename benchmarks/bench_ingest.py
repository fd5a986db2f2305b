"""Benchmark: corpus ingest and claim extraction (issue 9).

Generates the hostile corpus of ``tests/robustness/hostile.py`` (by default
1,000 manifest entries, 5 % bad), then times ``load_corpus`` and
``extract_claims`` on it and prints documents/s and claims/s as the median of
``--repeats`` runs. With ``--big-mb N`` it also times loading and extracting a
single N MB text document (extraction speed in MB/s).

Run::

    PYTHONPATH=. python benchmarks/bench_ingest.py
    PYTHONPATH=. python benchmarks/bench_ingest.py --n-files 300 --repeats 5 --big-mb 2
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from narrcomp import extract_claims, load_corpus  # noqa: E402
from tests.robustness.hostile import build_hostile_corpus, write_big_text  # noqa: E402


def timed(func, *args, **kwargs):
    """Return ``(result, seconds)`` of one call."""
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - start


def bench_corpus(root: Path, repeats: int) -> list[dict]:
    """Time loading and extracting the generated corpus ``repeats`` times."""
    runs = []
    for _ in range(repeats):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # the corpus has duplicates on purpose
            corpus, load_s = timed(load_corpus, root, show_progress=False)
        claims, claims_s = timed(extract_claims, corpus, show_progress=False)
        runs.append({"documents": len(corpus), "errors": len(corpus.errors), "claims": len(claims),
                     "chars": int(corpus.documents["n_chars"].sum()), "load_s": load_s, "claims_s": claims_s})
    return runs


def bench_big(folder: Path, megabytes: float, repeats: int) -> list[dict]:
    """Time loading and extracting one text of ``megabytes`` MB."""
    folder.mkdir(parents=True, exist_ok=True)
    size = write_big_text(folder / "big.txt", megabytes)
    runs = []
    for _ in range(repeats):
        corpus, load_s = timed(load_corpus, folder, show_progress=False)
        claims, claims_s = timed(extract_claims, corpus, show_progress=False)
        runs.append({"bytes": size, "claims": len(claims), "load_s": load_s, "claims_s": claims_s})
    return runs


def median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def print_table(rows: list[tuple[str, str, str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n-files", type=int, default=1000, help="manifest entries in the corpus (default 1000)")
    parser.add_argument("--bad-share", type=float, default=0.05, help="share of bad entries (default 0.05)")
    parser.add_argument("--repeats", type=int, default=3, help="runs; medians are reported (default 3)")
    parser.add_argument("--big-mb", type=float, default=0, help="also time one text of this many MB (default off)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="narrcomp-bench-") as tmp:
        spec, gen_s = timed(build_hostile_corpus, Path(tmp) / "corpus", n_files=args.n_files,
                            bad_share=args.bad_share, seed=args.seed)
        runs = bench_corpus(spec.root, args.repeats)
        big = bench_big(Path(tmp) / "big", args.big_mb, args.repeats) if args.big_mb > 0 else []

    first = runs[0]
    load_s, claims_s = median(runs, "load_s"), median(runs, "claims_s")
    print(f"narrcomp ingest benchmark -- Python {platform.python_version()}, {platform.machine()}, "
          f"median of {args.repeats} runs")
    print(f"corpus: {args.n_files} entries ({spec.n_files} files, {len(spec.bad)} bad), generated in {gen_s:.1f} s; "
          f"{first['documents']} documents, {first['errors']} errors, {first['claims']} claims, "
          f"{first['chars'] / 1e6:.2f} M chars\n")
    rows = [("stage", "seconds", "rate"),
            ("load_corpus", f"{load_s:.2f}", f"{first['documents'] / load_s:,.0f} documents/s"),
            ("extract_claims", f"{claims_s:.2f}", f"{first['claims'] / claims_s:,.0f} claims/s"),
            ("extract_claims", "", f"{first['documents'] / claims_s:,.0f} documents/s"),
            ("both", f"{load_s + claims_s:.2f}", f"{first['documents'] / (load_s + claims_s):,.0f} documents/s")]
    if big:
        mb = big[0]["bytes"] / 1e6
        big_load, big_claims = median(big, "load_s"), median(big, "claims_s")
        rows += [(f"load_corpus, one {mb:.1f} MB text", f"{big_load:.2f}", f"{mb / big_load:,.1f} MB/s"),
                 (f"extract_claims, one {mb:.1f} MB text", f"{big_claims:.2f}",
                  f"{mb / big_claims:,.2f} MB/s ({big[0]['claims'] / big_claims:,.0f} claims/s)")]
    print_table(rows)


if __name__ == "__main__":
    main()
