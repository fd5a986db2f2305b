"""timeline on the hand-built comparison."""

import pandas as pd
import pytest

from narrcomp.plots import timeline
from narrcomp.plots._style import STATUS_COLORS


def test_one_row_per_source_stacked_by_status(comparison):
    fig = timeline(comparison, period="day")
    bars = [t for t in fig.data if t.type == "bar"]
    assert {b.name for b in bars} == {"agreed", "contradicted", "related", "unmatched"}
    assert all(b.marker.color == STATUS_COLORS[b.name] for b in bars)
    assert fig.layout.barmode == "stack"
    rows = [a.text.rsplit("</span> ", 1)[-1] for a in fig.layout.annotations
            if "</span>" in a.text]
    assert rows == ["Outlet B", "OPCW", "Outlet A"]
    total = sum(sum(b.y) for b in bars)
    assert total == comparison.claims["date"].notna().sum()
    assert sorted(b.name for b in bars if b.showlegend) == sorted({b.name for b in bars})
    assert any("1 claim(s) without a date" in a.text for a in fig.layout.annotations)


def test_counts_are_summed_per_month(comparison):
    fig = timeline(comparison, period="month")
    bars = [t for t in fig.data if t.type == "bar"]
    dates = {pd.Timestamp(x) for b in bars for x in b.x}
    assert dates == {pd.Timestamp("2018-04-01"), pd.Timestamp("2019-03-01")}
    outlet_b = [b for b in bars if b.yaxis == "y"]  # first row
    assert sum(sum(b.y) for b in outlet_b) == 4


def test_auto_period_picks_weeks_for_a_year(comparison):
    auto = timeline(comparison)
    week = timeline(comparison, period="week")
    assert [list(b.x) for b in auto.data] == [list(b.x) for b in week.data]


def test_bad_period_and_undated_table(comparison):
    with pytest.raises(ValueError, match="The 'period' parameter of timeline must be one of"):
        timeline(comparison, period="hour")
    undated = comparison.timeline().assign(date=None)
    fig = timeline(undated)
    assert len(fig.data) == 0 and "No dated claims" in fig.layout.annotations[0].text
