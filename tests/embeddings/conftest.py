"""Shared fixtures for the embedding tests: real text, the real bundled model."""

from __future__ import annotations

import pytest

SENTENCES = [
    "The OPCW fact-finding mission found chlorine at two locations in Douma.",
    "Russian officials said no chemical attack took place in Douma on 7 April 2018.",
    "Residents told reporters they smelled chlorine after a cylinder hit the roof.",
    "The hospital video was staged by the White Helmets, according to state television.",
    "Inspectors collected samples from the building where the cylinder was found.",
    "A leaked engineering report questioned whether the cylinder had been dropped from the air.",
    "The United States, Britain and France launched missile strikes a week later.",
    "Syria's government denied any use of chemical weapons.",
    "Forty-three people died, medical groups said.",
    "The investigation team attributed the attack to the Syrian Arab Air Force in 2023.",
    "Doctors at the clinic said patients showed signs of exposure to a toxic gas.",
    "The mission was unable to reach the site for almost two weeks.",
]


@pytest.fixture(scope="session")
def st_model():
    """The bundled all-MiniLM-L6-v2, loaded once for the whole test run."""
    from narrcomp.embeddings.models import load_model

    return load_model()


@pytest.fixture
def cache_dir(tmp_path):
    return tmp_path / "cache"
