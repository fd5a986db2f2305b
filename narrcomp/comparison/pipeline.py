"""``compare``: every claim against every other source and the reference.

This module only composes the stages (embed -> match -> stance) and applies the
status rule of :mod:`narrcomp.comparison.statuses`; the aggregates live in
:mod:`narrcomp.comparison.aggregates`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrcomp._validation import check_bool, check_float, check_int, param_error
from narrcomp.comparison.statuses import decide_status

#: Default minimum cosine similarity (default embedding model) for two claims to
#: count as counterparts. Chosen on ../shared/eval/claimpairs: it separates
#: unrelated pairs from agree / contradict / related ones (see docs/benchmarks.md);
#: :func:`narrcomp.calibrate` fits it on your own labelled pairs.
DEFAULT_THRESHOLD = 0.5
#: Counterparts kept per claim and other source.
DEFAULT_K = 3

REQUIRED_COLUMNS = ("claim_id", "source", "text")
MATCH_COLUMNS = ["claim_id", "match_claim_id", "source", "match_source", "attribution", "match_attribution",
                 "score", "rank", "stance", "p_agree", "p_contradict", "p_neutral", "match_is_reference"]


def compare(claims, *, reference=None, model=None, stance=None, k: int = DEFAULT_K,
            threshold: float = DEFAULT_THRESHOLD, stance_thresholds=None, client=None,
            show_progress=None):
    """Compare every claim with its counterparts in the other sources and the reference.

    Parameters
    ----------
    claims : DataFrame
        A claims table (:func:`narrcomp.extract_claims`): at least claim_id,
        source and text; kind, date, attribution, content, doc_id are used
        when present.
    reference : None, str, list of str or boolean Series
        The official record. ``None``: rows whose ``kind`` is ``"official"``.
        A string or list names sources (or kinds); a boolean Series aligned
        with ``claims`` selects rows.
    model : None, str or SentenceTransformer
        Embedding model (``None``: the embedded default all-MiniLM-L6-v2).
    stance : None or str
        Stance model (``None``: narrcomp's shipped model; a name or path:
        any NLI cross-encoder).
    k : int, default 3
        Counterparts kept per claim and other source.
    threshold : float, default 0.5
        Minimum similarity for a counterpart to count (``unmatched`` below).
    stance_thresholds : dict or None
        ``{"agree": t_a, "contradict": t_c}``: re-label pairs from their
        probabilities (a label needs its probability >= its threshold and
        above the other's; otherwise neutral). ``None`` keeps the stance
        model's own calibrated labels. :func:`narrcomp.calibrate` returns it.
    client : dask.distributed.Client or None
        Spread embedding and stance over a Dask cluster.
    show_progress : bool or None
        Progress bars (``None``: only for long work).

    Returns
    -------
    Comparison

    Examples
    --------
    >>> claims = narrcomp.extract_claims(narrcomp.load_corpus("examples/douma"))  # doctest: +SKIP
    >>> comparison = narrcomp.compare(claims)                                    # doctest: +SKIP
    >>> comparison.claims["status"].value_counts()                                # doctest: +SKIP
    """
    from narrcomp.comparison.result import Comparison

    claims = _check_claims(claims)
    k = check_int(k, "k", "compare", min=1)
    threshold = check_float(threshold, "threshold", "compare", min=-1.0, max=1.0)
    stance_thresholds = _check_stance_thresholds(stance_thresholds)
    if show_progress is not None:
        check_bool(show_progress, "show_progress", "compare")
    is_ref = _reference_mask(claims, reference)
    claims = claims.assign(is_reference=is_ref.to_numpy())

    embeddings = _embed(claims, model, client, show_progress)
    pairs, best = _candidate_pairs(claims, embeddings, k)
    claims = claims.assign(best_other_score=best)
    matches = pairs[pairs["score"] >= threshold].reset_index(drop=True)
    matches = _attach_stance(matches, claims, stance, stance_thresholds, client, show_progress)

    ref_pairs = matches[matches["match_is_reference"]]
    status = decide_status(ref_pairs, list(claims["claim_id"]), threshold=threshold)
    claims = claims.assign(status=status["status"].to_numpy(),
                           reference_match_id=status["match_claim_id"].to_numpy())
    params = {"reference": _describe_reference(reference), "k": k, "threshold": threshold,
              "stance_thresholds": stance_thresholds}
    return Comparison(claims=claims.reset_index(drop=True), matches=matches, embeddings=embeddings,
                      params=params, models=_model_identities(model, stance))


def _check_claims(claims) -> pd.DataFrame:
    if not isinstance(claims, pd.DataFrame):
        raise param_error("claims", "compare", "a claims DataFrame (from narrcomp.extract_claims)", claims, TypeError)
    missing = [c for c in REQUIRED_COLUMNS if c not in claims.columns]
    if missing:
        raise ValueError(f"The 'claims' parameter of compare is missing the columns {missing}. "
                         f"Got columns {list(claims.columns)} instead.")
    if claims["claim_id"].duplicated().any():
        dup = claims.loc[claims["claim_id"].duplicated(), "claim_id"].iloc[0]
        raise ValueError(f"The 'claims' parameter of compare must have unique claim_id values. Got {dup!r} twice.")
    out = claims.reset_index(drop=True).copy()
    for col in ("attribution", "content", "kind", "date", "doc_id"):
        if col not in out.columns:
            out[col] = "" if col in ("attribution", "content") else None
    out["attribution"] = out["attribution"].fillna("").astype(str)
    return out


def _check_stance_thresholds(value):
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"agree", "contradict"}:
        raise param_error("stance_thresholds", "compare",
                          "a dict with the keys 'agree' and 'contradict' or None", value)
    return {key: check_float(v, f"stance_thresholds[{key!r}]", "compare", min=0, max=1)
            for key, v in sorted(value.items())}


def _reference_mask(claims: pd.DataFrame, reference) -> pd.Series:
    if reference is None:
        return claims["kind"].fillna("").astype(str).str.lower().eq("official")
    if isinstance(reference, pd.Series):
        if reference.dtype != bool or len(reference) != len(claims):
            raise param_error("reference", "compare", "a boolean Series aligned with claims", reference)
        return pd.Series(reference.to_numpy(), index=claims.index)
    names = [reference] if isinstance(reference, str) else list(reference)
    if not all(isinstance(n, str) for n in names):
        raise param_error("reference", "compare", "None, a source or kind name, a list of them, or a boolean Series",
                          reference, TypeError)
    mask = claims["source"].isin(names) | claims["kind"].isin(names)
    unknown = [n for n in names if n not in set(claims["source"]) | set(claims["kind"].dropna())]
    if unknown:
        raise ValueError(f"The 'reference' parameter of compare names no source or kind of the claims: {unknown}. "
                         f"Sources are {sorted(claims['source'].unique())}.")
    return mask


def _describe_reference(reference):
    if reference is None or isinstance(reference, str):
        return reference
    if isinstance(reference, pd.Series):
        return {"mask_true": int(reference.sum())}
    return list(reference)


def claim_texts(claims: pd.DataFrame) -> list[str]:
    """The text each claim is compared by: its content with any attribution
    frame stripped ("no attack took place" for "the ministry said no attack
    took place"), so reported speech is compared as the speaker's claim."""
    content = claims["content"].fillna("").astype(str)
    return [c if c.strip() else t for c, t in zip(content, claims["text"].astype(str))]


def _embed(claims, model, client, show_progress) -> np.ndarray:
    from narrcomp.embeddings import embed

    return embed(claim_texts(claims), model, show_progress=show_progress, client=client)


def _candidate_pairs(claims: pd.DataFrame, embeddings: np.ndarray, k: int):
    """Top-k counterparts of every claim in every other source (no threshold),
    and each claim's best similarity to any other source."""
    from narrcomp.matching import match_embeddings

    ids = claims["claim_id"].to_numpy(dtype=object)
    sources = claims["source"].astype(str).to_numpy(dtype=object)
    is_ref = claims["is_reference"].to_numpy()
    attribution = claims["attribution"].to_numpy(dtype=object)
    best = np.full(len(claims), np.nan)
    frames = []
    groups = {s: np.flatnonzero(sources == s) for s in sorted(set(sources))}
    for s, q in groups.items():
        for t, c in groups.items():
            if s == t:
                continue
            m = match_embeddings(embeddings[q], embeddings[c], k=min(k, len(c)))
            qi = q[m["query_id"].to_numpy(dtype=int)]
            ci = c[m["candidate_id"].to_numpy(dtype=int)]
            scores = m["score"].to_numpy(dtype=float)
            np.fmax.at(best, qi, scores)
            frames.append(pd.DataFrame({
                "claim_id": ids[qi], "match_claim_id": ids[ci], "source": s, "match_source": t,
                "attribution": attribution[qi], "match_attribution": attribution[ci],
                "score": scores.astype(np.float64), "rank": m["rank"].to_numpy(dtype=np.int64),
                "match_is_reference": is_ref[ci], "_order": qi,
            }))
    if not frames:
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in MATCH_COLUMNS})
        return empty, best
    pairs = pd.concat(frames, ignore_index=True)
    pairs = pairs.sort_values(["_order", "match_source", "rank"], kind="mergesort").drop(columns="_order")
    return pairs.reset_index(drop=True), best


def _attach_stance(matches, claims, stance, stance_thresholds, client, show_progress):
    """Stance of each matched pair, computed once per unordered pair (the stance
    model is symmetric) and attached to both directions."""
    from narrcomp.stance import classify_stance

    cols = ["stance", "p_agree", "p_contradict", "p_neutral"]
    if matches.empty:
        out = matches.copy()
        for c in cols:
            out[c] = pd.Series(dtype=object if c == "stance" else float)
        return out[MATCH_COLUMNS]
    text = dict(zip(claims["claim_id"], claims["text"].astype(str)))
    a = matches["claim_id"].to_numpy(dtype=object)
    b = matches["match_claim_id"].to_numpy(dtype=object)
    lo = np.where(a < b, a, b)
    hi = np.where(a < b, b, a)
    unique = pd.DataFrame({"lo": lo, "hi": hi}).drop_duplicates().reset_index(drop=True)
    result = classify_stance([text[i] for i in unique["lo"]], [text[i] for i in unique["hi"]],
                             model=stance, show_progress=show_progress, client=client)
    probs = result[["p_agree", "p_contradict", "p_neutral"]].to_numpy(dtype=float)
    labels = result["label"].to_numpy(dtype=object)
    if stance_thresholds is not None:
        labels = relabel(probs, stance_thresholds)
    unique["stance"] = labels
    unique[["p_agree", "p_contradict", "p_neutral"]] = probs
    keyed = pd.DataFrame({"lo": lo, "hi": hi}).merge(unique, on=["lo", "hi"], how="left")
    out = matches.copy()
    for c in cols:
        out[c] = keyed[c].to_numpy()
    return out[MATCH_COLUMNS]


def relabel(probs: np.ndarray, thresholds: dict) -> np.ndarray:
    """Labels from (agree, contradict, neutral) probabilities and decision thresholds.

    A pair is ``agree`` when p_agree >= thresholds["agree"] and p_agree >
    p_contradict, ``contradict`` when p_contradict >= thresholds["contradict"]
    and p_contradict > p_agree, and ``neutral`` otherwise: weak evidence gives
    neutral, not a coin-flip contradiction.

    Examples
    --------
    >>> relabel(np.array([[0.6, 0.3, 0.1], [0.4, 0.45, 0.15]]), {"agree": 0.5, "contradict": 0.5}).tolist()
    ['agree', 'neutral']
    """
    p_a, p_c = probs[:, 0], probs[:, 1]
    labels = np.full(len(probs), "neutral", dtype=object)
    labels[(p_a >= thresholds["agree"]) & (p_a > p_c)] = "agree"
    labels[(p_c >= thresholds["contradict"]) & (p_c > p_a)] = "contradict"
    return labels


def _model_identities(model, stance) -> dict:
    from narrcomp.embeddings import model_info

    info = {"embedding": _jsonable(model_info(model))}
    from narrcomp.stance import stance_model_info

    info["stance"] = _jsonable(stance_model_info(stance))
    return info


def _jsonable(d: dict) -> dict:
    return {k: (v if isinstance(v, (str, int, float, bool, type(None))) else str(v)) for k, v in d.items()
            if k != "path"}
