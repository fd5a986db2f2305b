"""Small assertions shared by the plot tests."""

from __future__ import annotations

import json

import plotly.graph_objects as go


def figure_json(fig: go.Figure) -> str:
    """Everything plotly would hand to the browser, as one string."""
    return json.dumps(fig.to_plotly_json(), default=str)


def assert_no_raw_markup(fig: go.Figure) -> None:
    """The fixture's hostile claims reach the figure only in escaped form."""
    text = figure_json(fig)
    assert "<script>" not in text
    assert "<b>activists" not in text
