"""Model loading offline, model identity, clear errors for unavailable models."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from narrcomp.embeddings import embed, model_info
from narrcomp.embeddings.models import (DEFAULT_MODEL_NAME, load_model, model_identity,
                                        resolve_model, weights_sha256)
from narrcomp.errors import ModelNotAvailableError, NarrcompError

from .conftest import SENTENCES


def test_weights_hash_is_over_sorted_weight_files(tmp_path):
    (tmp_path / "b.safetensors").write_bytes(b"second")
    (tmp_path / "a.bin").write_bytes(b"first")
    (tmp_path / "config.json").write_text("{}")
    assert weights_sha256(tmp_path) == hashlib.sha256(b"firstsecond").hexdigest()
    (tmp_path / "a.bin").write_bytes(b"First")
    assert weights_sha256(tmp_path) == hashlib.sha256(b"Firstsecond").hexdigest()


def test_folder_without_weights_is_an_error(tmp_path):
    with pytest.raises(ModelNotAvailableError, match="no weight files"):
        weights_sha256(tmp_path)


@pytest.mark.slow
def test_model_info_of_the_bundled_model(st_model):
    info = model_info()
    assert info["name"] == DEFAULT_MODEL_NAME
    assert (info["dim"], info["max_seq_length"]) == (384, 256)
    weights = sorted(p for p in __import__("pathlib").Path(info["path"]).glob("*.safetensors"))
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in weights)).hexdigest()
    assert info["weights_sha256"] == digest
    assert model_identity(info).startswith(f"{DEFAULT_MODEL_NAME}|sha256:{digest}")


@pytest.mark.slow
def test_local_path_and_instance_give_the_default_vectors(st_model):
    path = model_info()["path"]
    default = embed(SENTENCES[:3], cache=False)
    np.testing.assert_array_equal(embed(SENTENCES[:3], model=path, cache=False), default)
    np.testing.assert_allclose(embed(SENTENCES[:3], model=st_model, cache=False), default,
                               atol=1e-6)
    assert load_model(path) is load_model(None)  # memoised per (folder, device)


def test_hub_name_offline_gives_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    with pytest.raises(ModelNotAvailableError) as caught:
        embed(["a claim"], model="sentence-transformers/does-not-exist-xyz", cache=False)
    message = str(caught.value)
    assert "sentence-transformers/does-not-exist-xyz" in message
    assert "HF_HOME" in message and "download it where there is network" in message
    assert "model=None" in message
    assert caught.value.__cause__ is None  # no deep chained traceback
    assert isinstance(caught.value, NarrcompError)


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(ModelNotAvailableError, match="model folder does not exist"):
        resolve_model(str(tmp_path / "no" / "such" / "model"))


def test_folder_that_is_not_a_model_is_named(tmp_path):
    with pytest.raises(ModelNotAvailableError, match="not a sentence-transformers model folder"):
        resolve_model(str(tmp_path))


def test_wrong_model_type_is_named():
    with pytest.raises(TypeError, match="The 'model' parameter of embed must be"):
        resolve_model(3.5)
