"""Source x source agreement heatmap (``Comparison.agreement()``)."""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from narrcomp._validation import check_bool, check_choice, check_str
from narrcomp.plots._frames import palette_for, resolve_frame, source_axis_order
from narrcomp.plots._style import (
    BLUE, DIVERGING_SCALE, VERMILLION, base_layout, empty_figure, escape_text, source_label,
)

__all__ = ["agreement_matrix"]

AGREEMENT_COLUMNS = ("source", "other_source", "n_claims", "n_agreed", "n_contradicted",
                     "n_related", "share_agreed", "share_contradicted")
_FUNC = "agreement_matrix"


def agreement_matrix(data, *, mode: str = "net", attributed: bool = True,
                     order: Sequence[str] | None = None,
                     colors: Mapping[str, str] | None = None,
                     title: str | None = "Agreement between sources") -> go.Figure:
    """Heatmap of how often each source's claims are agreed or contradicted by another.

    Row ``s``, column ``o`` describes the claims of ``s`` that were matched in
    ``o``. Counts are in the hover label.

    Parameters
    ----------
    data : Comparison or pandas.DataFrame
        A comparison, or the table from ``Comparison.agreement()``.
    mode : {"net", "split"}
        ``"net"``: one diverging panel of ``share_agreed - share_contradicted``
        (blue agrees, vermillion contradicts). ``"split"``: two panels, one
        for each share.
    attributed : bool
        Passed to ``Comparison.agreement`` (ignored for a DataFrame).
    order : list of str, optional
        Source order on both axes; default ``Comparison.source_order()``
        (sorted names for a DataFrame).
    colors : dict, optional
        Source colours (default :func:`~narrcomp.plots.source_colors` of all sources).
    title : str or None
        Figure title.

    Returns
    -------
    plotly.graph_objects.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"source": ["A", "B"], "other_source": ["B", "A"],
    ...     "n_claims": [4, 2], "n_agreed": [3, 0], "n_contradicted": [1, 2],
    ...     "n_related": [0, 0], "share_agreed": [0.75, 0.0],
    ...     "share_contradicted": [0.25, 1.0]})
    >>> fig = agreement_matrix(table)
    >>> fig.data[0].type
    'heatmap'
    """
    mode = check_choice(mode, "mode", _FUNC, ["net", "split"])
    attributed = check_bool(attributed, "attributed", _FUNC)
    check_str(title, "title", _FUNC, allow_none=True)
    frame = resolve_frame(data, "agreement", AGREEMENT_COLUMNS, _FUNC, attributed=attributed)
    if frame.empty:
        return empty_figure(title, "No matched claims between sources.")
    palette = palette_for(data, frame, colors, _FUNC, ("source", "other_source"))
    sources = source_axis_order(data, pd.concat([frame["source"], frame["other_source"]]),
                                order, _FUNC)
    grids = _grids(frame, sources)
    labels = [source_label(s, palette) for s in sources]
    hover = _hover_text(grids, sources)
    if mode == "net":
        fig = go.Figure(_heatmap(grids["share_agreed"] - grids["share_contradicted"], labels,
                                 hover, DIVERGING_SCALE, -1.0, 1.0,
                                 "agreed \u2212<br>contradicted", "%{z:+.2f}"))
    else:
        fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.12,
                            subplot_titles=("Share agreed", "Share contradicted"))
        for col, (key, color) in enumerate([("share_agreed", BLUE),
                                            ("share_contradicted", VERMILLION)], start=1):
            trace = _heatmap(grids[key], labels, hover, [[0, "#F7F7F7"], [1, color]], 0.0, 1.0,
                             key.replace("_", " "), "%{z:.2f}")
            trace.update(colorbar=dict(x=0.44 if col == 1 else 1.0, len=0.9),
                         showscale=True)
            fig.add_trace(trace, row=1, col=col)
    size = max(360, 110 + 70 * len(sources))
    base_layout(fig, title, height=size, width=size * (2 if mode == "split" else 1) + 160)
    fig.update_xaxes(title_text="Matched in", side="bottom", tickangle=-30)
    fig.update_yaxes(title_text="Claims of", autorange="reversed")
    return fig


def _grids(frame: pd.DataFrame, sources: list[str]) -> dict[str, np.ndarray]:
    """Pivot each numeric column to a ``sources x sources`` array (NaN where absent)."""
    table = frame.assign(source=frame["source"].astype(str),
                         other_source=frame["other_source"].astype(str))
    table = table.drop_duplicates(["source", "other_source"], keep="first")
    grids = {}
    for column in AGREEMENT_COLUMNS[2:]:
        pivot = table.pivot(index="source", columns="other_source", values=column)
        grids[column] = pivot.reindex(index=sources, columns=sources).to_numpy(dtype=float)
    return grids


def _hover_text(grids: dict[str, np.ndarray], sources: list[str]) -> list[list[str]]:
    rows = []
    for i, source in enumerate(sources):
        row = []
        for j, other in enumerate(sources):
            n = grids["n_claims"][i, j]
            head = f"<b>{escape_text(source)}</b> claims matched in <b>{escape_text(other)}</b>"
            if n != n:  # NaN: no row for this pair
                row.append(head + "<br>no matched claims")
                continue
            row.append(
                f"{head}<br>{int(n)} matched claims"
                f"<br>agreed: {int(grids['n_agreed'][i, j])} "
                f"({grids['share_agreed'][i, j]:.0%})"
                f"<br>contradicted: {int(grids['n_contradicted'][i, j])} "
                f"({grids['share_contradicted'][i, j]:.0%})"
                f"<br>related: {int(grids['n_related'][i, j])}")
        rows.append(row)
    return rows


def _heatmap(z, labels, hover, scale, zmin, zmax, bar_title, texttemplate) -> go.Heatmap:
    return go.Heatmap(z=z, x=labels, y=labels, zmin=zmin, zmax=zmax, colorscale=scale,
                      hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
                      texttemplate=texttemplate, xgap=2, ygap=2,
                      colorbar=dict(title=dict(text=bar_title)))
