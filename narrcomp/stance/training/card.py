"""Compose the shipped model's MODEL_CARD.md from the training manifest and evaluation."""

from __future__ import annotations

from pathlib import Path

__all__ = ["LICENCES", "SELECTION_HISTORY", "model_card", "run_chain"]

# as each data folder's PROVENANCE.txt / LICENSE states
LICENCES = {
    "sick": "SICK: CC BY-NC-SA 3.0 (non-commercial research); narrcomp test split pair_ID % 5 == 0 excluded",
    "snli": "SNLI dev+test via e-SNLI: SNLI CC BY-SA 4.0 (e-SNLI repo MIT)",
    "perspectrum": "Perspectrum: CC BY-SA 4.0",
    "emergent": "Emergent: dataset licence not stated (repo code MIT)",
    "fever_symmetric": "FEVER-symmetric: CC BY-SA 3.0 (DATA_LICENSE)",
    "climate_fever": "Climate-FEVER: licence not stated in repo (cite arXiv 2012.00614)",
    "healthver": "HealthVer dev+test: licence not stated in repo",
    "covidfact": "COVID-Fact: licence not stated in repo",
    "fnc1": "FNC-1 train: no licence stated (derived from Emergent)",
    "arc": "ARC stance (train split): data licence not separately stated (repo code Apache 2.0)",
    "clef": "CLEF 2020 CheckThat! task 2 TRAIN: 'free for general research use'",
    "augmented": "rule-made pairs from the agreeing pairs above (narrcomp.stance.training.augment)",
    "newspairs": "narrcomp's own hand-written news pairs, data/stancepairs/train.jsonl (MIT), both orders, repeated",
}


# why each shipped stage replaced the one before: the calibration half's out-of-fold macro-F1
SELECTION_HISTORY = [
    "stage 2 was shipped because it raised that score from 0.672 to 0.691",
    "stage 3 because, with the nine-input combiner (different speakers, number words), it raised "
    "it from 0.722 (stage 2) to 0.739",
    "stage 4 because, with narrcomp's 790 hand-written news pairs in its mix (data/stancepairs/"
    "train.jsonl, both orders, 10 times), it raised it from 0.739 to 0.744; the other candidates "
    "continued stage 3 with 470 of those pairs 5 times (0.729) or 12 times (0.742), or averaged the "
    "weights of the last two (0.719). The margin over the 12-times run is noise: that run scored "
    "higher on both held-out sets (claimpairs even half 0.683 vs 0.643, stancepairs test 0.505 vs "
    "0.492), and the rule was kept rather than choosing on held-out data",
]


def run_chain(manifest: dict) -> list[dict]:
    """Training manifests from the first stage to ``manifest`` (nested ``base_run_manifest``)."""
    chain = [manifest]
    while chain[0].get("base_run_manifest"):
        chain.insert(0, chain[0]["base_run_manifest"])
    return chain


def _f(value) -> str:
    return f"{value:.3f}" if isinstance(value, (int, float)) else str(value)


def _row(name: str, rep: dict) -> str:
    f1 = {k: v["f1"] for k, v in rep["per_class"].items()}
    return (f"| {name} | {rep['n']} | {_f(rep['accuracy'])} | {_f(rep['macro_f1'])} | "
            f"{_f(f1['agree'])} | {_f(f1['contradict'])} | {_f(f1['neutral'])} |")


def model_card(manifest: dict, results: dict, export: dict, figures: list[str],
               calibration: dict, bench: str | None = None) -> str:
    """Markdown text of the model card."""
    counts = manifest["mix_counts"]
    mix_rows = "\n".join(
        f"| {source} | {sum(c.values())} | {c.get('agree', 0)} | {c.get('contradict', 0)} | "
        f"{c.get('neutral', 0)} | {LICENCES.get(source, '')} |" for source, c in counts.items())
    cp = results["claimpairs"]
    table = "\n".join([
        "| evaluation | n | accuracy | macro-F1 | F1 agree | F1 contradict | F1 neutral |",
        "|---|---|---|---|---|---|---|",
        _row("claimpairs held-out half (even ids), model", cp["heldout (even ids)"]["model"]),
        _row("claimpairs held-out half, cosine-only baseline",
             cp["heldout (even ids)"]["similarity_baseline"]),
        _row("claimpairs held-out half, cross-encoder argmax (no calibration)",
             cp["heldout (even ids)"]["model_uncalibrated_argmax"]),
        _row("claimpairs whole set (INCLUDES the calibration half), model",
             cp["whole (includes calibration half)"]["model"]),
        _row("claimpairs whole set, cosine-only baseline",
             cp["whole (includes calibration half)"]["similarity_baseline"]),
        _row("SICK test (pair_ID % 5 == 0), model", results["sick_test"]["model"]),
        _row("SICK test, cross-encoder argmax (no calibration)",
             results["sick_test"]["model_uncalibrated_argmax"]),
    ] + ([_row("stancepairs test (narrcomp's own, 4 unseen incidents), model",
                results["stancepairs_test"]["model"]),
           _row("stancepairs test, cosine-only baseline", results["stancepairs_test"]["similarity_baseline"]),
           _row("stancepairs test, cross-encoder argmax (no calibration)",
                results["stancepairs_test"]["model_uncalibrated_argmax"])]
          if "stancepairs_test" in results else [])
      + ([_row(f"FNC-1 competition test, {results['fnc1_subset']['subset']} (3-way)",
                results["fnc1_subset"]["three_way"])] if "fnc1_subset" in results else []))
    fnc = (f"\nFNC-1 relative weighted score on that subset: "
           f"{_f(results['fnc1_subset']['fnc_score'])} (body = best TF-IDF sentence).\n"
           if "fnc1_subset" in results else "")
    state = manifest.get("result", {})
    chain = run_chain(manifest)
    seen = sum(int(m.get("result", {}).get("step", 0)) * int(m["args"]["batch_size"]) for m in chain)
    stages = ""
    if len(chain) > 1:
        lines = []
        for number, stage in enumerate(chain[:-1], start=1):
            st, args = stage.get("result", {}), stage["args"]
            origin = ("from the bundled all-MiniLM-L6-v2" if number == 1
                      else f"continued from stage {number - 1}'s final checkpoint")
            lines.append(
                f"**Stage {number}** ({origin}): `{stage['command']}`: {st.get('step', '?')} steps "
                f"of batch {args['batch_size']}, lr {args['lr']}, seed {args['seed']}, on "
                f"{stage['mix_rows']} pairs (augmentation style {args.get('augment_style', 1)}, "
                f"share {args['augment_share']}), {st.get('seconds', '?')} s. "
                + ("Its learning rate followed the clock (`--schedule time`); the per-step factors "
                   "ship as `lr_trace_stage1.json`, and adding `--lr-trace lr_trace_stage1.json` to "
                   "that command replays them. " if number == 1 and args.get("schedule") == "time"
                   else ""))
        stages = (f"{len(chain)} stages.\n\n" + "\n\n".join(lines)
                  + f"\n\n**Stage {len(chain)}** continued from stage {len(chain) - 1}'s final "
                  "checkpoint with the command below; its manifest is `training_manifest.json`, "
                  "each earlier stage's is nested under `base_run_manifest`.\n\n")
    epochs = seen / max(1, int(manifest["mix_rows"]))
    images = "\n".join(f"![{Path(f).stem}](figures/{f})" if f.endswith(".png")
                       else f"- [figures/{f}](figures/{f})" for f in figures)
    return f"""# narrcomp stance model (narrcomp-stance-minilm-l6)

A cross-encoder that labels a pair of news claims **agree**, **contradict** or **neutral**,
fine-tuned on CPU from the bundled sentence-transformers all-MiniLM-L6-v2 weights
(Apache 2.0) with a 3-way classification head, plus a calibration combiner
(`calibration.json`). Used by `narrcomp.classify_stance` (see docs/stance.md).

## Labels
`config.json` `id2label`: 0 = agree, 1 = contradict, 2 = neutral (NLI entailment -> agree,
contradiction -> contradict). The model is used symmetrically: each pair is scored once
in a canonical order (the two texts sorted); training showed each pair in a random order.

## Files
- `model.safetensors`: fp16 ({export['bytes'] / 1e6:.1f} MB, {export['tensors']} tensors); loaded in float32.
- tokenizer files and `config.json` (BertForSequenceClassification, 6 layers, 384 dims).
- `calibration.json`: logistic combiner (input set `{calibration['info'].get('inputs')}`, C =
  {calibration['info'].get('C')}, chosen by repeated 5-fold out-of-fold macro-F1 among
  ce+cosine / ce+cosine+negation / all of {calibration['features']}), neutral margin
  {calibration['neutral_margin']}, relatedness threshold (cosine of all-MiniLM-L6-v2)
  {calibration['related_threshold']}; fitted on {calibration['info'].get('fitted_on')}
  ({calibration['info'].get('n')} claimpairs rows scored out-of-fold, plus
  {calibration['info'].get('n_extra', 0)} SICK train rows that only join the fits; out-of-fold
  macro-F1 on the claimpairs rows {calibration['info'].get('oof_macro_f1')}).
- `training_manifest.json`: command line, seed, arguments, sha256 of every data file, row counts per
  source and label, library versions, steps done.

## Training
{stages}Command: `{manifest['command']}`

Steps: {state.get('step', '?')} of batch {manifest['args']['batch_size']} (max length
{manifest['args']['max_length']}, AdamW lr {manifest['args']['lr']}, linear warm-up/decay,
word-embedding table frozen, seed {manifest['args']['seed']}), {state.get('seconds', '?')} s on
2 shared CPU cores; stopped by {'the deadline' if state.get('stopped_by_deadline') else 'max steps'}.
The learning-rate schedule was `--schedule {manifest['args'].get('schedule', 'steps')}`
(with `time`, the per-step learning-rate factors are saved in lr_trace.json of the run).

Training mix ({manifest['mix_rows']} pairs; augmented pairs are {manifest['args']['augment_share']:.0%} of it):

| source | pairs | agree | contradict | neutral | licence (as stated by the source) |
|---|---|---|---|---|---|
{mix_rows}

Never used for training: SICK pairs with pair_ID % 5 == 0, claimpairs (calibration only, odd
ids), data/stancepairs/test.jsonl, CLEF test, FNC-1 competition test.

## Evaluation
Command: `{results['command']}`

{table}
{fnc}
claimpairs is a 200-pair development set written for this project (README: "do not report it as
a held-out score"); the calibration was fitted on its odd-numbered half, so only the even half is
unseen. During development the even half's scores were printed for several checkpoints (two in
stage 1, two in stage 2, one in stage 3, one for each of the five later candidates) and for calibration variants (with and
without the SICK train rows, a two-stage relatedness-then-stance combiner, the different-speakers
input), and the number parser's misses were read on the whole set; every choice was made on the
odd half's out-of-fold score ({"; ".join(SELECTION_HISTORY)}; another seed of stage 3's recipe
was not shipped, 0.727), but the even half is not pristine and SICK test was also seen.
The stancepairs test file (`data/stancepairs/test.jsonl`, four incidents that no training or
calibration row covers, written without looking at any model output) was scored for stage 3 and
the later candidates, and no choice was made on it; nobody has read its errors. Cosine-only baseline: thresholds on the
embedding cosine tuned on the calibration half ({cp['similarity_baseline_thresholds']}).
{bench or ''}

{images}

## Limitations
Trained for about {epochs:.2f} passes over a mix of this size ({seen} pairs seen over all stages) on 2 shared CPU cores: the issue's targets (claimpairs
macro-F1 >= 0.70 with contradict F1 >= 0.70, SICK test accuracy >= 0.87) are reported above as
measured, met or not. English only; claims of 8-60 words; stance of reported speech is judged on
its content (attribution frames are stripped by `narrcomp.claims.split_attribution`, denials
flip the content). Some training licences are non-commercial (SICK) or unstated.
"""
