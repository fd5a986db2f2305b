"""Tests for narrcomp.claims.chrome on a plain-text copy of a web page."""

from __future__ import annotations

from narrcomp.claims.chrome import CHROME_THRESHOLD, score_blocks, sentence_chrome
from narrcomp.claims.sentences import sentence_spans, split_blocks


def _chrome_by_text(text):
    spans = sentence_spans(text)
    return {text[s.start:s.end]: c for s, c in zip(spans, sentence_chrome(text, spans))}


def test_seed_chrome_is_flagged(seed_text):
    scores = _chrome_by_text(seed_text)
    for chrome in [
        "Listen Live", "Subscribe", "All news", "\u00a9 Sputnik / Morad Saeed", "Related:",
        "https://cdn2.img.sputniknews.com/images/106533/07/1065330783.jpg",
        "Russia Asks OPCW to Meet to Resolve Issues Over Report on Chemical Use in Syria \u2013 Envoy",
        "Please review our Privacy Policy.", "Get push notifications from Sputnik International",
        "Users are obliged abide by national and international laws.",
        "\u2022 contains links to viruses and malicious software;",
        "Are you sure you want to delete your Sputniknews.com account?",
    ]:
        assert scores[chrome] >= CHROME_THRESHOLD, chrome


def test_seed_article_is_not_chrome(seed_text):
    scores = _chrome_by_text(seed_text)
    article = [s for s in scores if s.startswith(("The militant, a man named Abu Hamza", "This includes the infamous",
                                                  "On Tuesday, the Syrian military regained"))]
    assert len(article) == 3
    assert all(scores[s] < CHROME_THRESHOLD for s in article)


def test_related_list_ends_at_article_text():
    page = ("Related:\nOPCW Whistleblower Blasts Watchdog\nWhy is OPCW Ignoring Facts?\n"
            "The inspectors found that the cylinders were more probably placed by hand than dropped "
            "from aircraft, according to the leaked engineering assessment of the Douma sites.")
    flags = [b.is_chrome for b in score_blocks(page, split_blocks(page))]
    assert flags == [True, True, True, False]


def test_single_sentence_is_not_chrome():
    text = "The mission detected no nerve agents in the samples it analysed."
    assert sentence_chrome(text, sentence_spans(text)) == [0.0]


def test_boilerplate_word_in_relevant_article_block_is_kept():
    text = ("The OPCW inspectors studied the two chlorine cylinders found in Douma and the craters "
            "in the roofs of the buildings where the cylinders were found.\n"
            "The OPCW declined to comment on the Douma cylinders and the roof craters the inspectors studied.")
    assert all(c < CHROME_THRESHOLD for c in sentence_chrome(text, sentence_spans(text)))
