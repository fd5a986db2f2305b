"""Baselines for the stance evaluation: what narrcomp's stance model has to beat.

* :func:`fit_similarity_baseline`: embedding similarity alone. Two cosine
  thresholds, fitted on labelled pairs: ``cosine >= agree_from`` is ``agree``,
  ``cosine >= contradict_from`` is ``contradict``, anything lower ``neutral``.
* :class:`SickOnlyBaseline`: a logistic-regression head on frozen sentence
  embeddings (features ``[u, v, |u - v|, u * v]`` plus a negation-mismatch flag),
  meant to be trained on the SICK *train* split only: what a classic NLI
  classifier trained on one public data set gives on news claims.

>>> import numpy as np
>>> base = fit_similarity_baseline(np.array([0.1, 0.2, 0.5, 0.55, 0.8, 0.9]),
...                                ["neutral", "neutral", "contradict", "contradict", "agree", "agree"])
>>> base.predict([0.15, 0.52, 0.85]).tolist()
['neutral', 'contradict', 'agree']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from narrcomp._validation import check_array, check_float, check_int, param_error
from narrcomp.evaluate.stance_metrics import STANCE_LABELS, macro_f1

__all__ = ["SimilarityBaseline", "fit_similarity_baseline", "SickOnlyBaseline", "SIMILARITY_GRID"]

#: Candidate cosine thresholds of the similarity baseline (0.00, 0.02, ..., 0.98).
SIMILARITY_GRID = np.round(np.arange(0.0, 1.0, 0.02), 2)


def _labels(values, name: str, func: str) -> np.ndarray:
    if isinstance(values, str):
        raise param_error(name, func, "a sequence of labels", values, TypeError)
    labels = np.asarray(list(values), dtype=object)
    if len(labels) == 0:
        raise param_error(name, func, "a non-empty sequence of labels", list(labels))
    bad = sorted({str(x) for x in labels} - set(STANCE_LABELS))
    if bad:
        raise param_error(name, func, f"a sequence of labels in {list(STANCE_LABELS)}",
                          f"labels {bad}")
    return labels


@dataclass(frozen=True)
class SimilarityBaseline:
    """Stance from cosine similarity alone (see :func:`fit_similarity_baseline`).

    Attributes
    ----------
    contradict_from : float
        Pairs with ``contradict_from <= cosine < agree_from`` are ``contradict``.
    agree_from : float
        Pairs with ``cosine >= agree_from`` are ``agree``; below
        ``contradict_from`` a pair is ``neutral``.
    fit_macro_f1 : float
        Macro-F1 on the pairs the thresholds were fitted on (nan when built by hand).
    n_fit : int
        How many pairs the thresholds were fitted on (0 when built by hand).
    """

    contradict_from: float
    agree_from: float
    fit_macro_f1: float = float("nan")
    n_fit: int = 0

    def __post_init__(self):
        lo = check_float(self.contradict_from, "contradict_from", "SimilarityBaseline", min=-1.0, max=1.0)
        hi = check_float(self.agree_from, "agree_from", "SimilarityBaseline", min=lo, max=1.0)
        object.__setattr__(self, "contradict_from", lo)
        object.__setattr__(self, "agree_from", hi)

    def predict(self, cosine) -> np.ndarray:
        """Labels (object array of ``agree`` / ``contradict`` / ``neutral``) for cosine similarities."""
        return _decide(check_array(cosine, "cosine", "SimilarityBaseline.predict", ndim=1),
                       self.contradict_from, self.agree_from)

    def to_dict(self) -> dict:
        """The thresholds as plain JSON-ready data."""
        return {"contradict_from": self.contradict_from, "agree_from": self.agree_from,
                "fit_macro_f1": self.fit_macro_f1, "n_fit": self.n_fit}


def _decide(cosine: np.ndarray, lo: float, hi: float) -> np.ndarray:
    return np.where(cosine >= hi, "agree", np.where(cosine >= lo, "contradict", "neutral")).astype(object)


def fit_similarity_baseline(cosine, labels) -> SimilarityBaseline:
    """Fit the similarity-only baseline's two cosine thresholds on labelled pairs.

    Every pair of thresholds ``contradict_from <= agree_from`` on a 0.02 grid
    (0.00 to 0.98) is tried; the pair with the best macro-F1 over agree /
    contradict / neutral wins, ties going to the first in grid order (lowest
    ``contradict_from``, then lowest ``agree_from``).

    Parameters
    ----------
    cosine : sequence of float
        Cosine similarity of each pair's two texts (e.g. of narrcomp's default
        embeddings).
    labels : sequence of str
        Gold labels, ``agree``, ``contradict`` or ``neutral``, as long as ``cosine``.

    Returns
    -------
    SimilarityBaseline
        Frozen; ``.predict(cosine)`` labels new pairs.

    Examples
    --------
    >>> base = fit_similarity_baseline([0.3, 0.6, 0.9], ["neutral", "contradict", "agree"])
    >>> base.contradict_from, base.agree_from
    (0.32, 0.62)
    """
    func = "fit_similarity_baseline"
    cosine = check_array(cosine, "cosine", func, ndim=1)
    truth = _labels(labels, "labels", func)
    if len(truth) != len(cosine):
        raise param_error("labels", func, f"a sequence as long as cosine ({len(cosine)})",
                          f"a sequence of length {len(truth)}")
    best = (-1.0, 0.0, 0.0)
    for lo in SIMILARITY_GRID:
        for hi in SIMILARITY_GRID[SIMILARITY_GRID >= lo]:
            score = macro_f1(truth, _decide(cosine, lo, hi))
            if score > best[0]:
                best = (score, float(lo), float(hi))
    return SimilarityBaseline(contradict_from=best[1], agree_from=best[2], fit_macro_f1=best[0],
                              n_fit=len(truth))


@dataclass(eq=False)
class SickOnlyBaseline:
    """A logistic-regression NLI head on frozen sentence embeddings.

    Features of a pair ``(a, b)`` with unit-norm embeddings ``u`` and ``v``:
    ``[u, v, |u - v|, u * v]`` and the negation-mismatch flag of
    :func:`narrcomp.stance.features.pair_features` (an odd number of negation
    cues on one side and not on the other). The head is scikit-learn's
    ``LogisticRegression`` (lbfgs, multinomial) after standard scaling, so
    fitting is deterministic. Train it on the SICK train split only
    (:meth:`from_sick`) to get the "SICK-only" baseline of the evaluation.

    Parameters
    ----------
    model : None, str or os.PathLike
        Embedding model for :func:`narrcomp.embeddings.embed`; ``None`` is
        narrcomp's bundled default (offline, cached).
    C : float
        Inverse regularisation strength of the logistic regression.
    max_iter : int
        Iteration cap of the solver.
    seed : int
        ``random_state`` of the logistic regression.

    Examples
    --------
    >>> base = SickOnlyBaseline.from_sick("../shared/eval/sick/SICK.txt")   # doctest: +SKIP
    >>> base.predict(["Police found the car."], ["Police did not find the car."])  # doctest: +SKIP
    array(['contradict'], dtype=object)
    """

    model: object = None
    C: float = 1.0
    max_iter: int = 2000
    seed: int = 0
    classes_: np.ndarray | None = field(default=None, init=False, repr=False)
    _head: object = field(default=None, init=False, repr=False)

    def __post_init__(self):
        self.C = check_float(self.C, "C", "SickOnlyBaseline", min=0.0, min_inclusive=False)
        self.max_iter = check_int(self.max_iter, "max_iter", "SickOnlyBaseline", min=1)
        self.seed = check_int(self.seed, "seed", "SickOnlyBaseline", min=0)

    @classmethod
    def from_sick(cls, path, *, limit: int | None = None, **params) -> "SickOnlyBaseline":
        """Train on the SICK train split (``pair_ID % 5 != 0``) of ``SICK.txt``.

        Parameters
        ----------
        path : str or os.PathLike
            ``sick/SICK.txt``.
        limit : int, optional
            Use only the first ``limit`` train pairs (for quick checks).
        **params
            Passed to :class:`SickOnlyBaseline`.
        """
        from narrcomp.evaluate.stance_data import load_sick

        limit = check_int(limit, "limit", "SickOnlyBaseline.from_sick", min=10, allow_none=True)
        train = load_sick(path, "train")
        if limit is not None:
            train = train.iloc[:limit]
        return cls(**params).fit(train["a"].tolist(), train["b"].tolist(), train["label"].tolist())

    def features(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """The ``(n, 4 * dim + 1)`` feature matrix of the pairs ``(a[i], b[i])``."""
        from narrcomp.embeddings import embed
        from narrcomp.stance.features import FEATURE_NAMES, feature_matrix

        first, second = self._texts(a, b, "features")
        unique = list(dict.fromkeys(first + second))
        vectors = np.asarray(embed(unique, self.model, show_progress=False), dtype=np.float64)
        where = {text: i for i, text in enumerate(unique)}
        u = vectors[[where[t] for t in first]]
        v = vectors[[where[t] for t in second]]
        negation = feature_matrix(first, second)[:, [FEATURE_NAMES.index("negation_mismatch")]]
        return np.hstack([u, v, np.abs(u - v), u * v, negation])

    def fit(self, a: Sequence[str], b: Sequence[str], labels: Sequence[str]) -> "SickOnlyBaseline":
        """Fit the head on labelled pairs; returns ``self``."""
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        first, second = self._texts(a, b, "fit")
        truth = _labels(labels, "labels", "SickOnlyBaseline.fit")
        if len(truth) != len(first):
            raise param_error("labels", "SickOnlyBaseline.fit", f"a sequence as long as a ({len(first)})",
                              f"a sequence of length {len(truth)}")
        if len(set(truth)) < 2:
            raise param_error("labels", "SickOnlyBaseline.fit", "labels of at least two classes",
                              sorted(set(truth)))
        head = make_pipeline(StandardScaler(), LogisticRegression(C=self.C, max_iter=self.max_iter,
                                                                  random_state=self.seed))
        head.fit(self.features(first, second), truth.astype(str))
        self._head = head
        self.classes_ = np.asarray(head.classes_, dtype=object)
        return self

    def predict_proba(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """Class probabilities, columns in the order of ``classes_``."""
        first, second = self._texts(a, b, "predict_proba")
        self._check_fitted("predict_proba")
        return self._head.predict_proba(self.features(first, second))

    def predict(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """Labels (object array) for the pairs ``(a[i], b[i])``."""
        first, second = self._texts(a, b, "predict")
        self._check_fitted("predict")
        return np.asarray(self._head.predict(self.features(first, second)), dtype=object)

    def _check_fitted(self, method: str) -> None:
        if self._head is None:
            raise RuntimeError(f"SickOnlyBaseline.{method} needs a fitted baseline: call fit() or "
                               "SickOnlyBaseline.from_sick() first.")

    @staticmethod
    def _texts(a, b, method: str) -> tuple[list[str], list[str]]:
        func = f"SickOnlyBaseline.{method}"
        out = []
        for name, values in (("a", a), ("b", b)):
            if isinstance(values, str) or not (isinstance(values, (list, tuple, np.ndarray))
                                               or hasattr(values, "tolist")):
                raise param_error(name, func, "a list of str", values, TypeError)
            values = list(values)
            if not all(isinstance(v, str) for v in values):
                raise param_error(name, func, "a list of str", values, TypeError)
            if not values:
                raise param_error(name, func, "a non-empty list of str", values)
            out.append(values)
        if len(out[0]) != len(out[1]):
            raise param_error("b", func, f"a list of str as long as a ({len(out[0])})",
                              f"a list of length {len(out[1])}")
        return out[0], out[1]
