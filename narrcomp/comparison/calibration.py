"""``calibrate``: fit the comparison's thresholds on a researcher's own labelled pairs.

Given pairs of claims labelled ``agree``, ``contradict`` or ``neutral`` (the
four-way labels ``related`` and ``unrelated`` count as neutral, and
``unrelated`` also tells which pairs should not match at all), it fits

* ``threshold``: the similarity above which two claims are counterparts, the
  value that best separates unrelated pairs from the rest (F1 of "related");
* ``stance_thresholds``: the probabilities a pair needs to be called ``agree``
  or ``contradict`` (see :func:`narrcomp.comparison.pipeline.relabel`), chosen on
  a grid to maximise macro-F1 over agree / contradict / neutral.

Pass the result back: ``narrcomp.compare(claims, **params)``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrcomp._validation import check_bool, param_error
from narrcomp.comparison.pipeline import DEFAULT_THRESHOLD, relabel

LABELS = ("agree", "contradict", "neutral")
_FOUR_WAY = {"agree": "agree", "contradict": "contradict", "neutral": "neutral", "related": "neutral",
             "unrelated": "neutral"}
GRID = np.round(np.arange(0.05, 0.951, 0.05), 2)


def calibrate(labelled_pairs, *, model=None, stance=None, show_progress=None, return_report: bool = False):
    """Fit ``threshold`` and ``stance_thresholds`` on labelled pairs.

    Parameters
    ----------
    labelled_pairs : DataFrame
        Columns ``a``, ``b`` and ``label`` (agree, contradict, neutral,
        related or unrelated).
    model, stance : see :func:`narrcomp.compare`.
    return_report : bool
        Also return a DataFrame of macro-F1 before and after calibration.

    Returns
    -------
    dict
        ``{"threshold": float, "stance_thresholds": {"agree": float, "contradict": float}}``
        (and the report when asked).

    Examples
    --------
    >>> params = narrcomp.calibrate(my_pairs)                 # doctest: +SKIP
    >>> comparison = narrcomp.compare(claims, **params)       # doctest: +SKIP
    """
    from narrcomp.embeddings import embed
    from narrcomp.stance import classify_stance

    pairs = _check_pairs(labelled_pairs)
    check_bool(return_report, "return_report", "calibrate")
    if show_progress is not None:
        check_bool(show_progress, "show_progress", "calibrate")
    a, b = pairs["a"].tolist(), pairs["b"].tolist()
    ea, eb = embed(a, model, show_progress=show_progress), embed(b, model, show_progress=show_progress)
    cosine = np.einsum("ij,ij->i", ea, eb).astype(np.float64)
    four = pairs["label"].to_numpy(dtype=object)
    truth = np.array([_FOUR_WAY[x] for x in four], dtype=object)
    threshold = fit_match_threshold(cosine, four)
    result = classify_stance(a, b, model=stance, show_progress=show_progress)
    probs = result[["p_agree", "p_contradict", "p_neutral"]].to_numpy(dtype=float)
    thresholds, best = fit_stance_thresholds(probs, cosine >= threshold, truth)
    params = {"threshold": float(threshold), "stance_thresholds": thresholds}
    if not return_report:
        return params
    before = macro_f1(truth, np.where(cosine >= DEFAULT_THRESHOLD, result["label"].to_numpy(dtype=object),
                                      "neutral"))
    report = pd.DataFrame({"setting": ["defaults", "calibrated"], "macro_f1": [before, best]})
    return params, report


def _check_pairs(pairs) -> pd.DataFrame:
    if not isinstance(pairs, pd.DataFrame):
        raise param_error("labelled_pairs", "calibrate", "a DataFrame with columns a, b, label", pairs, TypeError)
    missing = [c for c in ("a", "b", "label") if c not in pairs.columns]
    if missing:
        raise ValueError(f"The 'labelled_pairs' parameter of calibrate is missing the columns {missing}. "
                         f"Got columns {list(pairs.columns)} instead.")
    bad = sorted(set(pairs["label"]) - set(_FOUR_WAY))
    if bad:
        raise ValueError(f"The 'labelled_pairs' parameter of calibrate has unknown labels {bad}; "
                         f"use {sorted(_FOUR_WAY)}.")
    if len(pairs) < 10:
        raise ValueError(f"The 'labelled_pairs' parameter of calibrate needs at least 10 pairs. Got {len(pairs)}.")
    return pairs.reset_index(drop=True)


def fit_match_threshold(cosine: np.ndarray, four_way: np.ndarray) -> float:
    """The cosine threshold with the best F1 for "related at all" (not unrelated).

    Without ``unrelated`` labels there is nothing to fit and the default is kept.
    Ties go to the lower threshold (fewer missed counterparts).
    """
    related = four_way != "unrelated"
    if related.all() or not related.any():
        return DEFAULT_THRESHOLD
    best_t, best_f = DEFAULT_THRESHOLD, -1.0
    for t in np.round(np.arange(0.20, 0.901, 0.01), 2):
        pred = cosine >= t
        tp = np.sum(pred & related)
        f = 2 * tp / (pred.sum() + related.sum()) if (pred.sum() + related.sum()) else 0.0
        if f > best_f + 1e-12:
            best_t, best_f = float(t), f
    return best_t


def fit_stance_thresholds(probs: np.ndarray, matched: np.ndarray, truth: np.ndarray):
    """Grid search of (agree, contradict) thresholds maximising macro-F1;
    unmatched pairs are neutral whatever the model says."""
    best = ({"agree": 0.5, "contradict": 0.5}, -1.0)
    for ta in GRID:
        for tc in GRID:
            th = {"agree": float(ta), "contradict": float(tc)}
            pred = np.where(matched, relabel(probs, th), "neutral")
            f = macro_f1(truth, pred)
            if f > best[1] + 1e-12:
                best = (th, f)
    return best


def macro_f1(truth, pred) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(list(truth), list(pred), labels=list(LABELS), average="macro", zero_division=0))
