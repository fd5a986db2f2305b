"""The stance baselines: similarity-only thresholds and the SICK-only embedding classifier."""

from __future__ import annotations

import os
from dataclasses import FrozenInstanceError
from pathlib import Path

import numpy as np
import pytest

from narrcomp.evaluate import SickOnlyBaseline, SimilarityBaseline, accuracy, fit_similarity_baseline


def _sick_file() -> Path:
    env = os.environ.get("NARRCOMP_SHARED")
    root = Path(env) if env else Path(__file__).resolve().parents[2] / ".." / "shared"
    return root / "eval" / "sick" / "SICK.txt"


@pytest.fixture(scope="module")
def sick_train():
    from narrcomp.evaluate.stance_data import load_sick

    path = _sick_file()
    if not path.is_file():
        pytest.skip(f"SICK not found at {path} (set NARRCOMP_SHARED)")
    return load_sick(path, "train")


def test_similarity_baseline_recovers_separating_thresholds():
    rng = np.random.default_rng(3)
    neutral = rng.uniform(0.05, 0.30, 30)
    contradict = rng.uniform(0.41, 0.59, 30)
    agree = rng.uniform(0.71, 0.95, 30)
    cosine = np.concatenate([neutral, contradict, agree])
    labels = ["neutral"] * 30 + ["contradict"] * 30 + ["agree"] * 30
    base = fit_similarity_baseline(cosine, labels)
    assert neutral.max() < base.contradict_from <= contradict.min()
    assert contradict.max() < base.agree_from <= agree.min()
    assert base.fit_macro_f1 == pytest.approx(1.0) and base.n_fit == 90
    assert base.predict(cosine).tolist() == labels
    assert base.predict([0.0, 0.5, 0.99]).tolist() == ["neutral", "contradict", "agree"]


def test_similarity_baseline_on_real_sentence_pairs():
    from narrcomp.embeddings import embed

    a = ["The plane was shot down by a missile over eastern Ukraine.",
         "The plane was shot down by a missile over eastern Ukraine.",
         "Police arrested two men after the attack in Salisbury.",
         "Police arrested two men after the attack in Salisbury.",
         "The convoy was hit by an air strike near Aleppo.",
         "The convoy was hit by an air strike near Aleppo."]
    b = ["A missile brought the airliner down over eastern Ukraine.",
         "The bakery on Main Street sells fresh bread every morning.",
         "Two men were detained by police following the Salisbury attack.",
         "The football season starts in August this year.",
         "An air strike hit the aid convoy close to Aleppo.",
         "Heavy rain is expected across the north on Tuesday."]
    labels = ["agree", "neutral"] * 3
    cosine = np.einsum("ij,ij->i", embed(a, show_progress=False), embed(b, show_progress=False))
    base = fit_similarity_baseline(cosine, labels)
    assert base.predict(cosine).tolist() == labels
    # a copy of the thresholds labels the same pairs the same way
    again = SimilarityBaseline(base.contradict_from, base.agree_from)
    assert again.predict(cosine).tolist() == labels


def test_similarity_baseline_rejects_bad_input():
    with pytest.raises(ValueError, match="The 'labels' parameter of fit_similarity_baseline must be a "
                                         "sequence as long"):
        fit_similarity_baseline([0.1, 0.9], ["agree"])
    with pytest.raises(ValueError, match="The 'labels' parameter of fit_similarity_baseline must be a sequence of "
                                         "labels in"):
        fit_similarity_baseline([0.1, 0.9], ["agree", "related"])
    with pytest.raises(ValueError, match="The 'agree_from' parameter of SimilarityBaseline must be a float"):
        SimilarityBaseline(contradict_from=0.6, agree_from=0.4)
    with pytest.raises(FrozenInstanceError):
        SimilarityBaseline(0.2, 0.5).agree_from = 0.1


def test_features_have_the_negation_flag():
    base = SickOnlyBaseline()
    x = base.features(["A man is playing a guitar.", "A man is playing a guitar."],
                      ["A man is not playing a guitar.", "A person is playing a guitar."])
    assert x.shape[0] == 2 and (x.shape[1] - 1) % 4 == 0
    assert x[:, -1].tolist() == [1.0, 0.0]
    dim = (x.shape[1] - 1) // 4
    u, v = x[:, :dim], x[:, dim:2 * dim]
    np.testing.assert_allclose(x[:, 2 * dim:3 * dim], np.abs(u - v))
    np.testing.assert_allclose(x[:, 3 * dim:4 * dim], u * v)


def test_sick_only_beats_the_majority_class_on_other_sick_train_pairs(sick_train):
    train, held = sick_train.iloc[:400], sick_train.iloc[400:600]
    base = SickOnlyBaseline(seed=0).fit(train["a"].tolist(), train["b"].tolist(), train["label"].tolist())
    pred = base.predict(held["a"].tolist(), held["b"].tolist())
    assert set(pred) <= {"agree", "contradict", "neutral"}
    majority = train["label"].value_counts().idxmax()
    assert accuracy(held["label"], pred) > accuracy(held["label"], [majority] * len(held)) + 0.1
    # seeded and deterministic: a second fit predicts the same labels
    again = SickOnlyBaseline(seed=0).fit(train["a"].tolist(), train["b"].tolist(), train["label"].tolist())
    assert again.predict(held["a"].tolist(), held["b"].tolist()).tolist() == pred.tolist()
    probs = base.predict_proba(held["a"].tolist()[:5], held["b"].tolist()[:5])
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)


def test_sick_only_errors():
    a = ["The ship was seized in the Kerch Strait.", "Russia denied any role in the attack."]
    b = ["Russian forces seized the ship near Kerch."]
    base = SickOnlyBaseline()
    with pytest.raises(ValueError, match="The 'b' parameter of SickOnlyBaseline.fit must be a list of str "
                                         "as long as a"):
        base.fit(a, b, ["agree", "neutral"])
    with pytest.raises(ValueError, match="The 'labels' parameter of SickOnlyBaseline.fit must be a sequence as long"):
        base.fit(a, a, ["agree"])
    with pytest.raises(TypeError, match="The 'a' parameter of SickOnlyBaseline.predict"):
        base.predict("one string", b)
    with pytest.raises(RuntimeError, match="needs a fitted baseline"):
        base.predict(a[:1], b)
    with pytest.raises(ValueError, match="The 'C' parameter of SickOnlyBaseline must be a float > 0"):
        SickOnlyBaseline(C=0.0)
