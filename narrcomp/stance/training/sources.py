"""Readers for the stance training sources (``shared/eval/stance-train`` and CLEF).

Every reader takes the folder of one source and returns a DataFrame with the
columns ``a``, ``b``, ``label`` (``agree``, ``contradict`` or ``neutral``) and
``source``. Readers do no sampling; :mod:`narrcomp.stance.training.mix` caps and
balances. Texts are lightly cleaned (whitespace, URLs, tokenised punctuation).

>>> from narrcomp.stance.training.sources import clean_text
>>> clean_text("Two women are embracing . ")
'Two women are embracing.'
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "clean_text",
    "split_sentences",
    "read_sick_train",
    "read_snli",
    "read_perspectrum",
    "read_emergent",
    "read_fever_symmetric",
    "read_climate_fever",
    "read_healthver",
    "read_covidfact",
    "read_headline_body",
    "read_clef_train",
]

COLUMNS = ["a", "b", "label", "source"]
_URL = re.compile(r"(https?://\S+|pic\.twitter\.com/\S+|www\.\S+)")
_TWEET_TAIL = re.compile(r"\s[—–-]\s[^—–]*\(@\w+\)\s.*$")
_SPACE_PUNCT = re.compile(r"\s+([.,;:!?')])")
_WS = re.compile(r"\s+")
_SENT = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}


def clean_text(text: str) -> str:
    """Collapse whitespace, drop URLs and tweet signatures, re-attach punctuation."""
    text = str(text)
    for token, char in _PTB.items():
        text = text.replace(token, char)
    text = _TWEET_TAIL.sub("", text)
    text = _URL.sub("", text)
    text = _WS.sub(" ", text).strip()
    text = _SPACE_PUNCT.sub(r"\1", text)
    return text.replace("( ", "(").replace(" 's", "'s").replace(" n't", "n't")


def split_sentences(text: str) -> list[str]:
    """Split running text into sentences with a punctuation rule (cheap, no model)."""
    parts = (_WS.sub(" ", p).strip() for p in _SENT.split(str(text)))
    return [p for p in parts if len(p.split()) >= 4]


def _frame(a, b, label, source) -> pd.DataFrame:
    frame = pd.DataFrame({"a": list(a), "b": list(b), "label": list(label)})
    frame["a"] = frame["a"].map(clean_text)
    frame["b"] = frame["b"].map(clean_text)
    frame["source"] = source
    frame = frame[(frame["a"].str.len() > 0) & (frame["b"].str.len() > 0)]
    return frame.reset_index(drop=True)[COLUMNS]


_NLI = {"entailment": "agree", "contradiction": "contradict", "neutral": "neutral"}


def read_sick_train(folder: Path) -> pd.DataFrame:
    """SICK pairs whose ``pair_ID % 5 != 0`` (the narrcomp test split is kept out)."""
    table = pd.read_csv(Path(folder) / "SICK.txt", sep="\t", dtype=str)
    table = table[table["pair_ID"].astype(int) % 5 != 0]
    labels = table["entailment_label"].str.lower().map(_NLI)
    return _frame(table["sentence_A"], table["sentence_B"], labels, "sick")


def read_snli(folder: Path) -> pd.DataFrame:
    """e-SNLI's copies of SNLI dev and test (premise, hypothesis, label)."""
    folder = Path(folder)
    frames = []
    for split in ("dev", "test"):
        s1 = (folder / f"s1.{split}").read_text(encoding="utf-8").splitlines()
        s2 = (folder / f"s2.{split}").read_text(encoding="utf-8").splitlines()
        labels = (folder / f"labels.{split}").read_text(encoding="utf-8").splitlines()
        frames.append(_frame(s1, s2, [_NLI.get(x.strip()) for x in labels], "snli"))
    return pd.concat(frames, ignore_index=True).dropna()


def read_perspectrum(folder: Path) -> pd.DataFrame:
    """Perspectrum claim / perspective pairs: SUPPORT -> agree, UNDERMINE -> contradict."""
    table = pd.read_csv(Path(folder) / "perspectrum_claim_perspective_pairs.tsv", sep="\t",
                        dtype=str, quoting=csv.QUOTE_NONE)
    labels = table["stance_label_3"].map({"SUPPORT": "agree", "UNDERMINE": "contradict"})
    return _frame(table["claim"], table["perspective"], labels, "perspectrum").dropna()


def read_emergent(folder: Path) -> pd.DataFrame:
    """Emergent claim vs article headline: for / against / observing."""
    table = pd.read_csv(Path(folder) / "url-versions-2015-06-14-clean.csv", dtype=str)
    labels = table["articleHeadlineStance"].map(
        {"for": "agree", "against": "contradict", "observing": "neutral"})
    return _frame(table["claimHeadline"], table["articleHeadline"], labels, "emergent").dropna()


def read_fever_symmetric(folder: Path) -> pd.DataFrame:
    """FEVER-symmetric claim vs evidence sentence (all three files)."""
    rows = []
    for path in sorted(Path(folder).glob("fever_symmetric_*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle if line.strip()]
    table = pd.DataFrame(rows).drop_duplicates(["claim", "evidence_sentence"])
    labels = table["label"].map({"SUPPORTS": "agree", "REFUTES": "contradict"})
    return _frame(table["claim"], table["evidence_sentence"], labels, "fever_symmetric").dropna()


def read_climate_fever(folder: Path) -> pd.DataFrame:
    """Climate-FEVER claim vs each evidence sentence with its own label."""
    mapping = {"SUPPORTS": "agree", "REFUTES": "contradict", "NOT_ENOUGH_INFO": "neutral"}
    a, b, labels = [], [], []
    with open(Path(folder) / "climate-fever.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for ev in record["evidences"]:
                a.append(record["claim"])
                b.append(ev["evidence"].strip('"'))
                labels.append(mapping.get(ev["evidence_label"]))
    return _frame(a, b, labels, "climate_fever").dropna()


def read_healthver(folder: Path) -> pd.DataFrame:
    """HealthVer dev + test: claim vs evidence (long evidence is cut to its best sentences)."""
    frames = [pd.read_csv(Path(folder) / f"healthver_{s}.csv", dtype=str) for s in ("dev", "test")]
    table = pd.concat(frames, ignore_index=True)
    labels = table["label"].str.lower().map(
        {"supports": "agree", "refutes": "contradict", "neutral": "neutral"})
    return _frame(table["claim"], table["evidence"], labels, "healthver").dropna()


def read_covidfact(folder: Path) -> pd.DataFrame:
    """COVID-Fact: a supported claim vs its refuted twin (contradict), supported claim
    vs its first evidence sentence (agree), refuted claim vs that evidence (contradict)."""
    with open(Path(folder) / "COVIDFACT_dataset.jsonl", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    supported = {r["gold_source"]: r for r in records if r["label"] == "SUPPORTED"}
    a, b, labels = [], [], []
    for record in records:
        twin = supported.get(record["gold_source"])
        evidence = record["evidence"][0] if record["evidence"] else ""
        if record["label"] == "SUPPORTED":
            a.append(record["claim"]); b.append(evidence); labels.append("agree")
        elif twin is not None:
            a.append(twin["claim"]); b.append(record["claim"]); labels.append("contradict")
            a.append(record["claim"]); b.append(evidence); labels.append("contradict")
    return _frame(a, b, labels, "covidfact")


def _best_sentence(headline: str, body: str, vectorizer) -> str:
    sentences = split_sentences(body)[:40] or [str(body)[:400]]
    matrix = vectorizer.transform([headline] + sentences)
    scores = (matrix[1:] @ matrix[0].T).toarray().ravel()
    return sentences[int(np.argmax(scores))]


def read_headline_body(stances: Path, bodies: Path, source: str, *, rows=None) -> pd.DataFrame:
    """FNC-1 / ARC headline vs the body sentence with the highest TF-IDF overlap.

    ``rows`` optionally restricts which stance rows are used (to keep it cheap).
    agree -> agree, disagree -> contradict, discuss and unrelated -> neutral.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    table = pd.read_csv(stances, dtype=str)
    if rows is not None:
        table = table.loc[rows]
    body_table = pd.read_csv(bodies, dtype=str)
    id_column = "Body ID" if "Body ID" in body_table.columns else "Body_ID"
    body_text = body_table.set_index(id_column)["articleBody"]
    used = body_text.loc[table["Body ID"].unique()]
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(used.tolist())
    b = [_best_sentence(h, used[i], vectorizer) for h, i in zip(table["Headline"], table["Body ID"])]
    labels = table["Stance"].map({"agree": "agree", "disagree": "contradict",
                                  "discuss": "neutral", "unrelated": "neutral"})
    return _frame(table["Headline"], b, labels, source)


def read_clef_train(folder: Path, *, hard_negatives: bool = True) -> pd.DataFrame:
    """CLEF 2020 task 2 TRAIN tweets vs their verified claims (agree), plus, for each
    tweet, the most TF-IDF-similar *other* verified claim (neutral hard negative)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    folder = Path(folder)
    claims = pd.read_csv(folder / "verified_claims.docs.tsv", sep="\t", dtype=str,
                         quoting=csv.QUOTE_NONE, index_col=0)["vclaim"]
    tweets = pd.read_csv(folder / "train" / "tweets.queries.tsv", sep="\t", dtype=str,
                         quoting=csv.QUOTE_NONE, index_col=0)["tweet_content"]
    qrels = pd.read_csv(folder / "train" / "tweet-vclaim-pairs.qrels", sep="\t", header=None,
                        names=["tweet", "zero", "claim", "rel"], dtype=str)
    qrels = qrels[(qrels["rel"] == "1") & qrels["tweet"].isin(tweets.index)
                  & qrels["claim"].isin(claims.index)]
    a = tweets.loc[qrels["tweet"]].tolist()
    b = claims.loc[qrels["claim"]].tolist()
    labels = ["agree"] * len(a)
    if hard_negatives:
        vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(claims.tolist())
        claim_matrix = vectorizer.transform(claims.tolist())
        tweet_matrix = vectorizer.transform(a)
        scores = (tweet_matrix @ claim_matrix.T).toarray()
        gold = [claims.index.get_loc(c) for c in qrels["claim"]]
        scores[np.arange(len(gold)), gold] = -1.0
        best = scores.argmax(axis=1)
        a = a + a
        b = b + claims.iloc[best].tolist()
        labels = labels + ["neutral"] * len(best)
    return _frame(a, b, labels, "clef")
