"""Write docs/benchmarks.md: narrcomp measured on public benchmarks, with the command for every row.

    python scripts/benchmarks_report.py --eval ../shared/eval [--fnc-rows 2000] [--out docs/benchmarks.md]

Every figure below is recomputed from the data where it lies (nothing is copied into the project):
CLEF 2020 CheckThat! task 2 test (retrieval, MAP@5), SICK test split (pair_ID % 5 == 0), the
claimpairs development set (whole and held-out half), and a stratified subset of the FNC-1
competition test. Tuning happened on CLEF train/dev and on the odd-numbered claimpairs only.

The stance table also has two baselines: similarity only (two cosine thresholds fitted on the
odd-numbered claimpairs) and SICK only (a logistic-regression head on frozen default embeddings,
trained on the SICK train split). ``--baselines-only`` prints just those rows. The section
"Calibrating on your own pairs" renders the JSON of ``scripts/calibration_gain.py`` when it exists
(``--calibration-gain``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import time
from pathlib import Path

import numpy as np

import narrcomp
from narrcomp.evaluate import cli_eval
from narrcomp.evaluate.clef import evaluate_clef2020
from narrcomp.evaluate.baselines import SickOnlyBaseline, fit_similarity_baseline
from narrcomp.evaluate.stance_data import load_claimpairs, load_sick
from narrcomp.evaluate.stance_metrics import stance_report

REPO = Path(__file__).resolve().parents[1]
#: narrcomp's own held-out news pairs (data/stancepairs/README.md)
STANCEPAIRS_TEST = REPO / "data" / "stancepairs" / "test.jsonl"
PUBLISHED_CLEF = [("Best CLEF 2020 system (Buster.ai)", 0.929), ("UNIPI-NLE", 0.912)]


def clef_rows(root: Path) -> list[str]:
    rows = []
    for method in ("dense", "lexical", "hybrid"):
        t = time.perf_counter()
        m = evaluate_clef2020(root, split="test", method=method, show_progress=False)
        rows.append(f"| narrcomp `{method}`{' (default)' if method == 'hybrid' else ''} | {m['map@5']:.3f} | "
                    f"{m['mrr']:.3f} | {m['recall@5']:.3f} | {time.perf_counter() - t:.0f} s | "
                    f"`narrcomp eval clef2020 {root} --method {method}` |")
    rows += [f"| {name} (published) | {score:.3f} | | | | |" for name, score in PUBLISHED_CLEF]
    return rows


def stance_row(label: str, metrics: dict, command: str) -> str:
    f1 = {k: v["f1"] for k, v in metrics["per_class"].items()}
    extra = f" {metrics['fnc_score']:.3f} |" if "fnc_score" in metrics else ""
    return (f"| {label} | {metrics['n']} | {metrics['accuracy']:.3f} | {metrics['macro_f1']:.3f} | "
            f"{f1.get('agree', 0):.3f} | {f1.get('contradict', 0):.3f} | {f1.get('neutral', 0):.3f} |{extra} "
            f"`{command}` |")


def baseline_rows(root: Path, command: str | None = None) -> dict[str, list[str]]:
    """Stance-table rows of the similarity-only and SICK-only baselines.

    Returns ``{"sick": [...], "claimpairs": [...]}``: the SICK-only baseline on
    SICK test, and both baselines on claimpairs (all 200 and the held-out
    even-numbered half). The similarity baseline's thresholds are fitted on the
    odd-numbered half, on the cosine of the claims' content once attribution
    frames are stripped (the cosine the stance combiner and
    ``scripts/eval_stance.py`` use); the SICK-only baseline is trained on SICK
    train only, on the texts as given.
    """
    from narrcomp.embeddings import embed
    from narrcomp.stance.pipeline import frames

    command = command or f"python scripts/benchmarks_report.py --eval {root} --baselines-only"
    pairs = load_claimpairs(root / "claimpairs" / "pairs.jsonl")
    a, b = pairs["a"].tolist(), pairs["b"].tolist()
    cosine = np.einsum("ij,ij->i", embed(frames(a).content, show_progress=False),
                       embed(frames(b).content, show_progress=False)).astype(np.float64)
    odd = (pairs["id"].str.extract(r"(\d+)$")[0].astype(int) % 2 == 1).to_numpy()
    similarity = fit_similarity_baseline(cosine[odd], pairs.loc[odd, "label"])
    sick_file = root / "sick" / "SICK.txt"
    sick_only = SickOnlyBaseline.from_sick(sick_file)
    sick = load_sick(sick_file, "test")
    rows = {"sick": [stance_row("SICK test, SICK-only baseline (embedding LR head, trained on SICK train)",
                                stance_report(sick["label"], sick_only.predict(sick["a"].tolist(),
                                                                                sick["b"].tolist())),
                                command)],
            "claimpairs": []}
    predictions = {
        f"similarity-only baseline (cosine >= {similarity.agree_from:.2f} agree, >= "
        f"{similarity.contradict_from:.2f} contradict, fitted on the odd half)": similarity.predict(cosine),
        "SICK-only baseline (embedding LR head, trained on SICK train)": sick_only.predict(a, b)}
    for name, predicted in predictions.items():
        for part, mask in (("all 200", np.ones(len(pairs), bool)), ("held-out even-numbered 100", ~odd)):
            rows["claimpairs"].append(stance_row(f"claimpairs, {part}, {name}",
                                                 stance_report(pairs.loc[mask, "label"], predicted[mask]),
                                                 command))
    test = load_claimpairs(STANCEPAIRS_TEST)
    test_cosine = np.einsum("ij,ij->i", embed(frames(test["a"].tolist()).content, show_progress=False),
                            embed(frames(test["b"].tolist()).content, show_progress=False))
    rows["stancepairs"] = [stance_row(
        "stancepairs test, similarity-only baseline (thresholds fitted on claimpairs' odd half)",
        stance_report(test["label"], similarity.predict(test_cosine.astype(np.float64))), command)]
    return rows


def calibration_section(path) -> list[str]:
    """The "Calibrating on your own pairs" section from ``scripts/calibration_gain.py``'s JSON
    (no lines when the file does not exist)."""
    path = Path(path)
    if not path.is_file():
        print(f"{path} not found: no 'Calibrating on your own pairs' section "
              "(run python scripts/calibration_gain.py first)", file=sys.stderr)
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    model = data.get("stance_model", {})
    lines = ["## Calibrating on your own pairs", "",
             "`narrcomp.calibrate(labelled_pairs)` fits the match threshold and the stance decision thresholds "
             "on a researcher's own labelled pairs. Here it is fitted on each benchmark's train/dev part and "
             "scored on its held-out part. *defaults*: the stance label where cosine >= the default match "
             f"threshold ({data.get('default_threshold', 0.5)}), neutral otherwise (as `narrcomp.compare` labels "
             "counterparts); *calibrated*: the fitted thresholds applied the same way "
             "(`narrcomp.comparison.pipeline.relabel`); *model label alone*: the stance label with no match "
             "gate, as in the tables above.", "",
             f"Generated by `{data.get('command', 'python scripts/calibration_gain.py')}` on "
             f"{data.get('generated', '?')} (narrcomp {data.get('narrcomp', '?')}, stance model "
             f"{model.get('name', '?')}, weights sha256 {str(model.get('weights_sha256', '?'))[:12]}, "
             f"calibration.json sha256 {str(model.get('calibration_sha256', '?'))[:12]}).", "",
             "| data | fitted on | reported on | metric | defaults | calibrated | model label alone | command |",
             "|---|---|---|---|---|---|---|---|"]
    for r in data.get("rows", []):
        alone = f"{r['model_alone']:.3f}" if r.get("model_alone") is not None else ""
        lines.append(f"| {r['data']} | {r['fitted_on']} | {r['reported_on']} | {r['metric']} | "
                     f"{r['defaults']:.3f} | {r['calibrated']:.3f} | {alone} | `{r['command']}` |")
    fitted = [f"{b['data']}: threshold {b['params']['threshold']:.2f}, agree >= "
              f"{b['params']['stance_thresholds']['agree']:.2f}, contradict >= "
              f"{b['params']['stance_thresholds']['contradict']:.2f}" for b in data.get("benchmarks", [])]
    if fitted:
        lines += ["", "Fitted parameters: " + "; ".join(fitted) + "."]
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default="../shared/eval", help="folder of the public benchmarks")
    parser.add_argument("--fnc-rows", type=int, default=2000, help="stratified FNC-1 test subset size (0: the whole competition test)")
    parser.add_argument("--out", default="docs/benchmarks.md")
    parser.add_argument("--skip-clef", action="store_true")
    parser.add_argument("--calibration-gain", default="runs/calibration_gain.json",
                        help="JSON written by scripts/calibration_gain.py (section left out when missing)")
    parser.add_argument("--baselines-only", action="store_true",
                        help="print only the stance baseline rows and the calibration section")
    args = parser.parse_args()
    root = Path(args.eval)
    baselines = baseline_rows(root)
    if args.baselines_only:
        print("\n".join(baselines["sick"] + baselines["claimpairs"] + baselines["stancepairs"]))
        print("\n".join(calibration_section(args.calibration_gain)))
        return
    lines = ["# narrcomp on public benchmarks", "",
             f"Generated by `python scripts/benchmarks_report.py --eval {args.eval} --fnc-rows {args.fnc_rows}` on "
             f"{dt.date.today().isoformat()} (narrcomp {narrcomp.__version__}, Python {platform.python_version()}, "
             f"{platform.machine()}, 2 CPU cores). Data stays in `{args.eval}`; nothing is copied into the project.",
             ""]
    if not args.skip_clef:
        lines += ["## Claim retrieval: CLEF 2020 CheckThat! task 2, test set", "",
                  "Tweets against 10,375 Snopes verified claims (claim text plus title). Methods tuned on "
                  "train/dev only (`scripts/tune_matching.py`).", "",
                  "| method | MAP@5 | MRR | recall@5 | time | command |", "|---|---|---|---|---|---|",
                  *clef_rows(root / "clef2020_task2"), ""]
    lines += ["## Stance", "",
              "Labels agree / contradict / neutral (SICK entailment / contradiction / neutral; claimpairs "
              "related and unrelated count as neutral). The default backend is narrcomp's shipped cross-encoder "
              "with its calibration (`narrcomp/stance/weights/MODEL_CARD.md`). No NLI cross-encoder can be "
              "downloaded here, so the hub backends are not in this table; run the same commands with "
              "`--stance cross-encoder/nli-deberta-v3-base` where the hub is reachable.", "",
              "| data | n | accuracy | macro-F1 | F1 agree | F1 contradict | F1 neutral | command |",
              "|---|---|---|---|---|---|---|---|"]
    sick = cli_eval.run("sick", root / "sick")
    lines.append(stance_row("SICK test (pair_ID % 5 == 0)", sick, f"narrcomp eval sick {root / 'sick'}"))
    lines += baselines["sick"]
    pairs_file = root / "claimpairs" / "pairs.jsonl"
    whole = cli_eval.run("pairs", pairs_file)
    lines.append(stance_row("claimpairs, all 200 (includes the calibration half)", whole,
                            f"narrcomp eval pairs {pairs_file}"))
    held = load_claimpairs(pairs_file, part="heldout")
    held_path = Path("/tmp/claimpairs-heldout.jsonl")
    held_path.write_text("\n".join(json.dumps({"a": a, "b": b, "label": l})
                                   for a, b, l in zip(held["a"], held["b"], held["label4"])) + "\n")
    lines.append(stance_row("claimpairs, held-out even-numbered 100", cli_eval.run("pairs", held_path),
                            "python scripts/eval_stance.py (held-out part)"))
    lines += baselines["claimpairs"]
    lines.append(stance_row("stancepairs test: 100 pairs on 4 incidents outside claimpairs and training "
                            "(`data/stancepairs`)", cli_eval.run("pairs", STANCEPAIRS_TEST),
                            f"narrcomp eval pairs {STANCEPAIRS_TEST.relative_to(REPO)}"))
    lines += baselines["stancepairs"]
    lines += ["", "## FNC-1 competition test (outlet-vs-outlet agreement)", "",
              "Headline against the body sentence with the highest TF-IDF overlap; "
              + (f"a seeded stratified subset of {args.fnc_rows} of the 25,413 pairs. " if args.fnc_rows
                 else "all 25,413 pairs. ")
              + "Neutral pairs count as `discuss` when the two are "
              "counterparts (cosine >= the match threshold) and `unrelated` otherwise.", "",
              "| data | n | accuracy | macro-F1 | F1 agree | F1 disagree | F1 neutral | FNC score | command |",
              "|---|---|---|---|---|---|---|---|---|"]
    fnc = cli_eval.run("fnc1", root / "fnc1", limit=args.fnc_rows or None)
    lines.append(stance_row("FNC-1 test subset" if args.fnc_rows else "FNC-1 competition test", fnc,
                            f"narrcomp eval fnc1 {root / 'fnc1'}"
                            + (f" --limit {args.fnc_rows}" if args.fnc_rows else "")))
    lines += [""] + calibration_section(args.calibration_gain)
    Path(args.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
