import numpy as np

from narrcomp.comparison.calibration import fit_match_threshold, fit_stance_thresholds, macro_f1


def test_match_threshold_separates_unrelated_pairs():
    cosine = np.array([0.9, 0.8, 0.7, 0.65, 0.3, 0.25, 0.2, 0.35])
    labels = np.array(["agree", "contradict", "related", "agree", "unrelated", "unrelated", "unrelated",
                       "unrelated"], dtype=object)
    t = fit_match_threshold(cosine, labels)
    assert 0.35 < t <= 0.65


def test_match_threshold_keeps_default_without_unrelated():
    assert fit_match_threshold(np.array([0.1, 0.9]), np.array(["agree", "neutral"], dtype=object)) == 0.5


def test_stance_thresholds_fix_an_overconfident_contradiction_head():
    # The model over-calls contradiction at p ~ 0.45; true contradictions sit at 0.8.
    probs = np.array([[0.1, 0.8, 0.1], [0.15, 0.85, 0.0], [0.3, 0.45, 0.25], [0.35, 0.44, 0.21],
                      [0.8, 0.1, 0.1], [0.7, 0.2, 0.1]])
    truth = np.array(["contradict", "contradict", "neutral", "neutral", "agree", "agree"], dtype=object)
    th, f = fit_stance_thresholds(probs, np.ones(6, bool), truth)
    assert f == 1.0
    assert 0.45 < th["contradict"] <= 0.8
    assert macro_f1(truth, np.array(["contradict"] * 4 + ["agree"] * 2, dtype=object)) < 1.0
