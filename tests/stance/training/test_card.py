"""Model card helpers: the chain of training stages."""

from __future__ import annotations

from narrcomp.stance.training.card import run_chain


def test_run_chain_unnests_earlier_stages_in_order():
    stage1 = {"command": "train stage 1"}
    stage2 = {"command": "train stage 2", "base_run_manifest": stage1}
    stage3 = {"command": "train stage 3", "base_run_manifest": stage2}
    assert [m["command"] for m in run_chain(stage3)] == ["train stage 1", "train stage 2",
                                                         "train stage 3"]
    assert run_chain(stage1) == [stage1]
