"""The narrcomp command line: composes the pipeline, exit code 2 on bad input."""

import json
import subprocess
import sys

import pandas as pd
import pytest

from narrcomp.cli import main


def test_compare_writes_tables_manifest_and_report(tiny_corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["compare", str(tiny_corpus), "--out", str(out), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert f"Report: {(out / 'report.html').resolve()}" in printed
    for name in ("claims", "matches", "agreement", "coverage", "unique", "divergence", "narratives",
                 "documents", "errors"):
        assert (out / f"{name}.parquet").is_file(), name
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["parameters"]["threshold"] == 0.5
    assert manifest["models"]["embedding"]["weights_sha256"]
    claims = pd.read_parquet(out / "claims.parquet")
    assert set(claims["source"]) == {"OPCW FFM", "Outlet", "Ministry"}
    assert "<html" in (out / "report.html").read_text()[:200].lower()


def test_report_rebuilds_from_a_saved_comparison(tiny_corpus, tmp_path):
    out = tmp_path / "out"
    assert main(["compare", str(tiny_corpus), "--out", str(out), "--quiet", "--reference", "OPCW FFM"]) == 0
    (out / "report.html").unlink()
    assert main(["report", str(out)]) == 0
    html = (out / "report.html").read_text()
    assert "Claims contradicted by the reference" in html and "Ministry" in html


def test_claims_prints_and_writes(tiny_corpus, tmp_path, capsys):
    assert main(["claims", str(tiny_corpus / "outlet.md")]) == 0
    assert "staged by the White Helmets" in capsys.readouterr().out
    target = tmp_path / "claims.csv"
    assert main(["claims", str(tiny_corpus), "--out", str(target)]) == 0
    assert len(pd.read_csv(target)) >= 7


@pytest.mark.parametrize("argv, message", [
    (["compare", "no/such/corpus", "--out", "x"], "corpus not found: no/such/corpus"),
    (["report", "no/such/folder"], "saved comparison not found"),
    (["claims", "missing.txt"], "file or folder not found"),
])
def test_bad_input_exits_2_with_one_line(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err


def test_bad_arguments_exit_2_and_help_works():
    run = subprocess.run([sys.executable, "-m", "narrcomp.cli", "compare"], capture_output=True, text=True)
    assert run.returncode == 2 and "--out" in run.stderr
    run = subprocess.run([sys.executable, "-m", "narrcomp.cli", "compare", "--help"], capture_output=True, text=True)
    assert run.returncode == 0 and "report.html" in run.stdout


def test_bad_parameter_value_is_one_line(tiny_corpus, tmp_path, capsys):
    assert main(["compare", str(tiny_corpus), "--out", str(tmp_path / "o"), "--k", "0", "--quiet"]) == 2
    assert "The 'k' parameter of compare must be an int >= 1. Got 0 instead." in capsys.readouterr().err
