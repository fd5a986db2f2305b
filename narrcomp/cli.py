"""The ``narrcomp`` command: composes the pipeline, computes nothing itself.

    narrcomp compare CORPUS --out DIR     the whole pipeline; tables, manifest and report.html in DIR
    narrcomp claims FILE_OR_DIR           the claims table (printed, or written with --out)
    narrcomp report DIR                   rebuild DIR/report.html from a saved comparison
    narrcomp eval {clef2020,sick,fnc1,pairs} PATH   metrics on public benchmarks or your own labelled pairs

Bad arguments or a missing corpus end with exit code 2 and a one-line message.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from narrcomp._version import __version__
from narrcomp.errors import NarrcompError


class UsageError(Exception):
    """A problem with the command line (exit code 2)."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="narrcomp", description="Compare how outlets and the official record tell "
                                "the same story, claim by claim.")
    p.add_argument("--version", action="version", version=f"narrcomp {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    c = sub.add_parser("compare", help="run the whole pipeline on a corpus and write tables and report.html",
                       description="Load CORPUS, extract claims, embed, match, classify stance and compare; write "
                       "claims.parquet, matches.parquet, the aggregate tables, manifest.json and report.html "
                       "into --out.")
    c.add_argument("corpus", help="corpus folder (with corpus.csv or files), a single file, or a claim sheet")
    c.add_argument("--out", required=True, help="output folder")
    c.add_argument("--model", default=None, help="embedding model name or path (default: bundled all-MiniLM-L6-v2)")
    c.add_argument("--stance", default=None, help="stance model name or path (default: narrcomp's shipped model)")
    c.add_argument("--reference", action="append", default=None,
                   help="source or kind that is the official record (repeatable; default: kind 'official')")
    c.add_argument("--k", type=int, default=None, help="counterparts kept per claim and other source")
    c.add_argument("--threshold", type=float, default=None, help="minimum similarity of a counterpart")
    c.add_argument("--title", default=None, help="report title")
    c.add_argument("--quiet", action="store_true", help="no progress bars")

    cl = sub.add_parser("claims", help="extract the claims of a file or folder")
    cl.add_argument("path", help="file or corpus folder")
    cl.add_argument("--out", default=None, help="write to this .csv or .parquet instead of printing")
    cl.add_argument("--all", action="store_true", help="keep sentences below the checkworthiness threshold")

    r = sub.add_parser("report", help="rebuild report.html from a saved comparison")
    r.add_argument("folder", help="folder written by 'narrcomp compare'")
    r.add_argument("--out", default=None, help="report path (default: FOLDER/report.html)")

    e = sub.add_parser("eval", help="evaluate on a public benchmark or your own labelled pairs")
    e.add_argument("benchmark", choices=["clef2020", "sick", "fnc1", "pairs"])
    e.add_argument("path", help="the benchmark's folder (e.g. ../shared/eval/clef2020_task2) or a JSONL/CSV of pairs")
    e.add_argument("--split", default="test", help="split to report on (clef2020: train, dev or test)")
    e.add_argument("--method", default=None, help="matching method for clef2020 (dense, lexical, hybrid)")
    e.add_argument("--stance", default=None, help="stance model name or path")
    e.add_argument("--limit", type=int, default=None, help="evaluate on the first N items only (fnc1)")
    e.add_argument("--json", default=None, help="also write the metrics to this JSON file")
    return p


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"compare": _compare, "claims": _claims, "report": _report, "eval": _eval}[args.command](args)
    except (UsageError, NarrcompError, ValueError, TypeError, FileNotFoundError) as exc:
        print(f"narrcomp {args.command}: error: {exc}".splitlines()[0], file=sys.stderr)
        return 2


def _existing(path: str, what: str) -> Path:
    p = Path(path)
    if not p.exists():
        raise UsageError(f"{what} not found: {path}")
    return p


def _compare(args) -> int:
    import narrcomp
    from narrcomp.comparison.persist import write_table
    from narrcomp.report import write_report

    corpus_path = _existing(args.corpus, "corpus")
    progress = False if args.quiet else None
    corpus = narrcomp.load_corpus(corpus_path, show_progress=progress)
    print(corpus.summary(), file=sys.stderr)
    if len(corpus.documents) == 0:
        raise UsageError(f"no document could be loaded from {args.corpus}")
    claims = narrcomp.extract_claims(corpus, show_progress=progress)
    options = {k: v for k, v in (("k", args.k), ("threshold", args.threshold)) if v is not None}
    reference = args.reference[0] if args.reference and len(args.reference) == 1 else args.reference
    comparison = narrcomp.compare(claims, reference=reference, model=args.model, stance=args.stance,
                                  show_progress=progress, **options)
    out = Path(args.out)
    comparison.save(out)
    write_table(_document_summary(corpus.documents), out / "documents.parquet")
    write_table(corpus.errors, out / "errors.parquet")
    report = write_report(comparison, out / "report.html", documents=_document_summary(corpus.documents),
                          errors=corpus.errors, title=args.title or f"narrcomp: {corpus_path.name}")
    print(repr(comparison))
    print(f"Report: {report.resolve()}")
    return 0


def _document_summary(documents: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in ("doc_id", "source", "kind", "date", "url", "title", "language", "path", "n_chars",
                        "sha256") if c in documents.columns]
    return documents[cols]


def _claims(args) -> int:
    import narrcomp

    path = _existing(args.path, "file or folder")
    corpus = narrcomp.load_corpus(path)
    print(corpus.summary(), file=sys.stderr)
    claims = narrcomp.extract_claims(corpus, keep_all=args.all)
    if args.out:
        out = Path(args.out)
        if out.suffix == ".parquet":
            claims.to_parquet(out, index=False)
        elif out.suffix == ".csv":
            claims.to_csv(out, index=False)
        else:
            raise UsageError(f"--out must end in .csv or .parquet, got {out.name}")
        print(f"{len(claims)} claims written to {out}", file=sys.stderr)
    else:
        with pd.option_context("display.max_rows", None, "display.max_colwidth", 100, "display.width", 200):
            print(claims[["source", "start", "end", "attribution", "checkworthy", "text"]].to_string(index=False))
    return 0


def _report(args) -> int:
    import pyarrow.parquet as pq

    import narrcomp
    from narrcomp.report import write_report

    folder = _existing(args.folder, "saved comparison")
    comparison = narrcomp.load_comparison(folder)
    docs = pq.read_table(folder / "documents.parquet").to_pandas() if (folder / "documents.parquet").is_file() else None
    errors = pq.read_table(folder / "errors.parquet").to_pandas() if (folder / "errors.parquet").is_file() else None
    report = write_report(comparison, Path(args.out) if args.out else folder / "report.html", documents=docs,
                          errors=errors, title=f"narrcomp: {folder.name}")
    print(f"Report: {report.resolve()}")
    return 0


def _eval(args) -> int:
    from narrcomp.evaluate import cli_eval

    path = _existing(args.path, "benchmark data")
    metrics = cli_eval.run(args.benchmark, path, split=args.split, method=args.method, stance=args.stance,
                           limit=args.limit)
    print(cli_eval.format_table(metrics))
    if args.json:
        Path(args.json).write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
