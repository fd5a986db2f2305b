"""claim_map on the hand-built comparison."""

import pytest

from narrcomp.plots import claim_map, source_colors
from narrcomp.plots._style import STATUS_SYMBOLS, VERMILLION

from .helpers import assert_no_raw_markup


def _points(fig):
    return [t for t in fig.data if t.hovertext is not None]


def test_one_point_trace_per_source_with_stable_colours(comparison):
    fig = claim_map(comparison)
    points = _points(fig)
    assert [t.name for t in points] == ["OPCW", "Outlet A", "Outlet B"]
    assert sum(len(t.x) for t in points) == len(comparison.claims)
    colors = source_colors(comparison.claims.source)
    assert [t.marker.color for t in points] == [colors[t.name] for t in points]
    assert comparison.calls == [("projection", "auto", 0)]
    assert fig.layout.xaxis.title.text == "Projection 1"


def test_marker_symbol_follows_status(comparison):
    outlet_b = _points(claim_map(comparison))[2]
    statuses = comparison.claims.set_index("claim_id").loc[list(outlet_b.customdata), "status"]
    assert list(outlet_b.marker.symbol) == [STATUS_SYMBOLS[s] for s in statuses]
    assert "x" in outlet_b.marker.symbol and "circle-open" in outlet_b.marker.symbol


def test_hover_shows_escaped_text_source_date_attribution(comparison):
    fig = claim_map(comparison, wrap=30)
    outlet_b = _points(fig)[2]
    hover = dict(zip(outlet_b.customdata, outlet_b.hovertext))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hover["c-b3"]
    assert "<b>Outlet B</b> \u00b7 2018-04-20" in hover["c-b3"]
    assert "attributed to: witnesses" in hover["c-b3"]
    assert "attributed to: the Russian Defence Ministry" in hover["c-b1"]
    assert hover["c-b2"].count("<br>") >= 4  # wrapped at 30 characters
    assert_no_raw_markup(fig)


def test_match_lines_join_pairs_once_and_contradictions_are_red(comparison):
    fig = claim_map(comparison, show_matches=True)
    related, contradiction = fig.data[0], fig.data[1]
    assert contradiction.name == "contradiction" and contradiction.line.color == VERMILLION
    # Pairs: a1-o1 (given twice), a2-o2, a3-o4, b4-o2, o3-b1 -> 5; 4 contradictions.
    assert list(related.x).count(None) == 5
    assert list(contradiction.x).count(None) == 4
    xy = comparison.projection().set_index("claim_id")
    assert (xy.at["c-b3", "x"], xy.at["c-o4", "x"]) in {
        (a, b) for a, b in zip(contradiction.x[::3], contradiction.x[1::3])} | {
        (b, a) for a, b in zip(contradiction.x[::3], contradiction.x[1::3])}


def test_dataframe_input_needs_matches_for_lines(comparison):
    table = comparison.projection()
    assert len(_points(claim_map(table))) == 3
    with pytest.raises(TypeError, match="The 'matches' parameter of claim_map"):
        claim_map(table, show_matches=True)
    fig = claim_map(table, show_matches=True, matches=comparison.matches)
    assert list(fig.data[1].x).count(None) == 4


def test_missing_projection_columns_are_named(comparison):
    with pytest.raises(ValueError, match="'attribution' of Comparison.projection"):
        claim_map(comparison.projection().drop(columns="attribution"))
