"""Public entry points of the stance stage."""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrcomp._validation import check_bool, check_int, param_error
from narrcomp.stance.calibration import COMBINER_FEATURES, combiner_inputs
from narrcomp.stance.features import feature_matrix, speakers_differ
from narrcomp.stance.pipeline import CHUNK_SIZE, ModelRef, frames, resolve, score_chunk

__all__ = ["classify_stance", "stance_model_info", "stance_inputs"]

COLUMNS = ["label", "p_agree", "p_contradict", "p_neutral", "attribution_a", "attribution_b"]
_FUNC = "classify_stance"
_SEQUENCE = "a list of str, a pandas Series of str, or a DataFrame with columns 'a' and 'b'"


def _as_list(values, name: str) -> list[str]:
    if isinstance(values, str) or not isinstance(values, (list, tuple, pd.Series, np.ndarray)):
        raise param_error(name, _FUNC, _SEQUENCE if name == "a" else "a list of str", values,
                          TypeError)
    values = list(values)
    for i, value in enumerate(values):
        if not isinstance(value, str):
            raise TypeError(f"The {name!r} parameter of {_FUNC} must hold only str; "
                            f"item {i} is {type(value).__name__} ({value!r:.60}).")
    return values


def _pairs(a, b) -> tuple[list[str], list[str], pd.Index]:
    if isinstance(a, pd.DataFrame):
        if b is not None:
            raise param_error("b", _FUNC, "None when 'a' is a DataFrame", b, TypeError)
        missing = [c for c in ("a", "b") if c not in a.columns]
        if missing:
            raise param_error("a", _FUNC, _SEQUENCE,
                              f"DataFrame with columns {list(a.columns)}")
        return _as_list(a["a"], "a"), _as_list(a["b"], "b"), a.index
    first = _as_list(a, "a")
    if b is None:
        raise param_error("b", _FUNC, "a list of str as long as 'a'", b, TypeError)
    second = _as_list(b, "b")
    if len(first) != len(second):
        raise param_error("b", _FUNC, f"a list of str as long as 'a' ({len(first)})",
                          f"a list of length {len(second)}")
    return first, second, pd.RangeIndex(len(first))


def _score(rows, model, client, show_progress: bool) -> np.ndarray:
    if not rows:
        return np.zeros((0, 3))
    if client is not None:
        from narrcomp.embeddings.distributed import map_chunks

        payload = model if isinstance(model, ModelRef) else client.scatter(model, broadcast=True)
        parts = map_chunks(client, score_chunk, rows, CHUNK_SIZE, payload,
                           show_progress=show_progress, desc="stance (dask)")
        return np.concatenate(parts)
    from tqdm.auto import tqdm

    parts = []
    with tqdm(total=len(rows), desc="stance", disable=not show_progress) as bar:
        for start in range(0, len(rows), CHUNK_SIZE):
            chunk = rows[start:start + CHUNK_SIZE]
            parts.append(score_chunk(chunk, model))
            bar.update(len(chunk))
    return np.concatenate(parts)


def _cosine(first: list[str], second: list[str], client) -> np.ndarray:
    from narrcomp.embeddings import embed

    unique = list(dict.fromkeys(first + second))
    vectors = embed(unique, show_progress=False, client=client)
    where = {text: i for i, text in enumerate(unique)}
    left = vectors[[where[t] for t in first]]
    right = vectors[[where[t] for t in second]]
    return np.sum(left.astype(np.float64) * right, axis=1)


def classify_stance(a, b=None, *, model=None, batch_size: int = 64,
                    show_progress: bool | None = None, client=None) -> pd.DataFrame:
    """Classify claim pairs as agree, contradict or neutral.

    Attribution frames are stripped first ("The ministry denied that X" is
    judged by its content X, negated); the cross-encoder scores each pair once
    in a canonical order (the two contents sorted), so ``classify_stance(a, b)``
    and ``classify_stance(b, a)`` give the same probabilities. With the shipped model the probabilities are
    calibrated on development data (claimpairs, odd-numbered pairs) and the
    label is ``neutral`` when the claims are not related (embedding cosine
    below a calibrated threshold) or the evidence is weak (neutral margin).

    Parameters
    ----------
    a : list of str, pandas.Series or pandas.DataFrame
        First claims, or a DataFrame with columns ``a`` and ``b``.
    b : list of str, optional
        Second claims, aligned with ``a`` (``None`` when ``a`` is a DataFrame).
    model : None, str, os.PathLike or StanceBackend
        ``None``: the shipped narrcomp stance model. A string or path: any NLI
        cross-encoder loaded offline through ``sentence_transformers.CrossEncoder``;
        its labels are read from the config's ``id2label`` (entailment -> agree,
        contradiction -> contradict, neutral -> neutral). Its probabilities are
        used as they are unless the folder holds a ``calibration.json``.
    batch_size : int
        Pairs per forward pass.
    show_progress : bool, optional
        Progress bar; default: on for more than 256 pairs.
    client : dask.distributed.Client, optional
        Score on this cluster (each worker loads the model once); the results
        are identical to the local ones.

    Returns
    -------
    pandas.DataFrame
        One row per pair, in input order (the input DataFrame's index is kept):
        ``label``, ``p_agree``, ``p_contradict``, ``p_neutral``,
        ``attribution_a``, ``attribution_b`` (speakers, ``""`` when none).

    Examples
    --------
    >>> result = classify_stance(["Russia denied that its troops killed civilians in Bucha."],
    ...                          ["Russian soldiers killed civilians in Bucha."])  # doctest: +SKIP
    >>> result.loc[0, "label"], result.loc[0, "attribution_a"]  # doctest: +SKIP
    ('contradict', 'Russia')
    """
    first, second, index = _pairs(a, b)
    batch_size = check_int(batch_size, "batch_size", _FUNC, min=1)
    if show_progress is not None:
        check_bool(show_progress, "show_progress", _FUNC)
    else:
        show_progress = len(first) > 256
    if client is not None and not hasattr(client, "submit"):
        raise param_error("client", _FUNC, "a dask.distributed.Client or None", client, TypeError)
    backend, calibration = resolve(model, batch_size)
    if not first:
        return pd.DataFrame({c: pd.Series(dtype=float if c.startswith("p_") else object)
                             for c in COLUMNS}, index=index)
    uses_cosine = calibration.info.get("kind") != "identity"
    inputs, left, right = stance_inputs(first, second, backend, client=client,
                                        show_progress=show_progress, cosine=uses_cosine)
    calibrated = calibration.predict_proba(inputs)
    labels = calibration.decide(calibrated, inputs[:, COMBINER_FEATURES.index("cosine")])
    return pd.DataFrame({"label": labels, "p_agree": calibrated[:, 0],
                         "p_contradict": calibrated[:, 1], "p_neutral": calibrated[:, 2],
                         "attribution_a": left.speaker, "attribution_b": right.speaker},
                        index=index)[COLUMNS]


def stance_inputs(first: list[str], second: list[str], backend, *, client=None,
                  show_progress: bool = False, cosine: bool = True):
    """The calibration combiner's inputs for aligned pairs, before calibration.

    Returns ``(inputs, frames_a, frames_b)``: ``inputs`` has one row per pair in
    :data:`narrcomp.stance.calibration.COMBINER_FEATURES` order (symmetric
    cross-encoder log-probabilities, cosine (1.0 when ``cosine=False``), surface
    features, denial-frame mismatch, different speakers). Used by
    :func:`classify_stance` and to fit the calibration, so both see exactly the
    same numbers.
    """
    left, right = frames(first), frames(second)
    swap = left.negated ^ right.negated
    rows = list(zip(left.content, right.content, swap.tolist()))
    probs = _score(rows, backend, client, show_progress)
    similarity = _cosine(left.content, right.content, client) if cosine else np.ones(len(first))
    inputs = combiner_inputs(probs, similarity, feature_matrix(left.content, right.content), swap,
                             speakers_differ(left.speaker, right.speaker))
    return inputs, left, right


def stance_model_info(model=None) -> dict:
    """Identity of a stance model for an analysis manifest.

    Returns
    -------
    dict
        ``name``, ``path``, ``weights_sha256`` and ``calibration`` (its info,
        rules and features).

    Examples
    --------
    >>> stance_model_info()["name"]  # doctest: +SKIP
    'narrcomp-stance-minilm-l6'
    """
    from narrcomp.stance.pipeline import make_backend

    backend, calibration = resolve(model, 64, "stance_model_info")
    if isinstance(backend, ModelRef):
        backend = make_backend(backend)
    info = dict(backend.identity())
    info["calibration"] = {**calibration.info, "neutral_margin": calibration.neutral_margin,
                           "related_threshold": calibration.related_threshold,
                           "features": list(COMBINER_FEATURES)}
    return info
