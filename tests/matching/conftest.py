"""Shared fixtures for the matching tests."""

import os
from pathlib import Path

import numpy as np
import pytest


def shared_dir() -> Path:
    """The ../shared folder next to the repository (or NARRCOMP_SHARED)."""
    env = os.environ.get("NARRCOMP_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="module")
def clef_path() -> Path:
    path = shared_dir() / "eval" / "clef2020_task2"
    if not (path / "v3").is_dir():
        pytest.skip(f"CLEF 2020 task 2 data not found at {path} (set NARRCOMP_SHARED)")
    return path


def unit_rows(n: int, d: int, seed: int) -> np.ndarray:
    """Random unit-norm float32 rows."""
    x = np.random.default_rng(seed).standard_normal((n, d)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)
