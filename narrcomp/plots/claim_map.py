"""Every claim as a point in 2-D (``Comparison.projection()``), optionally joined to its matches."""

from __future__ import annotations

from typing import Mapping

import pandas as pd
import plotly.graph_objects as go

from narrcomp._validation import check_bool, check_int, check_str, param_error
from narrcomp.plots._frames import palette_for, require_columns, resolve_frame
from narrcomp.plots._style import (
    GREY, MISSING, STATUS_SYMBOLS, VERMILLION, base_layout, empty_figure,
    escape_text, wrap_text,
)

__all__ = ["claim_map"]

PROJECTION_COLUMNS = ("claim_id", "x", "y", "source", "status", "text", "date", "attribution")
MATCH_COLUMNS = ("claim_id", "match_claim_id", "stance")
_FUNC = "claim_map"


def claim_map(data, *, show_matches: bool = False, matches: pd.DataFrame | None = None,
              method: str = "auto", random_state: int = 0,
              colors: Mapping[str, str] | None = None, wrap: int = 60,
              title: str | None = "Claims by similarity") -> go.Figure:
    """Scatter every claim at its projected position.

    Colour is the source, marker shape the claim's status against the
    reference; the hover shows the wrapped claim text, source, date and
    attribution. The coordinates come from ``Comparison.projection()``; this
    function does no projection of its own.

    Parameters
    ----------
    data : Comparison or pandas.DataFrame
        A comparison, or the table from ``Comparison.projection()``.
    show_matches : bool
        Draw a line between the two claims of each matched pair, vermillion
        for contradictions and grey otherwise.
    matches : pandas.DataFrame, optional
        ``Comparison.matches`` (needed with ``show_matches`` when ``data`` is
        a DataFrame; defaults to ``data.matches`` for a comparison).
    method, random_state
        Passed to ``Comparison.projection`` (ignored for a DataFrame).
    colors : dict, optional
        Source colours (default :func:`~narrcomp.plots.source_colors` of all sources).
    wrap : int
        Characters per line of the claim text in the hover.
    title : str or None
        Figure title.

    Returns
    -------
    plotly.graph_objects.Figure
        Match lines first (``"agreeing or related match"``, ``"contradiction"``),
        then per source one ``go.Scatter`` of its claims (``showlegend=False``)
        and its legend entry, then legend-only traces for the status symbols
        (in ``legend2``).

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"claim_id": ["c-1", "c-2"], "x": [0.0, 1.0], "y": [0.0, 1.0],
    ...     "source": ["A", "B"], "status": ["agreed", "contradicted"],
    ...     "text": ["Chlorine was used.", "No <b>attack</b>."],
    ...     "date": ["2018-04-08", None], "attribution": ["", "the ministry"]})
    >>> fig = claim_map(table)
    >>> [trace.name for trace in fig.data if trace.hovertext is not None]
    ['A', 'B']
    """
    show_matches = check_bool(show_matches, "show_matches", _FUNC)
    wrap = check_int(wrap, "wrap", _FUNC, min=10)
    check_str(title, "title", _FUNC, allow_none=True)
    frame = resolve_frame(data, "projection", PROJECTION_COLUMNS, _FUNC,
                          method=method, random_state=random_state)
    if frame.empty:
        return empty_figure(title, "No claims to show.")
    palette = palette_for(data, frame, colors, _FUNC)
    frame = frame.assign(source=frame["source"].astype(str))
    fig = go.Figure()
    if show_matches:
        pairs = _match_table(data, matches)
        for trace in _match_lines(frame, pairs):
            fig.add_trace(trace)
    for source in sorted(frame["source"].unique()):
        points = frame[frame["source"] == source]
        fig.add_trace(go.Scatter(
            x=points["x"].tolist(), y=points["y"].tolist(), mode="markers",
            name=escape_text(source), legendgroup=f"source:{source}", showlegend=False,
            marker=dict(color=palette[source], size=11, opacity=0.9,
                        symbol=[STATUS_SYMBOLS.get(s, "circle") for s in points["status"]],
                        line=dict(width=1.5, color=palette[source])),
            customdata=points["claim_id"].tolist(),
            hovertext=[_hover(row, wrap) for row in points.itertuples(index=False)],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
        # Legend entry with a neutral symbol (the data trace mixes status symbols).
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=escape_text(source),
            legendgroup=f"source:{source}", hoverinfo="skip",
            marker=dict(color=palette[source], size=11, symbol="square")))
    for status, symbol in STATUS_SYMBOLS.items():
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=status, legend="legend2",
            hoverinfo="skip",
            marker=dict(symbol=symbol, color=GREY, size=11, line=dict(width=1.5, color=GREY))))
    base_layout(fig, title, height=650)
    fig.update_layout(
        legend=dict(title=dict(text="Source"), groupclick="togglegroup", y=1, yanchor="top"),
        legend2=dict(title=dict(text="Status and matches"), y=0.5, yanchor="top"))
    for axis in (fig.update_xaxes, fig.update_yaxes):
        axis(showticklabels=False, zeroline=False, showgrid=False)
    fig.update_xaxes(title_text="Projection 1")
    fig.update_yaxes(title_text="Projection 2")
    return fig


def _hover(row, wrap: int) -> str:
    date = row.date if isinstance(row.date, str) and row.date else MISSING
    lines = [f"<b>{escape_text(row.source)}</b> \u00b7 {escape_text(date)}",
             f"status: {escape_text(row.status)}"]
    if isinstance(row.attribution, str) and row.attribution:
        lines.append(f"attributed to: {escape_text(row.attribution)}")
    return "<br>".join(lines) + "<br><br>" + wrap_text(row.text, wrap)


def _match_table(data, matches) -> pd.DataFrame:
    if matches is None:
        matches = getattr(data, "matches", None)
        if not isinstance(matches, pd.DataFrame):
            raise param_error("matches", _FUNC, "the DataFrame Comparison.matches when "
                              "show_matches=True and data is a DataFrame", matches, TypeError)
    elif not isinstance(matches, pd.DataFrame):
        raise param_error("matches", _FUNC, "a DataFrame (Comparison.matches) or None",
                          matches, TypeError)
    require_columns(matches, MATCH_COLUMNS, _FUNC, "Comparison.matches", name="matches")
    return matches


def _match_lines(frame: pd.DataFrame, matches: pd.DataFrame) -> list[go.Scatter]:
    """Line segments (separated by None) between matched claims, one trace per kind.

    Each unordered pair is drawn once; a pair counts as a contradiction when
    any of its rows has stance ``contradict``.
    """
    where = frame.drop_duplicates("claim_id").set_index("claim_id")[["x", "y"]]
    pairs: dict[tuple[str, str], bool] = {}
    for a, b, stance in zip(matches["claim_id"], matches["match_claim_id"], matches["stance"]):
        if a not in where.index or b not in where.index or a == b:
            continue
        key = (a, b) if str(a) <= str(b) else (b, a)
        pairs[key] = pairs.get(key, False) or stance == "contradict"
    traces = []
    for contradiction, name, color, width in [(False, "agreeing or related match", GREY, 1),
                                              (True, "contradiction", VERMILLION, 1.6)]:
        xs: list = []
        ys: list = []
        for (a, b), flag in sorted(pairs.items()):
            if flag is contradiction:
                xs += [where.at[a, "x"], where.at[b, "x"], None]
                ys += [where.at[a, "y"], where.at[b, "y"], None]
        traces.append(go.Scatter(x=xs, y=ys, mode="lines", name=name, hoverinfo="skip",
                                 legend="legend2",
                                 line=dict(color=color, width=width)))
    return traces
