#!/usr/bin/env python
"""Does ``narrcomp.calibrate`` fitted on a benchmark's train/dev pairs help on its held-out pairs?

For each benchmark, ``narrcomp.calibrate`` is fitted on a train/dev part, then the
held-out part is labelled twice, as ``narrcomp.compare`` would label it:

* defaults: the stance model's own label where the pair's embedding cosine is
  >= the default match threshold (0.5), ``neutral`` otherwise (what calibrate's
  report calls "defaults");
* calibrated: :func:`narrcomp.comparison.pipeline.relabel` with the fitted
  ``stance_thresholds`` where cosine >= the fitted ``threshold``, ``neutral``
  otherwise.

For reference the table also gives the stance model's own label with no match
gate ("model label alone", what ``narrcomp eval`` reports); for FNC-1 scores, a
neutral pair is ``discuss`` when cosine >= the match threshold in use (the
default one for "defaults" and "model label alone") and ``unrelated`` otherwise.

Benchmarks (data read where it lies; nothing is copied into the project):

* SICK: fitted on a seeded sample of 1,000 SICK train pairs (pair_ID % 5 != 0),
  reported on the SICK test split (pair_ID % 5 == 0). SICK has no "unrelated"
  label, so the match threshold keeps its default.
* FNC-1: fitted on a seeded stratified sample of FNC-1 *train* pairs
  (``stance-train/fnc1_train``; headline vs the body sentence with the highest
  TF-IDF overlap, as :func:`narrcomp.evaluate.stance_data.load_fnc1` builds
  them; agree / contradict (= disagree) / related (= discuss) / unrelated),
  reported on the seeded stratified subset of the competition test that
  ``load_fnc1(max_rows=...)`` gives.
* claimpairs: fitted on the odd-numbered half (four-way labels), reported on
  the even-numbered held-out half.

Prints a markdown table and writes JSON (``--out``), which
``scripts/benchmarks_report.py`` renders.

    python scripts/calibration_gain.py --eval ../shared/eval [--only sick] [--out runs/calibration_gain.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import narrcomp  # noqa: E402
from narrcomp.comparison.pipeline import DEFAULT_THRESHOLD, relabel  # noqa: E402
from narrcomp.evaluate.stance_data import load_claimpairs, load_fnc1, load_sick  # noqa: E402
from narrcomp.evaluate.stance_metrics import fnc_score, stance_report  # noqa: E402

BENCHMARKS = ("sick", "fnc1", "claimpairs")
_FNC_FOUR = {"agree": "agree", "disagree": "contradict", "discuss": "related", "unrelated": "unrelated"}


def stance_model() -> dict:
    """Name, weights hash and calibration.json hash of the default stance model."""
    import hashlib

    from narrcomp.stance import stance_model_info

    raw = stance_model_info()
    info = {k: raw.get(k) for k in ("name", "weights_sha256")}
    calibration = Path(raw["path"]) / "calibration.json" if raw.get("path") else None
    if calibration is not None and calibration.is_file():
        info["calibration_sha256"] = hashlib.sha256(calibration.read_bytes()).hexdigest()
    return info


def fnc1_train_pairs(folder: Path, n: int, seed: int = 0) -> pd.DataFrame:
    """A seeded stratified sample of ``n`` FNC-1 train pairs, headline vs best body sentence.

    :func:`narrcomp.evaluate.stance_data.load_fnc1` with ``split="train"``, plus
    ``label4`` (agree / contradict / related / unrelated) for ``calibrate``.
    """
    pairs = load_fnc1(folder, split="train", max_rows=n, seed=seed)
    return pairs.assign(label4=pairs["fnc_label"].map(_FNC_FOUR))


def held_out_labels(pairs: pd.DataFrame, params: dict) -> dict:
    """Defaults and calibrated labels (and cosines) for held-out pairs."""
    from narrcomp.embeddings import embed
    from narrcomp.stance import classify_stance

    a, b = pairs["a"].tolist(), pairs["b"].tolist()
    cosine = np.einsum("ij,ij->i", embed(a, show_progress=False),
                       embed(b, show_progress=False)).astype(np.float64)
    result = classify_stance(a, b, show_progress=False)
    probs = result[["p_agree", "p_contradict", "p_neutral"]].to_numpy(dtype=float)
    model = result["label"].to_numpy(dtype=object)
    return {"cosine": cosine, "model": model,
            "defaults": np.where(cosine >= DEFAULT_THRESHOLD, model, "neutral").astype(object),
            "calibrated": np.where(cosine >= params["threshold"],
                                   relabel(probs, params["stance_thresholds"]), "neutral").astype(object)}


def _to_fnc(labels: np.ndarray, cosine: np.ndarray, threshold: float) -> np.ndarray:
    """3-way labels to FNC-1 labels; neutral is discuss for counterparts (cosine >= threshold)."""
    return np.where(labels == "agree", "agree", np.where(
        labels == "contradict", "disagree", np.where(cosine >= threshold, "discuss", "unrelated")))


def gain(name: str, fit: pd.DataFrame, test: pd.DataFrame, *, fitted_on: str, reported_on: str,
         command: str) -> dict:
    """Calibrate on ``fit`` (columns a, b, label; four-way labels allowed) and report on ``test``."""
    started = time.perf_counter()
    params, report = narrcomp.calibrate(fit[["a", "b", "label"]], show_progress=False, return_report=True)
    fit_seconds = time.perf_counter() - started
    started = time.perf_counter()
    out = held_out_labels(test, params)
    test_seconds = time.perf_counter() - started
    truth = test["label"].tolist()
    entry = {
        "data": name, "fitted_on": fitted_on, "reported_on": reported_on, "command": command,
        "n_fit": len(fit), "n_test": len(test), "params": params,
        "fit_macro_f1": {"defaults": round(float(report["macro_f1"].iloc[0]), 4),
                         "calibrated": round(float(report["macro_f1"].iloc[1]), 4)},
        "defaults": stance_report(truth, out["defaults"]),
        "calibrated": stance_report(truth, out["calibrated"]),
        "model_label_without_match_gate": stance_report(truth, out["model"]),
        "seconds": {"calibrate": round(fit_seconds, 1), "held_out": round(test_seconds, 1)},
    }
    if "fnc_label" in test:
        gold = test["fnc_label"].tolist()
        entry["fnc_score"] = {
            "defaults": round(fnc_score(gold, _to_fnc(out["defaults"], out["cosine"], DEFAULT_THRESHOLD)), 4),
            "calibrated": round(fnc_score(gold, _to_fnc(out["calibrated"], out["cosine"],
                                                        params["threshold"])), 4),
            "model_label_without_match_gate": round(fnc_score(gold, _to_fnc(out["model"], out["cosine"],
                                                                            DEFAULT_THRESHOLD)), 4)}
    return entry


def rows(entry: dict) -> list[dict]:
    """Table rows (one per metric) of one benchmark's entry."""
    metrics = {"sick": [("accuracy", "accuracy"), ("macro-F1", "macro_f1")],
               "fnc1": [("macro-F1 (agree / disagree / neutral)", "macro_f1"), ("FNC score", "fnc_score")],
               "claimpairs": [("macro-F1", "macro_f1"), ("F1 contradict", "f1_contradict")]}[entry["key"]]
    out = []
    for label, key in metrics:
        if key == "fnc_score":
            values = [entry["fnc_score"][s] for s in ("defaults", "calibrated", "model_label_without_match_gate")]
        elif key == "f1_contradict":
            values = [entry[s]["per_class"]["contradict"]["f1"]
                      for s in ("defaults", "calibrated", "model_label_without_match_gate")]
        else:
            values = [entry[s][key] for s in ("defaults", "calibrated", "model_label_without_match_gate")]
        out.append({"data": entry["data"], "fitted_on": entry["fitted_on"], "reported_on": entry["reported_on"],
                    "metric": label, "defaults": values[0], "calibrated": values[1], "model_alone": values[2],
                    "command": entry["command"]})
    return out


def markdown(table: list[dict]) -> str:
    """The rows as a markdown table."""
    lines = ["| data | fitted on | reported on | metric | defaults | calibrated | model label alone | command |",
             "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r['data']} | {r['fitted_on']} | {r['reported_on']} | {r['metric']} | {r['defaults']:.3f} | "
              f"{r['calibrated']:.3f} | {r['model_alone']:.3f} | `{r['command']}` |" for r in table]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", default="../shared/eval", help="folder of the public benchmarks")
    parser.add_argument("--only", choices=BENCHMARKS, action="append", help="run only these (repeatable)")
    parser.add_argument("--sick-fit", type=int, default=1000, help="SICK train pairs to calibrate on")
    parser.add_argument("--fnc-fit", type=int, default=1000, help="FNC-1 train pairs to calibrate on")
    parser.add_argument("--fnc-rows", type=int, default=2000, help="FNC-1 competition test subset size")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="runs/calibration_gain.json")
    args = parser.parse_args(argv)
    root = Path(args.eval)
    chosen = args.only or list(BENCHMARKS)
    base = f"python scripts/calibration_gain.py --eval {args.eval}"
    model_before = stance_model()
    entries = []
    if "sick" in chosen:
        fit = load_sick(root / "sick" / "SICK.txt", "train").sample(args.sick_fit, random_state=args.seed)
        entry = gain("SICK", fit, load_sick(root / "sick" / "SICK.txt", "test"),
                     fitted_on=f"{len(fit)} SICK train pairs (pandas sample, random_state={args.seed})",
                     reported_on="SICK test (pair_ID % 5 == 0)", command=f"{base} --only sick")
        entries.append({"key": "sick", **entry})
    if "fnc1" in chosen:
        fit = fnc1_train_pairs(root / "stance-train" / "fnc1_train", args.fnc_fit, args.seed)
        fit = fit.assign(label=fit["label4"])
        test = load_fnc1(root / "fnc1", max_rows=args.fnc_rows, seed=args.seed)
        entry = gain("FNC-1", fit, test,
                     fitted_on=f"{len(fit)} FNC-1 train pairs (stratified, seed {args.seed})",
                     reported_on=f"FNC-1 competition test, stratified {len(test)} (seed {args.seed})",
                     command=f"{base} --only fnc1")
        entries.append({"key": "fnc1", **entry})
    if "claimpairs" in chosen:
        file = root / "claimpairs" / "pairs.jsonl"
        fit = load_claimpairs(file, "calibration")
        fit = fit.assign(label=fit["label4"])
        entry = gain("claimpairs", fit, load_claimpairs(file, "heldout"),
                     fitted_on="odd-numbered half (100)", reported_on="even-numbered held-out half (100)",
                     command=f"{base} --only claimpairs")
        entries.append({"key": "claimpairs", **entry})
    table = [row for entry in entries for row in rows(entry)]
    info = stance_model()
    if info != model_before:
        print("WARNING: the shipped stance model or its calibration.json changed during this run; "
              "the figures mix two models. Run again.", file=sys.stderr)
        info["changed_during_run"] = True
    results = {"generated": dt.date.today().isoformat(), "narrcomp": narrcomp.__version__,
               "command": " ".join(["python", Path(sys.argv[0]).as_posix(), *sys.argv[1:]]) if argv is None else base,
               "stance_model": info, "default_threshold": DEFAULT_THRESHOLD,
               "benchmarks": entries, "rows": table}
    print(markdown(table))
    for entry in entries:
        print(f"{entry['data']}: fitted {entry['params']} (macro-F1 on the fitting pairs "
              f"{entry['fit_macro_f1']['defaults']:.3f} -> {entry['fit_macro_f1']['calibrated']:.3f}); "
              f"seconds {entry['seconds']}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2, default=str))
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
