"""Calibration: JSON round trip, the decision rules, fitting on separable data."""

from __future__ import annotations

import json

import numpy as np
import pytest

from narrcomp.stance.calibration import (COMBINER_FEATURES, Calibration, combiner_inputs,
                                         fit_calibration, load_calibration)


def test_identity_passes_probabilities_through():
    probs = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]])
    inputs = combiner_inputs(probs, np.ones(2), np.zeros((2, 3)), np.zeros(2), np.zeros(2))
    np.testing.assert_allclose(Calibration.identity().predict_proba(inputs), probs, atol=1e-6)


def test_rules_relatedness_then_margin():
    cal = Calibration.identity()
    cal.neutral_margin, cal.related_threshold = 0.6, 0.3
    probs = np.array([[0.9, 0.05, 0.05], [0.55, 0.4, 0.05], [0.1, 0.8, 0.1], [0.1, 0.8, 0.1]])
    cosine = np.array([0.8, 0.8, 0.8, 0.2])
    assert cal.decide(probs, cosine).tolist() == ["agree", "neutral", "contradict", "neutral"]


def test_json_round_trip_and_feature_check(tmp_path):
    cal = Calibration.identity()
    cal.neutral_margin = 0.45
    cal.to_json(tmp_path / "calibration.json")
    again = load_calibration(tmp_path)
    assert again == cal
    data = json.loads((tmp_path / "calibration.json").read_text())
    data["features"] = ["cosine"]
    (tmp_path / "calibration.json").write_text(json.dumps(data))
    with pytest.raises(ValueError, match="do not match"):
        load_calibration(tmp_path)


def test_file_from_before_a_feature_existed_gives_it_zero_weight(tmp_path):
    cal = Calibration.identity()
    cal.coef[1][COMBINER_FEATURES.index("cosine")] = 2.0
    data = json.loads(json.dumps(cal.__dict__))
    short = len(COMBINER_FEATURES) - 1  # e.g. a calibration.json without speakers_differ
    data["features"] = data["features"][:short]
    data["coef"] = [row[:short] for row in data["coef"]]
    data["mean"], data["scale"] = data["mean"][:short], data["scale"][:short]
    (tmp_path / "calibration.json").write_text(json.dumps(data))
    old = load_calibration(tmp_path)
    assert old.features == list(COMBINER_FEATURES)
    probs = np.array([[0.6, 0.3, 0.1], [0.2, 0.5, 0.3]])
    inputs = combiner_inputs(probs, np.array([0.9, 0.4]), np.zeros((2, 3)), np.zeros(2), np.ones(2))
    np.testing.assert_allclose(old.predict_proba(inputs), cal.predict_proba(inputs))


def test_load_without_file_is_identity(tmp_path):
    assert load_calibration(tmp_path).info["kind"] == "identity"


def test_fit_learns_a_separable_rule():
    rng = np.random.default_rng(0)
    labels = np.array(["agree", "contradict", "neutral"] * 30)
    probs = np.full((90, 3), 1 / 3)
    cosine = np.where(labels == "neutral", rng.uniform(0.0, 0.3, 90), rng.uniform(0.5, 0.9, 90))
    negation = (labels == "contradict").astype(float)
    features = np.column_stack([negation, np.zeros(90), np.zeros(90)])
    inputs = combiner_inputs(probs, cosine, features, np.zeros(90), np.zeros(90))
    assert inputs.shape == (90, len(COMBINER_FEATURES))
    cal = fit_calibration(inputs, labels, seeds=(0,))
    predicted = cal.decide(cal.predict_proba(inputs), cosine)
    assert np.mean(predicted == labels) == 1.0
    assert cal.info["n"] == 90 and cal.info["oof_macro_f1"] > 0.9


def test_group_folds_keep_each_incident_in_one_fold():
    from narrcomp.stance.calibration import _fold_assignments

    groups = np.repeat([f"incident {i}" for i in range(7)], 6)
    for assignment in _fold_assignments(len(groups), 5, (0, 1), groups):
        for name in np.unique(groups):
            assert len(set(assignment[groups == name])) == 1
        assert set(assignment) == set(range(5))
    rows = _fold_assignments(len(groups), 5, (0,))[0]
    assert any(len(set(rows[groups == name])) > 1 for name in np.unique(groups))


def test_fit_with_groups_records_it_and_needs_a_group_per_fold():
    rng = np.random.default_rng(1)
    labels = np.array(["agree", "contradict", "neutral"] * 30)
    cosine = np.where(labels == "neutral", rng.uniform(0.0, 0.3, 90), rng.uniform(0.5, 0.9, 90))
    features = np.column_stack([(labels == "contradict").astype(float), np.zeros(90), np.zeros(90)])
    inputs = combiner_inputs(np.full((90, 3), 1 / 3), cosine, features, np.zeros(90), np.zeros(90))
    groups = np.arange(90) % 9
    cal = fit_calibration(inputs, labels, seeds=(0,), groups=groups)
    assert cal.info["folds_by"] == "group" and cal.info["oof_macro_f1"] > 0.9
    with pytest.raises(ValueError, match="'groups' parameter of fit_calibration must name at least 5"):
        fit_calibration(inputs, labels, seeds=(0,), groups=np.arange(90) % 3)
