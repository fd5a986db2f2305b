"""coverage heatmap on the hand-built comparison."""

import numpy as np
import pytest

from narrcomp.plots import coverage
from narrcomp.plots._style import COVERAGE_COLORS

from .helpers import assert_no_raw_markup


def test_findings_by_sources_as_categories(comparison):
    fig = coverage(comparison)
    (heat,) = fig.data
    assert heat.type == "heatmap"
    names = [label.rsplit("</span> ", 1)[-1] for label in heat.x]
    assert names == ["Outlet B", "Outlet A"]  # source_order() minus the reference
    z = np.asarray(heat.z, dtype=float)
    # codes: 0 omitted, 1 contradicted, 2 repeated; rows c-o1 .. c-o4
    assert z.tolist() == [[1, 2], [2, 2], [0, 0], [1, 2]]
    assert list(heat.colorbar.ticktext) == ["omitted", "contradicted", "repeated"]
    assert [c for _, c in heat.colorscale[::2]] == [
        COVERAGE_COLORS[s] for s in ("omitted", "contradicted", "repeated")]
    assert fig.layout.yaxis.ticktext[0].startswith("Chlorine was likely used")
    assert fig.layout.yaxis.title.text == "Reference finding"


def test_hover_shows_reference_status_score_and_counterpart(comparison):
    heat = coverage(comparison).data[0]
    hover = heat.hovertext[3][0]  # finding c-o4 in Outlet B
    assert "<b>OPCW</b>: Witnesses described" in hover
    assert "contradicted (score 0.72)" in hover
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hover
    assert heat.hovertext[2][0].endswith("\u2014")  # omitted: no counterpart


def test_dataframe_input_without_claim_texts(comparison):
    fig = coverage(comparison.coverage(), order=["Outlet A", "Outlet B"])
    heat = fig.data[0]
    assert [x.rsplit("</span> ", 1)[-1] for x in heat.x] == ["Outlet A", "Outlet B"]
    assert "score 0.72" in heat.hovertext[3][1]
    assert "alert(1)" not in heat.hovertext[3][1]
    assert_no_raw_markup(fig)


def test_unknown_status_is_rejected(comparison):
    table = comparison.coverage().replace({"omitted": "missing"})
    with pytest.raises(ValueError, match="'missing'"):
        coverage(table)
