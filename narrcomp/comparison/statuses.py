"""How matched pairs become statuses.

A claim's status against a set of counterparts (the reference, or one other
source) is decided by one documented rule, :func:`decide_status`:

* look at the counterparts whose similarity ``score >= threshold``, best first;
* the status is the stance of the first of them whose stance is not neutral:
  ``agree`` -> ``agreed``, ``contradict`` -> ``contradicted``;
* if all of them are neutral the claim is ``related`` (similar, neither);
* if there are none it is ``unmatched`` (an omission, or a claim unique to its
  source).

Taking the best-scoring *non-neutral* counterpart means a claim that is echoed
loosely by one passage and denied outright by another is reported as
contradicted, which is what a researcher looking for divergence needs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

STATUSES = ("agreed", "contradicted", "related", "unmatched")
_STANCE_TO_STATUS = {"agree": "agreed", "contradict": "contradicted"}


def decide_status(pairs: pd.DataFrame, claim_ids, *, threshold: float, by=()) -> pd.DataFrame:
    """Status of each claim against the counterparts listed in ``pairs``.

    Parameters
    ----------
    pairs : DataFrame
        Match rows with at least claim_id, match_claim_id, score, stance, and
        the columns named in ``by``.
    claim_ids : sequence of str
        Every claim to decide for (claims without any pair are ``unmatched``).
    threshold : float
        Minimum similarity for a counterpart to count.
    by : tuple of str
        Extra grouping columns (e.g. ``("match_source",)`` for a status per
        other source). With ``by`` the result has one row per claim and group
        value present in ``pairs``; claims with no pair in a group are absent.

    Returns
    -------
    DataFrame
        claim_id, *by, status, match_claim_id (the deciding counterpart or
        None), score.

    Examples
    --------
    >>> pairs = pd.DataFrame({"claim_id": ["a", "a"], "match_claim_id": ["x", "y"],
    ...                       "score": [0.9, 0.8], "stance": ["neutral", "contradict"]})
    >>> decide_status(pairs, ["a", "b"], threshold=0.5)[["claim_id", "status"]].values.tolist()
    [['a', 'contradicted'], ['b', 'unmatched']]
    """
    by = list(by)
    keep = pairs[pairs["score"] >= threshold]
    keep = keep.sort_values(["claim_id", *by, "score", "match_claim_id"],
                            ascending=[True] * (1 + len(by)) + [False, True], kind="mergesort")
    rows = []
    for key, group in keep.groupby(["claim_id", *by], sort=True, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        decisive = group[group["stance"] != "neutral"]
        if len(decisive):
            first = decisive.iloc[0]
            status = _STANCE_TO_STATUS[first["stance"]]
        else:
            first = group.iloc[0]
            status = "related"
        rows.append((*key, status, first["match_claim_id"], float(first["score"])))
    out = pd.DataFrame(rows, columns=["claim_id", *by, "status", "match_claim_id", "score"])
    if not by:
        missing = pd.Index(pd.unique(np.asarray(list(claim_ids), dtype=object))).difference(out["claim_id"])
        extra = pd.DataFrame({"claim_id": list(missing), "status": "unmatched",
                              "match_claim_id": None, "score": np.nan})
        out = pd.concat([out, extra], ignore_index=True) if len(extra) else out
        order = {c: i for i, c in enumerate(claim_ids)}
        out = out.sort_values("claim_id", key=lambda s: s.map(order), kind="mergesort").reset_index(drop=True)
    return out
