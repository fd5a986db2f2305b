"""Readers for the stance benchmarks: SICK, claimpairs and FNC-1.

Every reader returns a DataFrame with at least ``a``, ``b`` and ``label`` (in
``agree``, ``contradict``, ``neutral``), plus the original label in its own
column. Paths point at the benchmark files (in this repository's CI,
``../shared/eval``). The training-set readers are in
:mod:`narrcomp.stance.training.sources`.

>>> import tempfile, json, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "pairs.jsonl"
>>> _ = p.write_text(json.dumps({"id": "cp-001", "topic": "t", "a": "x", "b": "y",
...                              "label": "related", "note": ""}) + "\\n")
>>> load_claimpairs(p)[["id", "label", "label4"]].values.tolist()
[['cp-001', 'neutral', 'related']]
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from narrcomp._validation import check_choice

__all__ = ["load_sick", "load_claimpairs", "load_fnc1", "CLAIMPAIRS_PARTS"]

CLAIMPAIRS_PARTS = ("all", "calibration", "heldout")
_SICK = {"ENTAILMENT": "agree", "CONTRADICTION": "contradict", "NEUTRAL": "neutral"}
_FOUR_WAY = {"agree": "agree", "contradict": "contradict", "related": "neutral",
             "unrelated": "neutral"}
_FNC = {"agree": "agree", "disagree": "contradict", "discuss": "neutral", "unrelated": "neutral"}


def _existing(path, what: str) -> Path:
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: {what} file not found")
    return path


def load_sick(path, split: str = "test") -> pd.DataFrame:
    """SICK pairs from ``SICK.txt``; ``split="test"`` keeps ``pair_ID % 5 == 0``.

    Parameters
    ----------
    path : str or os.PathLike
        ``sick/SICK.txt`` (tab-separated, with ``entailment_judgment`` or
        ``entailment_label``).
    split : {"test", "train", "all"}
        ``train`` is every pair not in ``test``.

    Returns
    -------
    pandas.DataFrame
        pair_id, a, b, label, sick_label.
    """
    split = check_choice(split, "split", "load_sick", ("test", "train", "all"))
    table = pd.read_csv(_existing(path, "SICK"), sep="\t", dtype=str)
    column = "entailment_judgment" if "entailment_judgment" in table.columns else "entailment_label"
    ids = table["pair_ID"].astype(int)
    if split == "test":
        table, ids = table[ids % 5 == 0], ids[ids % 5 == 0]
    elif split == "train":
        table, ids = table[ids % 5 != 0], ids[ids % 5 != 0]
    return pd.DataFrame({"pair_id": ids.to_numpy(), "a": table["sentence_A"].to_numpy(),
                         "b": table["sentence_B"].to_numpy(),
                         "label": table[column].map(_SICK).to_numpy(),
                         "sick_label": table[column].to_numpy()})


def load_claimpairs(path, part: str = "all") -> pd.DataFrame:
    """The claimpairs development set, 3-way labels with the 4-way label kept.

    Parameters
    ----------
    path : str or os.PathLike
        ``claimpairs/pairs.jsonl``.
    part : {"all", "calibration", "heldout"}
        ``calibration``: pairs with an odd number (cp-001, cp-003, ...), the part
        narrcomp fits its calibration on; ``heldout``: the even ones, used only
        for reporting.

    Returns
    -------
    pandas.DataFrame
        id, topic, a, b, label (agree / contradict / neutral), label4 (agree /
        contradict / related / unrelated), note.
    """
    part = check_choice(part, "part", "load_claimpairs", CLAIMPAIRS_PARTS)
    path = _existing(path, "claimpairs")
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    table = pd.DataFrame(rows)
    table["label4"] = table["label"]
    table["label"] = table["label4"].map(_FOUR_WAY)
    number = table["id"].str.extract(r"(\d+)$")[0].astype(int)
    if part == "calibration":
        table = table[number % 2 == 1]
    elif part == "heldout":
        table = table[number % 2 == 0]
    return table[["id", "topic", "a", "b", "label", "label4", "note"]].reset_index(drop=True)


#: file names of the two FNC-1 folders in ../shared/eval (stances, bodies)
_FNC_FILES = {"test": ("competition_test_stances.csv", "competition_test_bodies.csv"),
              "train": ("train_stances_labeled.csv", "train_bodies.csv")}


def load_fnc1(path, *, body: str = "best_sentence", max_rows: int | None = None,
              seed: int = 0, split: str = "test") -> pd.DataFrame:
    """FNC-1 pairs: headline vs a body text.

    Parameters
    ----------
    path : str or os.PathLike
        The ``fnc1`` folder (``competition_test_stances.csv`` and
        ``competition_test_bodies.csv``), or with ``split="train"`` the
        ``stance-train/fnc1_train`` folder (``train_stances_labeled.csv`` and
        ``train_bodies.csv``).
    body : {"best_sentence", "lead"}
        ``best_sentence``: the body sentence with the highest TF-IDF overlap with
        the headline (TF-IDF fitted on the bodies used); ``lead``: the body's
        first 60 words.
    max_rows : int, optional
        A seeded stratified subset of this many rows (per-label shares,
        ``numpy.random.default_rng(seed)``; documented in reports).
    seed : int
        Seed of that subset.
    split : {"test", "train"}
        The competition test or the train set.

    Returns
    -------
    pandas.DataFrame
        headline (a), body text (b), label (3-way), fnc_label (4-way), body_id.
    """
    body = check_choice(body, "body", "load_fnc1", ("best_sentence", "lead"))
    split = check_choice(split, "split", "load_fnc1", tuple(_FNC_FILES))
    folder = Path(path)
    stances_file, bodies_file = _FNC_FILES[split]
    stances = pd.read_csv(_existing(folder / stances_file, "FNC-1 stances"), dtype=str)
    bodies = pd.read_csv(_existing(folder / bodies_file, "FNC-1 bodies"), dtype=str)
    # the train bodies file spells its id column Body_ID
    bodies = bodies.rename(columns={"Body_ID": "Body ID"}).set_index("Body ID")["articleBody"]
    if max_rows is not None and max_rows < len(stances):
        rng = np.random.default_rng(seed)
        keep = []
        for label in sorted(stances["Stance"].unique()):
            rows = np.flatnonzero((stances["Stance"] == label).to_numpy())
            share = max(1, round(max_rows * len(rows) / len(stances)))
            keep.extend(rng.choice(rows, min(share, len(rows)), replace=False).tolist())
        stances = stances.iloc[sorted(keep)]
    if body == "lead":
        texts = [" ".join(str(bodies[i]).split()[:60]) for i in stances["Body ID"]]
    else:
        from sklearn.feature_extraction.text import TfidfVectorizer

        from narrcomp.stance.training.sources import _best_sentence

        used = bodies.loc[stances["Body ID"].unique()]
        vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(used.tolist())
        texts = [_best_sentence(h, used[i], vectorizer)
                 for h, i in zip(stances["Headline"], stances["Body ID"])]
    return pd.DataFrame({"a": stances["Headline"].to_numpy(), "b": texts,
                         "label": stances["Stance"].map(_FNC).to_numpy(),
                         "fnc_label": stances["Stance"].to_numpy(),
                         "body_id": stances["Body ID"].to_numpy()})
