import json

import pytest

import narrcomp.comparison as nc
from narrcomp.errors import NarrcompError


def test_save_load_round_trip_is_identical(toy, tmp_path):
    toy.save(tmp_path / "one")
    loaded = nc.load_comparison(tmp_path / "one")
    assert loaded.claims.equals(toy.claims)
    assert loaded.matches.equals(toy.matches)
    assert (loaded.embeddings == toy.embeddings).all()
    assert loaded.divergence().equals(toy.divergence())
    loaded.save(tmp_path / "two")
    for name in ("claims", "matches", "agreement", "coverage", "narratives", "projection", "divergence"):
        assert (tmp_path / "one" / f"{name}.parquet").read_bytes() == (tmp_path / "two" / f"{name}.parquet").read_bytes()
    m1 = json.loads((tmp_path / "one" / "manifest.json").read_text())
    m2 = json.loads((tmp_path / "two" / "manifest.json").read_text())
    assert m1["manifest_sha256"] == m2["manifest_sha256"]
    assert m1["parameters"]["threshold"] == 0.5


def test_manifest_hash_changes_with_parameters_and_text(toy, tmp_path):
    toy.save(tmp_path / "a")
    toy.params = {**toy.params, "threshold": 0.6}
    toy.save(tmp_path / "b")
    toy.claims.loc[0, "text"] = "Changed."
    toy.save(tmp_path / "c")
    hashes = {json.loads((tmp_path / x / "manifest.json").read_text())["manifest_sha256"] for x in "abc"}
    assert len(hashes) == 3


def test_load_errors_name_the_folder(tmp_path):
    with pytest.raises(NarrcompError, match="manifest.json is missing"):
        nc.load_comparison(tmp_path)
    (tmp_path / "manifest.json").write_text(json.dumps({"parameters": {}, "models": {}}))
    (tmp_path / "claims.parquet").write_bytes(b"garbage")
    with pytest.raises(NarrcompError, match="cannot read the saved comparison"):
        nc.load_comparison(tmp_path)


def test_saved_files_are_not_pickles(toy, tmp_path):
    toy.save(tmp_path)
    for path in tmp_path.iterdir():
        assert not path.read_bytes().startswith(b"\x80"), path
