"""Shared fixtures for the claims tests: the seed article and the Douma digests."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest


def _shared_dir() -> Path:
    env = os.environ.get("NARRCOMP_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / ".." / "shared"


SHARED = _shared_dir()
SEED = SHARED / "seed" / "000_d947d8aa6ba2612f.txt"
DOUMA = SHARED / "corpus" / "douma"
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"shared seed article not found at {SEED} (set NARRCOMP_SHARED)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def digests() -> dict[str, str]:
    files = sorted(DOUMA.glob("*_*.md")) if DOUMA.is_dir() else []
    if not files:
        pytest.skip(f"shared Douma digests not found in {DOUMA} (set NARRCOMP_SHARED)")
    return {f.name: _FRONT_MATTER.sub("", f.read_text(encoding="utf-8")) for f in files}
