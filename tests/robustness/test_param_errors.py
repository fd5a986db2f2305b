"""Every public function rejects bad parameters with the one wording of narrcomp._validation.

    The 'k' parameter of match must be an int >= 1. Got 0 instead.

Each case calls a public function with one bad parameter and checks the
exception type, the parameter name, the function name and the whole wording.
Functions whose module has not landed yet are skipped with the reason.
Every call fails in its up-front checks, so no model is loaded.
"""

from __future__ import annotations

import importlib
import re

import numpy as np
import pandas as pd
import pytest

WORDING = re.compile(
    r"^The '(?P<name>\w+)' parameter of (?P<func>[\w.]+) must be (?P<expected>.+)\. "
    r"Got (?P<got>.+) instead\.$",
    re.S,
)


def _public(module: str, name: str):
    """Import ``module.name`` or skip the test, naming what is missing."""
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ImportError as exc:
        pytest.skip(f"{module} is not there yet ({exc})")
    if found is None:
        pytest.skip(f"{module}.{name} is not there yet")
    return found


def _claims():
    from narrcomp import extract_claims

    return extract_claims("The OPCW found chlorine in Douma on 7 April 2018. "
                          "Russia denied that any attack took place in Douma in April 2018.")


# (module, function, call(func), exception, parameter, function name in the message)
CASES = [
    ("narrcomp", "load_corpus", lambda f: f("Chlorine was used.", strict="yes"), TypeError, "strict", "load_corpus"),
    ("narrcomp", "load_corpus", lambda f: f("Chlorine was used.", recursive=1), TypeError, "recursive", "load_corpus"),
    ("narrcomp", "load_corpus", lambda f: f("Chlorine was used.", show_progress="no"), TypeError,
     "show_progress", "load_corpus"),
    ("narrcomp", "load_corpus", lambda f: f(42), TypeError, "path_or_data", "load_corpus"),
    ("narrcomp", "load_corpus", lambda f: f("   "), ValueError, "path_or_data", "load_corpus"),
    ("narrcomp", "load_corpus", lambda f: f([1, 2]), TypeError, "path_or_data", "load_corpus"),
    ("narrcomp", "load_corpus", lambda f: f(pd.DataFrame({"body": ["x"]})), ValueError, "path_or_data",
     "load_corpus"),
    ("narrcomp", "extract_claims", lambda f: f("Chlorine was used in Douma.", threshold=1.5), ValueError,
     "threshold", "extract_claims"),
    ("narrcomp", "extract_claims", lambda f: f("Chlorine was used in Douma.", threshold="high"), TypeError,
     "threshold", "extract_claims"),
    ("narrcomp", "extract_claims", lambda f: f("Chlorine was used in Douma.", threshold=float("nan")), ValueError,
     "threshold", "extract_claims"),
    ("narrcomp", "extract_claims", lambda f: f("Chlorine was used in Douma.", keep_all="all"), TypeError,
     "keep_all", "extract_claims"),
    ("narrcomp", "extract_claims", lambda f: f("Chlorine was used in Douma.", show_progress=0), TypeError,
     "show_progress", "extract_claims"),
    ("narrcomp", "extract_claims", lambda f: f(42), TypeError, "corpus_or_text", "extract_claims"),
    ("narrcomp", "extract_claims", lambda f: f(""), ValueError, "corpus_or_text", "extract_claims"),
    ("narrcomp.embeddings", "embed", lambda f: f(["a"], batch_size=0), ValueError, "batch_size", "embed"),
    ("narrcomp.embeddings", "embed", lambda f: f("one string"), TypeError, "texts_or_claims", "embed"),
    ("narrcomp.embeddings", "embed", lambda f: f(["a"], cache=3), TypeError, "cache", "embed"),
    ("narrcomp.embeddings", "embed", lambda f: f(["a"], show_progress="yes"), TypeError, "show_progress", "embed"),
    ("narrcomp.embeddings", "embed", lambda f: f(["a"], model=3), TypeError, "model", "embed"),
    ("narrcomp.matching", "match", lambda f: f(["a"], ["b"], k=0), ValueError, "k", "match"),
    ("narrcomp.matching", "match", lambda f: f(["a"], ["b"], method="magic"), ValueError, "method", "match"),
    ("narrcomp.matching", "match", lambda f: f(["a"], ["b"], weight=-1.0), ValueError, "weight", "match"),
    ("narrcomp.matching", "match", lambda f: f(["a"], ["b"], pool=0), ValueError, "pool", "match"),
    ("narrcomp.matching", "match", lambda f: f(3), TypeError, "queries", "match"),
    ("narrcomp.matching", "match_embeddings", lambda f: f(np.eye(3, dtype=np.float32), np.eye(3, dtype=np.float32),
                                                          k=0), ValueError, "k", "match_embeddings"),
    ("narrcomp.matching", "match_embeddings", lambda f: f(np.eye(3, dtype=np.float32), np.eye(3, dtype=np.float32),
                                                          index="magic"), ValueError, "index", "match_embeddings"),
    ("narrcomp.matching", "match_embeddings", lambda f: f(np.ones(3, dtype=np.float32), np.eye(3, dtype=np.float32)),
     ValueError, "queries", "match_embeddings"),
    ("narrcomp.comparison", "compare", lambda f: f("claims"), TypeError, "claims", "compare"),
    ("narrcomp.comparison", "compare", lambda f: f(_claims(), k=0), ValueError, "k", "compare"),
    ("narrcomp.comparison", "compare", lambda f: f(_claims(), threshold=1.5), ValueError, "threshold", "compare"),
    ("narrcomp.comparison", "compare", lambda f: f(_claims(), show_progress=1), TypeError, "show_progress", "compare"),
    ("narrcomp.comparison.calibration", "calibrate", lambda f: f(pd.DataFrame({"a": ["x"] * 10, "b": ["y"] * 10,
                                                                            "label": ["agree"] * 10}),
                                                          return_report="yes"), TypeError, "return_report",
     "calibrate"),
    ("narrcomp.comparison.calibration", "calibrate", lambda f: f("pairs"), TypeError, "labelled_pairs", "calibrate"),
    ("narrcomp.stance", "classify_stance", lambda f: f(["a"], ["b"], show_progress="yes"), TypeError,
     "show_progress", "classify_stance"),
    ("narrcomp.plots", "agreement_matrix", lambda f: f(pd.DataFrame(), mode="x"), ValueError, "mode",
     "agreement_matrix"),
    ("narrcomp.plots", "claim_map", lambda f: f(pd.DataFrame(), wrap=0), ValueError, "wrap", "claim_map"),
    ("narrcomp.plots", "timeline", lambda f: f(pd.DataFrame(), period="x"), ValueError, "period", "timeline"),
    ("narrcomp.plots", "narrative_matrix", lambda f: f(pd.DataFrame(), max_narratives=0), ValueError,
     "max_narratives", "narrative_matrix"),
    ("narrcomp.plots", "divergence", lambda f: f(3), TypeError, "data", "divergence"),
    ("narrcomp.plots", "coverage", lambda f: f(3), TypeError, "data", "coverage"),
    ("narrcomp.plots", "alignment", lambda f: f(3, "Sputnik"), TypeError, "data", "alignment"),
    ("narrcomp.plots", "save", lambda f: f(None, "figure.png"), TypeError, "fig", "save"),
]


# Functions that import another stage when called, so skip until that stage is there.
REQUIRES = {"calibrate": ("narrcomp.stance", "classify_stance")}


def _case_id(case) -> str:
    values = case.values if hasattr(case, "values") else case
    return f"{values[1]}-{values[4]}"


@pytest.mark.parametrize("module, name, call, exc, param, func", CASES, ids=[_case_id(c) for c in CASES])
def test_bad_parameter_has_the_standard_wording(module, name, call, exc, param, func):
    target = _public(module, name)
    if name in REQUIRES:
        _public(*REQUIRES[name])
    with pytest.raises(exc) as info:
        call(target)
    message = str(info.value)
    found = WORDING.match(message)
    assert found, f"non-standard wording: {message!r}"
    assert (found["name"], found["func"]) == (param, func), message


def test_the_wording_check_rejects_a_hand_written_message():
    assert WORDING.match("k must be positive") is None
    assert WORDING.match("The 'k' parameter of match must be an int >= 1. Got 0 instead.")["func"] == "match"


def test_the_rejected_value_is_quoted_in_the_message():
    from narrcomp import extract_claims

    with pytest.raises(ValueError, match=r"Got 1\.5 instead\.$"):
        extract_claims("Chlorine was used in Douma.", threshold=1.5)
    with pytest.raises(TypeError, match=r"Got 'all' instead\.$"):
        extract_claims("Chlorine was used in Douma.", keep_all="all")
