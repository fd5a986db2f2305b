"""Calibration of the stance model: a tiny multinomial logistic combiner + a neutral rule.

The combiner maps, for each pair, the symmetric cross-encoder log-probabilities,
the cosine of the default sentence embeddings, the surface features of
:mod:`narrcomp.stance.features`, a denial-frame flag and a different-speakers
flag to calibrated ``p_agree, p_contradict, p_neutral``. The label then applies two rules fitted on development data:

* ``cosine < related_threshold`` -> ``neutral`` (the pair is not about the same thing);
* otherwise the most probable class, but ``neutral`` when that is agree or
  contradict with a probability below ``neutral_margin`` (weak evidence).

Parameters are plain JSON (``calibration.json`` beside the weights), never pickle.

>>> import numpy as np
>>> cal = Calibration.identity()
>>> cal.decide(np.array([[0.5, 0.3, 0.2]]), np.array([0.9]))
array(['agree'], dtype=object)
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from narrcomp.stance.backends import STANCE_LABELS
from narrcomp.stance.features import FEATURE_NAMES

__all__ = ["Calibration", "COMBINER_FEATURES", "combiner_inputs", "fit_calibration",
           "load_calibration"]

COMBINER_FEATURES = ("log_p_agree", "log_p_contradict", "log_p_neutral", "cosine",
                     *FEATURE_NAMES, "attribution_negated", "speakers_differ")


def combiner_inputs(probs: np.ndarray, cosine: np.ndarray, features: np.ndarray,
                    negated: np.ndarray, speakers_differ: np.ndarray) -> np.ndarray:
    """Stack the combiner's inputs in :data:`COMBINER_FEATURES` order."""
    logp = np.log(np.clip(np.asarray(probs, dtype=np.float64), 1e-6, 1.0))
    return np.column_stack([logp, np.asarray(cosine, dtype=np.float64),
                            np.asarray(features, dtype=np.float64),
                            np.asarray(negated, dtype=np.float64),
                            np.asarray(speakers_differ, dtype=np.float64)])


@dataclass
class Calibration:
    """Fitted calibration parameters (see the module docstring)."""

    coef: list  # (3, k) in STANCE_LABELS x COMBINER_FEATURES order
    intercept: list  # (3,)
    mean: list  # (k,) feature standardisation
    scale: list  # (k,)
    neutral_margin: float = 0.0
    related_threshold: float = -1.0
    features: list = field(default_factory=lambda: list(COMBINER_FEATURES))
    classes: list = field(default_factory=lambda: list(STANCE_LABELS))
    info: dict = field(default_factory=dict)

    @classmethod
    def identity(cls) -> "Calibration":
        """A pass-through: probabilities are the cross-encoder's, no rules."""
        k = len(COMBINER_FEATURES)
        coef = np.zeros((3, k))
        coef[:, :3] = np.eye(3)
        return cls(coef.tolist(), [0.0] * 3, [0.0] * k, [1.0] * k, info={"kind": "identity"})

    def predict_proba(self, inputs: np.ndarray) -> np.ndarray:
        """Calibrated probabilities ``(n, 3)`` from :func:`combiner_inputs` rows."""
        x = (np.asarray(inputs, dtype=np.float64) - np.asarray(self.mean)) / np.asarray(self.scale)
        z = x @ np.asarray(self.coef).T + np.asarray(self.intercept)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def decide(self, probs: np.ndarray, cosine: np.ndarray) -> np.ndarray:
        """Labels from calibrated probabilities with the relatedness and margin rules."""
        probs = np.asarray(probs)
        best = probs.argmax(axis=1)
        labels = np.array(STANCE_LABELS, dtype=object)[best]
        weak = (best != 2) & (probs[np.arange(len(best)), best] < self.neutral_margin)
        labels[weak | (np.asarray(cosine) < self.related_threshold)] = "neutral"
        return labels

    def to_json(self, path) -> None:
        """Write the parameters as JSON."""
        Path(path).write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def from_json(cls, path) -> "Calibration":
        """Read parameters written by :meth:`to_json`."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        features = list(data.get("features", []))
        if features != list(COMBINER_FEATURES)[: len(features)] or len(features) < 4:
            raise ValueError(f"{path}: calibration features {data.get('features')} do not match "
                             f"this narrcomp version's {list(COMBINER_FEATURES)}")
        # a file fitted before later features existed gives them zero weight
        missing = len(COMBINER_FEATURES) - len(features)
        if missing:
            data["coef"] = [list(row) + [0.0] * missing for row in data["coef"]]
            data["mean"] = list(data["mean"]) + [0.0] * missing
            data["scale"] = list(data["scale"]) + [1.0] * missing
            data["features"] = list(COMBINER_FEATURES)
        return cls(**data)


def load_calibration(folder) -> Calibration:
    """``folder/calibration.json`` if present, else :meth:`Calibration.identity`."""
    path = Path(folder) / "calibration.json"
    return Calibration.from_json(path) if path.is_file() else Calibration.identity()


def _macro_f1(y_true, y_pred) -> float:
    from narrcomp.evaluate.stance_metrics import macro_f1

    return macro_f1(y_true, y_pred, labels=STANCE_LABELS)


def _fit_lr(x: np.ndarray, y: np.ndarray, c: float, columns=None) -> Calibration:
    """Multinomial logistic regression on ``columns`` of ``x`` (others get zero weight)."""
    from sklearn.linear_model import LogisticRegression

    columns = list(range(x.shape[1])) if columns is None else list(columns)
    used = x[:, columns]
    mean, scale = used.mean(axis=0), used.std(axis=0)
    scale[scale < 1e-9] = 1.0
    model = LogisticRegression(C=c, max_iter=2000).fit((used - mean) / scale, y)
    coef = np.zeros((3, x.shape[1]))
    intercept = np.zeros(3)
    full_mean, full_scale = np.zeros(x.shape[1]), np.ones(x.shape[1])
    full_mean[columns], full_scale[columns] = mean, scale
    for row, cls in enumerate(model.classes_):
        coef[int(cls), columns] = model.coef_[row]
        intercept[int(cls)] = model.intercept_[row]
    return Calibration(coef.tolist(), intercept.tolist(), full_mean.tolist(), full_scale.tolist())


def _out_of_fold(inputs: np.ndarray, y: np.ndarray, c: float, fold_of: np.ndarray,
                 columns=None, extra=None) -> np.ndarray:
    """Out-of-fold probabilities; ``extra`` rows (x, y) join every training fold."""
    oof = np.zeros((len(y), 3))
    extra_x = np.zeros((0, inputs.shape[1])) if extra is None else extra[0]
    extra_y = np.zeros(0, dtype=int) if extra is None else extra[1]
    for fold in np.unique(fold_of):
        test = fold_of == fold
        model = _fit_lr(np.vstack([inputs[~test], extra_x]),
                        np.concatenate([y[~test], extra_y]), c, columns)
        oof[test] = model.predict_proba(inputs[test])
    return oof


#: candidate input sets, simplest first (indices into COMBINER_FEATURES)
SUBSETS = {
    "ce+cosine": (0, 1, 2, 3),
    "ce+cosine+negation": (0, 1, 2, 3, 4, 7),
    "all": tuple(range(len(COMBINER_FEATURES))),
}
C_GRID = (0.1, 0.3, 1.0, 3.0)


def _fold_assignments(n: int, folds: int, seeds, groups=None) -> list[np.ndarray]:
    """One fold number per row for each seed; rows of a group always share a fold."""
    if groups is None:
        return [np.random.default_rng(s).permutation(np.arange(n) % folds) for s in seeds]
    names, index = np.unique(np.asarray(groups, dtype=object).astype(str), return_inverse=True)
    if len(names) < folds:
        raise ValueError(f"The 'groups' parameter of fit_calibration must name at least {folds} "
                         f"groups (one per fold). Got {len(names)} instead.")
    return [np.random.default_rng(s).permutation(np.arange(len(names)) % folds)[index] for s in seeds]


def fit_calibration(inputs: np.ndarray, labels, *, folds: int = 5, seeds=(0, 1, 2),
                    extra_inputs=None, extra_labels=None, groups=None) -> Calibration:
    """Fit the combiner and tune the two rules on development pairs.

    Model selection and rules use only out-of-fold predictions: for every input
    set in :data:`SUBSETS` and every ``C`` in :data:`C_GRID`, ``folds``-fold
    cross-validation repeated over ``seeds`` gives out-of-fold probabilities;
    the set and ``C`` with the best mean macro-F1 win (the simpler set on ties
    within 0.005). ``neutral_margin`` and ``related_threshold`` are then tuned by
    grid search on the seed-averaged out-of-fold probabilities, and the
    logistic regression is refitted on all rows.

    Parameters
    ----------
    inputs : numpy.ndarray
        Rows from :func:`combiner_inputs`.
    labels : sequence of str
        Gold labels in ``agree, contradict, neutral``.
    folds : int
        Cross-validation folds.
    seeds : sequence of int
        Seeds of the repeated fold assignments.
    extra_inputs, extra_labels : optional
        Rows from another domain (narrcomp uses a seeded sample of SICK *train*
        pairs) added to every fit so that the combiner keeps trusting a confident
        cross-encoder outside news; they are never scored, and the rules are tuned
        on the development rows only.
    groups : sequence, optional
        One group name per development row (narrcomp passes the incident). Rows of
        a group always fall in the same fold, so the out-of-fold scores measure
        pairs about incidents the combiner was not fitted on, as in use. Without
        it, rows are assigned to folds at random.
    """
    y = np.array([STANCE_LABELS.index(label) for label in labels])
    inputs = np.asarray(inputs, dtype=np.float64)
    extra = None
    if extra_inputs is not None and len(extra_inputs):
        extra = (np.asarray(extra_inputs, dtype=np.float64),
                 np.array([STANCE_LABELS.index(label) for label in extra_labels]))
    gold = np.array(STANCE_LABELS, dtype=object)[y]
    assignments = _fold_assignments(len(y), folds, seeds, groups)
    best = None
    for name, columns in SUBSETS.items():
        for c in C_GRID:
            runs = [_out_of_fold(inputs, y, c, f, columns, extra) for f in assignments]
            score = float(np.mean([_macro_f1(gold, np.array(STANCE_LABELS, dtype=object)[r.argmax(1)])
                                   for r in runs]))
            if best is None or score > best[0] + 0.005:
                best = (score, name, c, np.mean(runs, axis=0))
    score, name, c, oof = best
    cosine = inputs[:, COMBINER_FEATURES.index("cosine")]
    rules = (-1.0, 0.0, -1.0)
    for margin in np.round(np.arange(0.0, 0.71, 0.05), 2):
        for threshold in np.round(np.arange(-0.05, 0.61, 0.05), 2):
            candidate = Calibration([], [], [], [], float(margin), float(threshold))
            value = _macro_f1(gold, candidate.decide(oof, cosine))
            if value > rules[0] + 1e-9:
                rules = (value, float(margin), float(threshold))
    all_x = inputs if extra is None else np.vstack([inputs, extra[0]])
    all_y = y if extra is None else np.concatenate([y, extra[1]])
    fitted = _fit_lr(all_x, all_y, c, SUBSETS[name])
    fitted.neutral_margin, fitted.related_threshold = rules[1], rules[2]
    fitted.info = {"kind": "logistic", "inputs": name, "C": c, "folds": folds,
                   "seeds": list(seeds), "n": int(len(y)),
                   "folds_by": "row" if groups is None else "group",
                   "n_extra": 0 if extra is None else int(len(extra[1])),
                   "oof_macro_f1_argmax": round(score, 4), "oof_macro_f1": round(rules[0], 4)}
    return fitted
