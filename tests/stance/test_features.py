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


def test_number_words_scaled_digits_and_dates_are_read():
    assert numbers("fifty-nine cruise missiles and four hundred bodies") == {"59", "400"}
    assert numbers("more than fourteen hundred dead, half a dozen officials") == {"1400", "6"}
    assert numbers("1.5 million people fled") == {"1500000"}
    # days of the month are dates, not counts; "no one" counts zero, "the one" is a pronoun
    assert numbers("Navalny was flown to Berlin on 22 August 2020.") == set()
    assert numbers("On March 4th 2018 the one that mattered") == set()
    assert numbers("No one was killed.") == {"0"}


def test_round_figures_match_precise_ones_but_precise_figures_must_be_equal():
    clash = lambda a, b: pair_features(a, b)["number_mismatch"]  # noqa: E731
    assert clash("The US said 1,429 people were killed.", "The toll was over fourteen hundred.") == 0.0
    assert clash("US warships fired 59 Tomahawks.", "Fifty-nine cruise missiles were launched.") == 0.0
    assert clash("About 20 people were killed.", "18 people were killed.") == 0.0
    assert clash("298 people died in July 2014.", "283 people died in July 2014.") == 1.0
    assert clash("At least 18 trucks were destroyed.", "Just one lorry was damaged.") == 1.0
    assert clash("Around 20 people were killed.", "No one was killed.") == 1.0
    assert clash("More than 1,400 died.", "Fewer than three hundred died.") == 1.0


def test_days_of_the_same_month_must_agree():
    from narrcomp.stance.features import days

    assert days("The dam broke on 6 June 2023; on June 8th it was over; Nov. 23") == {
        "June 6", "June 8", "November 23"}
    clash = pair_features("The Kakhovka dam was destroyed on 6 June 2023.",
                          "The dam was blown up overnight on 8 June 2023, officials said.")
    assert clash["date_mismatch"] == 1.0
    # the same day written two ways, and one side naming an extra day, are no clash
    same = pair_features("Litvinenko died on 23 November 2006, three weeks after falling ill.",
                         "He succumbed on Nov. 23, twenty-two days after drinking the tea on Nov. 1.")
    assert same["date_mismatch"] == 0.0
    # a day against a month with no day is no clash; "Mayor" is not May
    assert pair_features("The strike came on 9 March 2022.",
                         "The Mayor said the strike came in March 2022.")["date_mismatch"] == 0.0
