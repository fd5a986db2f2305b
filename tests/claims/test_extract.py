"""Tests for narrcomp.claims.extract_claims on the seed article and the Douma digests."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from narrcomp.claims import CLAIM_COLUMNS, extract_claims

SEED_CLAIMS = [
    "The militant, a man named Abu Hamza, revealed in the video that he was responsible for guarding "
    "warehouses in the town of Kafer Hamra in the northern Aleppo countryside.",
    "Syrian troops liberated the strategic city of Maarat al-Numan in Idlib province on Tuesday",
    "On Tuesday, the Syrian military regained control over the strategically important city of Maarat al-Numan "
    "in Idlib province.",
    "This includes the infamous 2018 false flag chemical attack in Douma, which trigged airstrikes by the US, "
    "the UK, and France in April of that year.",
]
SEED_CHROME = [
    "Registration", "Log in", "captcha", "Privacy Policy", "Subscribe", "Listen Live", "All news",
    "General Data Protection Regulation", "Community standards", "push notifications", "\u00a9",
    "https://", "Related:", "Russia Asks OPCW to Meet", "OPCW Whistleblower Blasts",
    "Users are obliged", "moderators", "does not correspond with the subject", "Votre message",
    "Hello, !", "Rescued From Hell", "It contains details about the types of data", "We are committed to",
    "account", "The letter must contain", "A user comment will be deleted",
]


class _Corpus:
    def __init__(self, documents):
        self.documents = documents


def _documents(texts: dict[str, str], **extra) -> pd.DataFrame:
    return pd.DataFrame([
        {"doc_id": f"d-{i:016x}", "source": name, "kind": "media", "date": "2020-01-29", "text": text, **extra}
        for i, (name, text) in enumerate(texts.items())
    ])


def _assert_offsets(claims: pd.DataFrame, documents: pd.DataFrame) -> None:
    texts = dict(zip(documents["doc_id"], documents["text"]))
    for row in claims.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text


@pytest.fixture(scope="module")
def seed_claims(seed_text):
    return extract_claims(seed_text, show_progress=False)


def test_columns_exactly(seed_claims):
    assert list(seed_claims.columns) == CLAIM_COLUMNS


def test_seed_article_sentences_are_claims(seed_text, seed_claims):
    for sentence in SEED_CLAIMS:
        start = seed_text.index(sentence)
        row = seed_claims[seed_claims["text"].str.startswith(sentence)]
        assert len(row) == 1, sentence
        assert row["start"].iloc[0] == start


def test_seed_chrome_is_not_claimed(seed_claims):
    for chrome in SEED_CHROME:
        assert not seed_claims["text"].str.contains(chrome, regex=False).any(), chrome


def test_seed_reported_speech(seed_claims):
    by_start = seed_claims.set_index(seed_claims["text"].str[:30])["attribution"]
    assert by_start["The militant, a man named Abu "] == "Abu Hamza"
    assert by_start["On Monday, the Russian MoD rep"] == "the Russian MoD"
    assert by_start["According to Henderson, these "] == "Henderson"
    quote = seed_claims[seed_claims["attribution"] == "Hamza"]
    assert len(quote) == 3 and quote["quoted"].all()
    assert seed_claims.loc[seed_claims["text"].str.startswith("The White Helmets \u2018rescue group\u2019"),
                           "hedged"].item()


def test_offsets_invariant_every_claim_every_document(seed_text, digests):
    docs = _documents({"seed": seed_text, **digests})
    claims = extract_claims(docs, keep_all=True, show_progress=False)
    assert set(claims["doc_id"]) == set(docs["doc_id"])
    _assert_offsets(claims, docs)
    assert claims["checkworthy"].between(0, 1).all()
    for row in claims.itertuples():
        sentence = row.text
        assert sentence.endswith(row.content) or row.content in sentence


def test_digests_nearly_all_kept(digests):
    docs = _documents(digests)
    everything = extract_claims(docs, keep_all=True, show_progress=False)
    kept = extract_claims(docs, show_progress=False)
    assert len(kept) >= 0.9 * len(everything)
    assert len(everything) > 100


def test_keep_all_and_threshold(seed_text):
    all_rows = extract_claims(seed_text, keep_all=True, show_progress=False)
    kept = extract_claims(seed_text, show_progress=False)
    assert len(all_rows) > len(kept) > 0
    assert all_rows["sentence"].tolist() == list(range(len(all_rows)))
    assert set(kept["claim_id"]) <= set(all_rows["claim_id"])
    strict = extract_claims(seed_text, threshold=0.9, show_progress=False)
    assert 0 < len(strict) < len(kept)


def test_stable_ids_and_string_input():
    text = "The OPCW found chlorine in Douma. The team interviewed 66 witnesses."
    first = extract_claims(text)
    again = extract_claims(text)
    assert first["claim_id"].tolist() == again["claim_id"].tolist()
    doc_id = "d-" + hashlib.sha256(("text\x00" + text).encode()).hexdigest()[:16]
    assert (first["doc_id"] == doc_id).all() and (first["source"] == "text").all()
    expected = "c-" + hashlib.sha256(f"{doc_id}:0:33".encode()).hexdigest()[:16]
    assert first["claim_id"].iloc[0] == expected
    assert first["date"].iloc[0] is None and first["page"].iloc[0] is None


def test_corpus_like_object_and_pages():
    text = "The OPCW found chlorine in Douma.\fThe team interviewed 66 witnesses in Turkey."
    docs = _documents({"OPCW FFM": text}, page_starts=[0, 34])
    claims = extract_claims(_Corpus(docs))
    assert claims["page"].tolist() == [1, 2]
    _assert_offsets(claims, docs)


def test_empty_document_gives_no_rows():
    docs = _documents({"empty": "   "})
    claims = extract_claims(docs)
    assert claims.empty and list(claims.columns) == CLAIM_COLUMNS


@pytest.mark.parametrize(
    "kwargs, exc, message",
    [
        ({"threshold": 1.5}, ValueError, "The 'threshold' parameter of extract_claims must be a float in the range [0, 1]. Got 1.5 instead."),
        ({"keep_all": "yes"}, TypeError, "The 'keep_all' parameter of extract_claims must be a bool."),
        ({"show_progress": 1}, TypeError, "The 'show_progress' parameter of extract_claims must be a bool."),
    ],
)
def test_parameter_errors(kwargs, exc, message):
    with pytest.raises(exc) as info:
        extract_claims("The OPCW found chlorine.", **kwargs)
    assert str(info.value).startswith(message)


def test_bad_inputs():
    with pytest.raises(TypeError, match="The 'corpus_or_text' parameter of extract_claims"):
        extract_claims(42)
    with pytest.raises(ValueError, match="lack the column"):
        extract_claims(pd.DataFrame({"text": ["x"]}))
