"""Parameter checks with one consistent wording.

Every public function checks its parameters up front and raises
``ValueError`` or ``TypeError`` worded like scikit-learn's::

    The 'k' parameter of match must be an int >= 1. Got 0 instead.

Use these helpers rather than writing messages by hand, so the wording stays
the same everywhere (tests/test_validation.py checks it).
"""

from __future__ import annotations

import numbers
from typing import Any, Iterable

__all__ = [
    "check_array",
    "check_int",
    "check_float",
    "check_bool",
    "check_choice",
    "check_str",
    "param_error",
]


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return text


def param_error(name: str, func: str, expected: str, value: Any, exc=ValueError):
    """Build (not raise) the standard parameter error."""
    return exc(
        f"The {name!r} parameter of {func} must be {expected}. "
        f"Got {_describe(value)} instead."
    )


def check_int(value, name, func, *, min=None, max=None, allow_none=False):
    """Return ``value`` as int or raise the standard error."""
    if value is None and allow_none:
        return None
    bounds = _bounds_text(min, max, ">=", "<=")
    expected = ("an int" + bounds) + (" or None" if allow_none else "")
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise param_error(name, func, expected, value, TypeError)
    if (min is not None and value < min) or (max is not None and value > max):
        raise param_error(name, func, expected, value)
    return int(value)


def check_float(value, name, func, *, min=None, max=None, allow_none=False,
                min_inclusive=True, max_inclusive=True):
    """Return ``value`` as float or raise the standard error."""
    if value is None and allow_none:
        return None
    lo = ">=" if min_inclusive else ">"
    hi = "<=" if max_inclusive else "<"
    expected = "a float" + _bounds_text(min, max, lo, hi) + (" or None" if allow_none else "")
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise param_error(name, func, expected, value, TypeError)
    value = float(value)
    if value != value:  # NaN
        raise param_error(name, func, expected, value)
    if min is not None and (value < min if min_inclusive else value <= min):
        raise param_error(name, func, expected, value)
    if max is not None and (value > max if max_inclusive else value >= max):
        raise param_error(name, func, expected, value)
    return value


def check_array(value, name, func, *, ndim: int, dtype=float, shape_text: str | None = None):
    """Return ``value`` as a finite numpy array with ``ndim`` dimensions, or raise.

    >>> check_array([0.1, 0.5], "cosine", "f", ndim=1).tolist()
    [0.1, 0.5]
    """
    import numpy as np

    what = f"a {ndim}-D array"
    try:
        array = np.asarray(value, dtype=dtype)
    except (TypeError, ValueError):
        raise param_error(name, func, f"{what} of numbers", value, TypeError) from None
    if array.ndim != ndim:
        expected = f"{what} of shape {shape_text}" if shape_text else f"{what} of numbers"
        raise param_error(name, func, expected, f"shape {array.shape}")
    if not np.isfinite(array).all():
        raise param_error(name, func, f"{what} of finite numbers", "NaN or inf values")
    return array


def check_bool(value, name, func):
    """Return ``value`` if it is a bool or raise the standard error."""
    if not isinstance(value, bool):
        raise param_error(name, func, "a bool", value, TypeError)
    return value


def check_str(value, name, func, *, allow_none=False):
    if value is None and allow_none:
        return None
    if not isinstance(value, str) or not value:
        expected = "a non-empty str" + (" or None" if allow_none else "")
        raise param_error(name, func, expected, value, TypeError)
    return value


def check_choice(value, name, func, choices: Iterable, *, allow_none=False):
    """Return ``value`` if it is one of ``choices`` or raise the standard error."""
    choices = list(choices)
    if value is None and allow_none:
        return None
    if value not in choices:
        opts = ", ".join(repr(c) for c in choices)
        expected = f"one of {{{opts}}}" + (" or None" if allow_none else "")
        raise param_error(name, func, expected, value)
    return value


def _bounds_text(min, max, lo, hi):
    if min is not None and max is not None:
        return f" in the range [{min}, {max}]" if (lo, hi) == (">=", "<=") else f" {lo} {min} and {hi} {max}"
    if min is not None:
        return f" {lo} {min}"
    if max is not None:
        return f" {hi} {max}"
    return ""
