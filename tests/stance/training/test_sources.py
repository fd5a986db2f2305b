"""Training-set readers on the shared data (skipped when it is absent)."""

from __future__ import annotations

import pytest

from narrcomp.stance.training import sources
from narrcomp.stance.training.mix import data_files


def test_clean_text_and_sentences():
    assert sources.clean_text("Telemundo -LRB- TV -RRB- is a network . ") == "Telemundo (TV) is a network."
    assert sources.clean_text("Look at this https://t.co/x pic.twitter.com/abc") == "Look at this"
    assert sources.split_sentences("The first one is here. The second one is there. Ok.") == \
        ["The first one is here.", "The second one is there."]


@pytest.mark.benchmarks
def test_sick_train_excludes_the_test_split(eval_data):
    table = sources.read_sick_train(eval_data / "stance-train" / "sick_split")
    assert len(table) == 7875
    assert set(table["label"]) == {"agree", "contradict", "neutral"}


@pytest.mark.benchmarks
def test_emergent_and_covidfact(eval_data):
    emergent = sources.read_emergent(eval_data / "stance-train" / "emergent")
    assert emergent["label"].value_counts().to_dict() == {"agree": 1238, "neutral": 962,
                                                         "contradict": 395}
    covid = sources.read_covidfact(eval_data / "stance-train" / "covidfact")
    twins = covid[(covid["label"] == "contradict")]
    assert len(twins) > 1000 and (twins["a"] != twins["b"]).all()


@pytest.mark.benchmarks
def test_data_files_lists_hashes(eval_data):
    files = data_files(eval_data, {"emergent": {}, "sick": {}})
    assert len(files) == 2 and all(len(h) == 64 for h in files.values())
