"""Stance metrics against values computed by hand."""

from __future__ import annotations

import pytest

from narrcomp.evaluate.stance_metrics import (accuracy, confusion, fnc_score, macro_f1, per_class,
                                              stance_report)

GOLD = ["agree", "agree", "agree", "contradict", "contradict", "neutral"]
PRED = ["agree", "agree", "neutral", "contradict", "agree", "neutral"]


def test_accuracy():
    assert accuracy(GOLD, PRED) == pytest.approx(4 / 6)


def test_per_class_by_hand():
    table = per_class(GOLD, PRED)
    # agree: tp 2, predicted 3, gold 3 -> p = r = 2/3
    assert table.loc["agree", "precision"] == pytest.approx(2 / 3)
    assert table.loc["agree", "recall"] == pytest.approx(2 / 3)
    # contradict: tp 1, predicted 1, gold 2 -> p 1, r 1/2, f1 2/3
    assert table.loc["contradict", "f1"] == pytest.approx(2 / 3)
    # neutral: tp 1, predicted 2, gold 1 -> p 1/2, r 1, f1 2/3
    assert table.loc["neutral", "f1"] == pytest.approx(2 / 3)
    assert table["support"].tolist() == [3, 2, 1]
    assert macro_f1(GOLD, PRED) == pytest.approx(2 / 3)


def test_undefined_scores_are_zero():
    table = per_class(["agree"], ["agree"])
    assert table.loc["contradict", "f1"] == 0.0 and table.loc["neutral", "precision"] == 0.0


def test_confusion_rows_are_gold():
    table = confusion(GOLD, PRED)
    assert table.loc["contradict", "agree"] == 1 and table.loc["agree", "neutral"] == 1
    assert int(table.to_numpy().sum()) == 6


def test_fnc_score_by_hand():
    gold = ["agree", "disagree", "discuss", "unrelated", "unrelated"]
    pred = ["agree", "discuss", "unrelated", "unrelated", "agree"]
    # rows: 1.0, 0.25, 0, 0.25, 0 -> 1.5 of best 0.25*5 + 0.75*3 = 3.5
    assert fnc_score(gold, pred, normalize=False) == pytest.approx(1.5)
    assert fnc_score(gold, pred) == pytest.approx(1.5 / 3.5)


def test_report_and_length_check():
    report = stance_report(GOLD, PRED)
    assert report["n"] == 6 and report["confusion"]["agree"]["agree"] == 2
    with pytest.raises(ValueError, match="The 'y_pred' parameter of accuracy must be"):
        accuracy(GOLD, PRED[:2])
    with pytest.raises(ValueError, match="The 'y_true' parameter of macro_f1|per_class"):
        macro_f1([], [])
