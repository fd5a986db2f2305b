"""Tests for narrcomp.claims.checkworthy."""

from __future__ import annotations

import pytest

from narrcomp.claims.checkworthy import DEFAULT_THRESHOLD, checkworthiness, sentence_features

FACTS = [
    "The mission detected no nerve agents in the samples it analysed.",
    "On 14 April 2018 the three countries carried out coordinated missile strikes on Syrian facilities.",
    "The attack killed 43 people in what was then a rebel-held town near Damascus.",
]
NOT_CLAIMS = [
    "Why is OPCW Ignoring Facts About 'Chemical Attack' in Syrian Douma?",
    "Do you have a Sputniknews.com account?",
    "I think the report is a disgrace.",
    "In my opinion the inspectors were treated badly by everyone.",
    "Click here to delete your account.",
    "Please review our Privacy Policy.",
    "Listen Live",
    "Fox Forsaken",
]


@pytest.mark.parametrize("sentence", FACTS)
def test_facts_score_high(sentence):
    assert checkworthiness(sentence) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize("sentence", NOT_CLAIMS)
def test_questions_opinion_ui_fragments_score_low(sentence):
    assert checkworthiness(sentence) < DEFAULT_THRESHOLD


def test_facts_outrank_opinion_and_questions():
    assert min(checkworthiness(s) for s in FACTS) > max(checkworthiness(s) for s in NOT_CLAIMS)


def test_chrome_lowers_the_score():
    sentence = FACTS[0]
    assert checkworthiness(sentence, chrome=0.9) < DEFAULT_THRESHOLD < checkworthiness(sentence, chrome=0.0)


def test_score_in_unit_interval_and_features():
    for s in FACTS + NOT_CLAIMS:
        assert 0.0 <= checkworthiness(s) <= 1.0
    feats = sentence_features("Why is OPCW ignoring facts?")
    assert feats["question"] == 1.0 and feats["very_short"] == 0.0
