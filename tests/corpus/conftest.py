"""Shared fixtures for the corpus tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def shared_dir() -> Path:
    """The ../shared folder next to the repository (or $NARRCOMP_SHARED)."""
    if os.environ.get("NARRCOMP_SHARED"):
        return Path(os.environ["NARRCOMP_SHARED"])
    return Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture
def shared() -> Path:
    path = shared_dir()
    if not (path / "corpus" / "douma" / "corpus.csv").is_file():
        pytest.skip(f"the shared example data is absent ({path}); set NARRCOMP_SHARED to run this test")
    return path
