"""Aggregates of a comparison, as DataFrames (pure functions of its tables).

Every function takes the comparison's ``claims`` (with ``status`` and
``is_reference``) and ``matches`` tables plus the similarity ``threshold`` and
returns a new table; :class:`narrcomp.Comparison` exposes them as
methods. ``attributed=False`` leaves out claims that an outlet attributes to
someone else (reported speech), so a source is judged only on what it asserts
itself.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrcomp.comparison.statuses import STATUSES, decide_status


def own_claims(claims: pd.DataFrame, attributed: bool) -> pd.DataFrame:
    """The claims to count: all, or only those without an attribution."""
    if attributed:
        return claims
    return claims[claims["attribution"].fillna("").astype(str).str.strip() == ""]


def agreement(claims, matches, threshold, attributed=True) -> pd.DataFrame:
    """Source x source agreement in long form.

    One row per ordered pair (source, other_source): of the claims of
    ``source`` that have a counterpart in ``other_source`` (n_claims), how many
    agree with it, contradict it or are only related (status rule of
    :mod:`narrcomp.comparison.statuses`), with shares of n_claims.
    """
    kept = own_claims(claims, attributed)
    pairs = matches[matches["claim_id"].isin(kept["claim_id"])]
    per = decide_status(pairs, list(kept["claim_id"]), threshold=threshold, by=("match_source",))
    per = per.merge(kept[["claim_id", "source"]], on="claim_id", how="left")
    sources = sorted(claims["source"].astype(str).unique())
    rows = []
    for s in sources:
        for t in sources:
            if s == t:
                continue
            sub = per[(per["source"] == s) & (per["match_source"] == t)]
            n = len(sub)
            counts = sub["status"].value_counts()
            n_a, n_c, n_r = (int(counts.get(x, 0)) for x in ("agreed", "contradicted", "related"))
            rows.append((s, t, n, n_a, n_c, n_r, n_a / n if n else 0.0, n_c / n if n else 0.0))
    return pd.DataFrame(rows, columns=["source", "other_source", "n_claims", "n_agreed", "n_contradicted",
                                       "n_related", "share_agreed", "share_contradicted"])


def source_order(agreement_table: pd.DataFrame) -> list[str]:
    """Sources ordered so that sources with similar agreement profiles sit together.

    Each source's profile is its row of (share_agreed - share_contradicted)
    against every other source; the order is the leaf order of an average-linkage
    clustering of the profiles (optimal leaf ordering), which is deterministic.
    """
    from scipy.cluster.hierarchy import leaves_list, linkage

    sources = sorted(set(agreement_table["source"]) | set(agreement_table["other_source"]))
    if len(sources) < 3:
        return sources
    net = agreement_table.assign(net=agreement_table["share_agreed"] - agreement_table["share_contradicted"])
    profile = net.pivot(index="source", columns="other_source", values="net").reindex(index=sources,
                                                                                     columns=sources)
    values = profile.fillna(0.0).to_numpy(copy=True)
    np.fill_diagonal(values, 1.0)
    tree = linkage(values, method="average", metric="euclidean", optimal_ordering=True)
    return [sources[i] for i in leaves_list(tree)]


def coverage(claims, matches, threshold) -> pd.DataFrame:
    """Which reference findings each other source repeats, contradicts or omits.

    One row per (reference claim, non-reference source). ``repeated`` and
    ``contradicted`` follow the status rule; a finding the source only touches
    (neutral counterparts) or does not touch at all is ``omitted``; claim_id and
    score then name the nearest counterpart, if any.
    """
    ref = claims[claims["is_reference"]]
    others = sorted(claims.loc[~claims["is_reference"], "source"].astype(str).unique())
    pairs = matches[matches["claim_id"].isin(ref["claim_id"]) & matches["match_source"].isin(others)]
    per = decide_status(pairs, list(ref["claim_id"]), threshold=threshold, by=("match_source",))
    per = per.set_index(["claim_id", "match_source"])
    rows = []
    for cid, rsource, rtext in ref[["claim_id", "source", "text"]].itertuples(index=False):
        for s in others:
            if (cid, s) in per.index:
                hit = per.loc[(cid, s)]
                status = {"agreed": "repeated", "contradicted": "contradicted"}.get(hit["status"], "omitted")
                rows.append((cid, rsource, rtext, s, status, hit["match_claim_id"], float(hit["score"])))
            else:
                rows.append((cid, rsource, rtext, s, "omitted", None, np.nan))
    return pd.DataFrame(rows, columns=["reference_claim_id", "reference_source", "reference_text", "source",
                                       "status", "claim_id", "score"])


def unique(claims, threshold, attributed=True) -> pd.DataFrame:
    """Claims no other source makes: no counterpart in any other source with
    similarity >= threshold (best_score is the best similarity found)."""
    kept = own_claims(claims, attributed)
    best = kept["best_other_score"].astype(float)
    out = kept[best.isna() | (best < threshold)].rename(columns={"best_other_score": "best_score"})
    return out.reset_index(drop=True)


def divergence(claims, attributed=True) -> pd.DataFrame:
    """One row per source: its claims' statuses against the reference, as counts
    and shares, and ``divergence = n_contradicted / (n_agreed + n_contradicted)``
    (0 when the source takes no stance on the reference): the share of the
    source's stance-taking claims that contradict the official record."""
    kept = own_claims(claims, attributed)
    rows = []
    for s in sorted(claims["source"].astype(str).unique()):
        sub = kept[kept["source"] == s]
        counts = sub["status"].value_counts()
        n = len(sub)
        c = [int(counts.get(x, 0)) for x in STATUSES]
        shares = [x / n if n else 0.0 for x in c]
        decided = c[0] + c[1]
        rows.append((s, n, *c, *shares, c[1] / decided if decided else 0.0))
    return pd.DataFrame(rows, columns=["source", "n_claims", "n_agreed", "n_contradicted", "n_related",
                                       "n_unmatched", "share_agreed", "share_contradicted", "share_related",
                                       "share_unmatched", "divergence"])


def timeline(claims) -> pd.DataFrame:
    """Claims per (date, source, status); claims without a date are left out."""
    dated = claims[claims["date"].notna() & (claims["date"].astype(str) != "")]
    out = (dated.groupby(["date", "source", "status"], sort=True).size().rename("n_claims").reset_index())
    return out


def alignment(claims, matches, key, against=None, *, threshold) -> pd.DataFrame:
    """One document (``key`` = doc_id or source name) in reading order, each
    claim beside the counterpart that decides its status in the reference
    (``against=None``) or in the source ``against``."""
    doc = claims[(claims["doc_id"] == key) | (claims["source"] == key)]
    if doc.empty:
        raise ValueError(f"The 'key' parameter of alignment must be a doc_id or source of the comparison. "
                         f"Got {key!r} instead.")
    order = [c for c in ("doc_id", "start", "sentence") if c in doc.columns and doc[c].notna().all()]
    doc = doc.sort_values(order, kind="mergesort") if order else doc
    pairs = matches[matches["match_is_reference"]] if against is None else matches[matches["match_source"] == against]
    pairs = pairs[pairs["claim_id"].isin(doc["claim_id"])]
    decided = decide_status(pairs, list(doc["claim_id"]), threshold=threshold).set_index("claim_id")
    stance = {(a, b): s for a, b, s in pairs[["claim_id", "match_claim_id", "stance"]].itertuples(index=False)}
    text = dict(zip(claims["claim_id"], claims["text"]))
    source = dict(zip(claims["claim_id"], claims["source"]))
    rows = []
    for row in doc.itertuples(index=False):
        hit = decided.loc[row.claim_id]
        mid = hit["match_claim_id"]
        has = isinstance(mid, str)
        rows.append((row.claim_id, getattr(row, "sentence", None), row.text, hit["status"],
                     mid if has else None, source[mid] if has else None, text[mid] if has else None,
                     float(hit["score"]) if has else np.nan, stance.get((row.claim_id, mid)) if has else None))
    return pd.DataFrame(rows, columns=["claim_id", "sentence", "text", "status", "match_claim_id", "match_source",
                                       "match_text", "score", "stance"])
