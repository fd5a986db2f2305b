"""compare() on small real sentences with the real default models."""

import pytest


def _claim(comparison, fragment):
    rows = comparison.claims[comparison.claims["text"].str.contains(fragment, regex=False)]
    assert len(rows) == 1, fragment
    return rows.iloc[0]


def test_unrelated_claim_is_unmatched_and_unique(tiny_comparison):
    weather = _claim(tiny_comparison, "weather in Damascus")
    assert weather["status"] == "unmatched"
    assert weather["claim_id"] in set(tiny_comparison.unique()["claim_id"])


def test_matched_claim_finds_its_counterpart(tiny_comparison):
    chlorine = _claim(tiny_comparison, "Chlorine was used as a weapon in Douma, witnesses said")
    opcw = _claim(tiny_comparison, "reasonable grounds to believe that chlorine")
    m = tiny_comparison.matches
    best = m[(m["claim_id"] == chlorine["claim_id"]) & (m["match_source"] == "OPCW FFM")].sort_values("rank")
    assert best.iloc[0]["match_claim_id"] == opcw["claim_id"]
    assert best.iloc[0]["score"] > 0.6


def test_paraphrase_of_the_finding_is_agreed(tiny_comparison):
    chlorine = _claim(tiny_comparison, "Chlorine was used as a weapon in Douma, witnesses said")
    assert chlorine["status"] == "agreed"


def test_reported_speech_is_kept_apart(tiny_comparison):
    denial = _claim(tiny_comparison, "no chemical attack took place")
    assert denial["attribution"].lower() == "the ministry"
    assert denial["content"].startswith("no chemical attack took place")
    m = tiny_comparison.matches
    rows = m[m["claim_id"] == denial["claim_id"]]
    assert (rows["attribution"].str.lower() == "the ministry").all()
    back = m[m["match_claim_id"] == denial["claim_id"]]
    assert (back["match_attribution"].str.lower() == "the ministry").all()
    # Without attributed claims the ministry's tally loses that claim.
    with_att = tiny_comparison.divergence().set_index("source").loc["Ministry", "n_claims"]
    without = tiny_comparison.divergence(attributed=False).set_index("source").loc["Ministry", "n_claims"]
    assert without == with_att - 1


def test_stance_is_symmetric_in_the_match_table(tiny_comparison):
    m = tiny_comparison.matches.set_index(["claim_id", "match_claim_id"])
    for (a, b), row in m.iterrows():
        if (b, a) in m.index:
            assert m.loc[(b, a), "stance"] == row["stance"]
            assert m.loc[(b, a), "p_agree"] == pytest.approx(row["p_agree"])


def test_reference_must_exist(tiny_comparison):
    import narrcomp

    with pytest.raises(ValueError, match="names no source or kind"):
        narrcomp.compare(tiny_comparison.claims[["claim_id", "source", "text", "kind"]], reference="UN")
