#!/usr/bin/env python
"""Evaluate (and optionally calibrate) narrcomp's stance model.

Prints a table and writes JSON with:

* claimpairs (development set): the whole set (200 pairs; INCLUDES the
  calibration half) and the held-out half (even-numbered pairs, never used for
  fitting): accuracy, macro-F1, per-class F1 and confusion matrices, for the
  model and for a similarity-only baseline (cosine thresholds tuned on the
  calibration half);
* stancepairs test (``data/stancepairs/test.jsonl``, 100 pairs on four incidents
  that neither claimpairs nor any training file covers; never read for errors,
  never fitted on): the same report, an independent check of the claimpairs figures;
* with ``--calibration-dev`` (e.g. ``data/stancepairs/dev.jsonl``, 240 pairs on
  six other incidents): those pairs, which join claimpairs' odd half as
  development rows of the calibration fit, so their figures are not held out;
* SICK test (pair_ID % 5 == 0): accuracy and macro-F1;
* FNC-1 competition test on a seeded stratified subset (``--fnc-rows``).

Examples::

    # fit calibration.json for the shipped model on claimpairs' odd pairs, then evaluate
    # (the shipped calibration.json was fitted this way)
    .venv/bin/python scripts/eval_stance.py --data ../shared/eval --fit-calibration \
        --out runs/stance_eval.json
    # a candidate checkpoint, calibrated on claimpairs' odd pairs + data/stancepairs/dev.jsonl
    # with folds that hold out whole incidents (how the stage-5 to 7 candidates were scored)
    .venv/bin/python scripts/eval_stance.py --data ../shared/eval --model runs/stance11/final \
        --fit-calibration --calibration-dev data/stancepairs/dev.jsonl --folds-by incident
    # evaluate any local NLI cross-encoder folder
    .venv/bin/python scripts/eval_stance.py --data ../shared/eval --model runs/stance/checkpoint
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from narrcomp.comparison.pipeline import DEFAULT_THRESHOLD  # noqa: E402
from narrcomp.evaluate.baselines import fit_similarity_baseline  # noqa: E402
from narrcomp.evaluate.stance_data import load_claimpairs, load_fnc1, load_sick  # noqa: E402
from narrcomp.evaluate.stance_metrics import fnc_score, stance_report  # noqa: E402
from narrcomp.stance.api import stance_inputs  # noqa: E402
from narrcomp.stance.backends import STANCE_LABELS  # noqa: E402
from narrcomp.stance.calibration import COMBINER_FEATURES, fit_calibration  # noqa: E402
from narrcomp.stance.pipeline import resolve  # noqa: E402

COS = COMBINER_FEATURES.index("cosine")


def _report(name, table, labels) -> dict:
    rep = stance_report(table["label"], labels)
    f1 = {k: v["f1"] for k, v in rep["per_class"].items()}
    print(f"{name:<42} n={rep['n']:<5} acc={rep['accuracy']:.3f} macroF1={rep['macro_f1']:.3f} "
          f"F1 agree={f1['agree']:.3f} contradict={f1['contradict']:.3f} neutral={f1['neutral']:.3f}")
    return rep


def _raw(x) -> np.ndarray:
    """The cross-encoder's own label (argmax of its symmetric probabilities), no calibration."""
    return np.array(STANCE_LABELS, dtype=object)[x[:, :3].argmax(axis=1)]


def _model_and_raw(name, table, calibration, x) -> dict:
    """Reports of the calibrated labels and of the cross-encoder alone on one data set."""
    return {"model": _report(f"{name} model", table,
                             calibration.decide(calibration.predict_proba(x), x[:, COS])),
            "model_uncalibrated_argmax": _report(f"{name} raw CE", table, _raw(x))}


def _shown(path) -> str:
    """A path as the repository sees it (relative when inside it)."""
    path = Path(path).resolve()
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def write_card(results: dict, folder: Path, bench_note: str = "") -> None:
    """Figures and MODEL_CARD.md for a model folder with training_manifest.json."""
    from narrcomp.stance.training.card import model_card
    from narrcomp.stance.training.export import write_figures

    manifest = json.loads((folder / "training_manifest.json").read_text())
    figures = write_figures(results, folder / "figures")
    calibration = json.loads((folder / "calibration.json").read_text())
    bench = (f"Throughput during this evaluation on SICK test (one canonical-order pass, attribution, "
             f"embeddings, whose cache may be warm): {results['sick_test']['pairs_per_second']} "
             f"pairs/s on the shared 2-core machine. {bench_note}").strip()
    text = model_card(manifest, results, manifest["export"], figures, calibration, bench)
    (folder / "MODEL_CARD.md").write_text(text, encoding="utf-8")
    print(f"written {folder / 'MODEL_CARD.md'} and figures {figures}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="the shared/eval folder")
    parser.add_argument("--model", default=None, help="default: the shipped model")
    parser.add_argument("--fit-calibration", action="store_true",
                        help="fit calibration.json on claimpairs' odd pairs (and --calibration-dev) "
                             "into the model folder")
    parser.add_argument("--write-card", action="store_true",
                        help="with the shipped model: write figures/ and MODEL_CARD.md beside the weights")
    parser.add_argument("--calibration-dev", default="",
                        help="news pairs (claimpairs format, e.g. data/stancepairs/dev.jsonl) that "
                             "join claimpairs' odd half as development rows of the calibration fit "
                             "(default: the odd half alone, as the shipped calibration.json)")
    parser.add_argument("--folds-by", choices=["incident", "row"], default="row",
                        help="calibration cross-validation: random rows (as the shipped "
                             "calibration.json) or whole incidents (topics) held out")
    parser.add_argument("--calibration-sick-train", type=int, default=100,
                        help="SICK TRAIN pairs (seeded sample) added to the combiner's fit")
    parser.add_argument("--bench-note", default="", help="text about speed for the model card")
    parser.add_argument("--sick-rows", type=int, default=None, help="limit SICK test rows")
    parser.add_argument("--fnc-rows", type=int, default=0, help="FNC-1 stratified subset size")
    parser.add_argument("--stancepairs-test", default=str(REPO / "data" / "stancepairs" / "test.jsonl"),
                        help="narrcomp's own held-out news pairs ('' to skip)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--out", default="runs/stance_eval.json")
    args = parser.parse_args(argv)
    data = Path(args.data)
    results: dict = {"model": args.model or "shipped", "command": " ".join(sys.argv)}

    backend, calibration = resolve(args.model, args.batch_size)
    pairs = load_claimpairs(data / "claimpairs" / "pairs.jsonl", "all")
    started = time.perf_counter()
    inputs, _, _ = stance_inputs(pairs["a"].tolist(), pairs["b"].tolist(), backend)
    results["claimpairs_seconds"] = round(time.perf_counter() - started, 2)
    is_cal = pairs["id"].str[-3:].astype(int) % 2 == 1
    dev = dev_x = None
    if args.calibration_dev:
        dev = load_claimpairs(args.calibration_dev, "all")
        dev_x, _, _ = stance_inputs(dev["a"].tolist(), dev["b"].tolist(), backend)
    if args.fit_calibration:
        folder = Path(args.model) if args.model else resolve(None, 1)[0].path
        extra_x, extra_y = None, None
        if args.calibration_sick_train:
            anchor = load_sick(data / "sick" / "SICK.txt", "train").sample(
                args.calibration_sick_train, random_state=0)
            extra_x, _, _ = stance_inputs(anchor["a"].tolist(), anchor["b"].tolist(), backend)
            extra_y = anchor["label"].tolist()
        fit_x, fit_y = inputs[is_cal.to_numpy()], pairs.loc[is_cal, "label"].tolist()
        groups = pairs.loc[is_cal, "topic"].tolist()
        dev_note = ""
        if dev is not None:
            fit_x, fit_y = np.vstack([fit_x, dev_x]), fit_y + dev["label"].tolist()
            groups += dev["topic"].tolist()
            dev_note = f" + the {len(dev)} pairs of {_shown(args.calibration_dev)}"
        # --folds-by incident: the combiner is scored on incidents it was not fitted on
        calibration = fit_calibration(fit_x, fit_y, extra_inputs=extra_x, extra_labels=extra_y,
                                      groups=groups if args.folds_by == "incident" else None)
        calibration.info["fitted_on"] = (
            "claimpairs pairs with odd numbers (cp-001, cp-003, ...)" + dev_note
            + (f" + {args.calibration_sick_train} SICK train pairs (pandas sample, random_state=0)"
               if args.calibration_sick_train else ""))
        calibration.to_json(Path(folder) / "calibration.json")
        print(f"calibration written to {Path(folder) / 'calibration.json'}: {calibration.info}, "
              f"margin={calibration.neutral_margin}, related_threshold={calibration.related_threshold}")
    probs = calibration.predict_proba(inputs)
    labels = calibration.decide(probs, inputs[:, COS])
    raw = _raw(inputs)
    similarity = fit_similarity_baseline(inputs[is_cal.to_numpy(), COS], pairs.loc[is_cal, "label"])
    lo, hi = similarity.contradict_from, similarity.agree_from
    baseline = similarity.predict(inputs[:, COS])
    held = ~is_cal
    claim = {}
    for part, mask in (("whole (includes calibration half)", np.ones(len(pairs), bool)),
                       ("heldout (even ids)", held.to_numpy()), ("calibration (odd ids)", is_cal.to_numpy())):
        sub = pairs[mask]
        claim[part] = {
            "model": _report(f"claimpairs {part} model", sub, labels[mask]),
            "model_uncalibrated_argmax": _report(f"claimpairs {part} raw CE", sub, raw[mask]),
            "similarity_baseline": _report(f"claimpairs {part} cosine-only", sub, baseline[mask]),
        }
    claim["similarity_baseline_thresholds"] = {"contradict_from": float(lo), "agree_from": float(hi)}
    results["claimpairs"] = claim
    results["claimpairs_predictions"] = [
        {"id": i, "gold": g, "gold4": g4, "pred": p, "p_agree": round(float(q[0]), 4),
         "p_contradict": round(float(q[1]), 4), "p_neutral": round(float(q[2]), 4),
         "cosine": round(float(c), 4)}
        for i, g, g4, p, q, c in zip(pairs["id"], pairs["label"], pairs["label4"], labels, probs,
                                     inputs[:, COS])]

    if dev is not None:
        results["stancepairs_dev"] = {
            "file": _shown(args.calibration_dev), "pairs": len(dev),
            "note": "development rows of the calibration fit: not a held-out figure",
            **_model_and_raw("stancepairs dev (calibration rows)", dev, calibration, dev_x)}

    if args.stancepairs_test:
        test = load_claimpairs(args.stancepairs_test, "all")
        t_inputs, _, _ = stance_inputs(test["a"].tolist(), test["b"].tolist(), backend)
        results["stancepairs_test"] = {
            "file": str(args.stancepairs_test), "pairs": len(test),
            **_model_and_raw("stancepairs test", test, calibration, t_inputs),
            "similarity_baseline": _report("stancepairs test cosine-only", test,
                                           similarity.predict(t_inputs[:, COS]))}

    sick = load_sick(data / "sick" / "SICK.txt", "test")
    if args.sick_rows:
        sick = sick.iloc[: args.sick_rows]
    started = time.perf_counter()
    s_inputs, _, _ = stance_inputs(sick["a"].tolist(), sick["b"].tolist(), backend,
                                   show_progress=True)
    seconds = time.perf_counter() - started
    results["sick_test"] = {
        **_model_and_raw("SICK test", sick, calibration, s_inputs),
        "seconds": round(seconds, 1), "pairs_per_second": round(len(sick) / seconds, 1)}

    if args.fnc_rows:
        fnc = load_fnc1(data / "fnc1", max_rows=args.fnc_rows)
        f_inputs, _, _ = stance_inputs(fnc["a"].tolist(), fnc["b"].tolist(), backend,
                                       show_progress=True)
        f_labels = calibration.decide(calibration.predict_proba(f_inputs), f_inputs[:, COS])
        # neutral pairs are "discuss" when the comparison would match them (as `narrcomp eval fnc1`)
        related = f_inputs[:, COS] >= DEFAULT_THRESHOLD
        four = np.where(f_labels == "agree", "agree", np.where(
            f_labels == "contradict", "disagree", np.where(related, "discuss", "unrelated")))
        results["fnc1_subset"] = {
            "rows": len(fnc), "subset": f"stratified sample, seed 0, {args.fnc_rows} rows",
            "body": "best TF-IDF sentence", "fnc_score": round(fnc_score(fnc["fnc_label"], four), 4),
            "three_way": _report("FNC-1 subset (3-way)", fnc, f_labels)}
        print(f"FNC-1 subset relative score: {results['fnc1_subset']['fnc_score']:.3f}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2, default=str))
    print(f"written {args.out}")
    if args.write_card:
        write_card(results, Path(resolve(args.model, 1)[0].path), args.bench_note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
