"""divergence bars on the hand-built comparison."""

import pytest

from narrcomp.plots import divergence
from narrcomp.plots._style import STATUS_COLORS


def test_stacked_bars_per_status_in_source_order(comparison):
    fig = divergence(comparison)
    bars = [t for t in fig.data if t.type == "bar"]
    assert [b.name for b in bars] == ["agreed", "contradicted", "related", "unmatched"]
    assert fig.layout.barmode == "stack"
    assert [b.marker.color for b in bars] == [STATUS_COLORS[b.name] for b in bars]
    names = [label.rsplit("</span> ", 1)[-1] for label in bars[0].y]
    assert names == ["Outlet B", "OPCW", "Outlet A"]
    # Outlet B: nothing agreed, half contradicted.
    assert list(bars[0].x)[0] == 0 and list(bars[1].x)[0] == pytest.approx(0.5)
    for i in range(3):
        assert sum(list(b.x)[i] for b in bars) == pytest.approx(1.0)


def test_hover_and_divergence_labels(comparison):
    fig = divergence(comparison)
    contradicted = fig.data[1]
    assert list(contradicted.customdata[0][1:]) == [2, 4]
    assert "contradicted: %{customdata[1]} of %{customdata[2]}" in contradicted.hovertemplate
    scores = [t for t in fig.data if t.type == "scatter"][0]
    assert list(scores.text) == ["1.00", "0.33", "0.33"]
    assert fig.layout.xaxis.title.text == "Share of the source's claims"


def test_missing_column_is_named(comparison):
    with pytest.raises(ValueError, match="'divergence' of Comparison.divergence"):
        divergence(comparison.divergence().drop(columns="divergence"))
