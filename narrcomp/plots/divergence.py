"""Per-source stacked bars of claim status shares (``Comparison.divergence()``)."""

from __future__ import annotations

from typing import Mapping, Sequence

import plotly.graph_objects as go

from narrcomp._validation import check_str
from narrcomp.plots._frames import palette_for, resolve_frame, source_axis_order
from narrcomp.plots._style import (
    STATUS_COLORS, base_layout, empty_figure, escape_text, source_label,
)

__all__ = ["divergence"]

STATUSES = ("agreed", "contradicted", "related", "unmatched")
DIVERGENCE_COLUMNS = ("source", "n_claims", *(f"n_{s}" for s in STATUSES),
                      *(f"share_{s}" for s in STATUSES), "divergence")
_FUNC = "divergence"


def divergence(data, *, order: Sequence[str] | None = None,
               colors: Mapping[str, str] | None = None,
               title: str | None = "Status of each source's claims") -> go.Figure:
    """Stacked horizontal bars: the share of each source's claims agreed,
    contradicted, related and unmatched, with the divergence score beside each bar.

    Parameters
    ----------
    data : Comparison or pandas.DataFrame
        A comparison, or the table from ``Comparison.divergence()``.
    order : list of str, optional
        Source order, top to bottom; default ``Comparison.source_order()``
        (sorted names for a DataFrame).
    colors : dict, optional
        Source colours for the key squares beside the names.
    title : str or None
        Figure title.

    Returns
    -------
    plotly.graph_objects.Figure
        One ``go.Bar`` trace per status, in the order agreed, contradicted,
        related, unmatched, then a text trace with each source's divergence.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"source": ["A"], "n_claims": [4], "n_agreed": [2],
    ...     "n_contradicted": [1], "n_related": [0], "n_unmatched": [1],
    ...     "share_agreed": [0.5], "share_contradicted": [0.25], "share_related": [0.0],
    ...     "share_unmatched": [0.25], "divergence": [1 / 3]})
    >>> [trace.name for trace in divergence(table).data if trace.type == "bar"]
    ['agreed', 'contradicted', 'related', 'unmatched']
    """
    check_str(title, "title", _FUNC, allow_none=True)
    frame = resolve_frame(data, "divergence", DIVERGENCE_COLUMNS, _FUNC)
    if frame.empty:
        return empty_figure(title, "No claims to show.")
    palette = palette_for(data, frame, colors, _FUNC)
    sources = source_axis_order(data, frame["source"], order, _FUNC)
    rows = frame.assign(source=frame["source"].astype(str)).drop_duplicates("source")
    rows = rows.set_index("source").loc[sources]
    labels = [source_label(s, palette) for s in sources]
    fig = go.Figure()
    for status in STATUSES:
        counts = rows[f"n_{status}"].astype(int).tolist()
        fig.add_trace(go.Bar(
            name=status, orientation="h", y=labels, x=rows[f"share_{status}"].tolist(),
            marker=dict(color=STATUS_COLORS[status], line=dict(color="white", width=1)),
            customdata=[[escape_text(s), n, int(t)] for s, n, t in
                        zip(sources, counts, rows["n_claims"])],
            hovertemplate=("<b>%{customdata[0]}</b><br>" + status +
                           ": %{customdata[1]} of %{customdata[2]} claims (%{x:.0%})"
                           "<extra></extra>"),
        ))
    fig.add_trace(go.Scatter(
        x=[1.02] * len(sources), y=labels, mode="text", showlegend=False, hoverinfo="skip",
        text=[f"{d:.2f}" for d in rows["divergence"]], textposition="middle right",
        name="divergence"))
    base_layout(fig, title, height=max(260, 140 + 48 * len(sources)))
    fig.update_layout(barmode="stack", bargap=0.35,
                      legend=dict(orientation="h", y=1.0, x=0, yanchor="bottom",
                                  traceorder="normal"))
    fig.update_xaxes(title_text="Share of the source's claims", tickformat=".0%",
                     range=[0, 1.15], tickvals=[0, 0.25, 0.5, 0.75, 1.0])
    fig.update_yaxes(autorange="reversed")
    fig.add_annotation(text="divergence", x=1.02, y=1.0, xref="x", yref="paper",
                       xanchor="left", yanchor="bottom", showarrow=False,
                       font=dict(size=11))
    return fig
