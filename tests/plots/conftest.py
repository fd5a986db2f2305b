"""A small hand-built comparison: the OPCW report and two outlets on Douma.

Twelve claims, three sources. The aggregate tables are written out by hand
(the columns follow docs/design.md, "Comparison aggregates") so the plot tests
do not depend on the comparison code; ``FakeComparison`` serves them through
the same method names as ``narrcomp.Comparison``.
"""

from __future__ import annotations

import pandas as pd
import pytest

SCRIPT = "<script>alert(1)</script>"

_CLAIMS = [
    # claim_id, doc_id, source, kind, date, sentence, text, attribution, status
    ("c-o1", "d-opcw", "OPCW", "official", "2019-03-01", 0,
     "Chlorine was likely used as a chemical weapon in Douma on 7 April 2018.", "", "agreed"),
    ("c-o2", "d-opcw", "OPCW", "official", "2019-03-01", 3,
     "Two industrial gas cylinders were found at Locations 2 and 4.", "", "agreed"),
    ("c-o3", "d-opcw", "OPCW", "official", "2019-03-01", 5,
     "No organophosphorous nerve agents were detected in the environmental samples.", "",
     "related"),
    ("c-o4", "d-opcw", "OPCW", "official", "2019-03-01", 8,
     "Witnesses described a strong smell of chlorine inside the building.", "witnesses",
     "contradicted"),
    ("c-a1", "d-a1", "Outlet A", "media", "2018-04-09", 1,
     "Inspectors say chlorine was used as a weapon in Douma.", "inspectors", "agreed"),
    ("c-a2", "d-a1", "Outlet A", "media", "2018-04-09", 2,
     "Two gas cylinders were found at the scene of the attack.", "", "agreed"),
    ("c-a3", "d-a2", "Outlet A", "media", "2018-04-16", 0,
     "Residents reported a strong chlorine smell & burning eyes.", "residents", "contradicted"),
    ("c-a4", "d-a2", "Outlet A", "media", None, 4,
     "Hospital staff treated dozens of patients for breathing problems that night.", "",
     "unmatched"),
    ("c-b1", "d-b1", "Outlet B", "media", "2018-04-10", 0,
     "No chemical attack took place in Douma.", "the Russian Defence Ministry", "contradicted"),
    ("c-b2", "d-b1", "Outlet B", "media", "2018-04-10", 2,
     "The hospital video was staged by <b>activists</b> to provoke air strikes.", "",
     "unmatched"),
    ("c-b3", "d-b2", "Outlet B", "media", "2018-04-20", 1,
     f"Witnesses said they smelled nothing unusual {SCRIPT}.", "witnesses", "contradicted"),
    ("c-b4", "d-b2", "Outlet B", "media", "2018-04-20", 3,
     "The cylinders were placed by hand rather than dropped from the air.", "", "related"),
]

_MATCHES = [
    # claim_id, match_claim_id, score, stance
    ("c-a1", "c-o1", 0.86, "agree"), ("c-o1", "c-a1", 0.86, "agree"),
    ("c-a2", "c-o2", 0.81, "agree"),
    ("c-a3", "c-o4", 0.77, "agree"),
    ("c-b1", "c-o1", 0.64, "contradict"), ("c-b1", "c-a1", 0.61, "contradict"),
    ("c-b3", "c-o4", 0.72, "contradict"), ("c-b3", "c-a3", 0.70, "contradict"),
    ("c-b4", "c-o2", 0.58, "neutral"),
    ("c-o3", "c-b1", 0.41, "neutral"),
]


def _claims() -> pd.DataFrame:
    columns = ["claim_id", "doc_id", "source", "kind", "date", "sentence", "text",
               "attribution", "status"]
    return pd.DataFrame(_CLAIMS, columns=columns)


def _matches(claims: pd.DataFrame) -> pd.DataFrame:
    table = pd.DataFrame(_MATCHES, columns=["claim_id", "match_claim_id", "score", "stance"])
    info = claims.set_index("claim_id")
    p = {"agree": (0.8, 0.1, 0.1), "contradict": (0.1, 0.8, 0.1), "neutral": (0.2, 0.1, 0.7)}
    return table.assign(
        source=table["claim_id"].map(info["source"]),
        match_source=table["match_claim_id"].map(info["source"]),
        attribution=table["claim_id"].map(info["attribution"]),
        match_attribution=table["match_claim_id"].map(info["attribution"]),
        rank=1,
        p_agree=[p[s][0] for s in table["stance"]],
        p_contradict=[p[s][1] for s in table["stance"]],
        p_neutral=[p[s][2] for s in table["stance"]],
    )[["claim_id", "match_claim_id", "source", "match_source", "attribution",
       "match_attribution", "score", "rank", "stance", "p_agree", "p_contradict", "p_neutral"]]


def _agreement() -> pd.DataFrame:
    rows = [  # source, other_source, n_claims, n_agreed, n_contradicted, n_related
        ("OPCW", "Outlet A", 3, 3, 0, 0), ("OPCW", "Outlet B", 3, 0, 2, 1),
        ("Outlet A", "OPCW", 3, 3, 0, 0), ("Outlet A", "Outlet B", 2, 0, 2, 0),
        ("Outlet B", "OPCW", 3, 0, 2, 1), ("Outlet B", "Outlet A", 2, 0, 2, 0),
    ]
    table = pd.DataFrame(rows, columns=["source", "other_source", "n_claims", "n_agreed",
                                        "n_contradicted", "n_related"])
    return table.assign(share_agreed=table.n_agreed / table.n_claims,
                        share_contradicted=table.n_contradicted / table.n_claims)


def _coverage() -> pd.DataFrame:
    rows = [  # reference_claim_id, source, status, claim_id, score
        ("c-o1", "Outlet A", "repeated", "c-a1", 0.86),
        ("c-o1", "Outlet B", "contradicted", "c-b1", 0.64),
        ("c-o2", "Outlet A", "repeated", "c-a2", 0.81),
        ("c-o2", "Outlet B", "repeated", "c-b4", 0.58),
        ("c-o3", "Outlet A", "omitted", None, 0.22),
        ("c-o3", "Outlet B", "omitted", None, 0.41),
        ("c-o4", "Outlet A", "repeated", "c-a3", 0.77),
        ("c-o4", "Outlet B", "contradicted", "c-b3", 0.72),
    ]
    table = pd.DataFrame(rows, columns=["reference_claim_id", "source", "status", "claim_id",
                                        "score"])
    texts = dict(zip(_claims().claim_id, _claims().text))
    return table.assign(reference_source="OPCW",
                        reference_text=table.reference_claim_id.map(texts))


def _divergence() -> pd.DataFrame:
    rows = [("OPCW", 4, 2, 1, 1, 0), ("Outlet A", 4, 2, 1, 0, 1), ("Outlet B", 4, 0, 2, 1, 1)]
    table = pd.DataFrame(rows, columns=["source", "n_claims", "n_agreed", "n_contradicted",
                                        "n_related", "n_unmatched"])
    for status in ("agreed", "contradicted", "related", "unmatched"):
        table[f"share_{status}"] = table[f"n_{status}"] / table["n_claims"]
    table["divergence"] = table.n_contradicted / (table.n_agreed + table.n_contradicted)
    return table


def _narratives() -> pd.DataFrame:
    rows = [  # narrative_id, label, representative, n_claims, n_sources, source, position, ids
        (0, _CLAIMS[0][6], "c-o1", 3, 3, "OPCW", "asserts", ["c-o1"]),
        (0, _CLAIMS[0][6], "c-o1", 3, 3, "Outlet A", "asserts", ["c-a1"]),
        (0, _CLAIMS[0][6], "c-o1", 3, 3, "Outlet B", "contradicts", ["c-b1"]),
        (1, _CLAIMS[10][6], "c-b3", 3, 3, "OPCW", "contradicts", ["c-o4"]),
        (1, _CLAIMS[10][6], "c-b3", 3, 3, "Outlet A", "contradicts", ["c-a3"]),
        (1, _CLAIMS[10][6], "c-b3", 3, 3, "Outlet B", "asserts", ["c-b3"]),
        (2, _CLAIMS[9][6], "c-b2", 1, 1, "OPCW", "silent", []),
        (2, _CLAIMS[9][6], "c-b2", 1, 1, "Outlet A", "silent", []),
        (2, _CLAIMS[9][6], "c-b2", 1, 1, "Outlet B", "asserts", ["c-b2"]),
    ]
    table = pd.DataFrame(rows, columns=["narrative_id", "label", "representative_claim_id",
                                        "n_claims", "n_sources", "source", "position",
                                        "claim_ids"])
    return table.assign(n_source_claims=table.claim_ids.map(len))


def _projection(claims: pd.DataFrame) -> pd.DataFrame:
    xy = {"c-o1": (0.0, 0.0), "c-a1": (0.3, 0.2), "c-b1": (0.6, -0.4), "c-o2": (3.0, 1.0),
          "c-a2": (3.2, 1.3), "c-b4": (2.7, 1.6), "c-o3": (1.5, -2.0), "c-o4": (-2.0, 2.0),
          "c-a3": (-2.2, 2.4), "c-b3": (-1.6, 2.6), "c-a4": (4.0, -2.5), "c-b2": (4.4, -2.0)}
    table = claims[["claim_id", "source", "status", "text", "date", "attribution"]].copy()
    table.insert(1, "x", table.claim_id.map(lambda c: xy[c][0]))
    table.insert(2, "y", table.claim_id.map(lambda c: xy[c][1]))
    return table


def _alignment(claims: pd.DataFrame, matches: pd.DataFrame, doc_id: str,
               against: str | None) -> pd.DataFrame:
    doc = claims[claims.doc_id == doc_id].sort_values("sentence")
    target = against or "OPCW"
    best = matches[matches.match_source == target].drop_duplicates("claim_id")
    table = doc[["claim_id", "sentence", "text", "status"]].merge(
        best[["claim_id", "match_claim_id", "match_source", "score", "stance"]],
        on="claim_id", how="left")
    texts = dict(zip(claims.claim_id, claims.text))
    table["match_text"] = table.match_claim_id.map(texts)
    return table.astype(object).where(table.notna(), None)


class FakeComparison:
    """Duck-typed stand-in for ``narrcomp.Comparison`` (hand-built tables)."""

    def __init__(self):
        self.claims = _claims()
        self.matches = _matches(self.claims)
        self.calls: list[tuple] = []

    def agreement(self, attributed=True):
        self.calls.append(("agreement", attributed))
        return _agreement()

    def source_order(self):
        return ["Outlet B", "OPCW", "Outlet A"]  # deliberately not alphabetical

    def coverage(self):
        return _coverage()

    def divergence(self):
        return _divergence()

    def narratives(self):
        return _narratives()

    def projection(self, method="auto", random_state=0):
        self.calls.append(("projection", method, random_state))
        return _projection(self.claims)

    def alignment(self, source_or_doc_id, against=None):
        self.calls.append(("alignment", source_or_doc_id, against))
        return _alignment(self.claims, self.matches, source_or_doc_id, against)

    def timeline(self):
        return (self.claims.assign(n_claims=1)
                .groupby(["date", "source", "status"], dropna=False, as_index=False)
                ["n_claims"].sum())


@pytest.fixture
def comparison() -> FakeComparison:
    return FakeComparison()
