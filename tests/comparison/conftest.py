"""A three-source toy comparison, built by hand so every aggregate can be checked by hand.

Sources: OPCW (official, the reference), Outlet A, Outlet B.

    o1 "Chlorine was used as a weapon in Douma."        (OPCW)
    o2 "The cylinders were dropped from helicopters."    (OPCW)
    o3 "No nerve agent was found."                       (OPCW)
    a1 "Chlorine gas was used in the Douma attack."      (A)  agrees with o1 (0.90), agrees with b2 (0.80)
    a2 "The attack in Douma was staged."                 (A)  contradicts o1 (0.70), related to o2 (0.60)
    a3 "The weather was cold."                           (A)  nothing
    b1 "Helicopters did not drop the cylinders."         (B)  contradicts o2 (0.85); attributed to "the ministry"
    b2 "A chlorine attack took place in Douma."          (B)  agrees with o1 (0.88), agrees with a1 (0.80)
"""

import numpy as np
import pandas as pd
import pytest

from narrcomp.comparison.result import Comparison
from narrcomp.comparison.statuses import decide_status


def _claims():
    rows = [
        ("o1", "OPCW", "official", "2019-03-01", "Chlorine was used as a weapon in Douma.", ""),
        ("o2", "OPCW", "official", "2019-03-01", "The cylinders were dropped from helicopters.", ""),
        ("o3", "OPCW", "official", "2019-03-01", "No nerve agent was found.", ""),
        ("a1", "Outlet A", "media", "2018-04-10", "Chlorine gas was used in the Douma attack.", ""),
        ("a2", "Outlet A", "media", "2018-04-10", "The attack in Douma was staged.", ""),
        ("a3", "Outlet A", "media", "2018-04-11", "The weather was cold.", ""),
        ("b1", "Outlet B", "media", "2020-01-01", "Helicopters did not drop the cylinders.", "the ministry"),
        ("b2", "Outlet B", "media", "2020-01-01", "A chlorine attack took place in Douma.", ""),
    ]
    df = pd.DataFrame(rows, columns=["claim_id", "source", "kind", "date", "text", "attribution"])
    df["doc_id"] = df["source"].map({"OPCW": "d-o", "Outlet A": "d-a", "Outlet B": "d-b"})
    df["start"] = range(len(df))
    df["sentence"] = range(len(df))
    df["content"] = df["text"]
    df["is_reference"] = df["kind"] == "official"
    return df


# (claim, match, score, stance): each undirected pair once; both directions are added below.
PAIRS = [
    ("a1", "o1", 0.90, "agree"),
    ("a1", "b2", 0.80, "agree"),
    ("a2", "o1", 0.70, "contradict"),
    ("a2", "o2", 0.60, "neutral"),
    ("b1", "o2", 0.85, "contradict"),
    ("b2", "o1", 0.88, "agree"),
]
THRESHOLD = 0.5


def _matches(claims):
    src = dict(zip(claims["claim_id"], claims["source"]))
    att = dict(zip(claims["claim_id"], claims["attribution"]))
    ref = dict(zip(claims["claim_id"], claims["is_reference"]))
    rows = []
    for a, b, score, stance in PAIRS:
        for x, y in ((a, b), (b, a)):
            p = {"agree": (0.8, 0.1, 0.1), "contradict": (0.1, 0.8, 0.1), "neutral": (0.2, 0.2, 0.6)}[stance]
            rows.append((x, y, src[x], src[y], att[x], att[y], score, 1, stance, *p, ref[y]))
    return pd.DataFrame(rows, columns=["claim_id", "match_claim_id", "source", "match_source", "attribution",
                                       "match_attribution", "score", "rank", "stance", "p_agree", "p_contradict",
                                       "p_neutral", "match_is_reference"])


@pytest.fixture
def toy():
    claims = _claims()
    matches = _matches(claims)
    best = matches.groupby("claim_id")["score"].max()
    claims["best_other_score"] = claims["claim_id"].map(best)
    status = decide_status(matches[matches["match_is_reference"]], list(claims["claim_id"]), threshold=THRESHOLD)
    claims["status"] = status["status"].to_numpy()
    claims["reference_match_id"] = status["match_claim_id"].to_numpy()
    rng = np.random.default_rng(0)
    emb = rng.normal(size=(len(claims), 8)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    return Comparison(claims=claims, matches=matches, embeddings=emb,
                      params={"threshold": THRESHOLD, "k": 3, "reference": None, "stance_thresholds": None},
                      models={"embedding": {"name": "toy"}, "stance": {"name": "toy"}})
