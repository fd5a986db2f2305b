"""Fine-tune a MiniLM cross-encoder for 3-way stance on CPU, with a deadline.

The loop is deliberately plain PyTorch: length-bucketed batches with dynamic
padding, AdamW with linear warm-up and decay over ``max_steps``, a random pair
order per example (so the model sees both ``(a, b)`` and ``(b, a)``), periodic
checkpoints and a graceful stop at a wall-clock deadline.
"""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["TrainConfig", "LABELS", "seed_everything", "make_batches", "train"]

LABELS = ("agree", "contradict", "neutral")


@dataclass
class TrainConfig:
    """Settings of one training run (all recorded in the manifest)."""

    base_model: str
    out_dir: str
    max_steps: int = 1200
    batch_size: int = 32
    lr: float = 4e-5
    warmup: float = 0.06
    weight_decay: float = 0.01
    max_length: int = 128
    seed: int = 0
    deadline: float | None = None  # epoch seconds
    checkpoint_minutes: float = 15.0
    log_every: int = 20
    threads: int | None = None
    schedule: str = "steps"  # or "time": decay reaches 0 at the deadline
    lr_trace: tuple = ()  # replay: per-step learning-rate factors of an earlier run
    freeze_embeddings: bool = True


def seed_everything(seed: int) -> None:
    """Seed ``random``, numpy and torch."""
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def make_batches(mix: pd.DataFrame, batch_size: int, seed: int, epoch: int,
                 bucket: int = 50) -> list[tuple[list[str], list[str], list[int]]]:
    """Shuffle, flip each pair's order at random, group similar lengths into batches."""
    rng = np.random.default_rng([seed, epoch])
    order = rng.permutation(len(mix))
    flip = rng.random(len(mix)) < 0.5
    a = mix["a"].to_numpy()
    b = mix["b"].to_numpy()
    y = mix["label"].map({l: i for i, l in enumerate(LABELS)}).to_numpy()
    batches = []
    for start in range(0, len(order), batch_size * bucket):
        chunk = order[start:start + batch_size * bucket]
        chunk = chunk[np.argsort([len(a[i]) + len(b[i]) for i in chunk], kind="stable")]
        for s in range(0, len(chunk), batch_size):
            idx = chunk[s:s + batch_size]
            first = [b[i] if flip[i] else a[i] for i in idx]
            second = [a[i] if flip[i] else b[i] for i in idx]
            batches.append((first, second, [int(y[i]) for i in idx]))
    return [batches[i] for i in rng.permutation(len(batches))]


def _lr_factor(step: int, cfg: TrainConfig, progress: float | None = None) -> float:
    """Linear warm-up then linear decay; ``progress`` (0..1) overrides step / max_steps."""
    warm = max(1, int(cfg.max_steps * cfg.warmup))
    if step < warm:
        return (step + 1) / warm
    done = step / cfg.max_steps if progress is None else max(progress, step / cfg.max_steps)
    start = warm / cfg.max_steps
    return max(0.0, (1.0 - done) / max(1e-9, 1.0 - start))


def _save(model, tokenizer, path: Path, state: dict) -> None:
    path.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    (path / "train_state.json").write_text(json.dumps(state, indent=2))


def train(mix: pd.DataFrame, cfg: TrainConfig, log=print) -> dict:
    """Train on ``mix`` (columns a, b, label) and save checkpoints under ``cfg.out_dir``.

    Returns the final state (steps done, mean loss, whether the deadline stopped it).
    """
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    seed_everything(cfg.seed)
    tokenizer = AutoTokenizer.from_pretrained(cfg.base_model)
    model = AutoModelForSequenceClassification.from_pretrained(
        cfg.base_model, num_labels=3, id2label=dict(enumerate(LABELS)),
        label2id={l: i for i, l in enumerate(LABELS)})
    model.train()
    if cfg.freeze_embeddings:  # the 11.7M-row word table dominates optimizer time on CPU
        model.base_model.embeddings.word_embeddings.weight.requires_grad_(False)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters()
                    if p.requires_grad and not n.endswith(no_decay)],
         "weight_decay": cfg.weight_decay},
        {"params": [p for n, p in model.named_parameters()
                    if p.requires_grad and n.endswith(no_decay)],
         "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=cfg.lr)
    out = Path(cfg.out_dir)
    step, epoch, losses, started = 0, 0, [], time.time()
    lr_trace: list[float] = []

    def factor() -> float:
        if cfg.lr_trace:  # replaying a recorded schedule (e.g. one made with schedule="time")
            return float(cfg.lr_trace[step]) if step < len(cfg.lr_trace) else 0.0
        progress = None
        if cfg.schedule == "time" and cfg.deadline is not None:
            progress = (time.time() - started) / max(1.0, cfg.deadline - started)
        return _lr_factor(step, cfg, progress)
    last_ckpt = started
    stopped_by_deadline = False
    while step < cfg.max_steps and not stopped_by_deadline and not (
            step > 10 and lr_trace[-1] <= 0.0):
        for first, second, labels in make_batches(mix, cfg.batch_size, cfg.seed, epoch):
            if cfg.deadline is not None and time.time() >= cfg.deadline:
                stopped_by_deadline = True
                break
            enc = tokenizer(first, second, truncation=True, max_length=cfg.max_length,
                            padding=True, return_tensors="pt")
            output = model(**enc, labels=torch.tensor(labels))
            output.loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            lr_trace.append(factor())
            for group in optimizer.param_groups:
                group["lr"] = cfg.lr * lr_trace[-1]
            optimizer.step()
            optimizer.zero_grad()
            losses.append(float(output.loss.detach()))
            step += 1
            if step % cfg.log_every == 0:
                elapsed = time.time() - started
                log(f"step {step}/{cfg.max_steps} epoch {epoch} loss "
                    f"{np.mean(losses[-cfg.log_every:]):.4f} lr {cfg.lr * lr_trace[-1]:.2e} "
                    f"{elapsed / step:.2f} s/step")
            if time.time() - last_ckpt >= cfg.checkpoint_minutes * 60:
                _save(model, tokenizer, out / "checkpoint", _state(step, epoch, losses, started, cfg))
                log(f"checkpoint saved at step {step}")
                last_ckpt = time.time()
            if step >= cfg.max_steps or (step > 10 and lr_trace[-1] <= 0.0):
                break
        epoch += 1
    state = _state(step, epoch, losses, started, cfg)
    state["stopped_by_deadline"] = stopped_by_deadline
    _save(model, tokenizer, out / "final", state)
    (out / "lr_trace.json").write_text(json.dumps([round(f, 6) for f in lr_trace]))
    log(f"final model saved at step {step} ({'deadline' if stopped_by_deadline else 'max steps'})")
    return state


def _state(step, epoch, losses, started, cfg) -> dict:
    return {"step": step, "epoch": epoch, "seconds": round(time.time() - started, 1),
            "loss_last_100": float(np.mean(losses[-100:])) if losses else math.nan,
            "config": {**asdict(cfg), "lr_trace": f"{len(cfg.lr_trace)} replayed factors"
                       if cfg.lr_trace else None}}
