"""Backends: label order read from id2label, column order, both loading paths agree."""

from __future__ import annotations

import numpy as np
import pytest

from narrcomp.errors import ModelNotAvailableError
from narrcomp.stance.backends import (CrossEncoderBackend, StanceBackend, StanceLabelError,
                                      TransformersBackend, label_order)

PAIRS = [("Chlorine was used in the attack on Douma.", "No chemical weapon was used in Douma."),
         ("The plane was shot down by a Buk missile.", "A Buk missile brought the airliner down."),
         ("Prices rose.", "The ministry said that grain prices rose sharply in March 2022.")]


def test_label_order_is_read_from_config_case_insensitively():
    assert label_order({0: "neutral", 1: "CONTRADICTION", 2: "Entailment"}) == [2, 1, 0]
    assert label_order({"0": "SUPPORTS", "1": "REFUTES", "2": "NOT ENOUGH INFO"}) == [0, 1, 2]


def test_unknown_or_missing_labels_raise_clear_errors():
    with pytest.raises(StanceLabelError, match="'LABEL_0' .* is not a stance label"):
        label_order({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})
    with pytest.raises(StanceLabelError, match="no label for neutral"):
        label_order({0: "entailment", 1: "contradiction"})


def _reference(folder, pairs):
    """Softmax of the raw model, columns taken by label NAME (not position)."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForSequenceClassification.from_pretrained(folder).eval()
    with torch.no_grad():
        logits = model(**tok([p[0] for p in pairs], [p[1] for p in pairs], padding=True,
                             return_tensors="pt")).logits
    probs = torch.softmax(logits, dim=1).numpy()
    names = {v.lower(): int(k) for k, v in model.config.id2label.items()}
    return probs[:, [names["entailment"], names["contradiction"], names["neutral"]]]


def test_cross_encoder_backend_maps_columns_by_label_name(tiny_model):
    backend = CrossEncoderBackend(tiny_model, batch_size=2)
    assert isinstance(backend, StanceBackend)
    probs = backend.predict_proba(PAIRS)
    assert probs.shape == (3, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(probs, _reference(tiny_model, PAIRS), atol=1e-5)


def test_transformers_backend_matches_cross_encoder_backend(tiny_model):
    plain = TransformersBackend(tiny_model, batch_size=2).predict_proba(PAIRS)
    np.testing.assert_allclose(plain, CrossEncoderBackend(tiny_model).predict_proba(PAIRS),
                               atol=1e-5)


def test_identity_names_the_weights(tiny_model):
    ident = TransformersBackend(tiny_model, name="tiny").identity()
    assert ident["name"] == "tiny" and len(ident["weights_sha256"]) == 64
    assert CrossEncoderBackend(tiny_model).identity()["weights_sha256"] == ident["weights_sha256"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ModelNotAvailableError, match="no config.json"):
        TransformersBackend(tmp_path)
