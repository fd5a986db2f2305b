"""Reference findings x sources: repeated / contradicted / omitted (``Comparison.coverage()``)."""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from narrcomp._validation import check_int, check_str
from narrcomp.plots._frames import palette_for, resolve_frame, source_axis_order
from narrcomp.plots._style import (
    COVERAGE_COLORS, MISSING, base_layout, categorical_heatmap, empty_figure, escape_text,
    source_label, wrap_text,
)

__all__ = ["coverage"]

COVERAGE_COLUMNS = ("reference_claim_id", "reference_source", "reference_text", "source",
                    "status", "claim_id", "score")
CATEGORIES = ["omitted", "contradicted", "repeated"]
_FUNC = "coverage"


def coverage(data, *, order: Sequence[str] | None = None,
             colors: Mapping[str, str] | None = None, label_width: int = 60,
             title: str | None = "Coverage of the reference findings") -> go.Figure:
    """Categorical heatmap: each reference finding (row) in each source (column).

    Parameters
    ----------
    data : Comparison or pandas.DataFrame
        A comparison, or the table from ``Comparison.coverage()``. With a
        comparison the hover also shows the source's counterpart claim text.
    order : list of str, optional
        Column (source) order; default ``Comparison.source_order()``.
    colors : dict, optional
        Source colours for the key squares beside the column names.
    label_width : int
        Characters per line of the row labels (two lines at most; the hover
        shows the full text).
    title : str or None
        Figure title.

    Returns
    -------
    plotly.graph_objects.Figure
        A single ``go.Heatmap`` with codes 0 = omitted, 1 = contradicted, 2 = repeated.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"reference_claim_id": ["c-1", "c-1"],
    ...     "reference_source": ["OPCW", "OPCW"], "reference_text": ["Chlorine was used."] * 2,
    ...     "source": ["A", "B"], "status": ["repeated", "contradicted"],
    ...     "claim_id": ["c-2", "c-3"], "score": [0.9, 0.7]})
    >>> coverage(table).data[0].z.tolist()
    [[2.0, 1.0]]
    """
    check_str(title, "title", _FUNC, allow_none=True)
    label_width = check_int(label_width, "label_width", _FUNC, min=10)
    frame = resolve_frame(data, "coverage", COVERAGE_COLUMNS, _FUNC)
    if frame.empty:
        return empty_figure(title, "No reference findings to show.")
    unknown = sorted(set(frame["status"].dropna()).difference(CATEGORIES))
    if unknown:
        raise ValueError(f"coverage: the 'status' column holds {unknown}; expected only "
                         f"{CATEGORIES}.")
    palette = palette_for(data, frame, colors, _FUNC, ("source", "reference_source"))
    sources = source_axis_order(data, frame["source"], order, _FUNC)
    findings = frame.drop_duplicates("reference_claim_id")[
        ["reference_claim_id", "reference_source", "reference_text"]]
    texts = _claim_texts(data)
    cells = frame.drop_duplicates(["reference_claim_id", "source"]).set_index(
        ["reference_claim_id", "source"])
    codes = np.full((len(findings), len(sources)), np.nan)
    hover = [[""] * len(sources) for _ in range(len(findings))]
    for i, finding in enumerate(findings.itertuples(index=False)):
        for j, source in enumerate(sources):
            key = (finding.reference_claim_id, source)
            if key not in cells.index:
                hover[i][j] = _cell_hover(finding, source, None, texts)
                continue
            cell = cells.loc[key]
            codes[i, j] = CATEGORIES.index(cell["status"])
            hover[i][j] = _cell_hover(finding, source, cell, texts)
    y = list(range(len(findings)))
    trace = categorical_heatmap(codes, CATEGORIES, COVERAGE_COLORS,
                                x=[source_label(s, palette) for s in sources], y=y,
                                hovertext=hover, legend_title="in the source")
    fig = go.Figure(trace)
    base_layout(fig, title, height=max(320, 150 + 46 * len(findings)),
                width=max(700, 560 + 110 * len(sources)))
    fig.update_yaxes(tickvals=y, autorange="reversed", title_text="Reference finding",
                     ticktext=[wrap_text(t, label_width, max_lines=2)
                               for t in findings["reference_text"]])
    fig.update_xaxes(side="top", title_text="Source")
    return fig


def _claim_texts(data) -> dict[str, str]:
    claims = getattr(data, "claims", None)
    if isinstance(claims, pd.DataFrame) and {"claim_id", "text"} <= set(claims.columns):
        return dict(zip(claims["claim_id"], claims["text"]))
    return {}


def _cell_hover(finding, source: str, cell, texts: dict[str, str]) -> str:
    head = (f"<b>{escape_text(finding.reference_source)}</b>: "
            f"{wrap_text(finding.reference_text, 70)}<br><br><b>{escape_text(source)}</b>: ")
    if cell is None:
        return head + "not compared"
    text = f"{head}{cell['status']}"
    score = cell["score"]
    if score is not None and score == score:
        text += f" (score {float(score):.2f})"
    counterpart = cell["claim_id"]
    if counterpart is not None and counterpart == counterpart and counterpart in texts:
        text += "<br>" + wrap_text(texts[counterpart], 70)
    elif counterpart is None or counterpart != counterpart:
        text += f"<br>{MISSING}"
    return text
