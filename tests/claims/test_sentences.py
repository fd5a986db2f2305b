"""Tests for narrcomp.claims.sentences: exact offsets and abbreviations."""

from __future__ import annotations

import pytest

from narrcomp.claims.sentences import (
    MAX_SEGMENT_CHARS, sentence_spans, split_blocks, split_long_block, split_sentences,
)


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


_LONG_LINE_SENTENCES = [
    "Maj. Gen. Igor Konashenkov said the U.S. strikes on 14 April were illegal.",
    "The OPCW mission reached Douma on 21 April, two weeks after the attack.",
    "Dr. Ahmed M. said that 43 people had died in the building that evening.",
    "Investigators collected more than 100 samples from the two locations.",
]


def test_a_block_longer_than_pysbd_handles_at_once_splits_like_short_ones():
    sentences = _LONG_LINE_SENTENCES * 200  # one line of about 57,000 characters
    line = " ".join(sentences)
    assert len(line) > 10 * MAX_SEGMENT_CHARS
    assert _texts(line) == sentences


def test_long_blocks_are_cut_after_sentence_ends_not_abbreviations():
    block = " ".join(_LONG_LINE_SENTENCES * 50)
    chunks = split_long_block(block, size=500)
    assert "".join(chunks) == block
    assert all(len(chunk) <= 500 for chunk in chunks)
    assert all(chunk.rstrip().endswith(".") for chunk in chunks)
    assert all(chunk.split(" ", 1)[0] in {"Maj.", "The", "Dr.", "Investigators"} for chunk in chunks)


def test_a_long_block_without_sentence_ends_is_cut_at_spaces():
    block = "word " * 3000
    chunks = split_long_block(block, size=1000)
    assert "".join(chunks) == block
    assert all(len(chunk) <= 1000 and chunk.endswith(" ") for chunk in chunks)
    assert split_long_block("short block") == ["short block"]
