"""Tests for narrcomp.claims.hedging."""

from __future__ import annotations

import pytest

from narrcomp.claims.hedging import has_scare_quotes, is_hedged, is_quoted


@pytest.mark.parametrize(
    "sentence",
    [
        "The activists may be preparing to stage a false flag chemical attack.",
        "The White Helmets were preparing possible false flag chemical attacks.",
        "The first incident reportedly injured 15 people.",
        "The watchdog released a report on the alleged Douma attack.",
        "The group allegedly staged the video.",
        "A so-called core team removed the inspectors.",
        "The purported victims were filmed in a hospital.",
        "Remnants of the White Helmets \u2018rescue group\u2019 were plotting provocations.",
        "The watchdog released a \u201csanitized\u201d report.",
        "Militants could use chlorine.",
    ],
)
def test_hedged(sentence):
    assert is_hedged(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The mission detected no nerve agents in the samples.",
        "The document reached the public through a leak in May 2019.",
        "Syria\u2019s foreign ministry rejected the report and said it didn\u2019t accept it.",
        "\u201cI don\u2019t know what was stored there,\u201d Hamza said.",
    ],
)
def test_not_hedged(sentence):
    assert not is_hedged(sentence)


def test_scare_quotes_need_a_short_term():
    assert has_scare_quotes("the \u2018Jaysh al-Osman\u2019 militant unit")
    assert not has_scare_quotes("He said \u201cthe inspectors were shut out of the process entirely\u201d yesterday.")


def test_quoted():
    assert is_quoted("\u201cWe saw the tanks.\u201d")
    assert is_quoted('"We saw the tanks."')
    assert not is_quoted("We saw the \u201ctanks\u201d in the warehouse.")
