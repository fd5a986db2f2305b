"""Tests for narrcomp.claims.attribution on reported speech from real articles."""

from __future__ import annotations

import pytest

from narrcomp.claims.attribution import Attribution, attribute_sentences, split_attribution

SEED_CASES = [
    (
        "The militant, a man named Abu Hamza, revealed in the video that he was responsible "
        "for guarding warehouses in the town of Kafer Hamra in the northern Aleppo countryside.",
        "Abu Hamza",
        "he was responsible for guarding warehouses",
    ),
    (
        "On Monday, the Russian MoD reported, citing intelligence, that militants and remnants "
        "of the White Helmets were planning to stage a provocation involving the use of chlorine gas.",
        "the Russian MoD",
        "militants and remnants of the White Helmets were planning",
    ),
    (
        "According to MoD spokesman Maj. Gen. Yuri Borenkov, two chemical laboratories in the towns "
        "of Akrabat and Selhab in Idlib province were being used to synthesize the chemicals.",
        "Maj. Gen. Yuri Borenkov",
        "two chemical laboratories",
    ),
    (
        "According to Henderson, these details would have cast serious doubt on whether a chemical "
        "attack took place at all.",
        "Henderson",
        "these details would have cast serious doubt",
    ),
    (
        "Earlier this month, former Organization for the Prohibition of Chemical Weapons specialist "
        "Ian Henderson blasted the watchdog for releasing a \u201csanitized\u201d report on the alleged "
        "Douma attack, claiming it omitted key findings from its own fact-finding team.",
        "Ian Henderson",
        "the watchdog for releasing",
    ),
]


def _check_offsets(text: str, att: Attribution) -> None:
    assert text[att.content_start:att.content_end] == att.content


@pytest.mark.parametrize("text, speaker, content_start", SEED_CASES)
def test_seed_reported_speech(text, speaker, content_start):
    att = split_attribution(text)
    assert att.speaker == speaker
    assert att.content.startswith(content_start)
    assert not att.quoted and not att.negated
    _check_offsets(text, att)


@pytest.mark.parametrize(
    "text, speaker, content, cue",
    [
        ("Henderson said that other inspectors shared his concerns.", "Henderson",
         "other inspectors shared his concerns", "said"),
        ("Henderson said other inspectors shared his concerns.", "Henderson",
         "other inspectors shared his concerns", "said"),
        ("No chemical attack took place, the ministry said.", "the ministry",
         "No chemical attack took place", "said"),
        ("No chemical attack took place, said Russian envoy Alexander Shulgin.", "Alexander Shulgin",
         "No chemical attack took place", "said"),
        ("Inspector B took part in one deployment to Douma, according to the inquiry summary.",
         "the inquiry summary", "Inspector B took part in one deployment to Douma", "according to"),
        ("The ministry, citing intelligence, said militants planned a provocation.", "The ministry",
         "militants planned a provocation", "said"),
        ("President Donald Trump warned on 8 April 2018 that there would be a big price to pay.",
         "President Donald Trump", "there would be a big price to pay", "warned"),
        ("The ministry accuses the United States of exerting influence over OPCW staff.", "The ministry",
         "the United States of exerting influence over OPCW staff", "accuses"),
        ("In June 2019 Arias said that the assessment had been considered by the mission.", "Arias",
         "the assessment had been considered by the mission", "said"),
        ("The Pentagon told reporters that none of the missiles were intercepted.", "The Pentagon",
         "none of the missiles were intercepted", "told"),
        ("There, he said, he recently saw the arrival of people from civil defence.", "he",
         "he recently saw the arrival of people from civil defence", "said"),
    ],
)
def test_frames(text, speaker, content, cue):
    att = split_attribution(text)
    assert (att.speaker, att.content, att.cue) == (speaker, content, cue)
    _check_offsets(text, att)


@pytest.mark.parametrize("cue", ["denied", "rejected", "dismissed"])
def test_denials_are_negated(cue):
    text = f"The Syrian government {cue} that chlorine was used in Douma."
    att = split_attribution(text)
    assert att.speaker == "The Syrian government"
    assert att.content == "chlorine was used in Douma"
    assert att.cue == cue and att.negated


def test_assertion_without_frame():
    text = "The mission detected no nerve agents in the samples it analysed."
    att = split_attribution(text)
    assert att.speaker == "" and att.cue == "" and not att.negated
    assert att.content == text[:-1]
    _check_offsets(text, att)


@pytest.mark.parametrize(
    "text",
    [
        "The militant\u2019s testimony comes in the wake of reports Tuesday that over 40 activists "
        "had arrived in the village of Einata.",
        "The White Helmets were repeatedly accused of staging false flag chemical attacks.",
        "The Syrian military has captured a militant who provided evidence that attacks were planned.",
    ],
)
def test_no_false_speaker(text):
    assert split_attribution(text).speaker == ""


@pytest.mark.parametrize("open_q, close_q", [("\u201c", "\u201d"), ('"', '"')])
def test_quoted_statement(open_q, close_q):
    text = f"{open_q}I don\u2019t know what was stored there,{close_q} Hamza said."
    att = split_attribution(text)
    assert att.speaker == "Hamza" and att.quoted
    assert att.content == "I don\u2019t know what was stored there"
    _check_offsets(text, att)


def test_quote_spanning_sentences_gets_the_speaker():
    sentences = [
        "\u201cI don\u2019t know what was stored there.",
        "Some time ago some people arrived in a minibus and loaded boxes with grey tanks.",
        "They also took filming equipment,\u201d Hamza said.",
        "The man said that after fighting began, he was taken to the front.",
    ]
    out = attribute_sentences(sentences)
    assert [a.speaker for a in out] == ["Hamza", "Hamza", "Hamza", "The man"]
    assert [a.quoted for a in out] == [True, True, True, False]
    assert out[0].content == "I don\u2019t know what was stored there"
    for sentence, att in zip(sentences, out):
        _check_offsets(sentence, att)


def test_seed_article_quote(seed_text):
    start = seed_text.index("\u201cI don\u2019t know")
    end = seed_text.index("Hamza said.") + len("Hamza said.")
    from narrcomp.claims.sentences import split_sentences

    spans = split_sentences(seed_text[start:end])
    out = attribute_sentences([seed_text[start + s:start + e] for s, e in spans])
    assert len(out) == 3
    assert all(a.speaker == "Hamza" and a.quoted for a in out)


def test_rejects_non_str():
    with pytest.raises(TypeError, match="The 'text' parameter of split_attribution must be a str"):
        split_attribution(None)


def test_frozen():
    att = split_attribution("Henderson said the report was sanitised.")
    with pytest.raises(AttributeError):
        att.speaker = "x"
