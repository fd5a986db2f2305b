import pandas as pd

from narrcomp.comparison.statuses import decide_status


def test_status_against_reference_computed_by_hand(toy):
    status = dict(zip(toy.claims["claim_id"], toy.claims["status"]))
    # a1 agrees with o1; a2's best non-neutral reference counterpart contradicts it;
    # a3 has no counterpart; b1 contradicts o2; b2 agrees with o1.
    assert status["a1"] == "agreed"
    assert status["a2"] == "contradicted"
    assert status["a3"] == "unmatched"
    assert status["b1"] == "contradicted"
    assert status["b2"] == "agreed"
    # Reference claims are judged against other reference sources: there is only one here.
    assert status["o1"] == status["o2"] == status["o3"] == "unmatched"


def test_neutral_only_gives_related_and_threshold_cuts():
    pairs = pd.DataFrame({"claim_id": ["x", "x"], "match_claim_id": ["r1", "r2"], "score": [0.6, 0.4],
                          "stance": ["neutral", "contradict"]})
    assert decide_status(pairs, ["x"], threshold=0.5)["status"].tolist() == ["related"]
    assert decide_status(pairs, ["x"], threshold=0.3)["status"].tolist() == ["contradicted"]
    assert decide_status(pairs, ["x"], threshold=0.7)["status"].tolist() == ["unmatched"]
