"""Claims over time by source and status (``Comparison.timeline()``)."""

from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from narrcomp._validation import check_choice, check_str
from narrcomp.plots._frames import palette_for, resolve_frame, source_axis_order
from narrcomp.plots._style import (
    STATUS_COLORS, base_layout, empty_figure, escape_text, source_label,
)

__all__ = ["timeline"]

TIMELINE_COLUMNS = ("date", "source", "status", "n_claims")
STATUSES = ("agreed", "contradicted", "related", "unmatched")
_PERIODS = {"day": None, "week": "W", "month": "M", "year": "Y"}
_PERIOD_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_DAY_MS = 86_400_000
_FUNC = "timeline"


def timeline(data, *, period: str = "auto", order: Sequence[str] | None = None,
             colors: Mapping[str, str] | None = None,
             title: str | None = "Claims over time") -> go.Figure:
    """One row of stacked bars per source: how many claims it published per period, by status.

    Rows without a date are left out and counted in a note under the figure.

    Parameters
    ----------
    data : Comparison or pandas.DataFrame
        A comparison, or the table from ``Comparison.timeline()``.
    period : {"auto", "day", "week", "month", "year"}
        Bar width; counts are summed within each period (bars start on the
        period's first day). ``"auto"`` picks days for spans up to 60 days,
        weeks up to 18 months, months beyond.
    order : list of str, optional
        Row (source) order, top to bottom; default ``Comparison.source_order()``.
    colors : dict, optional
        Source colours for the key squares beside the row titles.
    title : str or None
        Figure title.

    Returns
    -------
    plotly.graph_objects.Figure
        One ``go.Bar`` per (source, status) present, on a shared date axis.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"date": ["2018-04-08", "2018-04-09"], "source": ["A", "A"],
    ...     "status": ["agreed", "contradicted"], "n_claims": [3, 1]})
    >>> sorted({trace.name for trace in timeline(table).data})
    ['agreed', 'contradicted']
    """
    period = check_choice(period, "period", _FUNC, ["auto", *_PERIODS])
    check_str(title, "title", _FUNC, allow_none=True)
    frame = resolve_frame(data, "timeline", TIMELINE_COLUMNS, _FUNC)
    if period == "auto":
        period = _auto_period(frame["date"])
    dated, n_undated = _by_period(frame, _PERIODS[period])
    if dated.empty:
        return empty_figure(title, "No dated claims to show.")
    palette = palette_for(data, frame, colors, _FUNC)
    sources = source_axis_order(data, dated["source"], order, _FUNC)
    fig = make_subplots(rows=len(sources), cols=1, shared_xaxes=True, vertical_spacing=0.04,
                        row_titles=[source_label(s, palette) for s in sources])
    for row, source in enumerate(sources, start=1):
        part = dated[dated["source"] == source]
        for status in _status_order(part["status"]):
            bars = part[part["status"] == status]
            fig.add_trace(go.Bar(
                x=bars["date"].tolist(), y=bars["n_claims"].tolist(), name=escape_text(status),
                width=0.8 * _PERIOD_DAYS[period] * _DAY_MS, offset=0 if _PERIODS[period] else None,
                legendgroup=status, showlegend=status not in {t.name for t in fig.data},
                legendrank=_status_rank(status),
                marker_color=STATUS_COLORS.get(status, "#999999"),
                hovertemplate=(f"<b>{escape_text(source)}</b><br>%{{x|%Y-%m-%d}}<br>"
                               f"{escape_text(status)}: %{{y}} claims<extra></extra>")),
                row=row, col=1)
        top = int(part.groupby("date")["n_claims"].sum().max())
        fig.update_yaxes(title_text="claims" if row == (len(sources) + 1) // 2 else None,
                         rangemode="tozero", tick0=0, dtick=max(1, -(-top // 4)),
                         row=row, col=1)
    base_layout(fig, title, height=max(300, 120 + 110 * len(sources)))
    fig.update_layout(barmode="stack", bargap=0.1,
                      legend=dict(title=dict(text="Status"), orientation="h", x=0, y=1.0,
                                  xanchor="left", yanchor="bottom"))
    fig.update_annotations(textangle=0, xanchor="left", x=1.01, selector=dict(textangle=90))
    fig.update_layout(margin=dict(r=140))
    fig.update_xaxes(title_text="Date", row=len(sources), col=1)
    if n_undated:
        fig.add_annotation(text=f"{n_undated} claim(s) without a date are not shown.",
                           xref="paper", yref="paper", x=0, y=-0.12, showarrow=False,
                           xanchor="left", yanchor="top", font=dict(size=11, color="#666666"))
    return fig


def _by_period(frame: pd.DataFrame, freq: str | None) -> tuple[pd.DataFrame, int]:
    """Parse dates, sum counts within each period, count the undated claims."""
    dates = pd.to_datetime(frame["date"], errors="coerce", format="ISO8601")
    n_undated = int(frame.loc[dates.isna(), "n_claims"].sum())
    dated = frame.loc[dates.notna(), ["source", "status", "n_claims"]].assign(
        date=dates[dates.notna()], source=lambda t: t["source"].astype(str))
    if freq is not None and not dated.empty:
        dated["date"] = dated["date"].dt.to_period(freq).dt.start_time
    dated = (dated.groupby(["source", "status", "date"], as_index=False)["n_claims"].sum()
             .sort_values(["source", "date", "status"], kind="stable"))
    return dated, n_undated


def _auto_period(dates: pd.Series) -> str:
    parsed = pd.to_datetime(dates, errors="coerce", format="ISO8601").dropna()
    span = (parsed.max() - parsed.min()).days if len(parsed) else 0
    return "day" if span <= 60 else "week" if span <= 548 else "month"


def _status_rank(status: str) -> int:
    return STATUSES.index(status) if status in STATUSES else len(STATUSES)


def _status_order(statuses: pd.Series) -> list[str]:
    present = set(statuses)
    return [s for s in STATUSES if s in present] + sorted(present.difference(STATUSES))
