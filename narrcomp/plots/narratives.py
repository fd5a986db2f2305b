"""Narratives x sources: asserts / contradicts / silent (``Comparison.narratives()``)."""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from narrcomp._validation import check_int, check_str
from narrcomp.plots._frames import palette_for, resolve_frame, source_axis_order
from narrcomp.plots._style import (
    POSITION_COLORS, base_layout, categorical_heatmap, empty_figure, escape_text, source_label,
    wrap_text,
)

__all__ = ["narrative_matrix"]

NARRATIVE_COLUMNS = ("narrative_id", "label", "representative_claim_id", "n_claims",
                     "n_sources", "source", "position", "n_source_claims")
CATEGORIES = ["silent", "contradicts", "asserts"]
_FUNC = "narrative_matrix"


def narrative_matrix(data, *, order: Sequence[str] | None = None,
                     colors: Mapping[str, str] | None = None,
                     max_narratives: int | None = None, label_width: int = 50,
                     title: str | None = "Narratives by source") -> go.Figure:
    """Categorical heatmap of which source asserts, contradicts or is silent on each narrative.

    Rows are narratives, labelled by their wrapped representative claim and
    sorted by the number of sources that carry them (then by size); cells show
    how many of the source's claims belong to the narrative.

    Parameters
    ----------
    data : Comparison or pandas.DataFrame
        A comparison, or the table from ``Comparison.narratives()``.
    order : list of str, optional
        Column (source) order; default ``Comparison.source_order()``.
    colors : dict, optional
        Source colours for the key squares beside the column names.
    max_narratives : int or None
        Show only the first ``max_narratives`` rows of that sort.
    label_width : int
        Characters per line of the row labels (two lines at most).
    title : str or None
        Figure title.

    Returns
    -------
    plotly.graph_objects.Figure
        A single ``go.Heatmap`` with codes 0 = silent, 1 = contradicts, 2 = asserts.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"narrative_id": [0, 0], "label": ["No attack took place."] * 2,
    ...     "representative_claim_id": ["c-1"] * 2, "n_claims": [3, 3], "n_sources": [2, 2],
    ...     "source": ["A", "B"], "position": ["asserts", "contradicts"],
    ...     "n_source_claims": [2, 1], "claim_ids": [["c-1", "c-2"], ["c-3"]]})
    >>> narrative_matrix(table).data[0].z.tolist()
    [[2.0, 1.0]]
    """
    check_str(title, "title", _FUNC, allow_none=True)
    max_narratives = check_int(max_narratives, "max_narratives", _FUNC, min=1, allow_none=True)
    label_width = check_int(label_width, "label_width", _FUNC, min=10)
    frame = resolve_frame(data, "narratives", NARRATIVE_COLUMNS, _FUNC)
    if frame.empty:
        return empty_figure(title, "No narratives to show.")
    unknown = sorted(set(frame["position"].dropna()).difference(CATEGORIES))
    if unknown:
        raise ValueError(f"narrative_matrix: the 'position' column holds {unknown}; "
                         f"expected only {CATEGORIES}.")
    palette = palette_for(data, frame, colors, _FUNC)
    sources = source_axis_order(data, frame["source"], order, _FUNC)
    narratives = (frame.drop_duplicates("narrative_id")
                  .sort_values(["n_sources", "n_claims", "narrative_id"],
                               ascending=[False, False, True], kind="stable"))
    if max_narratives is not None:
        narratives = narratives.head(max_narratives)
    cells = frame.drop_duplicates(["narrative_id", "source"]).set_index(
        ["narrative_id", "source"])
    codes = np.full((len(narratives), len(sources)), np.nan)
    counts = [[""] * len(sources) for _ in range(len(narratives))]
    hover = [[""] * len(sources) for _ in range(len(narratives))]
    for i, row in enumerate(narratives.itertuples(index=False)):
        head = (f"<b>Narrative {escape_text(row.narrative_id)}</b> "
                f"({int(row.n_claims)} claims, {int(row.n_sources)} sources)<br>"
                f"{wrap_text(row.label, 70)}<br><br>")
        for j, source in enumerate(sources):
            key = (row.narrative_id, source)
            if key not in cells.index:
                hover[i][j] = f"{head}<b>{escape_text(source)}</b>: not compared"
                continue
            cell = cells.loc[key]
            codes[i, j] = CATEGORIES.index(cell["position"])
            n = int(cell["n_source_claims"])
            counts[i][j] = str(n) if n else ""
            hover[i][j] = (f"{head}<b>{escape_text(source)}</b> {cell['position']}"
                           f" ({n} claim{'s' if n != 1 else ''})")
    y = list(range(len(narratives)))
    trace = categorical_heatmap(codes, CATEGORIES, POSITION_COLORS,
                                x=[source_label(s, palette) for s in sources], y=y,
                                hovertext=hover, text=counts, legend_title="position")
    fig = go.Figure(trace)
    base_layout(fig, title, height=max(320, 150 + 46 * len(narratives)),
                width=max(700, 520 + 110 * len(sources)))
    fig.update_yaxes(tickvals=y, autorange="reversed", title_text="Narrative",
                     ticktext=[wrap_text(t, label_width, max_lines=2)
                               for t in narratives["label"]])
    fig.update_xaxes(side="top", title_text="Source")
    return fig
