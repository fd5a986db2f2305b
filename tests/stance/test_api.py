"""classify_stance: symmetry, row order, DataFrame input, attribution, parameter errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from narrcomp.stance import classify_stance, stance_model_info

A = ["The ministry claimed no attack took place.",
     "Malaysia Airlines flight MH17 was shot down over eastern Ukraine in July 2014.",
     "Navalny was poisoned with a Novichok nerve agent.",
     "Investigators said the convoy was hit by an air strike."]
B = ["An attack took place.",
     "A Buk missile brought down MH17 above the Donetsk region.",
     "German doctors found no trace of poison in Navalny's blood.",
     "The aid convoy caught fire without any air strike, Russia said."]
COLUMNS = ["label", "p_agree", "p_contradict", "p_neutral", "attribution_a", "attribution_b"]


def test_columns_probabilities_and_attribution(tiny_model):
    out = classify_stance(A, B, model=tiny_model)
    assert list(out.columns) == COLUMNS and len(out) == 4
    probs = out[["p_agree", "p_contradict", "p_neutral"]].to_numpy()
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-6)
    assert set(out["label"]) <= {"agree", "contradict", "neutral"}
    assert out.loc[0, "attribution_a"] == "The ministry"
    assert out.loc[3, "attribution_b"] == "Russia"
    assert out.loc[1, "attribution_a"] == ""


def test_symmetric_in_the_two_sides(tiny_model):
    forward = classify_stance(A, B, model=tiny_model)
    backward = classify_stance(B, A, model=tiny_model)
    cols = ["p_agree", "p_contradict", "p_neutral"]
    np.testing.assert_allclose(forward[cols].to_numpy(), backward[cols].to_numpy(), atol=1e-6)
    assert forward["label"].tolist() == backward["label"].tolist()


def test_rows_stay_in_input_order(tiny_model):
    together = classify_stance(A, B, model=tiny_model, batch_size=3)
    reversed_ = classify_stance(A[::-1], B[::-1], model=tiny_model)
    np.testing.assert_allclose(together["p_agree"].to_numpy()[::-1],
                               reversed_["p_agree"].to_numpy(), atol=1e-6)
    single = classify_stance(A[2:3], B[2:3], model=tiny_model)
    assert single["p_contradict"].iloc[0] == pytest.approx(together["p_contradict"].iloc[2], abs=1e-6)


def test_denial_frame_exchanges_agree_and_contradict(tiny_model):
    plain = classify_stance(["Its troops killed civilians in Bucha."],
                            ["Soldiers killed civilians in Bucha."], model=tiny_model)
    denied = classify_stance(["Russia denied that its troops killed civilians in Bucha."],
                             ["Soldiers killed civilians in Bucha."], model=tiny_model)
    assert denied["p_agree"].iloc[0] == pytest.approx(plain["p_contradict"].iloc[0], abs=1e-6)
    assert denied["p_contradict"].iloc[0] == pytest.approx(plain["p_agree"].iloc[0], abs=1e-6)


def test_dataframe_input_keeps_its_index(tiny_model):
    frame = pd.DataFrame({"a": A, "b": B}, index=["w", "x", "y", "z"])
    out = classify_stance(frame, model=tiny_model)
    assert out.index.tolist() == ["w", "x", "y", "z"]
    np.testing.assert_allclose(out["p_neutral"].to_numpy(),
                               classify_stance(A, B, model=tiny_model)["p_neutral"].to_numpy())


def test_empty_input_gives_empty_table(tiny_model):
    out = classify_stance([], [], model=tiny_model)
    assert list(out.columns) == COLUMNS and len(out) == 0


@pytest.mark.parametrize("kwargs, error, message", [
    ({"batch_size": 0}, ValueError,
     "The 'batch_size' parameter of classify_stance must be an int >= 1. Got 0 instead."),
    ({"show_progress": "yes"}, TypeError, "The 'show_progress' parameter of classify_stance"),
    ({"client": object()}, TypeError, "The 'client' parameter of classify_stance"),
    ({"model": 3}, TypeError, "The 'model' parameter of classify_stance"),
])
def test_bad_parameters(kwargs, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        classify_stance(A, B, **kwargs)


def test_bad_pairs():
    with pytest.raises(ValueError, match="as long as 'a' \\(4\\)"):
        classify_stance(A, B[:2])
    with pytest.raises(TypeError, match="The 'a' parameter of classify_stance"):
        classify_stance("one claim", "another")
    with pytest.raises(TypeError, match="item 1 is int"):
        classify_stance(["x", 2], ["y", "z"])
    with pytest.raises(ValueError, match="The 'a' parameter of classify_stance"):
        classify_stance(pd.DataFrame({"left": A, "right": B}))


def test_model_info_for_a_folder(tiny_model):
    info = stance_model_info(tiny_model)
    assert len(info["weights_sha256"]) == 64
    assert info["calibration"]["kind"] == "identity"


@pytest.mark.slow
def test_dask_client_gives_identical_results(tiny_model):
    distributed = pytest.importorskip("distributed")
    local = classify_stance(A * 80, B * 80, model=tiny_model)  # 320 pairs: two chunks
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = classify_stance(A * 80, B * 80, model=tiny_model, client=client,
                                 show_progress=False)
    pd.testing.assert_frame_equal(local, remote)
