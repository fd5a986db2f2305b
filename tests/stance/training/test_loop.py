"""Batching and the learning-rate schedule of the training loop (no model needed)."""

from __future__ import annotations

import pandas as pd
import pytest

from narrcomp.stance.training.loop import LABELS, TrainConfig, _lr_factor, make_batches


def _mix(n=50):
    return pd.DataFrame({"a": [f"claim {i} " + "x " * (i % 7) for i in range(n)],
                         "b": [f"other {i}" for i in range(n)],
                         "label": [LABELS[i % 3] for i in range(n)]})


def test_batches_cover_every_row_once_and_flip_orders():
    batches = make_batches(_mix(), 8, seed=0, epoch=0, bucket=2)
    seen = [(x, y, l) for first, second, labels in batches for x, y, l in zip(first, second, labels)]
    assert len(seen) == 50 and max(len(b[0]) for b in batches) == 8
    flipped = sum(x.startswith("other") for x, _, _ in seen)
    assert 0 < flipped < 50
    for x, y, label in seen:
        i = int((y if x.startswith("other") else x).split()[1])
        assert label == i % 3


def test_batches_are_seeded():
    assert make_batches(_mix(), 8, 0, 0) == make_batches(_mix(), 8, 0, 0)
    assert make_batches(_mix(), 8, 0, 0) != make_batches(_mix(), 8, 0, 1)


def test_schedule_warms_up_then_decays_to_zero():
    cfg = TrainConfig(base_model="x", out_dir="y", max_steps=100, warmup=0.1)
    assert _lr_factor(0, cfg) == 0.1 and _lr_factor(9, cfg) == 1.0
    assert _lr_factor(55, cfg) == pytest.approx(0.5) and _lr_factor(100, cfg) == 0.0
    assert _lr_factor(20, cfg, progress=0.55) == pytest.approx(0.5)
