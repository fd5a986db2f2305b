import pandas as pd
import pytest


def _row(table, source, other):
    return table[(table["source"] == source) & (table["other_source"] == other)].iloc[0]


def test_agreement_counts_by_hand(toy):
    table = toy.agreement()
    assert len(table) == 6  # ordered pairs of 3 sources
    a_opcw = _row(table, "Outlet A", "OPCW")
    # a1 agreed (o1), a2 contradicted (o1 beats the neutral o2); a3 has no counterpart.
    assert (a_opcw.n_claims, a_opcw.n_agreed, a_opcw.n_contradicted, a_opcw.n_related) == (2, 1, 1, 0)
    assert a_opcw.share_agreed == pytest.approx(0.5)
    opcw_a = _row(table, "OPCW", "Outlet A")
    # o1 <- a1 (agree, 0.90) beats a2 (contradict, 0.70): agreed; o2 <- a2 neutral: related.
    assert (opcw_a.n_claims, opcw_a.n_agreed, opcw_a.n_contradicted, opcw_a.n_related) == (2, 1, 0, 1)
    b_opcw = _row(table, "Outlet B", "OPCW")
    assert (b_opcw.n_claims, b_opcw.n_agreed, b_opcw.n_contradicted) == (2, 1, 1)


def test_agreement_without_attributed_claims(toy):
    b_opcw = _row(toy.agreement(attributed=False), "Outlet B", "OPCW")
    # b1 is the ministry's claim reported by B: left out.
    assert (b_opcw.n_claims, b_opcw.n_agreed, b_opcw.n_contradicted) == (1, 1, 0)


def test_divergence_by_hand(toy):
    div = toy.divergence().set_index("source")
    a = div.loc["Outlet A"]
    assert (a.n_claims, a.n_agreed, a.n_contradicted, a.n_related, a.n_unmatched) == (3, 1, 1, 0, 1)
    assert a.divergence == pytest.approx(0.5)
    assert a.share_unmatched == pytest.approx(1 / 3)
    b = toy.divergence(attributed=False).set_index("source").loc["Outlet B"]
    assert (b.n_claims, b.divergence) == (1, 0.0)


def test_coverage_by_hand(toy):
    cov = toy.coverage().set_index(["reference_claim_id", "source"])["status"]
    assert cov[("o1", "Outlet A")] == "repeated"
    assert cov[("o1", "Outlet B")] == "repeated"
    assert cov[("o2", "Outlet A")] == "omitted"       # only a neutral counterpart
    assert cov[("o2", "Outlet B")] == "contradicted"
    assert cov[("o3", "Outlet A")] == "omitted"
    assert len(cov) == 6


def test_unique_claims(toy):
    assert toy.unique()["claim_id"].tolist() == ["o3", "a3"]


def test_source_order_is_a_permutation(toy):
    order = toy.source_order()
    assert sorted(order) == ["OPCW", "Outlet A", "Outlet B"]
    assert order == toy.source_order()


def test_alignment_reads_the_document_in_order(toy):
    table = toy.alignment("Outlet A")
    assert table["claim_id"].tolist() == ["a1", "a2", "a3"]
    assert table["match_claim_id"].tolist()[:2] == ["o1", "o1"]
    assert table["stance"].tolist()[:2] == ["agree", "contradict"]
    assert pd.isna(table["match_claim_id"].iloc[2])
    with pytest.raises(ValueError, match="must be a doc_id or source"):
        toy.alignment("Outlet Z")


def test_timeline_counts(toy):
    tl = toy.timeline()
    assert tl["n_claims"].sum() == 8
    assert tl[(tl["source"] == "Outlet A") & (tl["date"] == "2018-04-10")]["n_claims"].sum() == 2


def test_contradicted_table_names_the_reference_claim(toy):
    table = toy.contradicted().set_index("claim_id")
    assert table.loc["a2", "reference_text"] == "Chlorine was used as a weapon in Douma."
    assert table.loc["b1", "reference_source"] == "OPCW"
