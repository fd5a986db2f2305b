def test_narratives_by_hand(toy):
    table = toy.narratives()
    # o1, a1, b2 agree with each other: one narrative told by three sources.
    first = table[table["narrative_id"] == table["narrative_id"].iloc[0]].set_index("source")
    assert first["n_sources"].iloc[0] == 3
    assert set(first["position"]) == {"asserts"}
    assert sorted(sum(first["claim_ids"].tolist(), [])) == ["a1", "b2", "o1"]
    # o2 alone, contradicted by B (b1): kept, with B contradicting, A silent (only a neutral pair).
    ids = table.groupby("narrative_id")["representative_claim_id"].first()
    o2 = table[table["narrative_id"] == ids[ids == "o2"].index[0]].set_index("source")["position"]
    assert o2.to_dict() == {"OPCW": "asserts", "Outlet A": "silent", "Outlet B": "contradicts"}
    # a2 alone is contradicted by OPCW (o1 contradicts it).
    a2 = table[table["narrative_id"] == ids[ids == "a2"].index[0]].set_index("source")["position"]
    assert a2["OPCW"] == "contradicts"
    # Nothing engages with a3 or o3: not a narrative.
    assert not {"a3", "o3"} & set(ids)


def test_narratives_are_deterministic(toy):
    assert toy.narratives().equals(toy.narratives())
