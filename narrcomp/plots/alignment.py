"""One document read top to bottom beside its best counterparts (``Comparison.alignment()``)."""

from __future__ import annotations

from typing import Mapping

import plotly.graph_objects as go

from narrcomp._validation import param_error, check_int, check_str
from narrcomp.plots._frames import palette_for, resolve_frame
from narrcomp.plots._style import (
    MISSING, STANCE_TINTS, STATUS_TINTS, base_layout, empty_figure, escape_text, source_label,
    wrap_text,
)

__all__ = ["alignment"]

ALIGNMENT_COLUMNS = ("claim_id", "sentence", "text", "status", "match_claim_id",
                     "match_source", "match_text", "score", "stance")
HEADERS = ["#", "Claim", "Status", "Counterpart", "Score", "Stance"]
_FUNC = "alignment"
_LINE_PX = 18


def alignment(data, source_or_doc_id: str | None = None, *, against: str | None = None,
              colors: Mapping[str, str] | None = None, wrap: int = 55,
              title: str | None = None) -> go.Figure:
    """A table figure: each claim of one document beside its best counterpart.

    Rows follow the document's reading order. The claim cell is tinted by the
    claim's status, the stance cell by the stance (blue agree, vermillion
    contradict, light blue neutral); the counterpart cell starts with its
    source in the source's colour.

    Parameters
    ----------
    data : Comparison or pandas.DataFrame
        A comparison, or the table from ``Comparison.alignment()``.
    source_or_doc_id : str
        The document (or source) to read; required with a comparison.
    against : str, optional
        Source to align against; default the reference (passed to
        ``Comparison.alignment``).
    colors : dict, optional
        Source colours (default :func:`~narrcomp.plots.source_colors` of all sources).
    wrap : int
        Characters per line in the two text columns.
    title : str, optional
        Figure title; default names the document and the counterpart source(s).

    Returns
    -------
    plotly.graph_objects.Figure
        A single ``go.Table``.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"claim_id": ["c-1"], "sentence": [0],
    ...     "text": ["Chlorine was used."], "status": ["agreed"], "match_claim_id": ["c-9"],
    ...     "match_source": ["OPCW"], "match_text": ["Chlorine was likely used."],
    ...     "score": [0.91], "stance": ["agree"]})
    >>> alignment(table).data[0].type
    'table'
    """
    check_str(source_or_doc_id, "source_or_doc_id", _FUNC, allow_none=True)
    check_str(against, "against", _FUNC, allow_none=True)
    check_str(title, "title", _FUNC, allow_none=True)
    wrap = check_int(wrap, "wrap", _FUNC, min=10)
    if source_or_doc_id is None and not hasattr(data, "columns"):
        raise param_error("source_or_doc_id", _FUNC, "a source name or doc_id when 'data' is a Comparison",
                          source_or_doc_id, TypeError)
    kwargs = {} if source_or_doc_id is None else {"source_or_doc_id": source_or_doc_id,
                                                  "against": against}
    frame = resolve_frame(data, "alignment", ALIGNMENT_COLUMNS, _FUNC, **kwargs)
    if title is None:
        title = _default_title(frame, source_or_doc_id, against)
    if frame.empty:
        return empty_figure(title, "The document has no claims.")
    palette = palette_for(data, frame, colors, _FUNC, ("match_source",))
    rows = frame.sort_values("sentence", kind="stable")
    claim = [wrap_text(t, wrap) for t in rows["text"]]
    counterpart = [_counterpart(s, t, palette, wrap)
                   for s, t in zip(rows["match_source"], rows["match_text"])]
    stance = [s if isinstance(s, str) and s else MISSING for s in rows["stance"]]
    status = [str(s) for s in rows["status"]]
    score = [f"{s:.2f}" if s is not None and s == s else MISSING for s in rows["score"]]
    columns = [[str(int(s)) for s in rows["sentence"]], claim, status, counterpart, score, stance]
    status_fill = [STATUS_TINTS.get(s, "white") for s in status]
    stance_fill = [STANCE_TINTS.get(s, "white") for s in stance]
    fill = ["white", status_fill, status_fill, "white", "white", stance_fill]
    status, stance = [escape_text(s) for s in status], [escape_text(s) for s in stance]
    fig = go.Figure(go.Table(
        columnwidth=[28, 330, 80, 330, 50, 70],
        header=dict(values=[f"<b>{h}</b>" for h in HEADERS], fill_color="#333333",
                    font=dict(color="white", size=13), align="left", height=30),
        cells=dict(values=columns, fill_color=fill, align=["right"] + ["left"] * 5,
                   font=dict(size=12, color="#222222"), line_color="white", height=24),
    ))
    lines = sum(max(c.count("<br>"), p.count("<br>")) + 1 for c, p in zip(claim, counterpart))
    base_layout(fig, title, height=min(4000, 140 + 30 + lines * _LINE_PX + 10 * len(rows)),
                width=1100)
    return fig


def _counterpart(source, text, palette: Mapping[str, str], wrap: int) -> str:
    if not isinstance(source, str) or not source:
        return "no counterpart"
    return f"<b>{source_label(source, palette)}</b><br>{wrap_text(text, wrap)}"


def _default_title(frame, source_or_doc_id, against) -> str:
    read = source_or_doc_id or "the document"
    if against:
        other = against
    else:
        found = sorted(frame["match_source"].dropna().astype(str).unique()) if len(frame) else []
        other = ", ".join(found) if found else "the reference"
    return f"{read} read against {other}"
