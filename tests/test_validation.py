"""One wording for every parameter error."""

import pytest

from narrcomp import _validation as v


def test_int_error_reads_like_scikit_learn():
    with pytest.raises(ValueError, match=r"^The 'k' parameter of match must be an int >= 1\. Got 0 instead\.$"):
        v.check_int(0, "k", "match", min=1)


def test_int_rejects_bool_and_float_with_type_error():
    with pytest.raises(TypeError, match="must be an int >= 1. Got True instead"):
        v.check_int(True, "k", "match", min=1)
    with pytest.raises(TypeError, match="Got 2.5 instead"):
        v.check_int(2.5, "k", "match", min=1)
    assert v.check_int(3, "k", "match", min=1) == 3


def test_float_range_and_nan():
    assert v.check_float(0.5, "threshold", "compare", min=0, max=1) == 0.5
    with pytest.raises(ValueError, match=r"must be a float in the range \[0, 1\]. Got 1.5 instead"):
        v.check_float(1.5, "threshold", "compare", min=0, max=1)
    with pytest.raises(ValueError, match="Got nan instead"):
        v.check_float(float("nan"), "threshold", "compare", min=0, max=1)


def test_choice_lists_the_options():
    with pytest.raises(ValueError, match=r"must be one of \{'dense', 'hybrid'\}. Got 'bm42' instead"):
        v.check_choice("bm42", "method", "match", ["dense", "hybrid"])
    assert v.check_choice(None, "method", "match", ["dense"], allow_none=True) is None


def test_bool_and_str():
    with pytest.raises(TypeError, match="The 'strict' parameter of load_corpus must be a bool. Got 'yes' instead."):
        v.check_bool("yes", "strict", "load_corpus")
    with pytest.raises(TypeError, match="must be a non-empty str"):
        v.check_str("", "model", "embed")
