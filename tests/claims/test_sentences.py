"""Tests for narrcomp.claims.sentences: exact offsets and abbreviations."""

from __future__ import annotations

import pytest

from narrcomp.claims.sentences import sentence_spans, split_blocks, split_sentences


def _texts(text):
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("According to MoD spokesman Maj. Gen. Yuri Borenkov, two labs were used. Militants denied it.",
         ["According to MoD spokesman Maj. Gen. Yuri Borenkov, two labs were used.", "Militants denied it."]),
        ("The U.S. and the U.K. carried out strikes. France joined them.",
         ["The U.S. and the U.K. carried out strikes.", "France joined them."]),
        ("The U.N. Security Council met on Friday. Russia called the meeting.",
         ["The U.N. Security Council met on Friday.", "Russia called the meeting."]),
        ("On Jan. 20 Henderson spoke by video link. He was in The Hague.",
         ["On Jan. 20 Henderson spoke by video link.", "He was in The Hague."]),
        ("Dr. Brendan Whelan served on the mission. He left in 2018.",
         ["Dr. Brendan Whelan served on the mission.", "He left in 2018."]),
        ("Resolution No. 2118 required the destruction of the stockpile. Syria agreed.",
         ["Resolution No. 2118 required the destruction of the stockpile.", "Syria agreed."]),
    ],
)
def test_abbreviations_do_not_end_sentences(text, expected):
    assert _texts(text) == expected


def test_line_breaks_end_blocks_and_spans_are_stripped():
    text = "  Listen Live\n\n    Syrian troops took the city. They advanced.  \nSubscribe\n"
    assert _texts(text) == ["Listen Live", "Syrian troops took the city.", "They advanced.", "Subscribe"]
    spans = sentence_spans(text)
    assert [s.block for s in spans] == [0, 1, 1, 2]
    blocks = split_blocks(text)
    assert [text[s:e] for s, e in blocks] == ["Listen Live", "Syrian troops took the city. They advanced.", "Subscribe"]
    assert blocks[0] == (2, 13)


def test_quotation_spanning_sentences_is_split():
    text = ("\u201cI don\u2019t know what was stored there. Some time ago some people arrived in a minibus. "
            "They also took filming equipment,\u201d Hamza said.")
    assert _texts(text) == [
        "\u201cI don\u2019t know what was stored there.",
        "Some time ago some people arrived in a minibus.",
        "They also took filming equipment,\u201d Hamza said.",
    ]


def test_offsets_exact_on_seed(seed_text):
    spans = split_sentences(seed_text)
    assert len(spans) > 50
    previous_end = 0
    for start, end in spans:
        piece = seed_text[start:end]
        assert piece == piece.strip() and piece
        assert start >= previous_end
        previous_end = end


def test_empty_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []
