"""Augmentation rewrites on real news-style claims."""

from __future__ import annotations

import numpy as np
import pandas as pd

import pytest

from narrcomp.stance.training.augment import (antonym, attribute, augment_pairs, change_numbers,
                                              contradict_rewrite, deny, negate, quantity_clash,
                                              swap_actors)

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


def test_quantity_clash_replaces_the_count_and_its_qualifier():
    text = "At least 18 of the convoy's trucks were destroyed, UN officials said."
    outs = {quantity_clash(text, rng(seed)) for seed in range(30)}
    assert all("18" not in out and "At least 18" not in out for out in outs)
    assert all(out.endswith("of the convoy's trucks were destroyed, UN officials said.") for out in outs)
    assert not any(" of of " in out for out in outs)
    assert any(out.startswith(("Only", "Just", "Fewer", "No more", "A handful")) for out in outs)
    assert any(out.startswith(("More than", "At least", "Hundreds", "Thousands")) for out in outs)
    # years are not counts
    assert quantity_clash("The attack took place on 19 September 2016.", rng()) != \
        "The attack took place on 19 September 2016."
    assert quantity_clash("The Hague court ruled in November 2022.", rng()) is None


def test_style_3_antonyms_know_verdicts_and_sides():
    assert antonym("The court acquitted Pulatov.", rng(), style=3) == "The court convicted Pulatov."
    assert antonym("The court acquitted Pulatov.", rng()) is None  # not in the style-1 table
    assert antonym("Russia returned the vessels.", rng(1), style=3) in {
        "Ukraine returned the vessels.", "Russia kept the vessels.", "the West returned the vessels."}


def test_style_3_frames_use_contested_verbs_and_old_styles_are_unchanged():
    agree = pd.DataFrame({"a": [CLAIM, "Navalny was poisoned with Novichok in August 2020."] * 10,
                          "b": ["A Buk was launched on 17 July 2014, Dutch investigators found.",
                                "Navalny fell ill after Novichok poisoning in 2020."] * 10})
    three = augment_pairs(agree, 200, rng(), style=3)
    text = " ".join(three["a"]) + " " + " ".join(three["b"])
    assert any(verb in text for verb in (" claimed", " insisted", " alleged", " maintained"))
    two = augment_pairs(agree, 200, rng(), style=2)
    assert not any(verb in " ".join(two["a"]) + " ".join(two["b"])
                   for verb in (" claimed that", " argued that", " maintained that"))
    with pytest.raises(ValueError, match="The 'style' parameter of augment_pairs must be 1, 2 or 3"):
        augment_pairs(agree, 5, rng(), style=4)
