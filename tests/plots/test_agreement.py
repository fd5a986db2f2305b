"""agreement_matrix on the hand-built comparison."""

import numpy as np
import pytest

from narrcomp.plots import agreement_matrix, source_colors

from .helpers import figure_json


def _names(labels):
    return [label.rsplit("</span> ", 1)[-1] for label in labels]


def test_net_heatmap_follows_source_order_and_diverging_values(comparison):
    fig = agreement_matrix(comparison)
    (heat,) = fig.data
    assert heat.type == "heatmap"
    assert _names(heat.x) == _names(heat.y) == ["Outlet B", "OPCW", "Outlet A"]
    z = np.asarray(heat.z, dtype=float)
    # Outlet A's claims are all agreed in OPCW, all contradicted in Outlet B.
    assert z[2, 1] == pytest.approx(1.0)
    assert z[2, 0] == pytest.approx(-1.0)
    assert z[0, 1] == pytest.approx(-2 / 3)
    assert np.isnan(z[1, 1])  # no self pairs
    assert (heat.zmin, heat.zmax) == (-1, 1)
    assert fig.layout.xaxis.title.text == "Matched in"
    assert fig.layout.yaxis.title.text == "Claims of"
    assert comparison.calls == [("agreement", True)]


def test_hover_carries_counts(comparison):
    heat = agreement_matrix(comparison).data[0]
    hover = heat.hovertext[0][1]  # Outlet B matched in OPCW
    assert "3 matched claims" in hover
    assert "contradicted: 2 (67%)" in hover
    assert "related: 1" in hover


def test_split_mode_has_two_panels(comparison):
    fig = agreement_matrix(comparison, mode="split", attributed=False)
    assert [t.type for t in fig.data] == ["heatmap", "heatmap"]
    agreed, contradicted = (np.asarray(t.z, dtype=float) for t in fig.data)
    assert agreed[2, 1] == pytest.approx(1.0) and contradicted[2, 1] == 0
    assert comparison.calls == [("agreement", False)]


def test_dataframe_input_uses_sorted_sources_or_given_order(comparison):
    table = comparison.agreement()
    assert _names(agreement_matrix(table).data[0].x) == ["OPCW", "Outlet A", "Outlet B"]
    fig = agreement_matrix(table, order=["Outlet A", "Outlet B", "OPCW"])
    assert _names(fig.data[0].y) == ["Outlet A", "Outlet B", "OPCW"]


def test_source_colour_keys_match_the_palette(comparison):
    colors = source_colors(comparison.claims.source)
    labels = agreement_matrix(comparison).data[0].x
    assert f'color:{colors["OPCW"]}' in labels[1]


def test_missing_columns_are_named(comparison):
    table = comparison.agreement().drop(columns=["n_related", "share_agreed"])
    with pytest.raises(ValueError, match="'n_related', 'share_agreed' of Comparison.agreement"):
        agreement_matrix(table)


def test_parameter_errors_use_the_standard_wording(comparison):
    with pytest.raises(ValueError, match="The 'mode' parameter of agreement_matrix must be one of"):
        agreement_matrix(comparison, mode="both")
    with pytest.raises(TypeError, match="The 'data' parameter of agreement_matrix must be a "
                                        "Comparison or the DataFrame"):
        agreement_matrix([1, 2])


def test_source_names_are_escaped(comparison):
    table = comparison.agreement().replace({"Outlet B": "<i>B</i>"})
    text = figure_json(agreement_matrix(table))
    assert "&lt;i&gt;B&lt;/i&gt;" in text and "<i>B" not in text


def test_empty_table_gives_an_explanatory_figure(comparison):
    fig = agreement_matrix(comparison.agreement().iloc[:0])
    assert len(fig.data) == 0
    assert "No matched claims" in fig.layout.annotations[0].text
