"""The shipped default model on real sentences (skipped when the weights are absent)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from narrcomp.stance import classify_stance, stance_model_info

pytestmark = pytest.mark.slow


def test_weights_are_small_fp16_with_calibration(shipped_model):
    from safetensors import safe_open

    weights = shipped_model / "model.safetensors"
    assert weights.stat().st_size <= 50 * 1024 * 1024
    with safe_open(weights, "pt") as handle:
        name = next(iter(handle.keys()))
        assert str(handle.get_tensor(name).dtype) == "torch.float16"
    calibration = json.loads((shipped_model / "calibration.json").read_text())
    assert calibration["info"]["kind"] == "logistic"
    assert (shipped_model / "MODEL_CARD.md").is_file()
    assert stance_model_info()["weights_sha256"]


def test_symmetric_and_calibrated(shipped_model):
    a = ["JIT prosecutors said the missile was fired from a field held by separatists.",
         "The Skripals were poisoned with Novichok in Salisbury in March 2018."]
    b = ["The Buk was launched from territory controlled by Ukrainian forces.",
         "Sergei and Yulia Skripal were found unconscious on a bench in Salisbury."]
    forward, backward = classify_stance(a, b), classify_stance(b, a)
    cols = ["p_agree", "p_contradict", "p_neutral"]
    np.testing.assert_allclose(forward[cols].to_numpy(), backward[cols].to_numpy(), atol=1e-6)


def test_paraphrase_agrees_and_unrelated_is_neutral(shipped_model):
    out = classify_stance(
        ["Malaysia Airlines flight MH17 was shot down over eastern Ukraine in July 2014.",
         "Malaysia Airlines flight MH17 was shot down over eastern Ukraine in July 2014."],
        ["A missile brought down the Malaysian airliner MH17 above eastern Ukraine in 2014.",
         "The central bank raised interest rates by half a point on Tuesday."])
    assert out["label"].tolist() == ["agree", "neutral"]


def test_reported_speech_denial_contradicts(shipped_model):
    out = classify_stance(["The ministry claimed no attack took place."],
                          ["An attack took place."])
    assert out.loc[0, "attribution_a"] == "The ministry"
    assert out.loc[0, "label"] == "contradict", out.to_dict("records")


def test_a_claim_agrees_with_itself_and_with_a_date_added(shipped_model):
    # the candidates trained on 4,310 news pairs (docs/stance.md) called the first pair
    # a contradiction: near-copies about chemical weapons read as one-detail clashes
    out = classify_stance(
        ["Chlorine was used as a weapon in Douma.", "Sarin was used in the attack.",
         "The bridge collapsed on Monday."],
        ["Chlorine was used as a weapon in Douma.", "Sarin was used in the attack on 4 April.",
         "The bridge collapsed on Monday, killing two people."])
    assert out["label"].tolist() == ["agree", "agree", "agree"], out.to_dict("records")
