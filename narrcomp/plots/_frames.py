"""Turn the ``data`` argument of a plot function into the table it draws.

Every plot function accepts either a :class:`narrcomp.Comparison`
(duck-typed: anything with the aggregate method) or the DataFrame that the
method returns. This module resolves the two, checks the columns, and finds
the full source list so colours stay stable across figures.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

import pandas as pd

from narrcomp._validation import param_error
from narrcomp.plots._style import source_colors

__all__ = ["resolve_frame", "require_columns", "palette_for", "source_axis_order"]


def resolve_frame(data, method_name: str, columns: Sequence[str], func: str, /,
                  **kwargs) -> pd.DataFrame:
    """Return the aggregate table behind ``data`` with ``columns`` checked.

    Parameters
    ----------
    data : Comparison or pandas.DataFrame
        A comparison (its ``method_name`` is called with ``kwargs``) or the table.
    method_name : str
        Name of the ``Comparison`` method that produces the table.
    columns : sequence of str
        Columns the figure needs.
    func : str
        Name of the public plot function, for error messages.
    """
    if isinstance(data, pd.DataFrame):
        frame = data
    elif callable(getattr(data, method_name, None)):
        frame = getattr(data, method_name)(**kwargs)
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"Comparison.{method_name}() returned {type(frame).__name__}, "
                            f"not a pandas DataFrame; {func} cannot draw it.")
    else:
        raise param_error("data", func, f"a Comparison or the DataFrame returned by "
                          f"Comparison.{method_name}()", data, TypeError)
    require_columns(frame, columns, func, f"Comparison.{method_name}()")
    return frame


def require_columns(frame: pd.DataFrame, columns: Iterable[str], func: str, origin: str,
                    name: str = "data") -> None:
    """Raise a ``ValueError`` naming the columns ``frame`` lacks."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"The {name!r} parameter of {func} lacks the column(s) "
            f"{', '.join(repr(c) for c in missing)} of {origin}. "
            f"Got columns {list(map(str, frame.columns))} instead.")


def palette_for(data, frame: pd.DataFrame, colors: Mapping[str, str] | None, func: str,
                source_columns: Sequence[str] = ("source",)) -> dict[str, str]:
    """Colours for all sources: ``colors`` if given, else from every source of
    the comparison (``data.claims``), else from the sources in ``frame``."""
    sources: set[str] = set()
    for column in source_columns:
        if column in frame.columns:
            sources.update(frame[column].dropna().astype(str))
    if colors is not None:
        if not isinstance(colors, Mapping):
            raise param_error("colors", func,
                              "a mapping of source to colour or None", colors, TypeError)
        missing = sources.difference(colors)
        fallback = source_colors(missing) if missing else {}
        return {**fallback, **dict(colors)}
    claims = getattr(data, "claims", None)
    if isinstance(claims, pd.DataFrame) and "source" in claims.columns:
        sources.update(claims["source"].dropna().astype(str))
    return source_colors(sources)


def source_axis_order(data, present: Iterable[str], order: Sequence[str] | None,
                      func: str) -> list[str]:
    """Sources to show, in display order.

    ``order`` wins; else ``data.source_order()`` when ``data`` is a comparison;
    else sorted. Sources in ``present`` but not in the order go last, sorted.
    """
    present = list(dict.fromkeys(str(s) for s in present))
    if order is not None:
        if isinstance(order, str) or not all(isinstance(s, str) for s in order):
            raise param_error("order", func, "a list of source names or None", order, TypeError)
        base = list(order)
    elif callable(getattr(data, "source_order", None)):
        base = [str(s) for s in data.source_order()]
    else:
        base = sorted(present)
    shown = [s for s in base if s in set(present)]
    return shown + sorted(set(present).difference(shown))
