"""Augmentation rewrites on real news-style claims."""

from __future__ import annotations

import numpy as np
import pandas as pd

from narrcomp.stance.training.augment import (antonym, attribute, augment_pairs, change_numbers,
                                              contradict_rewrite, deny, negate, swap_actors)

CLAIM = "The Dutch Safety Board said the Buk missile was fired on 17 July 2014."


def rng(seed=0):
    return np.random.default_rng(seed)


def test_negate_adds_or_removes_negation():
    assert negate("The convoy was hit by an air strike.", rng()) == \
        "The convoy was not hit by an air strike."
    assert negate("The convoy was not hit by an air strike.", rng()) == \
        "The convoy was hit by an air strike."
    assert negate("Investigators traced the launcher to Kursk.", rng()) is None


def test_change_numbers_gives_an_incompatible_value():
    changed = change_numbers("At least 298 people died.", rng())
    assert changed != "At least 298 people died." and "298" not in changed
    year = change_numbers("It happened in 2014.", rng(3))
    assert "2014" not in year and year.startswith("It happened in 20")


def test_swap_actors_exchanges_two_names():
    outs = {swap_actors("Russia accused Ukraine of shelling the convoy.", rng(seed))
            for seed in range(10)}
    assert outs == {"Ukraine accused Russia of shelling the convoy.", None}
    replaced = {swap_actors("Russia shelled the convoy.", rng(seed), ["Syria"]) for seed in range(5)}
    assert replaced == {"Syria shelled the convoy."}


def test_antonym_and_frames():
    assert antonym("Officials confirmed the report.", rng()) == "Officials denied the report."
    denial = deny("The attack was real.", rng())
    assert "attack was real" in denial and denial != "The attack was real."
    said = attribute("The attack was real.", rng())
    assert "the attack was real" in said.lower()


def test_contradict_rewrite_changes_content_deterministically():
    first = contradict_rewrite(CLAIM, rng(5), ["Kremlin"])
    assert first and first != CLAIM
    assert first == contradict_rewrite(CLAIM, rng(5), ["Kremlin"])


def test_augment_pairs_labels_and_both_positions():
    agree = pd.DataFrame({"a": [CLAIM, "Navalny was poisoned with Novichok in August 2020."] * 10,
                          "b": ["A Buk was launched on 17 July 2014, Dutch investigators found.",
                                "Navalny fell ill after Novichok poisoning in 2020."] * 10})
    out = augment_pairs(agree, 40, rng())
    assert len(out) == 40 and set(out["label"]) == {"agree", "contradict"}
    assert (out["source"] == "augmented").all()
    originals = set(agree["a"]) | set(agree["b"])
    # the rewritten side appears in both columns across the sample
    assert (~out["a"].isin(originals)).any() and (~out["b"].isin(originals)).any()
