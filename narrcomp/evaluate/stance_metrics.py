"""Stance metrics: accuracy, macro-F1, per-class scores, confusion matrix, FNC-1 score.

Pure functions on label sequences (lists, arrays or pandas Series of str).

>>> accuracy(["agree", "neutral"], ["agree", "agree"])
0.5
>>> fnc_score(["agree", "unrelated"], ["discuss", "unrelated"])
0.4
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from narrcomp._validation import param_error

__all__ = ["accuracy", "per_class", "macro_f1", "confusion", "fnc_score", "stance_report",
           "STANCE_LABELS", "FNC_LABELS"]

STANCE_LABELS = ("agree", "contradict", "neutral")
FNC_LABELS = ("agree", "disagree", "discuss", "unrelated")


def _arrays(y_true, y_pred, func: str) -> tuple[np.ndarray, np.ndarray]:
    true = np.asarray(list(y_true), dtype=object)
    pred = np.asarray(list(y_pred), dtype=object)
    if len(true) != len(pred):
        raise param_error("y_pred", func, f"a sequence as long as y_true ({len(true)})",
                          f"a sequence of length {len(pred)}")
    if len(true) == 0:
        raise param_error("y_true", func, "a non-empty sequence of labels", list(true))
    return true, pred


def accuracy(y_true: Sequence[str], y_pred: Sequence[str]) -> float:
    """Share of rows whose predicted label equals the gold label."""
    true, pred = _arrays(y_true, y_pred, "accuracy")
    return float(np.mean(true == pred))


def per_class(y_true, y_pred, labels: Sequence[str] = STANCE_LABELS) -> pd.DataFrame:
    """Precision, recall, F1 and support per label (0 where undefined).

    >>> per_class(["agree", "agree", "neutral"], ["agree", "neutral", "neutral"],
    ...           labels=["agree", "neutral"])["f1"].round(3).tolist()
    [0.667, 0.667]
    """
    true, pred = _arrays(y_true, y_pred, "per_class")
    rows = []
    for label in labels:
        tp = float(np.sum((pred == label) & (true == label)))
        n_pred, n_true = float(np.sum(pred == label)), float(np.sum(true == label))
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_true if n_true else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append({"label": label, "precision": precision, "recall": recall, "f1": f1,
                     "support": int(n_true)})
    return pd.DataFrame(rows).set_index("label")


def macro_f1(y_true, y_pred, labels: Sequence[str] = STANCE_LABELS) -> float:
    """Unweighted mean of the per-label F1 scores."""
    return float(per_class(y_true, y_pred, labels)["f1"].mean())


def confusion(y_true, y_pred, labels: Sequence[str] = STANCE_LABELS) -> pd.DataFrame:
    """Counts with gold labels as rows and predictions as columns.

    >>> confusion(["agree", "contradict"], ["agree", "agree"]).loc["contradict", "agree"]
    np.int64(1)
    """
    true, pred = _arrays(y_true, y_pred, "confusion")
    table = pd.DataFrame(0, index=pd.Index(list(labels), name="gold"),
                         columns=pd.Index(list(labels), name="predicted"), dtype=np.int64)
    for t, p in zip(true, pred):
        if t in table.index and p in table.columns:
            table.loc[t, p] += 1
    return table


def fnc_score(y_true, y_pred, *, normalize: bool = True) -> float:
    """The FNC-1 weighted score on 4-way labels (agree, disagree, discuss, unrelated).

    Each row earns 0.25 when related-vs-unrelated is right, and 0.75 more when a
    related row gets the right stance. With ``normalize`` the sum is divided by
    the best possible score (the official "relative score").
    """
    true, pred = _arrays(y_true, y_pred, "fnc_score")
    related_true = true != "unrelated"
    related_pred = pred != "unrelated"
    score = 0.25 * np.sum(related_true == related_pred)
    score += 0.75 * np.sum(related_true & (true == pred))
    if not normalize:
        return float(score)
    best = 0.25 * len(true) + 0.75 * np.sum(related_true)
    return float(score / best)


def stance_report(y_true, y_pred, labels: Sequence[str] = STANCE_LABELS) -> dict:
    """accuracy, macro_f1, per-class F1 and the confusion matrix as plain JSON-ready data."""
    table = per_class(y_true, y_pred, labels)
    return {
        "n": int(len(list(y_true))),
        "accuracy": round(accuracy(y_true, y_pred), 4),
        "macro_f1": round(float(table["f1"].mean()), 4),
        "per_class": {k: {m: round(float(v), 4) for m, v in row.items()}
                      for k, row in table.to_dict("index").items()},
        "confusion": confusion(y_true, y_pred, labels).to_dict("index"),
    }
