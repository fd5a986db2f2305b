"""narrative_matrix on the hand-built comparison."""

import numpy as np
import pytest

from narrcomp.plots import narrative_matrix

from .helpers import assert_no_raw_markup


def test_rows_sorted_by_reach_and_cells_by_position(comparison):
    fig = narrative_matrix(comparison)
    (heat,) = fig.data
    labels = fig.layout.yaxis.ticktext
    assert labels[0].startswith("Chlorine was likely")  # 3 sources, narrative 0
    assert "&lt;script&gt;" in labels[1]
    assert "&lt;b&gt;activists&lt;/b&gt;" in labels[2]  # 1 source: last
    names = [x.rsplit("</span> ", 1)[-1] for x in heat.x]
    assert names == ["Outlet B", "OPCW", "Outlet A"]
    z = np.asarray(heat.z, dtype=float)  # 0 silent, 1 contradicts, 2 asserts
    assert z.tolist() == [[1, 2, 2], [2, 1, 1], [2, 0, 0]]
    assert [list(r) for r in heat.text] == [["1", "1", "1"], ["1", "1", "1"], ["1", "", ""]]
    assert "Outlet B</b> contradicts (1 claim)" in heat.hovertext[0][0]
    assert_no_raw_markup(fig)


def test_max_narratives_keeps_the_top_rows(comparison):
    fig = narrative_matrix(comparison.narratives(), max_narratives=2)
    assert np.asarray(fig.data[0].z).shape == (2, 3)
    with pytest.raises(ValueError, match="The 'max_narratives' parameter of narrative_matrix"):
        narrative_matrix(comparison, max_narratives=0)


def test_missing_column_is_named(comparison):
    with pytest.raises(ValueError, match="'position' of Comparison.narratives"):
        narrative_matrix(comparison.narratives().drop(columns="position"))
