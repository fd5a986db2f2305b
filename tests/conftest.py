"""Shared fixtures: a tiny three-source corpus compared once per test session with the real
default models (embedding: bundled all-MiniLM-L6-v2; stance: narrcomp's shipped model)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# Tests never write to the user's own embedding cache.
os.environ.setdefault("NARRCOMP_CACHE_DIR", tempfile.mkdtemp(prefix="narrcomp-test-cache-"))

ROOT = Path(__file__).resolve().parents[1]

TINY = {
    "opcw.md": ("OPCW FFM", "official", "2019-03-01",
                "The mission found reasonable grounds to believe that chlorine was used as a weapon in Douma on "
                "7 April 2018. The cylinder at Location 2 was most likely dropped from an aircraft. No nerve agents "
                "were detected in the samples."),
    "outlet.md": ("Outlet", "media", "2020-01-29",
                  "The chemical attack in Douma on 7 April 2018 was staged by the White Helmets. Chlorine was used "
                  "as a weapon in Douma, witnesses said. The weather in Damascus was mild that week."),
    "ministry.md": ("Ministry", "government", "2018-04-13",
                    "The ministry said that no chemical attack took place in Douma. The cylinders were placed "
                    "by hand, not dropped from the air."),
}


def write_tiny_corpus(folder: Path, extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["path,source,kind,date,url,title"]
    for name, (source, kind, date, text) in TINY.items():
        (folder / name).write_text(text + (" " + extra if extra and name == "outlet.md" else "") + "\n")
        rows.append(f"{name},{source},{kind},{date},,{source}")
    (folder / "corpus.csv").write_text("\n".join(rows) + "\n")
    return folder


@pytest.fixture(scope="session")
def tiny_corpus(tmp_path_factory) -> Path:
    return write_tiny_corpus(tmp_path_factory.mktemp("tiny") / "corpus")


@pytest.fixture(scope="session")
def tiny_comparison(tiny_corpus):
    import narrcomp

    claims = narrcomp.extract_claims(narrcomp.load_corpus(tiny_corpus))
    return narrcomp.compare(claims, show_progress=False)
