"""Surface features on hand-made claim pairs."""

from __future__ import annotations

from narrcomp.stance.features import feature_matrix, negations, numbers, pair_features, years


def test_numbers_years_and_negations():
    assert numbers("1,429 people died, not 350; three were hurt in 2013.") == {"1429", "350", "3"}
    assert years("It happened on 21 August 2013.") == {"2013", "August"}
    assert negations("Russia denied it and said it never happened.") == 2


def test_sum_of_parts_is_not_a_number_clash():
    f = pair_features("All 298 people on board were killed.", "283 passengers and 15 crew died.")
    assert f["number_mismatch"] == 0.0


def test_clashes_are_symmetric():
    a, b = "The convoy was hit on 19 September 2016.", "The convoy was not hit in October 2016."
    assert pair_features(a, b) == pair_features(b, a)
    assert pair_features(a, b) == {"negation_mismatch": 1.0, "number_mismatch": 0.0,
                                   "date_mismatch": 1.0}


def test_feature_matrix_shape():
    assert feature_matrix(["a b", "c d"], ["e f", "g h"]).shape == (2, 3)
    assert feature_matrix([], []).shape == (0, 3)


def test_speakers_differ_needs_two_different_frames():
    from narrcomp.stance.features import speakers_differ

    flags = speakers_differ(["The JIT", "the OPCW", "", "Russia's defence ministry"],
                            ["Russian officials", "The OPCW", "Russia", "Russia's Defence Ministry"])
    assert flags.tolist() == [1.0, 0.0, 0.0, 0.0]
    assert speakers_differ([], []).shape == (0,)
