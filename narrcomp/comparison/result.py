"""The :class:`Comparison` object: computed once by :func:`narrcomp.compare`,
then summarised by its methods and drawn by :mod:`narrcomp.plots`."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from narrcomp._validation import check_bool, check_float, check_int
from narrcomp.comparison import aggregates, narratives as _narratives, persist
from narrcomp.comparison.projection import project, projection_table


@dataclass
class Comparison:
    """Every claim compared with its counterparts in the other sources and the reference.

    Attributes
    ----------
    claims : DataFrame
        The claims table plus ``is_reference``, ``best_other_score`` (best
        similarity to any other source), ``status`` against the reference
        (``agreed``, ``contradicted``, ``related``, ``unmatched``) and
        ``reference_match_id`` (the reference claim that decided it).
    matches : DataFrame
        Matched pairs, both directions: claim_id, match_claim_id, source,
        match_source, attribution, match_attribution, score, rank, stance,
        p_agree, p_contradict, p_neutral, match_is_reference.
    embeddings : ndarray
        float32 (n_claims, d), rows aligned with ``claims``.
    params, models : dict
        What produced it (recorded in the manifest).

    Examples
    --------
    >>> comparison = narrcomp.compare(claims)              # doctest: +SKIP
    >>> comparison.divergence()                            # doctest: +SKIP
    >>> comparison.save("out/douma")                       # doctest: +SKIP
    """

    claims: pd.DataFrame
    matches: pd.DataFrame
    embeddings: np.ndarray
    params: dict
    models: dict
    manifest: dict | None = None
    _projection_cache: dict = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        counts = self.claims["status"].value_counts()
        summary = ", ".join(f"{s} {int(counts.get(s, 0))}" for s in ("agreed", "contradicted", "related",
                                                                      "unmatched"))
        return (f"<Comparison: {len(self.claims)} claims from {self.claims['source'].nunique()} sources, "
                f"{len(self.matches)} matched pairs; against the reference: {summary}>")

    @property
    def threshold(self) -> float:
        return float(self.params["threshold"])

    @property
    def reference_sources(self) -> list[str]:
        return sorted(self.claims.loc[self.claims["is_reference"], "source"].astype(str).unique())

    def agreement(self, attributed: bool = True) -> pd.DataFrame:
        """Source x source agreement (long form); see :func:`aggregates.agreement`."""
        check_bool(attributed, "attributed", "agreement")
        return aggregates.agreement(self.claims, self.matches, self.threshold, attributed)

    def source_order(self) -> list[str]:
        """Sources ordered by similarity of their agreement profiles."""
        return aggregates.source_order(self.agreement())

    def coverage(self) -> pd.DataFrame:
        """Reference findings x sources: repeated / contradicted / omitted."""
        return aggregates.coverage(self.claims, self.matches, self.threshold)

    def unique(self, attributed: bool = True) -> pd.DataFrame:
        """Claims that no other source makes."""
        check_bool(attributed, "attributed", "unique")
        return aggregates.unique(self.claims, self.threshold, attributed)

    def divergence(self, attributed: bool = True) -> pd.DataFrame:
        """Per source: statuses against the reference and the divergence score."""
        check_bool(attributed, "attributed", "divergence")
        return aggregates.divergence(self.claims, attributed)

    def narratives(self, duplicate_threshold: float = _narratives.DEFAULT_DUPLICATE_THRESHOLD,
                   min_sources: int = 2, attributed: bool = True) -> pd.DataFrame:
        """Narratives x sources: asserts / contradicts / silent; see :mod:`narrcomp.comparison.narratives`."""
        duplicate_threshold = check_float(duplicate_threshold, "duplicate_threshold", "narratives", min=-1, max=1)
        min_sources = check_int(min_sources, "min_sources", "narratives", min=1)
        check_bool(attributed, "attributed", "narratives")
        return _narratives.narratives(self.claims, self.matches, self.embeddings,
                                      duplicate_threshold=duplicate_threshold, min_sources=min_sources,
                                      attributed=attributed)

    def projection(self, method: str = "auto", random_state: int = 0) -> pd.DataFrame:
        """Claims in 2-D (UMAP with a fixed random_state, or PCA) with hover columns."""
        key = (method, random_state)
        if key not in self._projection_cache:
            coords, used = project(self.embeddings, method=method, random_state=random_state)
            table = projection_table(self.claims, coords)
            table.attrs["method"] = used
            self._projection_cache[key] = table
        return self._projection_cache[key].copy()

    def alignment(self, source_or_doc_id: str, against: str | None = None) -> pd.DataFrame:
        """One document (doc_id or source) in reading order beside its counterparts."""
        return aggregates.alignment(self.claims, self.matches, source_or_doc_id, against, threshold=self.threshold)

    def timeline(self) -> pd.DataFrame:
        """Claims per date, source and status."""
        return aggregates.timeline(self.claims)

    def contradicted(self) -> pd.DataFrame:
        """Claims contradicted by the reference, with the reference claim beside them."""
        text = dict(zip(self.claims["claim_id"], self.claims["text"]))
        src = dict(zip(self.claims["claim_id"], self.claims["source"]))
        out = self.claims[self.claims["status"] == "contradicted"].copy()
        out["reference_text"] = out["reference_match_id"].map(text)
        out["reference_source"] = out["reference_match_id"].map(src)
        return out.reset_index(drop=True)

    def save(self, folder) -> "Path":  # noqa: F821
        """Write Parquet tables, embeddings.npy and manifest.json into ``folder``."""
        return persist.save(self, folder)


def load_comparison(folder) -> Comparison:
    """Load a comparison written by :meth:`Comparison.save`.

    Examples
    --------
    >>> comparison = narrcomp.load_comparison("out/douma")   # doctest: +SKIP
    """
    return persist.load(folder)
