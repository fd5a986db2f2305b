"""Narratives: who tells which story, and who denies it.

A narrative is a group of claims, from any sources, that say the same thing.
Claims are joined when their pair was matched (similarity >= the comparison's
threshold) and judged ``agree`` by the stance model, or when they are near
duplicates (similarity >= ``duplicate_threshold``, default 0.85) not judged
``contradict``; narratives are the connected components of that graph
(deterministic: no random initialisation, components numbered by size).

For each narrative and source the source's position is:

* ``asserts``: the source makes at least one claim of the narrative;
* ``contradicts``: it makes none, but at least one of its claims was judged to
  contradict a claim of the narrative;
* ``silent``: neither.

By default only narratives told by at least ``min_sources`` (2) sources or
contradicted by at least one source are returned: a claim that one source makes
and nobody engages with is listed by :meth:`Comparison.unique` instead.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

DEFAULT_DUPLICATE_THRESHOLD = 0.85
COLUMNS = ["narrative_id", "label", "representative_claim_id", "n_claims", "n_sources", "source", "position",
           "n_source_claims", "claim_ids"]


def narratives(claims: pd.DataFrame, matches: pd.DataFrame, embeddings: np.ndarray, *,
               duplicate_threshold: float = DEFAULT_DUPLICATE_THRESHOLD, min_sources: int = 2,
               attributed: bool = True) -> pd.DataFrame:
    """Group claims into narratives; see the module docstring for the rule."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    if not attributed:
        own = claims["attribution"].fillna("").astype(str).str.strip() == ""
        keep_ids = set(claims.loc[own, "claim_id"])
    else:
        keep_ids = set(claims["claim_id"])
    index = {cid: i for i, cid in enumerate(claims["claim_id"])}
    m = matches[matches["claim_id"].isin(keep_ids) & matches["match_claim_id"].isin(keep_ids)]
    joined = (m["stance"] == "agree") | ((m["score"] >= duplicate_threshold) & (m["stance"] != "contradict"))
    edges = m[joined]
    n = len(claims)
    rows = edges["claim_id"].map(index).to_numpy(dtype=int)
    cols = edges["match_claim_id"].map(index).to_numpy(dtype=int)
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, component = connected_components(graph, directed=False)

    sources = sorted(claims["source"].astype(str).unique())
    source_of = claims["source"].astype(str).to_numpy()
    ids = claims["claim_id"].to_numpy(dtype=object)
    contra = m[m["stance"] == "contradict"]
    groups = []
    for comp in np.unique(component):
        members = np.flatnonzero(component == comp)
        members = np.array([i for i in members if ids[i] in keep_ids], dtype=int)
        if len(members) == 0:
            continue
        member_ids = set(ids[members])
        asserting = {s: [ids[i] for i in members if source_of[i] == s] for s in sources}
        against = contra[contra["match_claim_id"].isin(member_ids)]
        contradicting = set(against["source"]) - {s for s, c in asserting.items() if c}
        n_sources = sum(1 for c in asserting.values() if c)
        if n_sources < min_sources and not contradicting:
            continue
        rep = _representative(members, embeddings)
        groups.append((n_sources, len(members), ids[rep], members, asserting, contradicting, against))
    groups.sort(key=lambda g: (-g[0], -g[1], index[g[2]]))
    text = dict(zip(claims["claim_id"], claims["text"].astype(str)))
    out = []
    width = max(2, len(str(len(groups))))
    for number, (n_src, n_cl, rep_id, members, asserting, contradicting, against) in enumerate(groups, 1):
        nid = f"N{number:0{width}d}"
        for s in sources:
            if asserting[s]:
                position, cids = "asserts", asserting[s]
            elif s in contradicting:
                position, cids = "contradicts", sorted(set(against.loc[against["source"] == s, "claim_id"]),
                                                         key=index.get)
            else:
                position, cids = "silent", []
            out.append((nid, text[rep_id], rep_id, n_cl, n_src, s, position, len(cids), list(cids)))
    return pd.DataFrame(out, columns=COLUMNS)


def _representative(members: np.ndarray, embeddings: np.ndarray) -> int:
    """The medoid: the member with the highest mean cosine to the others (first on ties)."""
    if len(members) <= 2:
        return int(members[0])
    vecs = embeddings[members]
    sims = vecs @ vecs.T
    return int(members[int(np.argmax(sims.mean(axis=1)))])
